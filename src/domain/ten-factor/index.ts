export * from './factors';
export * from './parse';
export * from './results';

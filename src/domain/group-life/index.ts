export * from './notes';
export * from './polls';

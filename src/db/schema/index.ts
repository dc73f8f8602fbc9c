export * from './tenancy';
export * from './users';
export * from './auth';
export * from './audit';
export * from './outbox';
export * from './programme';
export * from './quotes';

export * from './format';
export * from './message';

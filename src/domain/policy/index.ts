export * from './policy';
export * from './plan';
export * from './engine';
export * from './validate-policy';
export { actionKey, fnv1a64Hex, type ActionKeyParts } from './action-key';

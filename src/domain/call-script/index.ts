export { buildCallScript } from './script';
export * from './types';
export { EN as CALL_SCRIPT_EN, NL as CALL_SCRIPT_NL, type MessageKey as CallScriptMessageKey } from './messages';

// The domain's public surface. Each module owns its exports; add yours here.
export * from './money';
export * from './dates';
export * from './result';
export * from './ledger';
export * from './calendar';
export * from './promises';
export * from './pauses';
export * from './measures/aging';
export * from './measures/dso';
export * from './measures/behaviour';
export * from './measures/weights';
export * from './legal/collection-costs';
export * from './legal/interest';
export * from './legal/fourteen-day-letter';
export * from './prioritisation/score';
export * from './policy/index';
export * from './call-script/index';

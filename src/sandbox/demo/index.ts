export { generateDemoData, type DemoOptions } from './generate';
export { generateDemoInvoicesCsv, type DemoCsvOptions } from './invoices-csv';
export { loadDemoPortal, type LoadedDemoPortal } from './load';
export type * from './types';

/**
 * Child process: the HubSpot sandbox with one portal holding the bench company, its 500 invoices and their
 * associations. Rate limits are off, so the variant measures reading cost, not HubSpot's 110/10 s budget
 * (with it, 50 concurrent card loads of 6 calls each could not be served at all). Prints {url, token, companyId}.
 */
import { startSandbox } from '../../src/sandbox/server';
import { SandboxState } from '../../src/sandbox/state';
import { benchInvoices, PORTAL_ID } from './fixture';

const state = new SandboxState();
const portal = state.createPortal({ hubId: Number(PORTAL_ID), settings: { rateLimitTier: 'off' } });
const company = portal.createObject('companies', { name: 'Bench BV', domain: 'bench.example' });
const today = new Date().toISOString().slice(0, 10);
for (const inv of benchInvoices(company.id, today)) {
  const record = portal.createObject('invoices', {
    hs_number: inv.number, hs_currency: inv.amount.currency, hs_invoice_status: 'open',
    hs_invoice_date: `${inv.issueDate}T00:00:00.000Z`, hs_due_date: `${inv.dueDate}T00:00:00.000Z`,
    hs_amount_billed: String(inv.amount.minor / 100), hs_balance_due: String(inv.open.minor / 100),
  });
  portal.associate('companies', company.id, 'invoices', record.id);
}
const sandbox = await startSandbox({ state, validateWithOpenApi: false });
const token = state.issueAccessToken(Number(PORTAL_ID), { expiresInSeconds: 3600 });
process.stdout.write(`${JSON.stringify({ url: sandbox.url, token, companyId: company.id })}\n`);
process.on('SIGTERM', () => { void sandbox.close().then(() => process.exit(0)); });

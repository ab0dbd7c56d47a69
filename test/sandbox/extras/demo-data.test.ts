import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { generateDemoData, generateDemoInvoicesCsv, loadDemoPortal } from '../../../src/sandbox/demo';
import { SandboxState } from '../../../src/sandbox/state';

const HEADER = 'Factuurnummer;Debiteurnummer;Debiteur;Domein;BTW-nummer;KvK-nummer;Factuurdatum;Vervaldatum;Valuta;Bedrag;Openstaand;Status;Incasso';

describe('demo portal generator', () => {
  it('when the same seed is used twice, then the data is identical; a different seed gives different data', () => {
    expect(generateDemoData(42)).toEqual(generateDemoData(42));
    expect(generateDemoData(43).companies.map((c) => c.name)).not.toEqual(generateDemoData(42).companies.map((c) => c.name));
  });

  it('when generated with defaults, then it has ~40 Dutch, international and consumer debtors with valid identifiers', () => {
    const data = generateDemoData(7);
    expect(data.companies).toHaveLength(40);
    const dutch = data.companies.filter((c) => c.countryCode === 'NL' && !c.isConsumer);
    expect(dutch.length).toBeGreaterThan(20);
    for (const c of dutch) {
      expect(c.vatNumber).toMatch(/^NL\d{9}B\d{2}$/);
      expect(c.cocNumber).toMatch(/^\d{8}$/);
    }
    expect(data.companies.filter((c) => c.countryCode !== 'NL').length).toBeGreaterThanOrEqual(5);
    expect(data.companies.some((c) => c.isConsumer && c.vatNumber === '' && c.domain === '')).toBe(true);
    expect(new Set(data.companies.map((c) => c.name)).size).toBe(40);
    const domains = data.companies.map((c) => c.domain).filter(Boolean);
    expect(new Set(domains).size).toBe(domains.length);
    expect(new Set(data.contacts.map((p) => p.email)).size).toBe(data.contacts.length);
    expect(new Set(data.contacts.map((p) => p.role))).toEqual(new Set(['accounts_payable', 'purchaser', 'decision_maker', 'consumer']));
    expect(data.owners.length).toBeGreaterThanOrEqual(3);
    expect(data.owners.length).toBeLessThanOrEqual(5);
    expect(data.owners.some((o) => o.creditControl)).toBe(true);
    expect(data.meetings.every((m) => m.startsInDays > 0)).toBe(true);
  });

  it('when asked for a bad company count, then it says so', () => {
    expect(() => generateDemoData(1, { companies: 2 })).toThrow(/companies must be/);
  });

  it('when loaded into a portal, then records, owners and associations exist with HubSpot default properties only', () => {
    const state = new SandboxState();
    const portal = state.createPortal();
    const data = generateDemoData(42);
    const ids = loadDemoPortal(portal, data, { now: Date.UTC(2026, 10, 23) });
    expect(portal.listObjects('companies')).toHaveLength(40);
    expect(portal.listObjects('contacts')).toHaveLength(data.contacts.length);
    expect(portal.listObjects('meetings')).toHaveLength(data.meetings.length);
    const first = portal.getObject('companies', ids.companyIds['company-1'] as string);
    expect(first?.properties.name).toBe(data.companies[0]?.name);
    expect(first?.properties).not.toHaveProperty('rd_vat_number');
    const meeting = portal.getObject('meetings', ids.meetingIds['meeting-1'] as string);
    expect(Date.parse(meeting?.properties.hs_meeting_start_time ?? '')).toBeGreaterThan(Date.UTC(2026, 10, 23));
  });
});

describe('demo invoice CSV', () => {
  const data = generateDemoData(42);
  const csv = generateDemoInvoicesCsv(data, { asOf: '2026-11-23', seed: 42 });
  const rows: Record<string, string>[] = parse(csv, { bom: true, delimiter: ';', columns: true, skip_empty_lines: true });

  it('when generated, then it starts with a BOM, has the exact header and parses with csv-parse using ;', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(HEADER);
    expect(rows.length).toBeGreaterThanOrEqual(280);
    expect(rows.length).toBeLessThanOrEqual(320);
    expect(generateDemoInvoicesCsv(data, { asOf: '2026-11-23', seed: 42 })).toBe(csv);
  });

  it('when read back, then formats, statuses, currencies and ages are those of a real Dutch export', () => {
    const good = rows.filter((r) => isDutchDate(r.Factuurdatum ?? '') && /^-?\d{1,3}(\.\d{3})*,\d{2}$/.test(r.Bedrag ?? '') && r.Factuurnummer);
    expect(rows.length - good.length).toBe(3);
    expect(rows.filter((r) => r.Factuurnummer === '')).toHaveLength(1);
    expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(['open', 'betaald', 'gedeeltelijk', 'creditnota', 'betwist']));
    expect(new Set(rows.map((r) => r.Incasso))).toEqual(new Set(['ja', 'nee']));
    expect(new Set(rows.map((r) => r.Valuta))).toEqual(new Set(['EUR', 'USD', 'GBP']));
    expect(rows.some((r) => r.Debiteur?.includes(';'))).toBe(true);
    const overdue90 = good.filter((r) => r.Status === 'open' && ageDays(r.Vervaldatum as string) > 90);
    expect(overdue90.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.Status === 'creditnota').every((r) => r.Bedrag?.startsWith('-') || r.Factuurdatum === '31-02-2025')).toBe(true);
    // Rows vary which matching keys they carry.
    expect(rows.some((r) => r.Domein === '' && r['BTW-nummer'] !== '')).toBe(true);
    expect(rows.some((r) => r.Domein !== '' && r['BTW-nummer'] === '')).toBe(true);
  });

  it('when compared with the portal data, then exactly three debtors are unknown', () => {
    const known = new Set(data.companies.map((c) => c.debtorNumber));
    const unknown = rows.filter((r) => !known.has(r.Debiteurnummer as string));
    expect(unknown).toHaveLength(3);
    expect(unknown.every((r) => !data.companies.some((c) => c.name === r.Debiteur))).toBe(true);
  });

  it('when asOf is not a calendar date, then it says so', () => {
    expect(() => generateDemoInvoicesCsv(data, { asOf: '2026-02-30', seed: 1 })).toThrow(/asOf must be/);
  });
});

function isDutchDate(text: string): boolean {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

function ageDays(dutch: string): number {
  const [d, m, y] = dutch.split('-').map(Number);
  return (Date.UTC(2026, 10, 23) - Date.UTC(y as number, (m as number) - 1, d)) / 86_400_000;
}

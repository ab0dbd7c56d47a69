import { Link, LineChart, Select, StatisticsItem, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallListVM, type CallListQuery } from '../../src/contracts/home';
import { addDays } from '../../src/domain/dates';
import type { CustomerLedger } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';
import { DEFAULT_POLICY } from '../../src/domain/policy/policy';
import { HomeView } from '../../src/extensions/home/HomeView';
import { homeEn } from '../../src/extensions/home/messages-en';
import { homeNl } from '../../src/extensions/home/messages-nl';
import { createCallListService } from '../../src/server/home/call-list-service';
import { aDispute, aLedger, anInvoice, aPaidInvoice, aProfile, aPromise } from '../domain/builders';
import { jsonResponse, plain, textOf, withPatientWaitFor } from './fixtures';

/**
 * The app home rendering call lists that the SERVER's own service computed from ledgers (ranking, plans,
 * KPIs), sent through JSON as the home API sends them, in English and Dutch.
 */

afterEach(() => vi.restoreAllMocks());

const ASOF = '2026-11-23';
const NOW = new Date('2026-11-23T07:00:00Z');

const ledgers: CustomerLedger[] = [
  aLedger({
    companyId: '101',
    invoices: [
      anInvoice({ companyId: '101', externalId: 'a', number: 'F-1', issueDate: addDays(ASOF, -76), dueDate: addDays(ASOF, -46), amount: money(1_800_000, 'EUR') }),
      aPaidInvoice(addDays(ASOF, -100), { companyId: '101', externalId: 'old', issueDate: addDays(ASOF, -150), dueDate: addDays(ASOF, -120), amount: money(50_000, 'EUR') }),
    ],
    promises: [aPromise({ id: 'p-old', invoiceExternalIds: ['a'], madeOn: addDays(ASOF, -20), promisedDate: addDays(ASOF, -11), amount: money(1_800_000, 'EUR') })],
    profile: aProfile({ companyId: '101', ownerId: '9001' }),
  }),
  aLedger({
    companyId: '102',
    invoices: [anInvoice({ companyId: '102', externalId: 'b', number: 'F-2', issueDate: addDays(ASOF, -40), dueDate: addDays(ASOF, -10), amount: money(90_000, 'EUR') })],
    profile: aProfile({ companyId: '102', ownerId: '9002' }),
  }),
  aLedger({
    companyId: '103',
    invoices: [anInvoice({ companyId: '103', externalId: 'c', number: 'F-3', issueDate: addDays(ASOF, -50), dueDate: addDays(ASOF, -20), amount: money(250_000, 'EUR') })],
    disputes: [aDispute({ id: 'd1', invoiceExternalId: 'c', openedOn: addDays(ASOF, -5) })],
    profile: aProfile({ companyId: '103', ownerId: '9001' }),
  }),
];

function service() {
  const byId = new Map(ledgers.map((l) => [l.companyId, l]));
  return createCallListService({
    now: () => NOW,
    calendarFor: () => ({ timeZone: 'Europe/Amsterdam', holidays: new Set<string>() }),
    policy: DEFAULT_POLICY,
    ledger: {
      listCompanyIds: async () => [...byId.keys()],
      getCustomerLedger: async (_p, id) => byId.get(id),
    },
    companyIndex: async () => ({ names: { 101: 'Bakkerij De Korenbloem', 102: 'Fietsen Jansen' }, owners: {} }),
    owners: async () => [{ ownerId: '9001', userId: '55', teamIds: ['t1'], name: 'Sanne de Vries' }, { ownerId: '9002', userId: '56', teamIds: [] }],
  });
}

/** What the home API answers for the page's query: the service's page as JSON text. */
async function answer(url: string): Promise<Response> {
  const q = Object.fromEntries(new URL(url).searchParams) as unknown as CallListQuery;
  const vm = await service().page({ ...q, page: Number(q.page), pageSize: Number(q.pageSize) });
  return jsonResponse(JSON.parse(JSON.stringify(CallListVM.parse(vm))));
}

function setup(language: 'en' | 'nl') {
  const renderer = withPatientWaitFor(createRenderer('home'));
  renderer.mocks.context.portal.id = 777;
  renderer.mocks.context.portal.timezone = 'Europe/Amsterdam';
  renderer.mocks.context.user.id = 55;
  renderer.mocks.context.user.language = language;
  renderer.mocks.context.user.locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  return renderer;
}

describe('app home on call lists the server computed', () => {
  it.each(['en', 'nl'] as const)('in %s: my customers ranked, with reasons, plan, progress and KPIs', async (language) => {
    const urls: string[] = [];
    vi.spyOn(hubspot, 'fetch').mockImplementation(async (url) => { urls.push(String(url)); return answer(String(url)); });
    const r = setup(language);
    r.render(<HomeView />);
    const h = language === 'nl' ? homeNl : homeEn;
    await r.waitFor(() => expect(r.findAll(Link).length).toBeGreaterThan(0));
    const text = plain(textOf(r.getRootNode()));
    expect(text).not.toMatch(/Invalid|NaN|undefined|null|\[object/);
    // "Mine" for user 55 = owner 9001: the broken promise first, the disputed (waiting) customer below it; not 102.
    const links = r.findAll(Link);
    expect(links.map((l) => textOf(l))).toEqual(['Bakkerij De Korenbloem', h.unnamed('103')]);
    expect(links[0]!.props.href).toMatchObject({ url: 'https://app.hubspot.com/contacts/777/record/0-2/101' });
    expect(urls[0]).toContain('scope=mine');
    expect(urls[0]).toContain('userId=55');
    expect(textOf(r.findByTestId(Text, 'reasons-101'))).toContain(language === 'nl' ? 'betalingstoezegging niet na' : 'Broke a promise');
    expect(textOf(r.findByTestId(Text, 'reasons-103'))).toMatch(language === 'nl' ? /in geschil/ : /disputed/);
    expect(plain(textOf(r.findByTestId(Text, 'planned-101')))).toMatch(/·/);
    expect(text).toContain(h.totalLine(2));
    // The owner by name, and the score as a priority from 0 to 100 that follows the ranking.
    expect(textOf(r.findByTestId(Text, 'owner-101'))).toBe('Sanne de Vries');
    const priority = (id: string) => Number(textOf(r.findByTestId(Text, `priority-${id}`)));
    expect(priority('101')).toBeGreaterThan(priority('103'));
    expect(priority('101')).toBeLessThanOrEqual(100);
    expect(priority('103')).toBeGreaterThanOrEqual(0);
    // KPIs over the whole portal: €18,000 + €900 + €2,500 overdue.
    const overdue = r.findAll(StatisticsItem).find((s) => s.props.testId === 'kpi-overdue-EUR');
    expect(plain(String(overdue?.props.number))).toMatch(language === 'nl' ? /21\.400,00/ : /21,400\.00/);
    expect(r.find(LineChart).props.data).toEqual(expect.arrayContaining([expect.objectContaining({ series: `${h.trendDso} EUR` })]));
  });

  it('when the user picks everyone, the page asks again and lists the third customer', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async (url) => answer(String(url)));
    const r = setup('en');
    r.render(<HomeView />);
    await r.waitFor(() => expect(r.findAll(Link).length).toBe(2));
    r.findByTestId(Select, 'filter-scope').trigger('onChange', 'all' as never);
    await r.waitFor(() => expect(r.findAll(Link).length).toBe(3));
    expect(textOf(r.getRootNode())).toContain(homeEn.totalLine(3));
  });
});

import { Accordion, Alert, Flex, List, Tag, Text, hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallScriptView } from '../../../src/extensions/actions/CallScriptView';
import { brokenPromiseVM, consumerVM, goodPayerVM, latePayerVM } from './script-vms';
import { fetchedQuery, jsonResponse, plain, setupTab, textOf } from './support';

afterEach(() => vi.restoreAllMocks());

async function renderScript(vm: unknown, opts: { language?: string } = {}) {
  const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(vm));
  const r = setupTab(opts);
  r.render(<CallScriptView />);
  await r.waitFor(() => expect(r.findByTestId(Text, 'opening')).toBeTruthy());
  return { r, fetch, opening: plain(r.findByTestId(Text, 'opening').text ?? '') };
}

describe('Call script card: the script for this customer now', () => {
  it('when the customer usually pays on time, then a friendly opening, the three goals and the excuses show', async () => {
    const { r, fetch, opening } = await renderScript(goodPayerVM());
    expect(fetchedQuery(fetch.mock.calls[0]![0])).toEqual({ portalId: '777', companyId: '4242', language: 'en', companyName: 'Bakkerij De Vries' });
    expect(r.findByTestId(Tag, 'persona').text).toBe('Usually pays on time');
    expect(opening).toContain('could you check that for me?');
    expect(textOf(r.findByTestId(Text, 'opening'))).not.toContain('promised');
    const goals = textOf(r.findByTestId(List, 'goals'));
    expect(goals).toContain('When will it be paid?');
    expect(goals).toContain('How much will be paid?');
    expect(goals).toContain('How will it be paid?');
    expect(r.findAll(Accordion).map((x) => x.props.title)).toContain('"The invoice never arrived."');
    expect(r.maybeFindByTestId(Alert, 'fourteen-day')).toBeFalsy();
  });

  it('when the customer habitually pays late, then the script says so and asks for a date within days', async () => {
    const { r, opening } = await renderScript(latePayerVM());
    expect(r.findByTestId(Tag, 'persona').text).toBe('Habitually pays late');
    expect(opening).toContain('is overdue, by 53 days now');
    expect(textOf(r.findByTestId(List, 'goals'))).toContain('within 7 days at most');
    expect(textOf(r.findByTestId(Flex, 'preparation'))).toContain('Habitual late payer');
  });

  it('when a promise was broken, then the opening names the promise and the preparation warns', async () => {
    const { r, opening } = await renderScript(brokenPromiseVM());
    expect(r.findByTestId(Tag, 'persona').text).toBe('Broke a promise');
    expect(opening).toContain('you promised to pay €1,200.00 by 10 Nov 2026 at the latest');
    expect(plain(textOf(r.findByTestId(Flex, 'preparation')))).toContain('Promise not kept: €1,200.00 was to be paid by 10 Nov 2026 at the latest');
  });

  it('when the customer is a consumer, then the consumer opening and the 14-day letter warning show', async () => {
    const { r, opening } = await renderScript(consumerVM());
    expect(r.findByTestId(Tag, 'customer-type').text).toBe('Consumer');
    expect(opening).toMatch(/^Good day, this is \[your name\] from credit control\. May I ask who I am speaking with\? /);
    expect(plain(textOf(r.findByTestId(Alert, 'fourteen-day')))).toContain('the 14-day letter must be sent before collection costs (€40.00)');
  });

  it('when the creditor adds VAT to collection costs, then the warning names the costs with the VAT, in both languages', async () => {
    // €40 minimum of the scale plus 21% VAT.
    const en = await renderScript(consumerVM('en', { vatBasisPoints: 2_100 }));
    expect(plain(textOf(en.r.findByTestId(Alert, 'fourteen-day')))).toContain('collection costs (€48.40 incl. 21% VAT)');
    vi.restoreAllMocks();
    const nl = await renderScript(consumerVM('nl', { vatBasisPoints: 2_100 }), { language: 'nl' });
    expect(plain(textOf(nl.r.findByTestId(Alert, 'fourteen-day')))).toContain('incassokosten (€ 48,40 incl. 21% btw)');
  });

  it('when the user works in Dutch, then the card and the script are Dutch', async () => {
    const { r, fetch } = await renderScript(goodPayerVM('nl'), { language: 'nl' });
    expect(fetchedQuery(fetch.mock.calls[0]![0]).language).toBe('nl');
    expect(r.findByTestId(Tag, 'persona').text).toBe('Betaalt meestal op tijd');
    expect(textOf(r.findByTestId(List, 'goals'))).toContain('Wanneer');
  });
});

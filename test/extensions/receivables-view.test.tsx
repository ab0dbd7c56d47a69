import { BarChart, Button, EmptyState, ErrorState, Flex, LoadingSpinner, StatisticsItem, StatusTag, Table, TableHeader, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BACKEND_ORIGIN } from '../../src/extensions/config';
import { ReceivablesView } from '../../src/extensions/views/ReceivablesView';
import { anEmptyReceivablesVM, aReceivablesVM, fetchedQuery, jsonResponse, plain, textOf, withPatientWaitFor } from './fixtures';

afterEach(() => vi.restoreAllMocks());

function setup(opts: { language?: string; locale?: string; variables?: Record<string, string> } = {}) {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.portal.id = 777;
  renderer.mocks.context.portal.timezone = 'Europe/Amsterdam';
  renderer.mocks.context.crm.objectId = 4242;
  renderer.mocks.context.crm.objectTypeId = '0-2';
  if (opts.language) renderer.mocks.context.user.language = opts.language;
  if (opts.locale) renderer.mocks.context.user.locale = opts.locale;
  if (opts.variables) renderer.mocks.context.variables = opts.variables;
  return withPatientWaitFor(renderer);
}

describe('ReceivablesView', () => {
  it('when the answer has not come yet, then a spinner shows', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockReturnValue(new Promise(() => {}));
    const { render, find } = setup();
    render(<ReceivablesView />);
    expect(find(LoadingSpinner).props.label).toBe('Loading receivables…');
    // Effects run after render: wait for the request so it cannot leak into the next test's spy.
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(find(LoadingSpinner)).toBeTruthy();
  });

  it('when loaded, then it fetched the signed card API for this portal and company and shows KPIs, aging, invoices, ladder and commitments', async () => {
    // A newer backend may send a reason code this card does not know yet.
    const vm = aReceivablesVM();
    const answer = { ...vm, risk: { ...vm.risk, reasons: [...vm.risk.reasons, { code: 'some_future_code', params: {} }] } };
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(answer));
    const { render, find, findAll, findByTestId, waitFor, getRootNode } = setup({ locale: 'en-US' });
    render(<ReceivablesView />);
    await waitFor(() => expect(find(StatisticsItem, { label: 'Open' }).props.number).toBe('€18,400.00 + $75.00'));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, options] = fetch.mock.calls[0]!;
    expect(String(url).startsWith(`${DEFAULT_BACKEND_ORIGIN}/api/cards/receivables?`)).toBe(true);
    expect(fetchedQuery(url)).toEqual({ portalId: '777', companyId: '4242', page: '1', pageSize: '25', sort: '-daysOverdue' });
    expect(options).toMatchObject({ method: 'GET' });
    expect(find(StatisticsItem, { label: 'Overdue' }).props.number).toBe('€18,400.00');
    expect(find(StatisticsItem, { label: 'Oldest overdue' }).props.number).toBe('53 days');
    expect(find(BarChart).props.data).toEqual([
      { bucket: 'Not yet due', amount: 0, currency: 'EUR' },
      { bucket: '31–60 days', amount: 18400, currency: 'EUR' },
      { bucket: '91+ days', amount: 0, currency: 'EUR' },
    ]);
    expect(find(Table).props).toMatchObject({ paginated: true, page: 1, pageCount: 2 });
    expect(findAll(StatusTag, (n) => n.props.testId?.startsWith('tag-inv-1-') ?? false).map((n) => n.text)).toEqual(['Overdue', 'Promised']);
    expect(findByTestId(StatusTag, 'tag-inv-2-direct_debit').text).toBe('Direct debit');
    expect(findByTestId(Text, 'ladder-current').text).toBe('Formal reminder');
    expect(plain(textOf(findByTestId(Text, 'ladder-next')))).toBe('Final notice — Nov 26, 2026, 9:00 AM');
    expect(findByTestId(StatusTag, 'segment').text).toBe('At risk');
    // Known reasons are translated; a code this card does not know yet is left out, not shown raw.
    expect(findAll(Text).map((n) => textOf(n))).toEqual(expect.arrayContaining(['€18,400.00 overdue, oldest 53 days', 'Broke a promise to pay']));
    expect(textOf(getRootNode())).not.toContain('some_future_code');
    expect(textOf(findByTestId(Flex, 'promise-p1'))).toBe('€18,400.00 by Nov 12, 2026 Broken');
    expect(textOf(findByTestId(Flex, 'dispute-d1'))).toBe('Invoice F-2026-0003, since Nov 2, 2026 Quality');
  });

  it('when the user pages, then the next page is fetched; when a header is sorted, then it sorts on the server and goes back to page 1', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async (url) => {
      const q = fetchedQuery(url);
      return jsonResponse(aReceivablesVM({ invoices: { ...aReceivablesVM().invoices, page: Number(q.page), sort: q.sort as never } }));
    });
    const { render, find, findByTestId, waitFor } = setup();
    // Table and TableHeader props are unions (paginated / sortable); name the variant these tests use.
    const table = () => find(Table) as unknown as { props: { page: number }; trigger(e: 'onPageChange', page: number): void };
    const header = (id: string) => findByTestId(TableHeader, id) as unknown as {
      props: { sortDirection: string }; trigger(e: 'onSortChange', d: 'ascending' | 'descending' | 'none'): void;
    };
    render(<ReceivablesView />);
    await waitFor(() => expect(table().props.page).toBe(1));
    table().trigger('onPageChange', 2);
    await waitFor(() => expect(table().props.page).toBe(2));
    expect(fetchedQuery(fetch.mock.calls.at(-1)![0]).page).toBe('2');

    header('sort-dueDate').trigger('onSortChange', 'ascending');
    await waitFor(() => expect(header('sort-dueDate').props.sortDirection).toBe('ascending'));
    expect(fetchedQuery(fetch.mock.calls.at(-1)![0])).toMatchObject({ sort: 'dueDate', page: '1' });
    header('sort-dueDate').trigger('onSortChange', 'descending');
    await waitFor(() => expect(header('sort-dueDate').props.sortDirection).toBe('descending'));
    expect(fetchedQuery(fetch.mock.calls.at(-1)![0]).sort).toBe('-dueDate');
    expect(header('sort-number').props.sortDirection).toBe('none');
  });

  it('when the next page is on its way, then the current page stays on screen with a spinner', async () => {
    let release: (r: Response) => void = () => {};
    vi.spyOn(hubspot, 'fetch')
      .mockImplementationOnce(async () => jsonResponse(aReceivablesVM()))
      .mockImplementationOnce(() => new Promise<Response>((resolve) => { release = resolve; }));
    const { render, find, maybeFind, waitFor } = setup();
    const table = () => find(Table) as unknown as { props: { page: number }; trigger(e: 'onPageChange', page: number): void };
    render(<ReceivablesView />);
    await waitFor(() => expect(table().props.page).toBe(1));
    expect(maybeFind(LoadingSpinner)).toBeNull();
    table().trigger('onPageChange', 2);
    await waitFor(() => expect(find(LoadingSpinner)).toBeTruthy());
    expect(table().props.page).toBe(1);
    release(jsonResponse(aReceivablesVM({ invoices: { ...aReceivablesVM().invoices, page: 2 } })));
    await waitFor(() => expect(table().props.page).toBe(2));
    expect(maybeFind(LoadingSpinner)).toBeNull();
  });

  it('when the company has no open invoices, then the empty state says it pays on time', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(anEmptyReceivablesVM()));
    const { render, find, waitFor } = setup();
    render(<ReceivablesView />);
    await waitFor(() => expect(find(EmptyState).props.title).toBe('No open invoices'));
    expect(textOf(find(EmptyState))).toContain('Pays on time');
  });

  it('when the backend knows no receivables for the company (404), then the same empty state, not an error', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse({ code: 'not_found', message: 'x' }, 404));
    const { render, find, maybeFind, waitFor } = setup();
    render(<ReceivablesView />);
    await waitFor(() => expect(find(EmptyState).props.title).toBe('No open invoices'));
    expect(maybeFind(ErrorState)).toBeNull();
  });

  it('when the backend fails, then the error says what to do, and retry loads again', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch')
      .mockResolvedValueOnce(jsonResponse({ code: 'internal_error', message: 'x' }, 500))
      .mockResolvedValueOnce(jsonResponse(aReceivablesVM()));
    const { render, find, findByTestId, waitFor } = setup();
    render(<ReceivablesView />);
    await waitFor(() => expect(find(ErrorState).props.title).toBe("Couldn't load the receivables"));
    expect(textOf(find(ErrorState))).toContain('Try again in a minute');
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(find(StatisticsItem, { label: 'Open' })).toBeTruthy());
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    [401, { code: 'signature_invalid', message: 'x' }, 'Ask your HubSpot admin to check'],
    [429, {}, 'Wait a few seconds'],
  ])('when the backend answers %i, then the message fits the cause', async (status, body, expected) => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(body, status));
    const { render, find, waitFor } = setup();
    render(<ReceivablesView />);
    await waitFor(() => expect(textOf(find(ErrorState))).toContain(expected));
  });

  it('when the answer does not match the contract or the network fails, then an error shows instead of broken data', async () => {
    vi.spyOn(hubspot, 'fetch').mockResolvedValueOnce(jsonResponse({ companyId: 1 }));
    const first = setup();
    first.render(<ReceivablesView />);
    await first.waitFor(() => expect(textOf(first.find(ErrorState))).toContain('update the Receivables Desk app'));
    vi.spyOn(hubspot, 'fetch').mockRejectedValueOnce(new Error('offline'));
    const second = setup();
    second.render(<ReceivablesView />);
    await second.waitFor(() => expect(textOf(second.find(ErrorState))).toContain('did not answer'));
  });

  it('when the user works in Dutch, then texts are Dutch and money and dates use the Dutch locale', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aReceivablesVM()));
    const { render, find, findByTestId, waitFor } = setup({ language: 'nl', locale: 'nl-NL' });
    render(<ReceivablesView />);
    await waitFor(() => expect(plain(String(find(StatisticsItem, { label: 'Openstaand' }).props.number))).toBe('€ 18.400,00 + US$ 75,00'));
    expect(find(StatisticsItem, { label: 'Oudste vervallen' }).props.number).toBe('53 dagen');
    expect(findByTestId(StatusTag, 'tag-inv-1-overdue').text).toBe('Vervallen');
    expect(findByTestId(Text, 'ladder-current').text).toBe('Aanmaning');
    expect(plain(textOf(findByTestId(Text, 'ladder-next')))).toBe('Laatste sommatie — 26 nov 2026, 09:00');
    expect(findByTestId(StatusTag, 'segment').text).toBe('Risico');
  });

  it('when the profile sets BACKEND_ORIGIN, then the card calls that origin', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aReceivablesVM()));
    const { render, waitFor } = setup({ variables: { BACKEND_ORIGIN: 'https://rd.acme.nl/' } });
    render(<ReceivablesView />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(String(fetch.mock.calls[0]![0]).startsWith('https://rd.acme.nl/api/cards/receivables?')).toBe(true);
  });
});

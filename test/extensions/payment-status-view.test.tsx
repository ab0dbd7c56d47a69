import { Alert, Button, EmptyState, ErrorState, Heading, LoadingSpinner, StatusTag, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordPaymentStatusView } from '../../src/extensions/views/RecordPaymentStatusView';
import { aPaymentStatusVM, fetchedQuery, jsonResponse, plain, textOf, withPatientWaitFor } from './fixtures';

afterEach(() => vi.restoreAllMocks());

type Location = 'crm.record.sidebar' | 'crm.preview' | 'helpdesk.sidebar';

function setup(location: Location, objectTypeId: string, opts: { language?: string } = {}) {
  const renderer = withPatientWaitFor(createRenderer(location));
  renderer.mocks.context.portal.id = 777;
  renderer.mocks.context.crm.objectId = 55;
  renderer.mocks.context.crm.objectTypeId = objectTypeId;
  if (opts.language) renderer.mocks.context.user.language = opts.language;
  return renderer;
}

const association = (toObjectId: number, label: string, name?: string) => ({
  toObjectId,
  associationTypes: [{ category: 'HUBSPOT_DEFINED' as const, typeId: 1, label }],
  properties: (name ? { name } : {}) as Record<string, string>,
});

function associationsResult(results: ReturnType<typeof association>[], over: { isLoading?: boolean; error?: Error | null } = {}) {
  return {
    results, error: over.error ?? null, isLoading: over.isLoading ?? false, isRefetching: false, refetch: async () => {},
    pagination: { hasNextPage: false, hasPreviousPage: false, currentPage: 1, pageSize: 10, nextPage: () => {}, previousPage: () => {}, reset: () => {} },
  };
}

describe('Payment status on a company', () => {
  it('when loaded, then the advice comes first and the facts follow, for the record itself (no association lookup)', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aPaymentStatusVM()));
    const r = setup('crm.record.sidebar', '0-2');
    r.render(<RecordPaymentStatusView />);
    await r.waitFor(() => expect(r.find(Alert).props.title).toBe("€18,400.00 overdue for 46 days; promise of Nov 12, 2026 broken — don't raise new orders before payment."));
    expect(r.find(Alert).props.variant).toBe('danger');
    expect(fetchedQuery(fetch.mock.calls[0]![0])).toEqual({ portalId: '777', companyId: '55' });
    expect(r.mocks.useAssociations.called).toBe(false);
    expect(textOf(r.findByTestId(Text, 'status-overdue'))).toBe('€18,400.00');
    expect(textOf(r.findByTestId(Text, 'status-oldest'))).toBe('46 days');
    expect(textOf(r.findByTestId(Text, 'status-promise'))).toBe('None');
    expect(r.findByTestId(StatusTag, 'segment').text).toBe('At risk');
  });

  it('when nothing is open, then it says so plainly', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aPaymentStatusVM({
      open: [], overdue: [], oldestOverdueDays: null, segment: 'current', advice: { code: 'no_open_invoices' },
    })));
    const r = setup('crm.record.sidebar', '0-2');
    r.render(<RecordPaymentStatusView />);
    await r.waitFor(() => expect(r.find(Alert).props.title).toBe('No open invoices — pays on time.'));
    expect(r.find(Alert).props.variant).toBe('success');
    expect(r.maybeFindByTestId(Text, 'status-oldest')).toBeNull();
  });

  it('when the backend knows no receivables for the company (404), then "no open invoices", not an error', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse({ code: 'not_found', message: 'x' }, 404));
    const r = setup('crm.record.sidebar', '0-2');
    r.render(<RecordPaymentStatusView />);
    await r.waitFor(() => expect(r.find(Alert).props.title).toBe('No open invoices — pays on time.'));
    expect(r.maybeFind(ErrorState)).toBeNull();
  });

  it('when loading, then a spinner; when the backend fails, then an error with retry', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch')
      .mockImplementationOnce(async () => jsonResponse({ code: 'internal_error', message: 'x' }, 503))
      .mockImplementationOnce(async () => jsonResponse(aPaymentStatusVM({ advice: { code: 'pays_on_time' }, overdue: [], oldestOverdueDays: null })));
    const r = setup('crm.record.sidebar', '0-2');
    r.render(<RecordPaymentStatusView />);
    expect(r.find(LoadingSpinner)).toBeTruthy();
    await r.waitFor(() => expect(r.find(ErrorState)).toBeTruthy());
    r.findByTestId(Button, 'retry').trigger('onClick');
    await r.waitFor(() => expect(r.find(Alert).props.title).toBe('Pays on time — no action needed.'));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('when the user works in Dutch, then the advice is Dutch with Dutch money and dates', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aPaymentStatusVM()));
    const r = setup('crm.record.sidebar', '0-2', { language: 'nl' });
    r.render(<RecordPaymentStatusView />);
    await r.waitFor(() => expect(r.find(Alert)).toBeTruthy());
    expect(plain(r.find(Alert).props.title)).toBe('€ 18.400,00 al 46 dagen vervallen; toezegging van 12 nov 2026 niet nagekomen — neem geen nieuwe orders aan vóór betaling.');
  });
});

describe('Payment status resolved through associations', () => {
  it.each([
    ['a contact', 'crm.record.sidebar', '0-1'],
    ['a deal', 'crm.record.sidebar', '0-3'],
    ['a deal in the preview', 'crm.preview', '0-3'],
    ['a ticket in the help desk', 'helpdesk.sidebar', '0-5'],
  ] as const)('when on %s, then it shows the status of the associated (primary) company', async (_what, location, typeId) => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aPaymentStatusVM({ companyId: '9001' })));
    const r = setup(location, typeId);
    r.mocks.useAssociations.willCall(() => associationsResult([association(8000, '', 'Other BV'), association(9001, 'Primary', 'Acme BV')]));
    r.render(<RecordPaymentStatusView />);
    await r.waitFor(() => expect(r.find(Alert)).toBeTruthy());
    expect(r.mocks.useAssociations.calls[0]![0]).toMatchObject({ toObjectType: '0-2' });
    expect(fetchedQuery(fetch.mock.calls[0]![0])).toEqual({ portalId: '777', companyId: '9001' });
    expect(r.find(Heading).text).toBe('Payment status of Acme BV');
  });

  it('when no company is associated, then it says how to fix that and calls no backend', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch');
    const r = setup('crm.record.sidebar', '0-1');
    r.mocks.useAssociations.willCall(() => associationsResult([]));
    r.render(<RecordPaymentStatusView />);
    expect(r.find(EmptyState).props.title).toBe('No company associated');
    expect(textOf(r.find(EmptyState))).toContain('Associate this record with a company');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when no company is associated and the user is Dutch, then the message is Dutch', () => {
    const r = setup('helpdesk.sidebar', '0-5', { language: 'nl' });
    r.mocks.useAssociations.willCall(() => associationsResult([]));
    r.render(<RecordPaymentStatusView />);
    expect(r.find(EmptyState).props.title).toBe('Geen bedrijf gekoppeld');
  });

  it('when the associations are loading or fail, then a spinner or an error with retry', () => {
    const loading = setup('crm.record.sidebar', '0-1');
    loading.mocks.useAssociations.willCall(() => associationsResult([], { isLoading: true }));
    loading.render(<RecordPaymentStatusView />);
    expect(loading.find(LoadingSpinner)).toBeTruthy();
    const failing = setup('crm.record.sidebar', '0-1');
    const refetch = vi.fn(async () => {});
    failing.mocks.useAssociations.willCall(() => ({ ...associationsResult([], { error: new Error('boom') }), refetch }));
    failing.render(<RecordPaymentStatusView />);
    failing.findByTestId(Button, 'retry').trigger('onClick');
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});

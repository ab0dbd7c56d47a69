import { Alert, Button, Checkbox, DateInput, Form, Select, TableCell, hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreferencesVM } from '../../../src/contracts/actions';
import { PreferencesView } from '../../../src/extensions/actions/PreferencesView';
import { aPreferencesVM, fetchedQuery, jsonResponse, setupTab, textOf, fire } from './support';

afterEach(() => vi.restoreAllMocks());

const select = (r: ReturnType<typeof setupTab>, testId: string) => r.findByTestId(Select, testId);

describe('Contact preferences card', () => {
  it('when loaded, then the stated order sits next to what got answers, with a suggestion to switch', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aPreferencesVM()));
    const r = setupTab();
    r.render(<PreferencesView />);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'channel-suggestion')).toBeTruthy());
    expect(fetchedQuery(fetch.mock.calls[0]![0])).toEqual({ portalId: '777', companyId: '4242' });
    expect(textOf(r.findByTestId(Alert, 'channel-suggestion'))).toContain('WhatsApp gets more answers than Phone. Consider making WhatsApp the preferred channel.');
    expect(r.findAll(TableCell).map((c) => c.text)).toEqual(['Phone', '1', '3', '0', 'WhatsApp', '—', '2', '2', 'E-mail', '2', '0', '0']);
    expect(select(r, 'channel-0').props.value).toBe('phone');
    expect(select(r, 'ap').props.options.map((o: { label: string }) => o.label)).toContain('Anna de Vries — Crediteuren (anna@example.com)');
    // Applying the suggestion moves WhatsApp to the front of the form (saved only on submit).
    r.findByTestId(Button, 'apply-suggestion').trigger('onClick');
    await r.waitFor(() => expect(select(r, 'channel-0').props.value).toBe('whatsapp'));
    expect(select(r, 'channel-1').props.value).toBe('phone');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('when edited and saved, then it PUTs the whole profile, shows it saved, refreshes the record and reloads its data', async () => {
    const saved = aPreferencesVM({ preferences: { ...aPreferencesVM().preferences, channels: ['whatsapp', 'phone'], decisionMakerContactId: '502' } });
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async (_url, init) => jsonResponse(init?.method === 'PUT' ? saved : aPreferencesVM()));
    const r = setupTab();
    r.render(<PreferencesView />);
    await r.waitFor(() => expect(select(r, 'channel-0')).toBeTruthy());
    fire(select(r, 'channel-0'), 'onChange', 'whatsapp');
    await r.waitFor(() => expect(select(r, 'channel-0').props.value).toBe('whatsapp'));
    fire(select(r, 'channel-1'), 'onChange', 'phone');
    fire(select(r, 'dm'), 'onChange', '502');
    fire(r.findByTestId(DateInput, 'new-pause-until'), 'onChange', { year: 2026, month: 11, date: 24 });
    await r.waitFor(() => expect(select(r, 'dm').props.value).toBe('502'));
    r.find(Form).trigger('onSubmit');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'saved')).toBeTruthy());
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(fetchedQuery(put[0])).toEqual({ portalId: '777', companyId: '4242' });
    expect(put[1]!.body).toEqual({
      channels: ['whatsapp', 'phone'], accountsPayableContactId: '501', decisionMakerContactId: '502', callWindows: [{ weekday: 2, fromHour: 9, toHour: 12 }],
      language: 'nl', customerType: 'business', pauses: [{ reason: '—', from: '2026-11-23', until: '2026-12-24' }],
    });
    expect(PreferencesVM.safeParse(saved).success).toBe(true);
    expect(r.mocks.actions.refreshObjectProperties.called).toBe(true);
    await r.waitFor(() => expect(fetch.mock.calls.filter(([, init]) => init?.method === 'GET')).toHaveLength(2));
  });

  it('when a channel repeats or a pause ends in the past, then the form shows it at the field and sends nothing', async () => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(aPreferencesVM()));
    const r = setupTab();
    r.render(<PreferencesView />);
    await r.waitFor(() => expect(select(r, 'channel-1')).toBeTruthy());
    fire(select(r, 'channel-1'), 'onChange', 'phone');
    fire(r.findByTestId(DateInput, 'new-pause-until'), 'onChange', { year: 2026, month: 10, date: 1 });
    await r.waitFor(() => expect(select(r, 'channel-1').props.value).toBe('phone'));
    r.find(Form).trigger('onSubmit');
    await r.waitFor(() => expect(select(r, 'channel-1').props.validationMessage).toBe('Each channel may appear only once.'));
    expect(r.findByTestId(DateInput, 'new-pause-until').props.validationMessage).toBe('This date is in the past.');
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });

  it('when the server refuses (422), then its field errors show at the fields in the user\'s language', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async (_url, init) => (init?.method === 'PUT'
      ? jsonResponse({ code: 'validation_failed', message: 'x', fieldErrors: { accountsPayableContactId: { code: 'contact_not_associated', message: 'Choose a contact associated with this company.' }, 'optOut.until': { code: 'date_in_past', message: '…' } } }, 422)
      : jsonResponse(aPreferencesVM())));
    const r = setupTab({ language: 'nl' });
    r.render(<PreferencesView />);
    await r.waitFor(() => expect(select(r, 'ap')).toBeTruthy());
    fire(r.findByTestId(Checkbox, 'opt-out'), 'onChange', true);
    await r.waitFor(() => expect(r.findByTestId(DateInput, 'opt-out-until')).toBeTruthy());
    r.find(Form).trigger('onSubmit');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'save-failed')).toBeTruthy());
    expect(select(r, 'ap').props.validationMessage).toBe('Deze contactpersoon is niet aan het bedrijf gekoppeld.');
    expect(r.findByTestId(DateInput, 'opt-out-until').props.validationMessage).toBe('Deze datum ligt in het verleden.');
    expect(r.findByTestId(Alert, 'save-failed').props.title).toBe('Niet alle velden zijn goed ingevuld.');
  });
});

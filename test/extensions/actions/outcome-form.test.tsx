import { Alert, Button, Checkbox, CurrencyInput, DateInput, Form, Input, NumberInput, Select, TextArea, ToggleGroup, hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutcomeResultVM } from '../../../src/contracts/actions';
import { CallScriptView } from '../../../src/extensions/actions/CallScriptView';
import { goodPayerVM, withApContactVM } from './script-vms';
import { jsonResponse, plain, setupTab, textOf, fire } from './support';

afterEach(() => vi.restoreAllMocks());

const result = (over: Partial<OutcomeResultVM> = {}): OutcomeResultVM => ({
  outcomeId: 'x', duplicate: false, callId: '9001', followUp: { kind: 'check_promise', dueOn: '2026-11-30', taskId: '9002' },
  summaryEmail: { language: 'nl', subject: 'Samenvatting van ons gesprek', body: 'Goedendag,\n\n- Betalingstoezegging van € 600,00.' }, ...over,
});

/** Renders the card with a script; POSTs answer `post()` (a Response or a thrown network error). */
async function open(post: () => Promise<Response> = async () => jsonResponse(result(), 201)) {
  const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async (_url, init) => (init?.method === 'POST' ? post() : jsonResponse(goodPayerVM())));
  const r = setupTab();
  r.render(<CallScriptView />);
  await r.waitFor(() => expect(r.findByTestId(ToggleGroup, 'result')).toBeTruthy());
  const posts = () => fetch.mock.calls.filter(([, init]) => init?.method === 'POST').map(([, init]) => init!.body as Record<string, unknown>);
  const settle = () => new Promise((res) => setTimeout(res, 0));
  const submit = async () => { r.find(Form).trigger('onSubmit'); await settle(); };
  return { r, fetch, posts, submit, settle };
}

describe('Call script card: logging the outcome', () => {
  it('when a promise is logged, then it POSTs it once with its outcome id, shows the follow-up and the summary to copy or mail, and refreshes', async () => {
    const { r, fetch, posts, settle } = await open();
    fire(r.findByTestId(Checkbox, 'with-promise'), 'onChange', true);
    await r.waitFor(() => expect(r.findByTestId(DateInput, 'promise-date')).toBeTruthy());
    fire(r.findByTestId(DateInput, 'promise-date'), 'onChange', { year: 2026, month: 10, date: 27 });
    await settle();
    fire(r.findByTestId(CurrencyInput, 'promise-amount'), 'onChange', 600);
    await settle();
    fire(r.findByTestId(TextArea, 'notes'), 'onChange', 'Pays Friday');
    await settle();
    r.find(Form).trigger('onSubmit');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'logged')).toBeTruthy());
    const [body] = posts();
    expect(body).toMatchObject({
      result: 'reached', channel: 'phone', contactId: '501', notes: 'Pays Friday', userLanguage: 'en', companyName: 'Bakkerij De Vries',
      promise: { date: '2026-11-27', amount: { minor: 60_000, currency: 'EUR' }, method: 'bank_transfer', invoiceExternalIds: [] },
    });
    expect(String(body!.outcomeId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(plain(textOf(r.findByTestId(Alert, 'logged')))).toContain('Follow-up task: check the promised payment on Nov 30, 2026.');
    expect(r.findByTestId(TextArea, 'summary-body').props.value).toContain('Betalingstoezegging');
    expect(r.findByTestId(Button, 'open-email').props.href).toMatch(/^mailto:anna%40example\.com\?subject=Samenvatting/);
    r.findByTestId(Button, 'copy-email').trigger('onClick');
    expect(r.mocks.actions.copyTextToClipboard.calls[0]![0]).toContain('Samenvatting van ons gesprek');
    expect(r.mocks.actions.refreshObjectProperties.called).toBe(true);
    await r.waitFor(() => expect(fetch.mock.calls.filter(([, init]) => init?.method === 'GET')).toHaveLength(2));
  });

  it.each([
    ['not reached', 'not_reached', { result: 'not_reached' }],
    ['voicemail', 'voicemail', { result: 'voicemail' }],
  ] as const)('when the result is %s, then no agreements can be added and only the result is sent', async (_name, value, expected) => {
    const { r, posts, submit, settle } = await open(async () => jsonResponse(result({ followUp: { kind: 'call_again', dueOn: '2026-11-24', taskId: '1' }, summaryEmail: null }), 201));
    fire(r.findByTestId(ToggleGroup, 'result'), 'onChange', value);
    await settle();
    expect(r.maybeFindByTestId(Checkbox, 'with-promise')).toBeFalsy();
    await submit();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'logged')).toBeTruthy());
    expect(posts()[0]).toMatchObject(expected);
    expect(Object.keys(posts()[0]!)).not.toContain('promise');
    expect(r.maybeFindByTestId(TextArea, 'summary-body')).toBeFalsy();
    expect(plain(textOf(r.findByTestId(Alert, 'logged')))).toContain('call again');
  });

  it('when the preferences name an accounts-payable contact, then the form starts with that person', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(withApContactVM()));
    const r = setupTab();
    r.render(<CallScriptView />);
    await r.waitFor(() => expect(r.findByTestId(Select, 'contact').props.value).toBe('502'));
  });

  it('when the wrong person answered, then the new contact details are sent', async () => {
    const { r, posts, submit, settle } = await open();
    fire(r.findByTestId(ToggleGroup, 'result'), 'onChange', 'wrong_person');
    await settle();
    fire(r.findByTestId(Input, 'new-name'), 'onChange', 'Piet Jansen');
    await settle();
    fire(r.findByTestId(Input, 'new-email'), 'onChange', 'piet@example.com');
    await settle();
    await submit();
    await r.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ result: 'wrong_person', newContact: { name: 'Piet Jansen', email: 'piet@example.com' } });
  });

  it('when a dispute is logged, then the invoice and reason are sent', async () => {
    const { r, posts, submit, settle } = await open();
    fire(r.findByTestId(Checkbox, 'with-dispute'), 'onChange', true);
    await settle();
    fire(r.findByTestId(Select, 'dispute-invoice'), 'onChange', '1');
    await settle();
    fire(r.findByTestId(Select, 'dispute-reason'), 'onChange', 'wrong_amount');
    await settle();
    await submit();
    await r.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ dispute: { invoiceExternalId: '1', reason: 'wrong_amount' } });
  });

  it('when an arrangement is requested, then monthly instalments that add up exactly are sent', async () => {
    const { r, posts, submit, settle } = await open();
    fire(r.findByTestId(Checkbox, 'with-arrangement'), 'onChange', true);
    await settle();
    fire(r.findByTestId(NumberInput, 'instalments'), 'onChange', 3);
    await settle();
    fire(r.findByTestId(DateInput, 'first-instalment'), 'onChange', { year: 2026, month: 11, date: 31 });
    await settle();
    fire(r.findByTestId(CurrencyInput, 'arrangement-total'), 'onChange', 1000);
    await settle();
    await submit();
    await r.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ arrangement: { invoiceExternalIds: [], instalments: [
      { dueDate: '2026-12-31', amount: { minor: 33_333, currency: 'EUR' } },
      { dueDate: '2027-01-31', amount: { minor: 33_333, currency: 'EUR' } },
      { dueDate: '2027-02-28', amount: { minor: 33_334, currency: 'EUR' } },
    ] } });
  });

  it('when a deferral is granted, then its end date is sent', async () => {
    const { r, posts, submit, settle } = await open();
    fire(r.findByTestId(Checkbox, 'with-deferral'), 'onChange', true);
    await settle();
    fire(r.findByTestId(DateInput, 'deferral-until'), 'onChange', { year: 2026, month: 11, date: 10 });
    await settle();
    await submit();
    await r.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ deferral: { until: '2026-12-10' } });
  });

  it('when the promise date is past or the amount above the open balance, then the form says so and sends nothing', async () => {
    const { r, posts, submit, settle } = await open();
    fire(r.findByTestId(Checkbox, 'with-promise'), 'onChange', true);
    await settle();
    fire(r.findByTestId(DateInput, 'promise-date'), 'onChange', { year: 2026, month: 10, date: 1 });
    await settle();
    fire(r.findByTestId(CurrencyInput, 'promise-amount'), 'onChange', 5000);
    await settle();
    await submit();
    await r.waitFor(() => expect(r.findByTestId(DateInput, 'promise-date').props.validationMessage).toBe('This date is in the past.'));
    expect(r.findByTestId(CurrencyInput, 'promise-amount').props.validationMessage).toBe('This is more than the open balance.');
    expect(posts()).toHaveLength(0);
  });

  it('when the server refuses an invoice (422), then the message shows at the field', async () => {
    const refused = { code: 'validation_failed', message: 'x', fieldErrors: { 'dispute.invoiceExternalId': { code: 'invoice_not_found', message: 'not ours' } } };
    const { r, submit, settle } = await open(async () => jsonResponse(refused, 422));
    fire(r.findByTestId(Checkbox, 'with-dispute'), 'onChange', true);
    await settle();
    fire(r.findByTestId(Select, 'dispute-invoice'), 'onChange', '1');
    await settle();
    await submit();
    await r.waitFor(() => expect(r.findByTestId(Select, 'dispute-invoice').props.validationMessage).toBe('This is not an open invoice of this company.'));
    expect(r.findByTestId(Alert, 'outcome-failed').props.title).toBe('Some fields need attention.');
  });

  it('when saving fails on the network, then a retry reuses the same outcome id; after success the next outcome gets a new one', async () => {
    let calls = 0;
    const { r, posts, submit, settle } = await open(async () => { calls++; if (calls === 1) throw new Error('offline'); return jsonResponse(result({ duplicate: calls > 2 }), 201); });
    await submit();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'outcome-failed').props.title).toContain("Couldn't save"));
    await submit();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'logged')).toBeTruthy());
    r.findByTestId(Button, 'log-another').trigger('onClick');
    await settle();
    await submit();
    await r.waitFor(() => expect(posts()).toHaveLength(3));
    const ids = posts().map((b) => b.outcomeId);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'logged').props.title).toBe('This outcome was already logged; nothing was recorded twice.'));
  });
});

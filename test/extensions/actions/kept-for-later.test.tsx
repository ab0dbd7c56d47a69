import { Alert, Form, ToggleGroup, hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallScriptView } from '../../../src/extensions/actions/CallScriptView';
import { PreferencesView } from '../../../src/extensions/actions/PreferencesView';
import { actionsEn } from '../../../src/extensions/actions/messages-en';
import { actionsNl } from '../../../src/extensions/actions/messages-nl';
import { KeptForLater, keptForLaterAnswer } from '../../../src/server/actions/kept-for-later';
import { goodPayerVM } from './script-vms';
import { aPreferencesVM, fire, jsonResponse, plain, setupTab, textOf } from './support';

/**
 * The Call script and Contact preferences cards while HubSpot's daily limit is spent, on the answer the SERVER
 * builds (keptForLaterAnswer, through JSON with status 202): the write is shown as saved and waiting for the
 * reset at its time, in English and Dutch — not as a failure, and without asking to save it again.
 */
afterEach(() => vi.restoreAllMocks());

// Midnight in Amsterdam: the portal's reset.
const kept = () => jsonResponse(JSON.parse(JSON.stringify(keptForLaterAnswer(new KeptForLater(new Date('2026-11-23T23:00:00Z'))))), 202);
const messages = { en: actionsEn, nl: actionsNl } as const;
const prefix = { en: "Saved — HubSpot's daily limit is reached; this is sent to HubSpot after ", nl: 'Opgeslagen — de daglimiet van HubSpot is bereikt; dit gaat na ' } as const;

describe('card writes kept for after HubSpot\'s daily limit', () => {
  it.each(['en', 'nl'] as const)('in %s: a logged outcome shows as saved and waiting, the form is ready for the next one', async (language) => {
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async (_url, init) => (init?.method === 'POST' ? kept() : jsonResponse(goodPayerVM(language))));
    const r = setupTab({ language });
    r.render(<CallScriptView />);
    await r.waitFor(() => expect(r.findByTestId(ToggleGroup, 'result')).toBeTruthy());
    fire(r.findByTestId(ToggleGroup, 'result'), 'onChange', 'not_reached');
    await new Promise((res) => setTimeout(res, 0));
    r.find(Form).trigger('onSubmit');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'outcome-kept')).toBeTruthy());
    const alert = r.findByTestId(Alert, 'outcome-kept');
    const title = plain(String(alert.props.title));
    expect(title.startsWith(prefix[language])).toBe(true);
    expect(title).toMatch(/00:00|12:00/);
    expect(plain(textOf(alert))).toBe(messages[language].keptForLaterDetail);
    expect(r.maybeFindByTestId(Alert, 'outcome-failed')).toBeFalsy();
    expect(r.maybeFindByTestId(Alert, 'logged')).toBeFalsy();
    expect(r.findByTestId(ToggleGroup, 'result')).toBeTruthy();
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
  });

  it.each(['en', 'nl'] as const)('in %s: saved preferences show as saved and waiting for HubSpot', async (language) => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async (_url, init) => (init?.method === 'PUT' ? kept() : jsonResponse(aPreferencesVM())));
    const r = setupTab({ language });
    r.render(<PreferencesView />);
    await r.waitFor(() => expect(r.find(Form)).toBeTruthy());
    r.find(Form).trigger('onSubmit');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'kept')).toBeTruthy());
    expect(plain(String(r.findByTestId(Alert, 'kept').props.title)).startsWith(prefix[language])).toBe(true);
    expect(r.maybeFindByTestId(Alert, 'saved')).toBeFalsy();
    expect(r.maybeFindByTestId(Alert, 'save-failed')).toBeFalsy();
  });

  it('when the change could not be checked while the limit is spent (503), then the card says it was not saved', async () => {
    vi.spyOn(hubspot, 'fetch').mockImplementation(async (_url, init) => (init?.method === 'PUT'
      ? jsonResponse({ code: 'hubspot_daily_limit', message: 'Nothing was saved.' }, 503) : jsonResponse(aPreferencesVM())));
    const r = setupTab();
    r.render(<PreferencesView />);
    await r.waitFor(() => expect(r.find(Form)).toBeTruthy());
    r.find(Form).trigger('onSubmit');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'save-failed')).toBeTruthy());
    expect(r.findByTestId(Alert, 'save-failed').props.title).toBe(actionsEn.dailyLimitNotSaved);
  });
});

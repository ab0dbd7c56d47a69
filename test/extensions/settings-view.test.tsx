import { Alert, Button, Input, NumberInput, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyPreviewRequest, PortalSettingsVM } from '../../src/contracts/settings';
import { settingsEn } from '../../src/extensions/settings/messages-en';
import { settingsNl } from '../../src/extensions/settings/messages-nl';
import { SettingsView } from '../../src/extensions/settings/SettingsView';
import { policyPreview } from '../../src/server/settings/policy-preview';
import { createSettingsService } from '../../src/server/settings/settings-service';
import { EMPTY_SETTINGS, type SettingsStore, type StoredSettings } from '../../src/server/settings/settings-store';
import { jsonResponse, plain, textOf, withPatientWaitFor } from './fixtures';

/**
 * The settings page on what the SERVER's own settings service and preview answer (through JSON, as the API
 * sends it), in English and Dutch: the ladder from the default policy, a preview with real dates, an edited
 * step saved as a PATCH with the version read, and a page that offers no saving to a user who is no admin.
 */

afterEach(() => vi.restoreAllMocks());

const calendar = { timeZone: 'Europe/Amsterdam', holidays: new Set(['2026-12-25', '2026-12-26', '2027-01-01']) };

/** The store's compare-and-set in memory (the Redis store has its own tests). */
function memoryStore(): SettingsStore {
  let stored: StoredSettings = EMPTY_SETTINGS;
  return {
    read: async () => stored,
    save: async (_p, version, next) => {
      if (version !== stored.version) return { ok: false, currentVersion: stored.version };
      stored = { ...next, version: version + 1 };
      return { ok: true, settings: stored };
    },
    remove: async () => { stored = EMPTY_SETTINGS; },
  };
}

function backend() {
  const service = createSettingsService({ store: memoryStore(), now: () => new Date('2026-12-02T09:00:00Z'), initialAdmins: async () => ['55'] });
  const calls: { method: string; url: string; body?: unknown }[] = [];
  vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, init) => {
    const u = new URL(String(url));
    const userId = u.searchParams.get('userId') ?? undefined;
    calls.push({ method: init?.method ?? 'GET', url: String(url), body: init?.body });
    if (u.pathname === '/api/settings' && (init?.method ?? 'GET') === 'GET') return jsonResponse(JSON.parse(JSON.stringify(PortalSettingsVM.parse(await service.view('777', userId)))));
    if (u.pathname === '/api/settings' && init?.method === 'PATCH') {
      const r = await service.update('777', userId, init.body as never);
      return r.ok ? jsonResponse(JSON.parse(JSON.stringify(r.value))) : jsonResponse({ code: r.error.code, message: 'refused', ...(r.error.code === 'invalid_settings' ? { problems: r.error.problems } : {}) }, 400);
    }
    if (u.pathname === '/api/settings/preview') {
      const r = policyPreview(PolicyPreviewRequest.parse(init?.body), { asOf: '2026-12-02', calendar });
      return r.ok ? jsonResponse(JSON.parse(JSON.stringify(r.value))) : jsonResponse({ code: 'invalid_settings', message: 'refused', problems: r.error }, 400);
    }
    if (u.pathname === '/api/admin/api-keys') return jsonResponse({ items: [] });
    return jsonResponse({ code: 'not_found', message: 'no' }, 404);
  });
  return { calls, service };
}

function setup(language: 'en' | 'nl', userId = 55) {
  const renderer = withPatientWaitFor(createRenderer('settings'));
  renderer.mocks.context.portal.id = 777;
  renderer.mocks.context.portal.timezone = 'Europe/Amsterdam';
  renderer.mocks.context.user.id = userId;
  renderer.mocks.context.user.language = language;
  renderer.mocks.context.user.locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  return renderer;
}

describe('settings page on what the server answers', () => {
  it.each(['en', 'nl'] as const)('in %s: the ladder, and a preview with the real dates of the default policy', async (language) => {
    backend();
    const r = setup(language);
    r.render(<SettingsView />);
    const s = language === 'nl' ? settingsNl : settingsEn;
    await r.waitFor(() => expect(r.findAll(NumberInput).length).toBeGreaterThan(3));
    r.findByTestId(Button, 'preview').trigger('onClick');
    await r.waitFor(() => expect(r.findAll(Text).some((t) => t.props.testId === 'preview-late_payment_call')).toBe(true));
    const text = plain(textOf(r.getRootNode()));
    expect(text).not.toMatch(/Invalid|NaN|undefined|\[object/);
    // Issued 2 December 2026, due 1 January 2027 (a holiday): the due-date reminder comes the business day before.
    expect(text).toContain(s.previewIntro(language === 'nl' ? '2 dec 2026' : '2 Dec 2026', language === 'nl' ? '1 jan 2027' : '1 Jan 2027'));
    expect(plain(textOf(r.findByTestId(Text, 'preview-due_date_reminder')))).toContain(language === 'nl' ? '31 dec 2026' : '31 Dec 2026');
  });

  it('when an admin moves a step and saves, then the page sends the policy with the version read and shows it saved', async () => {
    const { calls, service } = backend();
    const r = setup('en');
    r.render(<SettingsView />);
    await r.waitFor(() => expect(r.findAll(NumberInput).length).toBeGreaterThan(3));
    r.findByTestId(NumberInput, 'step-offset-formal_reminder').trigger('onChange', 7 as never);
    r.findByTestId(Button, 'policy-save').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'policy-saved').props.title).toBe(settingsEn.saved));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ version: 0 });
    const saved = await service.read('777');
    expect(saved.policy.steps.find((st) => st.id === 'formal_reminder')?.offsetDays).toBe(7);
    expect(saved.version).toBe(1);
  });

  it('when the company details have a bad IBAN, then the page shows the server\'s problem and nothing is saved', async () => {
    const { service } = backend();
    const r = setup('en');
    r.render(<SettingsView />);
    await r.waitFor(() => expect(r.findAll(Input).length).toBeGreaterThan(3));
    r.findByTestId(Input, 'company-legalName').trigger('onChange', 'Groothandel Noord B.V.' as never);
    r.findByTestId(Input, 'company-iban').trigger('onChange', 'NL20INGB0001234568' as never);
    r.findByTestId(Button, 'company-save').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('IBAN NL20INGB0001234568 is not valid'));
    expect((await service.read('777')).company).toBeUndefined();
  });

  it('when the user is no admin, then the page says so and offers no save button', async () => {
    backend();
    const r = setup('nl', 99);
    r.render(<SettingsView />);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'read-only').props.title).toBe(settingsNl.readOnly));
    expect(r.findAll(Button).map((b) => b.props.testId)).not.toContain('policy-save');
    expect(r.findAll(Button).map((b) => b.props.testId)).not.toContain('create-key');
  });
});

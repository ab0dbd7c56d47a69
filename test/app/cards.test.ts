import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReceivablesView } from '../../src/extensions/views/ReceivablesView';
import { RecordPaymentStatusView } from '../../src/extensions/views/RecordPaymentStatusView';

const CARDS = path.resolve('src/app/cards');

const cards = [
  { meta: 'receivables-hsmeta.json', location: 'crm.record.tab', objectTypes: ['companies'], view: ReceivablesView },
  { meta: 'payment-status-hsmeta.json', location: 'crm.record.sidebar', objectTypes: ['companies', 'contacts', 'deals'], view: RecordPaymentStatusView },
  { meta: 'payment-status-preview-hsmeta.json', location: 'crm.preview', objectTypes: ['companies', 'contacts', 'deals'], view: RecordPaymentStatusView },
  { meta: 'helpdesk-hsmeta.json', location: 'helpdesk.sidebar', objectTypes: ['tickets'], view: RecordPaymentStatusView },
];

afterEach(() => vi.restoreAllMocks());

describe.each(cards)('card $meta', ({ meta, location, objectTypes, view }) => {
  it('when HubSpot reads the metadata, then location, object types and the entry file match', async () => {
    const json = JSON.parse(await readFile(path.join(CARDS, meta), 'utf8'));
    expect(json).toMatchObject({ type: 'card', config: { location, objectTypes } });
    expect(json.uid).toMatch(/^[a-z_]+$/);
    const entry = await readFile(path.join('src', json.config.entrypoint), 'utf8');
    // The entry only registers the card; everything else lives in src/extensions (relative import, no server code).
    for (const [, from] of entry.matchAll(/from '([^']+)'/g)) {
      expect(from === '@hubspot/ui-extensions' || from!.startsWith('../../extensions/'), from).toBe(true);
    }
  });

  it('when the entry file loads, then it registers exactly its view with hubspot.extend', async () => {
    const json = JSON.parse(await readFile(path.join(CARDS, meta), 'utf8'));
    const extend = vi.spyOn(hubspot, 'extend').mockImplementation(() => undefined as never);
    vi.resetModules();
    await import(`../../src${json.config.entrypoint}`);
    expect(extend).toHaveBeenCalledTimes(1);
    const render = extend.mock.calls[0]![0] as (api: unknown) => { type: { name: string } };
    // resetModules gives the entry a fresh module graph, so compare the component by name.
    expect(render({}).type.name).toBe(view.name);
  });
});

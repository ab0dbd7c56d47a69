import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../../src');
const meta = (file: string) => JSON.parse(readFileSync(join(SRC, 'app/cards', file), 'utf8')) as {
  uid: string; type: string; config: { name: string; location: string; entrypoint: string; objectTypes: string[] };
};

describe('action cards as HubSpot builds them', () => {
  it.each(['contact-preferences-hsmeta.json', 'call-script-hsmeta.json'])('when %s is read, then it is a company record tab whose entry file exists and registers the view', (file) => {
    const m = meta(file);
    expect(m.type).toBe('card');
    expect(m.uid).toMatch(/^[a-z0-9_]+$/);
    expect(m.config).toMatchObject({ location: 'crm.record.tab', objectTypes: ['companies'] });
    const entry = join(SRC, m.config.entrypoint);
    expect(existsSync(entry)).toBe(true);
    expect(readFileSync(entry, 'utf8')).toMatch(/hubspot\.extend<'crm\.record\.tab'>/);
  });

  it('when both cards are listed, then their uids differ from each other', () => {
    expect(meta('contact-preferences-hsmeta.json').uid).not.toBe(meta('call-script-hsmeta.json').uid);
  });
});

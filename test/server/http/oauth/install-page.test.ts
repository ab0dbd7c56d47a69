import { describe, expect, it } from 'vitest';
import { installFailedPage, installedPage, pickLanguage } from '../../../../src/server/http/oauth/install-page';

describe('install pages', () => {
  it.each([
    [undefined, 'en'], ['', 'en'], ['nl', 'nl'], ['nl-BE,en;q=0.5', 'nl'], ['en-GB,nl;q=0.9', 'en'],
    ['de-DE,nl;q=0.8,en;q=0.7', 'nl'], ['de-DE', 'en'], ['en;q=0.2,nl;q=0.9', 'nl'],
  ])('when Accept-Language is %j, then the page is in %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });

  it('when rendered, then the success page links to the portal in HubSpot and the failure page to a new install', () => {
    expect(installedPage('en', '123')).toContain('https://app.hubspot.com/home?portalId=123');
    expect(installedPage('nl', '123')).toContain('<html lang="nl">');
    expect(installFailedPage('en', 'invalid_state')).toContain('href="/oauth/install"');
  });
});

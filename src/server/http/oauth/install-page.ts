import type { InstallErrorCode } from '../../install/install-service';

type Lang = 'en' | 'nl';

const TEXT = {
  en: {
    installedTitle: 'Installed', installedBody: 'Receivables Desk is installed. Open HubSpot to see receivables on your company records.',
    open: 'Open HubSpot', failedTitle: 'Installation failed', retry: 'Start the installation again',
    errors: {
      invalid_state: 'This installation link has expired or was already used. Start the installation again from the beginning.',
      missing_code: 'HubSpot did not send an authorization code. Start the installation again.',
      code_rejected: 'HubSpot did not accept the authorization code (it may have been used already). Start the installation again.',
      hubspot_unavailable: 'HubSpot could not be reached to finish the installation. Try again in a few minutes.',
    },
  },
  nl: {
    installedTitle: 'Geïnstalleerd', installedBody: 'Receivables Desk is geïnstalleerd. Open HubSpot om de openstaande posten op uw bedrijfsrecords te zien.',
    open: 'Open HubSpot', failedTitle: 'Installatie mislukt', retry: 'Begin de installatie opnieuw',
    errors: {
      invalid_state: 'Deze installatielink is verlopen of al gebruikt. Begin de installatie opnieuw.',
      missing_code: 'HubSpot heeft geen autorisatiecode meegestuurd. Begin de installatie opnieuw.',
      code_rejected: 'HubSpot heeft de autorisatiecode niet geaccepteerd (mogelijk al gebruikt). Begin de installatie opnieuw.',
      hubspot_unavailable: 'HubSpot was niet bereikbaar om de installatie af te ronden. Probeer het over een paar minuten opnieuw.',
    },
  },
} as const;

/** Dutch when the browser prefers Dutch over English, else English. */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  const ranked = (acceptLanguage ?? '').split(',').map((part, i) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? '1');
    return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
  }).filter((r) => r.lang === 'en' || r.lang === 'nl').sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'nl' ? 'nl' : 'en';
}

const page = (lang: Lang, title: string, body: string, link: { href: string; label: string }) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Receivables Desk</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#33475b}a{color:#0091ae}</style>
</head><body><h1>${title}</h1><p>${body}</p><p><a href="${link.href}">${link.label}</a></p></body></html>`;

/** Every text is ours (no request data is echoed), so there is nothing to escape. */
export function installedPage(lang: Lang, portalId: string): string {
  const t = TEXT[lang];
  return page(lang, t.installedTitle, t.installedBody, { href: `https://app.hubspot.com/home?portalId=${encodeURIComponent(portalId)}`, label: t.open });
}

export function installFailedPage(lang: Lang, code: InstallErrorCode): string {
  const t = TEXT[lang];
  return page(lang, t.failedTitle, t.errors[code], { href: '/oauth/install', label: t.retry });
}

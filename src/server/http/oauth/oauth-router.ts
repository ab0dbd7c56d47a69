import { Router } from 'express';
import { z } from 'zod';
import type { InstallService } from '../../install/install-service';
import { installedPage, installFailedPage, pickLanguage } from './install-page';

const CallbackQuery = z.object({
  code: z.string().min(1).max(512).optional(),
  state: z.string().min(1).max(128).optional(),
});

/**
 * GET /oauth/install → 302 to HubSpot's authorize screen; GET /oauth/callback → finish the install and show a
 * small page (en/nl by Accept-Language). Mount at /oauth. A bad or missing state/code is a 400 page.
 */
export function createOAuthRouter(deps: { install: InstallService }): Router {
  const router = Router();
  router.get('/install', async (_req, res) => {
    res.set('Cache-Control', 'no-store').redirect(302, await deps.install.startInstall());
  });
  router.get('/callback', async (req, res) => {
    const lang = pickLanguage(req.get('accept-language'));
    res.set('Cache-Control', 'no-store').type('html');
    const query = CallbackQuery.safeParse(req.query);
    const result = query.success ? await deps.install.completeInstall(query.data) : { ok: false as const, error: 'invalid_state' as const };
    if (result.ok) res.status(200).send(installedPage(lang, result.value.portalId));
    else res.status(result.error === 'hubspot_unavailable' ? 502 : 400).send(installFailedPage(lang, result.error));
  });
  return router;
}

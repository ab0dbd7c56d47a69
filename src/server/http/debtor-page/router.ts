import { Router, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { Language } from '../../../domain/ledger';
import type { DebtorPageService } from '../../debtor-page/page-service';
import { renderDebtorPage, renderNeutralPage } from '../../debtor-page/render/page';

export interface DebtorPageRouterDeps {
  readonly pages: DebtorPageService;
  readonly redis: Redis;
  readonly prefix: string;
  /** Page requests per client address per minute (DEBTOR_PAGE_RATE_PER_MINUTE). */
  readonly perMinute: number;
}

const LangQuery = z.object({ lang: z.enum(['en', 'nl']).optional() }).loose();

/** Whoever asks: a link from outside HubSpot, read by a browser. Nothing is cached, sent on or framed. */
const pageHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Cache-Control': 'private, no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // No script at all; styles are inline in the page; images are data: URLs (the QR code); forms post here only.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
  next();
};

/**
 * The debtor page (mounted at /my): `GET /my/<token>` is the customer's page. Every request counts against the
 * client address's budget, and links that open nothing count against a much smaller one, so guessing is slow
 * long before it could succeed (256-bit tokens). Any link that opens nothing gets the same neutral 404 page.
 */
export function createDebtorPageRouter(deps: DebtorPageRouterDeps): Router {
  const router = Router();
  const pages = new RateLimiterRedis({ storeClient: deps.redis, keyPrefix: `${deps.prefix}:dp:rl:page`, points: deps.perMinute, duration: 60 });
  const misses = new RateLimiterRedis({ storeClient: deps.redis, keyPrefix: `${deps.prefix}:dp:rl:miss`, points: 20, duration: 15 * 60 });
  router.use(pageHeaders);

  const langOf = (query: unknown): Language | undefined => LangQuery.safeParse(query).data?.lang;
  const limited = async (ip: string): Promise<number | undefined> => {
    try {
      const missed = await misses.get(ip);
      if (missed && missed.remainingPoints <= 0) return Math.ceil(missed.msBeforeNext / 1000);
      await pages.consume(ip);
      return undefined;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.ceil(e.msBeforeNext / 1000);
      throw e;
    }
  };

  router.get('/:token', async (req, res) => {
    const ip = req.ip ?? 'unknown';
    const lang = langOf(req.query);
    const wait = await limited(ip);
    if (wait !== undefined) {
      res.status(429).set('Retry-After', String(wait)).type('html').send(renderNeutralPage(lang ?? 'nl', 'too_many'));
      return;
    }
    const view = await deps.pages.view(req.params.token);
    if (!view) {
      await misses.consume(ip).catch(() => undefined);
      res.status(404).type('html').send(renderNeutralPage(lang ?? 'nl'));
      return;
    }
    res.type('html').send(renderDebtorPage({
      standing: view.standing, creditor: view.creditor, lang: lang ?? view.language, selfPath: `${req.baseUrl}/${encodeURIComponent(req.params.token)}`,
    }));
  });

  router.use((_req, res) => { res.status(404).type('html').send(renderNeutralPage('nl')); });
  return router;
}

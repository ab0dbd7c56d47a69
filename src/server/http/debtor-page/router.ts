import { randomBytes } from 'node:crypto';
import express, { Router, type Request, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import { ARRANGE_OUTCOMES, ArrangeForm } from '../../../contracts/debtor-page';
import { SafeId } from '../../../contracts/primitives';
import { selfServiceLimitsOf } from '../../../domain/policy/self-service-limits';
import { paySelection } from '../../../domain/debtor-page/pay-selection';
import type { Language } from '../../../domain/ledger';
import { epcPayload } from '../../../domain/payments/epc-qr';
import { remittanceFor } from '../../../domain/payments/remittance';
import type { DebtorOpening, DebtorPageService, DebtorView } from '../../debtor-page/page-service';
import type { Logger } from '../../infra/logger';
import { renderArrangeSection } from '../../debtor-page/render/arrange-section';
import { renderDebtorPage, renderNeutralPage } from '../../debtor-page/render/page';
import type { SelfService } from '../../debtor-page/self-service';
import { renderPayPage } from '../../debtor-page/render/pay-page';
import { pageBytes, SUBMISSION_SLOT, TOKEN_SLOT } from '../../debtor-page/render/prepared-page';
import { epcQrDataUrl, pageQrPng } from '../../debtor-page/render/qr';
import type { CheckoutService } from '../../payments/checkout-service';
import type { InvoicePdfStore } from '../../debtor-page/invoice-pdfs';
import type { PageCache } from '../../debtor-page/page-cache';

export interface DebtorPageRouterDeps {
  readonly pages: DebtorPageService;
  /** Prepared pages, shared by every process through Redis. */
  readonly pageCache: PageCache;
  /** Online payments; without a provider the page offers the transfer (QR, IBAN, reference) only. */
  readonly checkout?: CheckoutService;
  /** Deferral, arrangement, dispute, accounts-payable address. */
  readonly selfService: SelfService;
  readonly redis: Redis;
  readonly prefix: string;
  /** Page requests per client address per minute (DEBTOR_PAGE_RATE_PER_MINUTE). */
  readonly perMinute: number;
  /** PUBLIC_BASE_URL: what the printed QR code points at (never the request's own Host header). */
  readonly publicBaseUrl: string;
  /** The invoices' own PDFs (a UBL attachment). */
  readonly pdfs?: Pick<InvoicePdfStore, 'get'>;
  readonly log: Logger;
}

/** A portal without company details is named in the log once per this interval per process, not per request. */
const WARN_EVERY_MS = 10 * 60_000;

const LangQuery = z.object({ lang: z.enum(['en', 'nl']).optional() }).loose();
const PayQuery = z.object({ invoice: SafeId(128).optional() }).loose();
const BannerQuery = z.object({ payment: z.enum(['paid', 'pending', 'failed']).optional(), done: z.enum(ARRANGE_OUTCOMES).optional() }).loose();

/** Whoever asks: a link from outside HubSpot, read by a browser. Nothing is cached, sent on or framed. */
const pageHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Cache-Control': 'private, no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // No script at all; styles are inline in the page; images are data: URLs (the QR code); forms post here, and
    // the checkout form is answered with a redirect to the provider's page.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
  });
  next();
};

/**
 * The debtor page (mounted at /my). `GET /my/<token>` is the customer's page, `/pay` pays one invoice
 * (`?invoice=`) or everything overdue (QR, details to copy, online checkout), `POST /checkout` starts the
 * provider's checkout, `/paid` is where the payer comes back. Every request counts against the client address's
 * budget, and links that open nothing count against a much smaller one, so guessing is slow long before it could
 * succeed (256-bit tokens). Any link that opens nothing gets the same neutral 404 page.
 */
export function createDebtorPageRouter(deps: DebtorPageRouterDeps): Router {
  const router = Router();
  const pages = new RateLimiterRedis({ storeClient: deps.redis, keyPrefix: `${deps.prefix}:dp:rl:page`, points: deps.perMinute, duration: 60 });
  const misses = new RateLimiterRedis({ storeClient: deps.redis, keyPrefix: `${deps.prefix}:dp:rl:miss`, points: 20, duration: 15 * 60 });
  router.use(pageHeaders);

  const langOf = (req: Request): Language | undefined => LangQuery.safeParse(req.query).data?.lang;
  const limited = async (ip: string): Promise<number | undefined> => {
    const waitOf = (e: unknown): number => {
      if (e instanceof RateLimiterRes) return Math.ceil(e.msBeforeNext / 1000);
      throw e;
    };
    // Both at once (one round trip's wait): an address that guessed too often is refused either way.
    const [missed, wait] = await Promise.all([misses.get(ip), pages.consume(ip).then(() => undefined, waitOf)]);
    if (missed && missed.remainingPoints <= 0) return Math.ceil(missed.msBeforeNext / 1000);
    return wait;
  };

  /** Rate limit, then the link: the view, or the neutral answer already sent. */
  const open = async (req: Request<{ token: string }>, res: express.Response): Promise<DebtorView | undefined> => {
    const ip = req.ip ?? 'unknown';
    const wait = await limited(ip);
    if (wait !== undefined) {
      res.status(429).set('Retry-After', String(wait)).type('html').send(renderNeutralPage(langOf(req) ?? 'nl', 'too_many'));
      return undefined;
    }
    const opening = await deps.pages.view(req.params.token);
    if (opening.kind === 'open') return opening.view;
    await refuse(req, res, opening);
    return undefined;
  };
  // A link that opens nothing counts as a miss; a customer of a portal without its own company details (IBAN,
  // name) is told the page is not available yet — never shown payment instructions with somebody else's account.
  const warned = new Map<string, number>();
  const refuse = async (req: Request<{ token: string }>, res: express.Response, opening: Exclude<DebtorOpening, { kind: 'open' }>) => {
    if (opening.kind === 'none') {
      await misses.consume(req.ip ?? 'unknown').catch(() => undefined);
      res.status(404).type('html').send(renderNeutralPage(langOf(req) ?? 'nl'));
      return;
    }
    const now = Date.now();
    if ((warned.get(opening.portalId) ?? 0) < now - WARN_EVERY_MS) {
      warned.set(opening.portalId, now);
      deps.log.warn({ portalId: opening.portalId }, 'debtor page refused: the portal has saved no company details (legal name, IBAN) on the settings page');
    }
    res.status(503).type('html').send(renderNeutralPage(langOf(req) ?? opening.language, 'not_ready'));
  };
  const selfPath = (req: Request<{ token: string }>) => `${req.baseUrl}/${encodeURIComponent(req.params.token)}`;

  const page = (req: Request<{ token: string }>, view: DebtorView, notice: { banner?: 'paid' | 'pending' | 'failed'; done?: string }, submission = randomBytes(16).toString('base64url'), path = selfPath(req)) => {
    const lang = langOf(req) ?? view.language;
    const arrange = renderArrangeSection({ standing: view.standing, lang, selfPath: path, limits: selfServiceLimitsOf(view.policy), submissionId: (form) => `${form.replace('_', '')}-${submission}` });
    return renderDebtorPage({
      standing: view.standing, creditor: view.creditor, lang, selfPath: path, payable: true, extra: [arrange], pdfInvoiceIds: view.pdfInvoiceIds,
      ...(notice.banner ? { banner: notice.banner } : {}), ...(notice.done ? { done: notice.done } : {}),
    });
  };

  // A rendered page is reused while its customer's ledger revision, the portal's day and its settings hold: built
  // once by any process with slots for the token and the forms' submission ids, so an answer is the prepared bytes
  // with the token and fresh ids between them — no rebuilding, re-encoding or hashing of a page of 200 invoices.
  router.get('/:token', async (req, res) => {
    const ip = req.ip ?? 'unknown';
    const wait = await limited(ip);
    if (wait !== undefined) {
      res.status(429).set('Retry-After', String(wait)).type('html').send(renderNeutralPage(langOf(req) ?? 'nl', 'too_many'));
      return;
    }
    const q = BannerQuery.safeParse(req.query).data;
    const notice = { ...(q?.payment ? { banner: q.payment } : {}), ...(q?.done ? { done: q.done } : {}) };
    const found = await deps.pages.fingerprint(req.params.token);
    const variant = `${langOf(req) ?? '-'}|${notice.banner ?? '-'}|${notice.done ?? '-'}`;
    const prepared = found && await deps.pageCache.get({ portalId: found.portalId, companyId: found.companyId, variant }, found.fingerprint, async () => {
      const opening = await deps.pages.view(req.params.token);
      return opening.kind === 'open' ? page(req, opening.view, notice, SUBMISSION_SLOT, `${req.baseUrl}/${TOKEN_SLOT}`) : undefined;
    });
    if (!prepared) {
      // A link that opens no one, or (rare) a customer whose page was not built: asked again, to tell why.
      const opening: DebtorOpening = found ? await deps.pages.view(req.params.token) : { kind: 'none' };
      if (opening.kind === 'open') res.type('html').send(page(req, opening.view, notice));
      else await refuse(req, res, opening);
      return;
    }
    // No ETag: the page is never stored (no-store), so hashing it would only cost time.
    const bytes = pageBytes(prepared, encodeURIComponent(req.params.token));
    res.type('html').set('Content-Length', String(bytes.length)).end(bytes);
  });

  // Self-service: a valid form is recorded once (per submission id) and answered with a redirect to the page and
  // its outcome; an invalid one gets 400 with the page and what to fix, and nothing is stored.
  router.post('/:token/arrange', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const view = await open(req, res);
    if (!view) return;
    const form = ArrangeForm.safeParse(req.body ?? {});
    if (!form.success) { res.status(400).type('html').send(page(req, view, { done: 'invalid' })); return; }
    const outcome = await deps.selfService.submit(view, form.data);
    if (outcome === 'refused') { res.status(422).type('html').send(page(req, view, { done: 'refused' })); return; }
    res.redirect(303, `${selfPath(req)}?lang=${langOf(req) ?? view.language}&done=${outcome}`);
  });

  router.get('/:token/pay', async (req, res) => {
    const view = await open(req, res);
    if (!view) return;
    const lang = langOf(req) ?? view.language;
    const q = PayQuery.safeParse(req.query);
    const selection = paySelection(view.standing, q.success ? q.data.invoice : '\u0000');
    if (selection.kind === 'nothing') { res.redirect(303, `${selfPath(req)}?lang=${lang}`); return; }
    const remittance = remittanceFor(selection.lines);
    const payload = epcPayload({ beneficiaryName: view.creditor.legalName, iban: view.creditor.iban, ...(view.creditor.bic ? { bic: view.creditor.bic } : {}), amount: selection.total, ...remittance });
    const qrDataUrl = payload.ok ? await epcQrDataUrl(payload.value) : undefined;
    res.type('html').send(renderPayPage({ selection, creditor: view.creditor, lang, selfPath: selfPath(req), remittance, online: deps.checkout !== undefined, ...(qrDataUrl ? { qrDataUrl } : {}) }));
  });

  router.post('/:token/checkout', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const view = await open(req, res);
    if (!view) return;
    const lang = langOf(req) ?? view.language;
    const body = PayQuery.safeParse(req.body ?? {});
    const selection = body.success ? paySelection(view.standing, body.data.invoice) : undefined;
    if (!deps.checkout || !selection || selection.kind === 'nothing') { res.redirect(303, `${selfPath(req)}?lang=${lang}`); return; }
    const numbers = selection.lines.map((l) => l.number).join(', ');
    const started = await deps.checkout.start({
      portalId: view.portalId, companyId: view.companyId, token: req.params.token, lines: selection.lines,
      description: `${view.creditor.legalName}: ${numbers}`.slice(0, 255),
    });
    res.redirect(303, started.checkoutUrl);
  });

  // An invoice's own PDF: only one of this customer's invoices; anything else is the neutral answer.
  router.get('/:token/invoices/:invoice/pdf', async (req, res) => {
    const view = await open(req, res);
    if (!view) return;
    const invoice = SafeId(128).safeParse(req.params.invoice);
    const own = invoice.success ? view.standing.invoices.find((i) => i.externalId === invoice.data) : undefined;
    const pdf = own && view.pdfInvoiceIds.has(own.externalId) ? await deps.pdfs?.get(view.portalId, own.externalId) : undefined;
    if (!own || !pdf) { res.status(404).type('html').send(renderNeutralPage(langOf(req) ?? view.language)); return; }
    const filename = `${own.number.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;
    res.type('application/pdf').set('Content-Disposition', `attachment; filename="${filename}"`).send(pdf);
  });

  // The page's link as a QR code, for the 14-day letter: the same rate limit and neutral answer as the page.
  router.get('/:token/qr.png', async (req, res) => {
    const view = await open(req, res);
    if (!view) return;
    res.type('png').send(await pageQrPng(`${deps.publicBaseUrl}${selfPath(req)}`));
  });

  // The provider sends the payer back here; the payment may be settled already by its webhook, or not yet.
  router.get('/:token/paid', async (req, res) => {
    const view = await open(req, res);
    if (!view) return;
    const id = deps.checkout ? await deps.checkout.latest(view.portalId, view.companyId) : undefined;
    const settled = id && deps.checkout ? await deps.checkout.settle(view.portalId, id) : undefined;
    const banner = settled?.status === 'paid' ? 'paid' : settled?.status === 'failed' || settled?.status === 'canceled' || settled?.status === 'expired' ? 'failed' : 'pending';
    res.redirect(303, `${selfPath(req)}?payment=${banner}`);
  });

  router.use((_req, res) => { res.status(404).type('html').send(renderNeutralPage('nl')); });
  return router;
}

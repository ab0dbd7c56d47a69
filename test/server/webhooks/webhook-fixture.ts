import { randomBytes } from 'node:crypto';
import type { Router } from 'express';
import type { Worker } from 'bullmq';
import { createWebhooksRouter } from '../../../src/server/http/webhooks/webhooks-router';
import { createCompanyIndexCache, type CompanyIndexCache } from '../../../src/server/matching/company-index-cache';
import { companySourceFromGateway } from '../../../src/server/matching/gateway-company-source';
import { createWebhookProcessor, type WebhookOutcome } from '../../../src/server/webhooks/webhook-processor';
import { createWebhookQueue, startWebhookWorker, type WebhookQueue } from '../../../src/server/webhooks/webhook-queue';
import { createWebhookReceiver } from '../../../src/server/webhooks/webhook-receiver';
import type { WebhookJob } from '../../../src/server/webhooks/webhook-events';
import { webhookSignatureHeaders } from '../../../src/sandbox/webhooks/sign';
import { startHarness, type Harness } from '../hubspot/harness';
import { listen } from '../install/install-fixture';
import { deletePrefix, testRedis } from '../../support/redis';

export const APP_ID = 1_000_777;

export interface WebhookFixture {
  readonly h: Harness;
  readonly secret: string;
  readonly targetUrl: string;
  readonly companyIndex: CompanyIndexCache;
  readonly queue: WebhookQueue;
  /** Every job the worker processed, in order. */
  readonly processed: { job: WebhookJob; outcome: WebhookOutcome }[];
  /** Portals whose continuous sync the processor asked for. */
  readonly refreshes: string[];
  /** A POST signed the way HubSpot signs it (sandbox's signer), optionally with another secret. */
  post(body: string, opts?: { secret?: string; signedBody?: string }): Promise<Response>;
  /** Resolves when the worker has finished every job queued so far. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookFixture(): Promise<WebhookFixture> {
  const h = await startHarness({ companies: 2, validate: false });
  const secret = `whsec-${randomBytes(8).toString('hex')}`;
  const companyIndex = createCompanyIndexCache({ redis: h.redis, prefix: h.prefix, source: companySourceFromGateway(h.services.gateway) });
  const connection = testRedis();
  const queue = createWebhookQueue({ connection, prefix: h.prefix });
  const receive = createWebhookReceiver({ redis: h.redis, prefix: h.prefix, portals: h.services.portals, enqueue: queue.enqueue });
  const refreshes: string[] = [];
  const process = createWebhookProcessor({
    companyIndex, readCompanies: h.services.gateway.readCompanies, ledger: h.ledger, claims: h.services.scheduling.claims,
    requestRefresh: async (portalId) => { refreshes.push(portalId); },
  });
  const processed: { job: WebhookJob; outcome: WebhookOutcome }[] = [];
  const workerConnection = testRedis();
  const worker: Worker = startWebhookWorker({
    connection: workerConnection, prefix: h.prefix,
    process: async (job) => { const outcome = await process(job); processed.push({ job, outcome }); return outcome; },
  });
  // The router needs the public origin, which exists only once the server listens.
  const late: { router?: Router } = {};
  const server = await listen((app) => app.use('/webhooks', (req, res, next) => late.router!(req, res, next)));
  late.router = createWebhooksRouter({ clientSecret: secret, publicBaseUrl: server.url, receive });
  const targetUrl = `${server.url}/webhooks/hubspot`;

  return {
    h, secret, targetUrl, companyIndex, queue, processed, refreshes,
    post(body, opts = {}) {
      const headers = webhookSignatureHeaders(opts.secret ?? secret, targetUrl, opts.signedBody ?? body, Date.now());
      return fetch(targetUrl, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
    },
    async drain() {
      for (let i = 0; i < 200; i++) {
        const counts = await queue.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (Object.values(counts).every((n) => n === 0)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('webhook jobs did not finish');
    },
    async close() {
      await server.close();
      await worker.close();
      await queue.close();
      await connection.quit();
      await workerConnection.quit();
      await deletePrefix(h.redis, h.prefix);
      await h.close();
    },
  };
}

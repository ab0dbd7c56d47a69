/**
 * The importers of `npm run bench:ingest` as production wires them: composeBackend (its ingest service with the
 * settings' payment-reference scheme, the usage counter, the HubSpot company index cache and the miss finder)
 * over a private Redis, with one portal installed against the local HubSpot running in a process of its own
 * (its CPU is not the app's). The bench's companies are created in that HubSpot, so the index is listed from it
 * as a first import would.
 */
import { randomBytes } from 'node:crypto';
import { composeBackend } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { installLocalPortal } from '../../src/server/embedded/embedded-backend';
import { P } from '../../src/server/hubspot/crm-schema';
import { createLogger } from '../../src/server/infra/logger';
import { startPrivateRedis } from '../../src/server/infra/redis-server';
import { createUblImporter } from '../../src/server/ingest/ubl/ubl-import';
import { startRemoteSandbox } from '../support/remote-sandbox';

export interface BenchCompanies {
  /** The CSV export's customers: name, domain and customer number as generate-csv.ts writes them. */
  readonly csv: number;
  /** The UBL buyers: name and KvK number as xml-bench.ts writes them. */
  readonly ubl: number;
}

export async function startIngestBackend(companies: BenchCompanies) {
  const privateRedis = await startPrivateRedis();
  const sandbox = await startRemoteSandbox();
  const portalId = String(sandbox.hubId);
  const config = loadConfig({ PORT: '0', REDIS_PREFIX: `rdbench${Date.now()}`, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const backend = composeBackend({
    config, log: createLogger('silent'), redisUrl: privateRedis.url, clientId: 'bench', clientSecret: randomBytes(24).toString('base64url'),
    hubspotBasePath: sandbox.url, publicBaseUrl: 'http://127.0.0.1:9', tokenKey: randomBytes(32),
  });
  await installLocalPortal(backend, { portalId, basePath: sandbox.url, tier: 'marketplace', accessToken: sandbox.token });
  const csvCompanies = Array.from({ length: companies.csv }, (_, c) => ({ name: `Klant ${c}; B.V.`, domain: `klant${c}.nl`, [P.customerNumber]: `D-${c}` }));
  const ublCompanies = Array.from({ length: companies.ubl }, (_, c) => ({ name: `Klant ${c} B.V.`, [P.cocNumber]: String(10_000_000 + c) }));
  for (let i = 0; i < csvCompanies.length; i += 1000) await sandbox.createObjects('companies', csvCompanies.slice(i, i + 1000));
  await sandbox.createObjects('companies', ublCompanies);
  await backend.companyIndex.rebuild(portalId);
  return {
    backend, portalId, redis: backend.redis, prefix: backend.prefix,
    /** The UBL importer the ingest API builds over the same ingest service (ingest-router.ts). */
    ubl: createUblImporter(backend.ingest),
    async close() {
      await backend.ledger.deletePortal(portalId).catch(() => undefined);
      await backend.close();
      await sandbox.close();
      await privateRedis.stop();
    },
  };
}
export type IngestBackend = Awaited<ReturnType<typeof startIngestBackend>>;

import { redactUrlPassword, type Config } from '../config';

/** The lines `npm start` prints once it serves: every address a person needs next, nothing secret but throwaway local ones. */
export function serviceLines(o: {
  publicBaseUrl: string;
  redisUrl: string;
  portalId?: string;
  config: Config;
}): string[] {
  const base = o.publicBaseUrl;
  const portal = o.portalId ?? '<portal id>';
  return [
    `  Backend:              ${base}  (health ${base}/health · ready /ready · metrics /metrics)`,
    `  Ingest API:           POST ${base}/api/ingest/invoices · /api/ingest/payments (JSON) · /api/ingest/csv (the file as the body) · /api/ingest/direct-debit-failures (JSON or pain.002) · /api/ingest/ubl (e-invoices) · /api/ingest/bank (camt.053/054) · GET /api/ingest/unmatched · /api/ingest/bank/unapplied`,
    `  Redis:                ${redactUrlPassword(o.redisUrl)}`,
    `  Import a file:        REDIS_URL=${redactUrlPassword(o.redisUrl)} REDIS_PREFIX=${o.config.REDIS_PREFIX} npm run import -- <file.csv> --portal ${portal}`,
    `  Ingest API keys:      REDIS_URL=${redactUrlPassword(o.redisUrl)} REDIS_PREFIX=${o.config.REDIS_PREFIX} npm run keys -- create|list|revoke --portal ${portal}`,
  ];
}

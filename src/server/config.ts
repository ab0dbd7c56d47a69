// The only reader of process.env (CONTRIBUTING.md): one zod schema, parsed once at start-up, frozen.
// With no variables at all the app runs on the embedded default: the local HubSpot sandbox and a
// private Redis. Setting HUBSPOT_BASE_PATH switches to a real HubSpot account, which then requires
// the OAuth app credentials, a stable token encryption key and a public HTTPS origin.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

export const RATE_LIMIT_TIERS = ['marketplace', 'private-starter', 'private-pro', 'private-addon'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const SECRET_KEYS = ['HUBSPOT_CLIENT_SECRET', 'HUBSPOT_ACCESS_TOKEN', 'TOKEN_ENCRYPTION_KEY', 'MOLLIE_API_KEY'] as const;

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

const originUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` })
    .refine((u) => { const p = new URL(u); return p.pathname === '/' && !p.search && !p.hash; },
      { error: `must be an origin only, without path, query or fragment (${what})` })
    .transform(withoutTrailingSlash);

const encryptionKey = z.string()
  .refine((s) => /^[A-Za-z0-9+/]+={0,2}$/.test(s) && Buffer.from(s, 'base64').length === 32,
    { error: 'must be 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`)' })
  .transform((s) => Buffer.from(s, 'base64'));

/** Express's `trust proxy`: nobody (the socket's address is the client), a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | readonly string[];

const KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(s: string): boolean {
  if (KEYWORDS.has(s)) return true;
  const [address, bits, ...rest] = s.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which proxies in front of the backend may name the client (X-Forwarded-For) — the debtor page's
 * per-address rate limits count that address. Unset or `false`: none, the connection's own address counts, so a
 * client cannot spoof its way around a limit. A number: that many proxy hops in front (the address the nearest
 * of them saw). Else a comma list of proxy addresses, CIDR subnets or `loopback`, `linklocal`, `uniquelocal`.
 */
const TrustProxySetting = z.string().trim().transform((s, ctx): TrustProxy => {
  if (s === 'false') return false;
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    if (hops >= 1 && hops <= 10) return hops;
    ctx.addIssue({ code: 'custom', message: 'must be false, 1-10 proxy hops, or a comma list of proxy addresses/subnets' });
    return z.NEVER;
  }
  const list = s.split(',').map((p) => p.trim()).filter(Boolean);
  const bad = list.filter((p) => !isAddressOrSubnet(p));
  if (list.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `must be false, 1-10 proxy hops, or a comma list of proxy addresses/subnets` });
    return z.NEVER;
  }
  return list;
});

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { error: 'must be development, test or production' })
    .default('development'),
  PORT: z.coerce.number({ error: 'must be a whole number 0-65535' })
    .int({ error: 'must be a whole number 0-65535' }).min(0).max(65_535).default(3000),
  PUBLIC_BASE_URL: originUrl("the backend's public origin, e.g. https://rd.example.com").optional(),
  REDIS_URL: z.url({ protocol: /^(rediss?|unix)$/, error: 'must be a redis://, rediss:// or unix:// URL' }).optional(),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'must be 1-32 letters, digits, _ or - (no colons)' })
    .default('rd'),
  HUBSPOT_BASE_PATH: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.hubapi.com' })
    .transform(withoutTrailingSlash).optional(),
  HUBSPOT_CLIENT_ID: z.string().min(1).optional(),
  HUBSPOT_CLIENT_SECRET: z.string().min(1).optional(),
  /** Private-app mode: the app's static token for one portal instead of OAuth installs (with HUBSPOT_PORTAL_ID). */
  HUBSPOT_ACCESS_TOKEN: z.string().min(1).optional(),
  HUBSPOT_PORTAL_ID: z.string().regex(/^\d{1,20}$/, { error: 'must be the numeric HubSpot portal (hub) id' }).optional(),
  HUBSPOT_RATE_LIMIT_TIER: z.enum(RATE_LIMIT_TIERS, { error: `must be one of ${RATE_LIMIT_TIERS.join(', ')}` })
    .default('marketplace'),
  TOKEN_ENCRYPTION_KEY: encryptionKey.optional(),
  /**
   * HubSpot user ids who may change settings and ingest keys in a portal that has named no admins yet (an OAuth
   * install makes the installing user its first admin; a private app has no install, so it needs these).
   */
  ADMIN_USER_IDS: z.string().regex(/^\d{1,20}(,\d{1,20})*$/, { error: 'must be HubSpot user ids separated by commas, e.g. 1234567,2345678' })
    .transform((v) => v.split(',')).optional(),
  /** Turns on the operators' queue dashboard (bull-board) at /admin/queues; requests must present this token. */
  QUEUE_DASHBOARD_TOKEN: z.string().min(24, { error: 'must be at least 24 characters (e.g. openssl rand -base64 32)' }).optional(),
  CREDIT_CONTROLLER_OWNER_ID: z.string().regex(/^\d+$/, { error: 'must be a numeric HubSpot owner id' }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  /**
   * Production needs a Redis that keeps its data across a restart (AOF): promises, disputes, call history,
   * tokens and task claims live only there. `true` lets production run on one without (not ready otherwise).
   */
  REDIS_ALLOW_NO_PERSISTENCE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').transform((v) => v === 'true'),
  INGEST_MAX_BODY_BYTES: z.coerce.number({ error: 'must be a whole number of bytes' })
    .int({ error: 'must be a whole number of bytes' }).min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  /** Debtor page: requests per client address per minute before 429. */
  DEBTOR_PAGE_RATE_PER_MINUTE: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(1).max(1_000_000).default(120),
  /** Debtor page online payments: a Mollie API key (test_… or live_…); without it the page offers transfers only. */
  MOLLIE_API_KEY: z.string().regex(/^(test|live)_[A-Za-z0-9]{20,}$/, { error: 'must be a Mollie API key (test_… or live_…)' }).optional(),
  /** Mollie's API origin and path (default Mollie's own); the embedded default points it at the local stand-in. */
  MOLLIE_API_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /**
   * Days a portal whose token refresh HubSpot refused (invalid_grant) keeps its data before it is deleted; a
   * reinstall within them brings everything back (install/quarantine.ts).
   */
  QUARANTINE_RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int({ error: 'must be a whole number of days' }).min(1).max(3650).default(30),
  /** Debtor page: days a customer's link stays valid after it is issued. */
  TRUST_PROXY: TrustProxySetting.default(false),
  DEBTOR_LINK_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int({ error: 'must be a whole number of days' }).min(1).max(366).default(90),
}).superRefine((env, ctx) => {
  const privateApp = env.HUBSPOT_ACCESS_TOKEN !== undefined || env.HUBSPOT_PORTAL_ID !== undefined;
  if (privateApp && (env.HUBSPOT_ACCESS_TOKEN === undefined || env.HUBSPOT_PORTAL_ID === undefined || env.HUBSPOT_BASE_PATH === undefined)) {
    for (const key of ['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_PORTAL_ID', 'HUBSPOT_BASE_PATH'] as const) {
      if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is required for private-app mode (HUBSPOT_ACCESS_TOKEN, HUBSPOT_PORTAL_ID and HUBSPOT_BASE_PATH together)' });
    }
  }
  if (env.HUBSPOT_BASE_PATH === undefined) return;
  const need = (key: keyof typeof env, why: string) => {
    if (env[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required when HUBSPOT_BASE_PATH is set (${why})` });
  };
  // A private app has no OAuth installs (and its token comes from the environment on every start), but HubSpot
  // still signs its card requests and webhooks with the app's client secret.
  if (!privateApp) need('HUBSPOT_CLIENT_ID', 'OAuth app client id');
  need('HUBSPOT_CLIENT_SECRET', privateApp ? 'HubSpot signs card requests and webhooks with it' : 'OAuth token exchange and request signatures');
  if (!privateApp) need('TOKEN_ENCRYPTION_KEY', 'stored tokens must stay readable across restarts');
  need('PUBLIC_BASE_URL', 'HubSpot calls the backend at this origin');
  if (env.PUBLIC_BASE_URL?.startsWith('http://')) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must be https when HUBSPOT_BASE_PATH is set (hubspot.fetch and webhooks only call HTTPS origins)' });
  }
});

type ParsedEnv = z.output<typeof EnvSchema>;

/** The validated configuration. Defaults are filled in; secrets are present only when configured. */
export type Config = Readonly<ParsedEnv & {
  /** Always set: the configured origin, or http://localhost:PORT on the embedded default. */
  PUBLIC_BASE_URL: string;
  /** Always set: the configured key, or 32 random bytes per run on the embedded default. */
  TOKEN_ENCRYPTION_KEY: Buffer;
  /** Always set: as configured, else `warn` on the embedded default (a person reads the terminal) and `info` otherwise. */
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
}>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (environment variables):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once. Empty strings count as unset (a `.env` line like `REDIS_URL=`).
 * Throws ConfigError naming every bad or missing variable; never echoes a value back.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? '(environment)')} ${i.message}`));
  }
  const data = parsed.data;
  return Object.freeze({
    ...data,
    PUBLIC_BASE_URL: data.PUBLIC_BASE_URL ?? `http://localhost:${data.PORT}`,
    TOKEN_ENCRYPTION_KEY: data.TOKEN_ENCRYPTION_KEY ?? randomBytes(32),
    LOG_LEVEL: data.LOG_LEVEL ?? (data.HUBSPOT_BASE_PATH === undefined ? 'warn' : 'info'),
  });
}

/** Private-app mode: one portal with a static token (HUBSPOT_ACCESS_TOKEN + HUBSPOT_PORTAL_ID), no OAuth installs. */
export function privateAppOf(config: Config): { portalId: string; accessToken: string } | undefined {
  return config.HUBSPOT_ACCESS_TOKEN && config.HUBSPOT_PORTAL_ID
    ? { portalId: config.HUBSPOT_PORTAL_ID, accessToken: config.HUBSPOT_ACCESS_TOKEN }
    : undefined;
}

/** True when the app talks to the embedded local HubSpot sandbox instead of a real account. */
export function usesEmbeddedSandbox(config: Config): boolean {
  return config.HUBSPOT_BASE_PATH === undefined;
}

/** True when Redis must persist (AOF) for the backend to be ready: production, unless overridden. */
export function requiresRedisPersistence(config: Config): boolean {
  return config.NODE_ENV === 'production' && !config.REDIS_ALLOW_NO_PERSISTENCE;
}

/** True when the app must start its own private Redis. */
export function usesPrivateRedis(config: Config): boolean {
  return config.REDIS_URL === undefined;
}

/** A copy that is safe to log: secrets become "[set]", the Redis URL loses its password. */
export function describeConfig(config: Config): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(config)) {
    if ((SECRET_KEYS as readonly string[]).includes(key)) out[key] = value === undefined ? undefined : '[set]';
    else if (key === 'REDIS_URL' && typeof value === 'string') out[key] = redactUrlPassword(value);
    else out[key] = value as string | number | undefined;
  }
  return out;
}

export function redactUrlPassword(url: string): string {
  if (url.startsWith('unix://')) return url;
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

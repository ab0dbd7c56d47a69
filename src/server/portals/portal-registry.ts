import type { Redis } from 'ioredis';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../domain/ledger';
import { RATE_LIMIT_TIERS } from '../config';

/** An installed portal: what every worker needs to talk to it and to plan in its calendar. */
export const PortalSchema = z.object({
  portalId: z.string().regex(/^\d+$/),
  timeZone: z.string().min(1).refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'unknown time zone'),
  /** ISO 3166 country for public holidays. */
  country: z.string().regex(/^[A-Z]{2}$/),
  tier: z.enum(RATE_LIMIT_TIERS),
  /** https://api.hubapi.com, or the local sandbox. */
  basePath: z.url().transform((u) => u.replace(/\/+$/, '')),
  /** The currency shown in rd_open_balance when a company owes in several. */
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  /** Owner of reminder tasks when the company has none. */
  creditControllerOwnerId: z.string().regex(/^\d+$/).optional(),
  /** The language the app writes the portal's tasks in; unset: Dutch in the Netherlands, English elsewhere. */
  language: z.enum(LANGUAGES).optional(),
  /** Local wall-clock time of the daily scheduling run. */
  dailyRunAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('07:00'),
});
export type Portal = z.output<typeof PortalSchema>;
export type PortalInput = z.input<typeof PortalSchema>;

/** The portal's language: the credit controllers who read its tasks work in it. */
export const portalLanguage = (portal: Pick<Portal, 'language' | 'country'>): Language => portal.language ?? (portal.country === 'NL' ? 'nl' : 'en');

/** A job or call for a portal that is not (or no longer) installed: it can never succeed as it stands. */
export class PortalNotInstalledError extends Error {
  constructor(readonly portalId: string) {
    super(`portal ${portalId} is not installed`);
    this.name = 'PortalNotInstalledError';
  }
}

export interface PortalRegistry {
  register(portal: PortalInput): Promise<Portal>;
  get(portalId: string): Promise<Portal | undefined>;
  /** Throws when the portal is not installed (a job for an uninstalled portal must not run). */
  require(portalId: string): Promise<Portal>;
  list(): Promise<Portal[]>;
  remove(portalId: string): Promise<void>;
}

/** The set of installed portal ids (outside every portal's own keyspace). */
export const portalIndexKey = (prefix: string) => `${prefix}:portals`;

export function createPortalRegistry(redis: Redis, prefix: string): PortalRegistry {
  const indexKey = portalIndexKey(prefix);
  const portalKey = (id: string) => `${prefix}:p:${id}:portal`;
  const cache = new Map<string, { portal: Portal; at: number }>();

  const get = async (portalId: string): Promise<Portal | undefined> => {
    const hit = cache.get(portalId);
    // Every gateway call looks the portal up: a short cache saves a Redis round trip per HubSpot call.
    if (hit && Date.now() - hit.at < 5000) return hit.portal;
    const raw = await redis.get(portalKey(portalId));
    if (!raw) return undefined;
    const portal = PortalSchema.parse(JSON.parse(raw));
    cache.set(portalId, { portal, at: Date.now() });
    return portal;
  };

  return {
    async register(input) {
      const portal = PortalSchema.parse(input);
      await redis.multi().set(portalKey(portal.portalId), JSON.stringify(portal)).sadd(indexKey, portal.portalId).exec();
      cache.delete(portal.portalId);
      return portal;
    },
    get,
    async require(portalId) {
      const portal = await get(portalId);
      if (!portal) throw new PortalNotInstalledError(portalId);
      return portal;
    },
    async list() {
      const ids = (await redis.smembers(indexKey)).sort();
      const portals = await Promise.all(ids.map(get));
      return portals.filter((p): p is Portal => p !== undefined);
    },
    async remove(portalId) {
      await redis.multi().del(portalKey(portalId)).srem(indexKey, portalId).exec();
      cache.delete(portalId);
    },
  };
}

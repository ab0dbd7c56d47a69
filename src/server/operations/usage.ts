import type { Redis } from 'ioredis';

/**
 * The app's own figures, counted in Redis so every process (web, workers, the import CLI) adds to one count:
 * totals per portal for /metrics, and HubSpot calls per portal-local day for the budget on the settings page.
 */
export const FIGURES = ['hubspot_calls', 'hubspot_429', 'ingest_rows', 'rollups_written', 'tasks_created', 'tasks_closed'] as const;
export type Figure = (typeof FIGURES)[number];

export interface DailyCalls { readonly day: string; readonly used: number; readonly rateLimited: number }

export interface UsageCounters {
  add(portalId: string, figures: Partial<Record<Figure, number>>): Promise<void>;
  /** One HubSpot answer (or failure) for the portal; `day` is the portal's calendar date (HubSpot's daily limit resets at its midnight). */
  hubspotCall(portalId: string, timeZone: string, rateLimited: boolean): Promise<void>;
  dailyCalls(portalId: string, timeZone: string): Promise<DailyCalls>;
  /** Every figure per portal since the counts began. */
  totals(): Promise<{ figure: Figure; portalId: string; value: number }[]>;
}

/** Days of per-day counts kept: today and a little history for operators. */
const DAY_TTL_S = 8 * 24 * 3600;

export function createUsageCounters(redis: Redis, prefix: string): UsageCounters {
  const totalsKey = `${prefix}:usage:totals`;
  const dayKey = (portalId: string, day: string) => `${prefix}:p:${portalId}:usage:${day}`;
  const field = (figure: Figure, portalId: string) => `${figure}|${portalId}`;
  // Real time, not the business clock: HubSpot counts its limit by the wall clock. One formatter per zone
  // (dateInZone caches per instant, which every call here would be a new one of).
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const today = (timeZone: string) => {
    let f = formatters.get(timeZone);
    if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
    return f.format(new Date());
  };

  return {
    async add(portalId, figures) {
      const m = redis.multi();
      for (const [figure, n] of Object.entries(figures) as [Figure, number][]) if (n > 0) m.hincrby(totalsKey, field(figure, portalId), n);
      if (m.length > 0) await m.exec();
    },
    async hubspotCall(portalId, timeZone, rateLimited) {
      const day = dayKey(portalId, today(timeZone));
      const m = redis.multi().hincrby(totalsKey, field('hubspot_calls', portalId), 1).hincrby(day, 'calls', 1).expire(day, DAY_TTL_S);
      if (rateLimited) m.hincrby(totalsKey, field('hubspot_429', portalId), 1).hincrby(day, '429', 1);
      await m.exec();
    },
    async dailyCalls(portalId, timeZone) {
      const day = today(timeZone);
      const [calls, limited] = await redis.hmget(dayKey(portalId, day), 'calls', '429');
      return { day, used: Number(calls ?? 0), rateLimited: Number(limited ?? 0) };
    },
    async totals() {
      const raw = await redis.hgetall(totalsKey);
      return Object.entries(raw).flatMap(([k, v]) => {
        const [figure, portalId] = k.split('|') as [Figure, string];
        return (FIGURES as readonly string[]).includes(figure) && portalId ? [{ figure, portalId, value: Number(v) }] : [];
      });
    },
  };
}

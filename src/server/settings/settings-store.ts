import type { Redis } from 'ioredis';
import { z } from 'zod';
import { CalendarSettings, CompanyDetails, PAYMENT_REFERENCE_SCHEMES, ReminderPolicySettings, SETTINGS_LANGUAGES } from '../../contracts/settings';

/** What is stored per portal: only the sections an admin saved; readers fill in the defaults. */
export const StoredSettings = z.object({
  version: z.number().int().min(0),
  updatedAt: z.string().nullable(),
  /** HubSpot user id of the last change (an id, not a name: no personal data in Redis beyond what HubSpot has). */
  updatedBy: z.string().nullable(),
  company: CompanyDetails.optional(),
  defaultLanguage: z.enum(SETTINGS_LANGUAGES).optional(),
  calendar: CalendarSettings.optional(),
  policy: ReminderPolicySettings.optional(),
  paymentReferences: z.enum(PAYMENT_REFERENCE_SCHEMES).optional(),
  adminUserIds: z.array(z.string()).optional(),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

export const EMPTY_SETTINGS: StoredSettings = { version: 0, updatedAt: null, updatedBy: null };

export type SaveResult = { ok: true; settings: StoredSettings } | { ok: false; currentVersion: number };

export interface SettingsStore {
  read(portalId: string): Promise<StoredSettings>;
  /** Writes `next` as version `expectedVersion + 1` only if the stored version is still `expectedVersion`. */
  save(portalId: string, expectedVersion: number, next: Omit<StoredSettings, 'version'>): Promise<SaveResult>;
  remove(portalId: string): Promise<void>;
}

// Compare-and-set in one step: two admins saving at once never overwrite each other unseen.
const SAVE = `
local raw = redis.call('GET', KEYS[1])
local current = 0
if raw then current = cjson.decode(raw).version end
if current ~= tonumber(ARGV[1]) then return current end
redis.call('SET', KEYS[1], ARGV[2])
return -1`;

export function createSettingsStore(redis: Redis, prefix: string): SettingsStore {
  const key = (portalId: string) => `${prefix}:p:${portalId}:settings`;
  // Readers (every card request, every planning run) share one parse per stored value.
  const parsed = new Map<string, { raw: string; settings: StoredSettings }>();
  return {
    async read(portalId) {
      const raw = await redis.get(key(portalId));
      if (!raw) return EMPTY_SETTINGS;
      const hit = parsed.get(portalId);
      if (hit?.raw === raw) return hit.settings;
      const settings = StoredSettings.parse(JSON.parse(raw));
      parsed.set(portalId, { raw, settings });
      return settings;
    },
    async save(portalId, expectedVersion, next) {
      const settings = StoredSettings.parse({ ...next, version: expectedVersion + 1 });
      const current = Number(await redis.eval(SAVE, 1, key(portalId), String(expectedVersion), JSON.stringify(settings)));
      return current === -1 ? { ok: true, settings } : { ok: false, currentVersion: current };
    },
    async remove(portalId) {
      await redis.del(key(portalId));
      parsed.delete(portalId);
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** An OAuth `state` lives this long: enough to click through HubSpot's install screen. */
export const STATE_TTL_SECONDS = 600;

export interface OAuthStateStore {
  /** A fresh random state, remembered for STATE_TTL_SECONDS. */
  issue(): Promise<string>;
  /** True once for a state this store issued and that has not expired (single use: CSRF and replay protection). */
  consume(state: string): Promise<boolean>;
}

const STATE_FORMAT = /^[A-Za-z0-9_-]{32,64}$/;

/** States sit outside any portal (the portal is not known before the callback): `${prefix}:install:state:<state>`. */
export function createOAuthStateStore(redis: Redis, prefix: string): OAuthStateStore {
  const keyOf = (state: string) => `${prefix}:install:state:${state}`;
  return {
    async issue() {
      const state = randomBytes(24).toString('base64url');
      await redis.set(keyOf(state), '1', 'EX', STATE_TTL_SECONDS);
      return state;
    },
    async consume(state) {
      if (!STATE_FORMAT.test(state)) return false;
      return (await redis.getdel(keyOf(state))) !== null;
    },
  };
}

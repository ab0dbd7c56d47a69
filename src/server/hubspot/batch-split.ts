import { GatewayError } from './gateway-error';

/** An input HubSpot refused on its own, with HubSpot's reason. */
export interface Refused<T> { readonly item: T; readonly reason: string }

/**
 * Writes a batch that HubSpot refuses as a whole (400) when one input is bad: the batch is split in halves until
 * each bad input stands alone, so everything else is written and each bad input comes back with its reason.
 * One bad input in 100 costs about 14 more calls, not the portal's rollups.
 */
export async function writeSplitting<T>(items: readonly T[], write: (batch: readonly T[]) => Promise<void>): Promise<Refused<T>[]> {
  if (items.length === 0) return [];
  try {
    await write(items);
    return [];
  } catch (err) {
    if (!(err instanceof GatewayError) || err.verdict.kind !== 'permanent' || err.status !== 400) throw err;
    if (items.length === 1) return [{ item: items[0]!, reason: err.detail ? `${err.message}: ${err.detail}` : err.message }];
    const mid = Math.ceil(items.length / 2);
    return [...await writeSplitting(items.slice(0, mid), write), ...await writeSplitting(items.slice(mid), write)];
  }
}

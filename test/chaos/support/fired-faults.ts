import { listFaults, type FaultSpec } from '../../../src/sandbox/faults';
import type { Month } from '../../acceptance/support/month';

/**
 * Injects sandbox faults into the portal and counts how many of them fired (a fault left waiting tested
 * nothing): the counter returns, per fault in the order given, how many requests it hit so far.
 */
export async function injectFaults(m: Month, specs: readonly FaultSpec[]): Promise<() => number[]> {
  const before = new Set(listFaults(m.embedded.hubspot.sandbox.state).map((f) => f.id));
  for (const spec of specs) await m.fault(spec);
  const mine = listFaults(m.embedded.hubspot.sandbox.state).filter((f) => !before.has(f.id));
  return () => mine.map((f) => f.spec.count - f.remaining);
}

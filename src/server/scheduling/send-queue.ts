/**
 * Sends one after another, in the order added, while the caller goes on preparing the next ones: planning's
 * CPU overlaps the wait for HubSpot's rate window instead of adding to it. `add` waits only while more than
 * `ahead` sends are queued, which bounds what is held in memory. A failed send fails every later one (they
 * never start) and surfaces from `add` or `drain`, so a run stops at its first failure.
 */
export function createSendQueue(ahead: number) {
  const queued: Promise<void>[] = [];
  let last: Promise<void> = Promise.resolve();
  let stopped = false;
  return {
    async add(send: () => Promise<void>): Promise<void> {
      const next = last.then(() => (stopped ? undefined : send()));
      next.catch(() => undefined); // awaited below, by drain or stop; this only keeps it from counting as unhandled
      last = next;
      queued.push(next);
      while (queued.length > ahead) await queued.shift();
    },
    async drain(): Promise<void> {
      while (queued.length > 0) await queued.shift();
    },
    /** The run failed elsewhere: queued sends do not start, and this resolves once the one under way has ended. */
    async stop(): Promise<void> {
      stopped = true;
      await last.catch(() => undefined);
    },
  };
}

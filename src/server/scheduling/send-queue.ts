/**
 * Sends in the order added, up to `concurrent` at a time, while the caller goes on preparing the next ones:
 * planning's CPU overlaps the wait for HubSpot's rate window instead of adding to it, and HubSpot's answer time
 * is not paid once per call (the window admits a call every 91 ms; a batch create takes longer than that).
 * `add` waits only while more than `ahead` sends are queued or under way, which bounds what is held in memory.
 * After a failed send no further one starts and the failure surfaces from `add` or `drain` (once the sends
 * under way have ended), so a run stops at its first failure.
 */
export function createSendQueue(opts: { ahead: number; concurrent: number }) {
  const queued: (() => Promise<void>)[] = [];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let stopped = false;
  const start = () => {
    while (!stopped && !failure && running.size < opts.concurrent && queued.length > 0) {
      const sent: Promise<void> = queued.shift()!().then(() => undefined, (error: unknown) => { failure ??= { error }; });
      running.add(sent);
      void sent.then(() => { running.delete(sent); start(); });
    }
  };
  /** Waits until `done` holds, or nothing is under way any more; then reports a failure if there was one. */
  const until = async (done: () => boolean) => {
    while (!done() && running.size > 0) await Promise.race(running);
    if (failure) throw failure.error;
  };
  return {
    async add(send: () => Promise<void>): Promise<void> {
      if (failure) throw failure.error;
      queued.push(send);
      start();
      await until(() => queued.length + running.size <= opts.ahead);
    },
    async drain(): Promise<void> {
      await until(() => queued.length === 0 && running.size === 0);
    },
    /** The run failed elsewhere: queued sends do not start, and this resolves once those under way have ended. */
    async stop(): Promise<void> {
      stopped = true;
      queued.length = 0;
      while (running.size > 0) await Promise.race(running);
    },
  };
}

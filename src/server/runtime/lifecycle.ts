export interface LifecycleLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Start-up registers a stop for everything it started; SIGINT or SIGTERM (to the process or to its whole
 * group, as Ctrl-C and `kill -TERM -<pgid>` send it to npm, tsx and this process at once) runs them once, in
 * reverse order, and exits 0. A repeated signal while stopping is ignored rather than killing the process
 * halfway (which would leave a private Redis or temp folder behind).
 */
export function createLifecycle(log: LifecycleLog, exit: (code: number) => void = (code) => process.exit(code), deadlineMs = 60_000) {
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  let stopping: Promise<void> | undefined;

  const shutdown = (code: number, why: string): Promise<void> => {
    stopping ??= (async () => {
      log.info({ why }, 'shutting down');
      // A stop that hangs (a job stuck on an unreachable HubSpot) must not keep the process serving forever.
      setTimeout(() => {
        log.error({ deadlineMs }, 'shutdown did not finish in time; exiting');
        exit(1);
      }, deadlineMs).unref();
      for (const { name, stop } of stops.reverse()) {
        await stop().catch((e: Error) => log.error({ step: name, err: e.message }, 'shutdown step failed'));
      }
      exit(code);
    })();
    return stopping;
  };

  return {
    /** Stops run in reverse order of registration: register what starts first, first. */
    onStop(name: string, stop: () => Promise<void>): void {
      stops.push({ name, stop });
    },
    shutdown,
    handleSignals(): void {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0, signal));
      process.on('unhandledRejection', (reason) => {
        log.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection');
        void shutdown(1, 'unhandled rejection');
      });
    },
  };
}

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type SandboxCall =
  | { op: 'createObjects'; objectType: string; properties: Record<string, string>[] }
  | { op: 'createOwners'; owners: { email: string; firstName: string; lastName: string }[] }
  | { op: 'requestLog'; from: number }
  | { op: 'requestCount' }
  | { op: 'cpuSeconds' }
  | { op: 'close' };
export type SandboxReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** One call as the sandbox received it; `at` is its arrival (epoch ms, this machine's clock). */
export interface LoggedRequest { readonly method: string; readonly path: string; readonly route: string; readonly status: number; readonly at: number }

/** The bench's handle on a sandbox running in its own process (see sandbox-process.ts). */
export interface RemoteSandbox {
  readonly url: string;
  readonly hubId: number;
  readonly token: string;
  createObjects(objectType: string, properties: Record<string, string>[]): Promise<string[]>;
  createOwners(owners: { email: string; firstName: string; lastName: string }[]): Promise<string[]>;
  /** HubSpot calls the portal received from `from` on (an index into its log), in order. */
  requestLog(from?: number): Promise<LoggedRequest[]>;
  requestCount(): Promise<number>;
  /** CPU seconds the sandbox process has used so far (user + system): how busy the stand-in for HubSpot was. */
  cpuSeconds(): Promise<number>;
  close(): Promise<void>;
}

export async function startRemoteSandbox(): Promise<RemoteSandbox> {
  const child = fork(fileURLToPath(new URL('./sandbox-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const ready = new Promise<{ url: string; hubId: number; token: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
    child.on('message', (m: SandboxReply | { ready: { url: string; hubId: number; token: string } }) => {
      if ('ready' in m) return resolve(m.ready);
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.ok) w?.resolve(m.value);
      else w?.reject(new Error(m.error));
    });
  });
  const call = <T>(c: SandboxCall): Promise<T> => new Promise<T>((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    child.send({ id, call: c });
  });
  const { url, hubId, token } = await ready;
  return {
    url, hubId, token,
    createObjects: (objectType, properties) => call({ op: 'createObjects', objectType, properties }),
    createOwners: (owners) => call({ op: 'createOwners', owners }),
    requestLog: (from = 0) => call({ op: 'requestLog', from }),
    requestCount: () => call({ op: 'requestCount' }),
    cpuSeconds: () => call({ op: 'cpuSeconds' }),
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call({ op: 'close' });
      await exited;
    },
  };
}

import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './app';
import { SandboxState } from './state';

export interface StartedSandbox { url: string; state: SandboxState; close(): Promise<void> }

/** Starts the sandbox on 127.0.0.1 (port 0 = any free port); tests run it in-process. */
export async function startSandbox(opts: { state?: SandboxState; port?: number; validateWithOpenApi?: boolean; validateResponses?: boolean } = {}): Promise<StartedSandbox> {
  const state = opts.state ?? new SandboxState();
  const app = createSandboxApp(state, {
    ...(opts.validateWithOpenApi !== undefined ? { validateWithOpenApi: opts.validateWithOpenApi } : {}),
    ...(opts.validateResponses !== undefined ? { validateResponses: opts.validateResponses } : {}),
  });
  const server = app.listen(opts.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // The api-client keeps connections alive; without this, close() would wait for them to time out.
  server.keepAliveTimeout = 5_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}

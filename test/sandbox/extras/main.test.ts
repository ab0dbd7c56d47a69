import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';

const ROOT = new URL('../../../', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `npm run sandbox` as a user would; detached so the whole process group (npm → tsx → node) can be stopped. */
function runSandbox(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn('npm', ['run', '--silent', 'sandbox'], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (c: Buffer) => { text += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { text += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting for the sandbox to print its details');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run sandbox', () => {
  it('when started, then it prints URL, portal id and a token that the api-client can use, and stops on SIGINT', async () => {
    const port = await freePort();
    const run = runSandbox({ SANDBOX_PORT: String(port), SANDBOX_SEED: '7' });
    try {
      await waitFor(() => run.output().includes('Press Ctrl-C'), 50_000);
      const out = run.output();
      expect(out).toContain(`HubSpot sandbox listening on http://127.0.0.1:${port}`);
      const hubId = Number(/Portal id \(hub_id\): (\d+)/.exec(out)?.[1]);
      const token = /Access token: (\S+)/.exec(out)?.[1] ?? '';
      expect(hubId).toBeGreaterThan(0);
      expect(out).toContain("basePath: 'http://127.0.0.1:");
      const client = new Client({ accessToken: token, basePath: `http://127.0.0.1:${port}` });
      const page = await client.crm.companies.basicApi.getPage(100);
      expect(page.results).toHaveLength(40);
      const info = await client.oauth.accessTokensApi.get(token);
      expect(info.hubId).toBe(hubId);
    } finally {
      if (run.child.pid) process.kill(-run.child.pid, 'SIGINT');
    }
    await run.exited;
  }, 60_000);

  it('when SANDBOX_PORT is not a number, then it exits with a clear message', async () => {
    const run = runSandbox({ SANDBOX_PORT: 'abc' });
    const code = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toContain('SANDBOX_PORT must be an integer');
  }, 30_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { freePort } from '../../support/free-port';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Runs `npm run sandbox` as a user would; detached so the whole process group (npm → tsx → node) can be stopped. */
function runSandbox(env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn('npm', ['run', '--silent', 'sandbox', '--', ...args], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
  it('when started, then it prints URL, portal id and a token that the api-client can use, limits like a marketplace app, delivers webhooks where told, and stops on SIGINT', async () => {
    const port = await freePort();
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => { received.push({ headers: req.headers, body }); res.writeHead(204).end(); });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks/hubspot`;
    const run = runSandbox({ SANDBOX_PORT: String(port), SANDBOX_SEED: '7' }, ['--webhooks-to', hookUrl]);
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

      // A company created in the sandbox is announced to the --webhooks-to URL, signed like HubSpot signs.
      await client.crm.companies.basicApi.create({ properties: { name: 'Webhook BV' }, associations: [] });
      await waitFor(() => received.length > 0, 10_000);
      const events = JSON.parse(received[0]!.body) as { subscriptionType: string; portalId: number }[];
      expect(events.some((e) => e.subscriptionType === 'company.creation' && e.portalId === hubId)).toBe(true);
      expect(received[0]!.headers['x-hubspot-signature-v3']).toBeTruthy();

      // HubSpot's marketplace budget by default: 110 requests per 10 s, then 429.
      expect(out).toContain("Rate limits: HubSpot's marketplace tier");
      const raw = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
      const statuses = await Promise.all(Array.from({ length: 115 }, () => raw('/crm/v3/objects/companies?limit=1')));
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    } finally {
      if (run.child.pid) process.kill(-run.child.pid, 'SIGINT');
      receiver.close();
    }
    await run.exited;
  }, 60_000);

  it('when --rate-limit names no tier, then it exits with a clear message', async () => {
    const run = runSandbox({}, ['--rate-limit', 'unlimited']);
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('--rate-limit must be one of off, marketplace');
  }, 30_000);

  it('when SANDBOX_PORT is not a number, then it exits with a clear message', async () => {
    const run = runSandbox({ SANDBOX_PORT: 'abc' });
    const code = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toContain('SANDBOX_PORT must be an integer');
  }, 30_000);
});

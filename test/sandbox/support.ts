import { Client } from '@hubspot/api-client';
import { startSandbox, type StartedSandbox } from '../../src/sandbox/server';
import type { Portal } from '../../src/sandbox/state';

export interface SandboxFixture { sandbox: StartedSandbox; portal: Portal; token: string; client: Client }

/** A running sandbox (OpenAPI validation of requests and answers on), one portal, and a real api-client for it. */
export async function startFixture(opts: { validateWithOpenApi?: boolean } = {}): Promise<SandboxFixture> {
  const sandbox = await startSandbox({ port: 0, ...opts });
  const portal = sandbox.state.createPortal();
  const token = sandbox.state.issueAccessToken(portal.hubId);
  return { sandbox, portal, token, client: new Client({ accessToken: token, basePath: sandbox.url }) };
}

/** The api-client throws `{ code, body }` on non-2xx answers; this returns them for assertions. */
export async function failure(p: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: number; body?: unknown };
    if (typeof err.code === 'number') return { code: err.code, body: (err.body ?? {}) as Record<string, unknown> };
    throw e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** An `associations` entry for v3 create (HubSpot-defined type). */
export const assoc = (toId: string, associationTypeId: number) => ({
  to: { id: toId }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId }],
});

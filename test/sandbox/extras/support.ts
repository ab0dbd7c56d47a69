import { startSandbox } from '../../../src/sandbox/server';
import { SandboxState, type Portal, type PortalSettings } from '../../../src/sandbox/state';

export interface SharedSandbox {
  state: SandboxState;
  url: string;
  close(): Promise<void>;
  /** A fresh portal (so tests never share counters or faults) and a token for it. */
  newPortal(settings?: Partial<PortalSettings>): { portal: Portal; token: string; url: string; state: SandboxState };
}

/** One sandbox per test file: starting one compiles HubSpot's OpenAPI documents, which takes seconds. */
export async function startSharedSandbox(): Promise<SharedSandbox> {
  const state = new SandboxState();
  const sandbox = await startSandbox({ state, port: 0 });
  return {
    state, url: sandbox.url, close: () => sandbox.close(),
    newPortal(settings = {}) {
      const portal = state.createPortal({ settings });
      return { portal, token: state.issueAccessToken(portal.hubId), url: sandbox.url, state };
    },
  };
}

export async function api(url: string, path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return fetch(`${url}${path}`, { ...init, headers });
}

export function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
}

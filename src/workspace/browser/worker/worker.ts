/**
 * The extension worker: the globals HubSpot's worker gives a card bundle (`React`, `RemoteUI`, `extend_V2`,
 * `hsFetch`, `hsWorkerAPI`, `logger`, the `__HUBSPOT_EXTENSION_WORKER__` marker), then the bundle HubSpot's
 * build made, loaded with importScripts as a classic worker script. The card renders with @remote-ui/react
 * into a remote root whose changes travel to the host page over the channel.
 */
import * as React from 'react';
import * as RemoteUI from '@remote-ui/react';
import { createRemoteRoot } from '@remote-ui/core';
import { createEndpoint, retain } from '@remote-ui/rpc';
import type { ReactElement } from 'react';
import type { ExtensionContext, HostApi, StartOptions, WorkerApi } from '../protocol';
import { hsFetchVia } from './hs-fetch';

type Scope = Record<string, unknown> & {
  importScripts(url: string): void;
  addEventListener(type: 'error' | 'unhandledrejection', listener: (e: { message?: string; reason?: unknown }) => void): void;
};
const scope = self as unknown as Scope;

const jsonResponse = (data: unknown) => new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } });

async function postJson(base: string, path: string, body: unknown): Promise<Response> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.ok ? res : jsonResponse({ error: `${path} answered ${res.status}` });
}

function workerApi(o: StartOptions, context: ExtensionContext, actions: Record<string, unknown>) {
  const record = context.crm ? { objectTypeId: context.crm.objectTypeId, objectId: String(context.crm.objectId) } : undefined;
  const api = { context, actions, runServerlessFunction: () => Promise.reject(new Error('serverless functions are not used by this app')) };
  const noRecord = () => Promise.resolve(jsonResponse({ error: 'this location has no CRM record' }));
  return {
    useExtensionContext: () => context,
    useExtensionActions: () => actions,
    useExtensionApi: () => api,
    useAppPageLocation: () => ({ path: '/', params: {} }),
    fetchCrmProperties: (properties: string[] | '*') => record ? postJson(o.base, '/api/crm/properties', { ...record, properties }) : noRecord(),
    fetchAssociations: (request: { toObjectType: string; properties?: string[]; pageLength?: number; offset?: number }) =>
      record ? postJson(o.base, '/api/crm/associations', { ...record, ...request }) : noRecord(),
    fetchCrmSearch: () => Promise.resolve(jsonResponse({ error: 'useCrmSearch is not part of this workspace' })),
    fetchHubSpotApi: () => Promise.reject(new Error('the experimental HubSpot API client is not part of this workspace')),
    formatCrmProperties: () => Promise.resolve(jsonResponse({ error: 'formatCrmProperties is not part of this workspace' })),
  };
}

function actionsFor(host: HostApi, base: string, context: ExtensionContext): Record<string, unknown> {
  const props = async (names: string[] | '*') => {
    if (!context.crm) return {};
    const res = await postJson(base, '/api/crm/properties', { objectTypeId: context.crm.objectTypeId, objectId: String(context.crm.objectId), properties: names });
    return ((await res.json()) as { data?: Record<string, string> }).data ?? {};
  };
  return {
    addAlert: (a: Parameters<HostApi['addAlert']>[0]) => host.addAlert(a),
    reloadPage: () => host.reloadPage(),
    refreshObjectProperties: () => host.refreshObjectProperties(),
    openIframeModal: (a: Parameters<HostApi['openIframeModal']>[0]) => host.openIframeModal(a),
    copyTextToClipboard: (text: string) => host.copyTextToClipboard(text),
    closeOverlay: (id: string) => host.closeOverlay(id),
    navigateToPage: (to: Parameters<HostApi['navigateToPage']>[0]) => host.navigateToPage(to),
    fetchCrmObjectProperties: props,
    onCrmPropertiesUpdate: (names: string[] | '*', callback: (p: Record<string, string>) => void) => { void props(names).then(callback); },
  };
}

const api: WorkerApi = {
  async start(o) {
    // The channel and host functions are kept for the worker's whole life (the card calls them until it is ended).
    retain(o.channel);
    retain(o.host);
    const { host, context } = o;
    const actions = actionsFor(host, o.base, context);
    const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    Object.assign(scope, {
      React, RemoteUI,
      __HUBSPOT_EXTENSION_WORKER__: true,
      logger: {
        debug: (...a: unknown[]) => host.log('debug', text(a)), info: (...a: unknown[]) => host.log('info', text(a)),
        warn: (...a: unknown[]) => host.log('warn', text(a)), error: (...a: unknown[]) => host.log('error', text(a)),
      },
      hsFetch: hsFetchVia(o.base, (m) => host.log('error', m)),
      serverless: () => Promise.reject(new Error('serverless functions are not used by this app')),
      hsWorkerAPI: workerApi(o, context, actions),
      extend_V2: (render: (a: unknown) => ReactElement) => {
        const root = createRemoteRoot(o.channel);
        RemoteUI.createRoot(root).render(React.createElement(CardBoundary, { onError: (m) => host.reportError(m) }, render({ context, actions, runServerlessFunction: () => Promise.reject(new Error('no serverless')) })));
        void root.mount();
      },
    });
    scope.addEventListener('error', (e) => host.reportError(e.message ?? 'error'));
    scope.addEventListener('unhandledrejection', (e) => host.reportError(e.reason instanceof Error ? e.reason.message : String(e.reason)));
    scope.importScripts(o.bundleUrl);
  },
};

/** HubSpot shows a card that throws as a failed card, not as an empty one: the boundary reports it. */
class CardBoundary extends React.Component<{ onError: (message: string) => void; children?: React.ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() { return { failed: true }; }
  override componentDidCatch(error: unknown) { this.props.onError(error instanceof Error ? error.message : String(error)); }
  override render() { return this.state.failed ? null : this.props.children; }
}

createEndpoint<unknown>(self as unknown as Parameters<typeof createEndpoint>[0]).expose(api as unknown as Record<string, (...args: unknown[]) => unknown>);

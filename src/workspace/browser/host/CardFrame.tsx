/// <reference lib="dom" />
/**
 * One card as HubSpot runs it: its own Web Worker with HubSpot's worker globals, the card's bundle from
 * HubSpot's build inside, the rendered tree received with @remote-ui and drawn with the stand-ins. A component
 * without a stand-in is drawn as a visible placeholder and reported on the console, never dropped.
 */
import { createRemoteReceiver, type RemoteReceiver } from '@remote-ui/core';
import { createController, RemoteRenderer } from '@remote-ui/react/host';
import { createEndpoint, fromWebWorker } from '@remote-ui/rpc';
import { useEffect, useMemo, useState } from 'react';
import type { ExtensionContext, HostApi, WorkerApi } from '../protocol';
import { STAND_INS } from './standins';

export interface CardHostActions {
  addAlert: HostApi['addAlert'];
  reloadPage(): void;
  refreshObjectProperties(): void;
  openIframeModal: HostApi['openIframeModal'];
  navigateToPage: HostApi['navigateToPage'];
}

function Placeholder({ type }: { type: string }) {
  return <div className="ws-placeholder" data-placeholder={type}>Component “{type}” is not part of the workspace's stand-ins</div>;
}

const controller = createController(STAND_INS, {
  renderComponent(props, { renderDefault }) {
    const type = props.component.type;
    if (!(type in STAND_INS)) {
      console.error(`workspace: no stand-in for HubSpot component ${type}; shown as a placeholder`);
      return <Placeholder key={props.key} type={type} />;
    }
    // HubSpot's `testId` prop, as a data-testid a person's tests (and ours) can find; tables keep their DOM shape.
    const testId = (props.component.props as { testId?: unknown }).testId;
    if (typeof testId !== 'string' || type.startsWith('Table')) return renderDefault();
    return <span key={props.key} className="ws-testid" data-testid={testId}>{renderDefault()}</span>;
  },
});

export function CardFrame(p: { base: string; uid: string; title: string; context: ExtensionContext; actions: CardHostActions; refreshKey: number }) {
  const [failure, setFailure] = useState<string>();
  const [receiver, setReceiver] = useState<RemoteReceiver>();
  const contextKey = useMemo(() => JSON.stringify(p.context), [p.context]);
  const [copied, setCopied] = useState<string>();

  useEffect(() => {
    const r = createRemoteReceiver();
    setReceiver(r);
    setFailure(undefined);
    const worker = new Worker(`${p.base}/assets/worker.js`, { name: p.uid });
    const endpoint = createEndpoint<WorkerApi>(fromWebWorker(worker));
    const report = (m: string) => { setFailure(m); console.error(`card ${p.uid}: ${m}`); };
    const host: HostApi = {
      addAlert: (a) => p.actions.addAlert(a),
      reloadPage: () => p.actions.reloadPage(),
      refreshObjectProperties: () => p.actions.refreshObjectProperties(),
      openIframeModal: (a) => p.actions.openIframeModal(a),
      navigateToPage: (to) => p.actions.navigateToPage(to),
      closeOverlay: () => undefined,
      async copyTextToClipboard(text) {
        // Headless browsers refuse the clipboard without a permission; the text is shown either way.
        try { await navigator.clipboard.writeText(text); } catch { /* shown below */ }
        setCopied(text);
      },
      reportError: report,
      log: (level, m) => { (level === 'error' ? console.error : level === 'warn' ? console.warn : console.info)(`card ${p.uid}: ${m}`); },
    };
    const origin = window.location.origin;
    endpoint.call.start({ bundleUrl: `${origin}${p.base}/cards/${p.uid}.js`, base: `${origin}${p.base}`, context: p.context, channel: r.receive, host })
      .catch((e: unknown) => report(e instanceof Error ? e.message : String(e)));
    return () => { endpoint.terminate(); worker.terminate(); };
    // contextKey and refreshKey name everything the worker depends on (the context object is new each render).
  }, [p.uid, p.base, contextKey, p.refreshKey]);

  return (
    <section className="ws-card" aria-label={p.title} data-card={p.uid}>
      <header className="ws-card-title"><h3>{p.title}</h3></header>
      <div className="ws-card-body">
        {failure ? <div className="ws-card-failure" role="alert">This card failed to load: {failure}</div> : null}
        {receiver ? <RemoteRenderer receiver={receiver} controller={controller} /> : null}
        {copied !== undefined ? <div className="ws-copied" role="status">Copied to the clipboard: <pre>{copied}</pre></div> : null}
      </div>
    </section>
  );
}

/// <reference lib="dom" />
/**
 * The workspace chrome: HubSpot's top bar with the object menus, the user and language switches (passed to the
 * cards' context as HubSpot passes them), the clock control, alerts the cards raise, and the page for the route.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AlertType } from '../protocol';
import type { CardHostActions } from './CardFrame';
import { IndexPage } from './IndexPage';
import { AppPage, RecordPage } from './RecordPage';
import { getJson, postJson, type Language, type Setup } from './setup';

type Route = { kind: 'index'; type: string } | { kind: 'record'; type: string; id: string } | { kind: 'app'; location: string };
const TYPES = ['companies', 'contacts', 'deals', 'tickets'];
const TYPE_LABEL: Record<string, string> = { companies: 'Companies', contacts: 'Contacts', deals: 'Deals', tickets: 'Help desk' };

function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [type, id] = parts;
  if (type === 'home' || type === 'settings') return { kind: 'app', location: type };
  if (type && TYPES.includes(type)) return id && /^\d+$/.test(id) ? { kind: 'record', type, id } : { kind: 'index', type };
  return { kind: 'index', type: 'companies' };
}

const ROLE_LABEL = { 'credit-controller': 'Credit controller', 'account-owner': 'Account owner', 'support-agent': 'Support agent' } as const;
interface Toast { id: number; type: AlertType; title?: string; message: string }

export function App() {
  const [setup, setSetup] = useState<Setup>();
  const [failure, setFailure] = useState<string>();
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [role, setRole] = useState(() => new URLSearchParams(window.location.search).get('user') ?? 'credit-controller');
  const [lang, setLang] = useState<Language>(() => (new URLSearchParams(window.location.search).get('lang') === 'nl' ? 'nl' : 'en'));
  const [now, setNow] = useState<string>();
  const [clockBusy, setClockBusy] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [modal, setModal] = useState<{ uri: string; title?: string; width: number; height: number }>();
  const [reloads, setReloads] = useState(0);
  const [recordReloads, setRecordReloads] = useState(0);

  useEffect(() => {
    getJson<Setup>('/api/setup').then((s) => { setSetup(s); setNow(s.now); }, (e: unknown) => setFailure(String(e)));
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);

  const addAlert = useCallback((a: { type?: AlertType; title?: string; message: string }) => {
    setToasts((t) => [...t, { id: Date.now() + Math.random(), type: a.type ?? 'info', ...(a.title ? { title: a.title } : {}), message: a.message }]);
  }, []);
  const actions: CardHostActions = {
    addAlert,
    reloadPage: () => setReloads((n) => n + 1),
    refreshObjectProperties: () => setRecordReloads((n) => n + 1),
    openIframeModal: (m) => setModal(m),
    navigateToPage: ({ to }) => { window.location.hash = `#/${to.replace(/^\//, '')}`; },
  };

  const moveClock = async (step: 'today' | 'business-day' | 'week') => {
    setClockBusy(true);
    try {
      const answer = await postJson<{ now: string }>('/api/clock', { step });
      setNow(answer.now);
      setReloads((n) => n + 1);
    } finally {
      setClockBusy(false);
    }
  };

  if (failure) return <main className="ws-main"><p role="alert">The workspace could not start: {failure}</p></main>;
  if (!setup) return <main className="ws-main"><p className="ws-boot">Loading the workspace…</p></main>;
  const user = setup.users.find((u) => u.role === role) ?? setup.users[0];
  if (!user) return <main className="ws-main"><p role="alert">The local portal has no users.</p></main>;
  const hasApp = (loc: string) => setup.components.some((c) => c.location === loc);
  const current = route.kind === 'app' ? route.location : route.type;

  return (
    <div className="ws-shell">
      <header className="ws-topbar">
        <a className="ws-brand" href="#/companies">HubSpot <span>local workspace · portal {setup.portal.id}</span></a>
        <nav className="ws-nav" aria-label="Main">
          {TYPES.map((t) => <a key={t} href={`#/${t}`} aria-current={current === t ? 'page' : undefined}>{TYPE_LABEL[t]}</a>)}
          {hasApp('home') ? <a href="#/home" aria-current={current === 'home' ? 'page' : undefined}>Receivables Desk</a> : null}
          {hasApp('settings') ? <a href="#/settings" aria-current={current === 'settings' ? 'page' : undefined}>Settings</a> : null}
        </nav>
        <div className="ws-controls">
          <label>User <select value={user.role} onChange={(e) => setRole(e.target.value)} data-control="user">
            {setup.users.map((u) => <option key={u.role} value={u.role}>{ROLE_LABEL[u.role]} — {u.firstName} {u.lastName} (owner {u.ownerId})</option>)}
          </select></label>
          <label>Language <select value={lang} onChange={(e) => setLang(e.target.value === 'nl' ? 'nl' : 'en')} data-control="language">
            <option value="en">English</option><option value="nl">Nederlands</option>
          </select></label>
          <div className="ws-clock" role="group" aria-label="Business clock">
            <span data-control="now">{now ? new Date(now).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: setup.portal.timezone, dateStyle: 'medium', timeStyle: 'short' }) : ''}</span>
            <button type="button" disabled={clockBusy} onClick={() => void moveClock('today')}>Today</button>
            <button type="button" disabled={clockBusy} onClick={() => void moveClock('business-day')}>+1 business day</button>
            <button type="button" disabled={clockBusy} onClick={() => void moveClock('week')}>+1 week</button>
            {clockBusy ? <span role="status">daily pass running…</span> : null}
          </div>
        </div>
      </header>
      <div className="ws-toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`hs-alert hs-alert-${t.type}`} role="status" data-alert={t.type}>
            {t.title ? <p className="hs-alert-title">{t.title}</p> : null}<p>{t.message}</p>
            <button type="button" className="ws-close" aria-label="Dismiss" onClick={() => setToasts((all) => all.filter((x) => x.id !== t.id))}>×</button>
          </div>
        ))}
      </div>
      <main className="ws-main">
        {route.kind === 'index' ? <IndexPage key={`${route.type}-${reloads}`} type={route.type} label={TYPE_LABEL[route.type] ?? route.type} lang={lang} /> : null}
        {route.kind === 'record' ? <RecordPage key={`${route.type}-${route.id}`} setup={setup} user={user} lang={lang} type={route.type} id={route.id} actions={actions} reloads={reloads} recordReloads={recordReloads} /> : null}
        {route.kind === 'app' ? <AppPage setup={setup} user={user} lang={lang} location={route.location} actions={actions} reloads={reloads} /> : null}
      </main>
      {modal ? (
        <div className="ws-modal" role="dialog" aria-modal="true" aria-label={modal.title ?? 'Modal'}>
          <div className="ws-modal-box" style={{ width: Math.min(modal.width, 1000) }}>
            <header><h2>{modal.title ?? ''}</h2><button type="button" className="ws-close" aria-label="Close" onClick={() => setModal(undefined)}>×</button></header>
            <iframe title={modal.title ?? 'modal'} src={modal.uri} style={{ height: Math.min(modal.height, 800) }} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

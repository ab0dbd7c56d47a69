/// <reference lib="dom" />
/**
 * A record as HubSpot lays it out: the left column with the record's properties, the middle column with tabs
 * (Overview, then one tab per `crm.record.tab` card), the right sidebar with the `crm.record.sidebar` cards and
 * the associated records, each with a preview panel that shows the `crm.preview` cards. A ticket opens as the
 * help desk shows it, with the `helpdesk.sidebar` cards beside the conversation.
 */
import { useEffect, useState } from 'react';
import { CardFrame, type CardHostActions } from './CardFrame';
import { base, cardContext, componentsAt, getJson, type Language, type RecordSummary, type RecordView, type Setup, type WorkspaceUser } from './setup';

interface Props { setup: Setup; user: WorkspaceUser; lang: Language; actions: CardHostActions; reloads: number }

const ASSOC_LABEL: Record<string, string> = { companies: 'Companies', contacts: 'Contacts', deals: 'Deals', tickets: 'Tickets' };

function Cards(p: Props & { location: string; objectType?: string; objectId?: string }) {
  const cards = componentsAt(p.setup, p.location, p.objectType);
  return (
    <>
      {cards.map((c) => (
        <CardFrame key={c.uid} base={base()} uid={c.uid} title={c.name} refreshKey={p.reloads} actions={p.actions}
          context={cardContext(p.setup, p.user, p.lang, p.location, c.name, p.objectType && p.objectId ? { objectType: p.objectType, objectId: p.objectId } : undefined)} />
      ))}
    </>
  );
}

function PropertyList({ record }: { record: RecordView }) {
  const names = Object.keys(record.properties).filter((k) => k.startsWith('rd_') || ['domain', 'phone', 'city', 'email', 'jobtitle', 'amount', 'dealstage', 'hs_ticket_priority'].includes(k)).sort();
  return (
    <dl className="hs-dl ws-props">
      {names.map((n) => <div key={n} className="hs-dl-item"><dt>{n}</dt><dd>{record.properties[n] || '--'}</dd></div>)}
    </dl>
  );
}

function Associations(p: Props & { record: RecordView; onPreview: (type: string, r: RecordSummary) => void }) {
  return (
    <>
      {Object.entries(p.record.associations).map(([type, list]) => (
        <section key={type} className="ws-assoc" aria-label={ASSOC_LABEL[type] ?? type}>
          <h3>{ASSOC_LABEL[type] ?? type} ({list?.length ?? 0})</h3>
          <ul>
            {(list ?? []).slice(0, 10).map((r) => (
              <li key={r.id}>
                <a className="hs-link" href={`#/${type}/${r.id}`}>{r.title || `#${r.id}`}</a>{' '}
                <button type="button" className="hs-button hs-button-transparent hs-button-xs" onClick={() => p.onPreview(type, r)} data-preview={`${type}/${r.id}`}>Preview</button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function RecordPage(p: Props & { type: string; id: string; recordReloads: number }) {
  const [record, setRecord] = useState<RecordView>();
  const [missing, setMissing] = useState(false);
  const [tab, setTab] = useState('overview');
  const [preview, setPreview] = useState<{ type: string; record: RecordSummary }>();
  useEffect(() => {
    getJson<RecordView>(`/api/records/${p.type}/${p.id}`).then(setRecord, () => setMissing(true));
  }, [p.type, p.id, p.recordReloads, p.reloads]);

  if (missing) return <p role="alert">No such record.</p>;
  if (!record) return <p className="ws-boot">Loading the record…</p>;
  const tabs = componentsAt(p.setup, 'crm.record.tab', p.type);
  const ticket = p.type === 'tickets';
  const previewPanel = preview ? (
    <aside className="ws-preview" aria-label={`Preview of ${preview.record.title}`}>
      <header><h2>{preview.record.title}</h2><button type="button" className="ws-close" aria-label="Close preview" onClick={() => setPreview(undefined)}>×</button></header>
      <Cards {...p} location="crm.preview" objectType={preview.type} objectId={preview.record.id} />
    </aside>
  ) : null;

  return (
    <div className="ws-record" data-record={`${p.type}/${p.id}`}>
      <aside className="ws-left" aria-label="About this record">
        <a className="hs-link" href={`#/${p.type}`}>‹ {ASSOC_LABEL[p.type] ?? p.type}</a>
        <h1>{record.title || `#${record.id}`}</h1>
        <PropertyList record={record} />
      </aside>
      <section className="ws-middle" aria-label={ticket ? 'Conversation' : 'Record tabs'}>
        {ticket ? (
          <div className="ws-ticket"><h2>Ticket</h2><p>{record.properties.subject}</p><p className="hs-microcopy">Priority {record.properties.hs_ticket_priority ?? '--'} · stage {record.properties.hs_pipeline_stage ?? '--'}</p></div>
        ) : (
          <>
            <div role="tablist" className="hs-tablist ws-record-tabs">
              <button role="tab" type="button" aria-selected={tab === 'overview'} className="hs-tab" onClick={() => setTab('overview')}>Overview</button>
              {tabs.map((c) => <button key={c.uid} role="tab" type="button" aria-selected={tab === c.uid} className="hs-tab" data-tab={c.uid} onClick={() => setTab(c.uid)}>{c.name}</button>)}
            </div>
            <div role="tabpanel" className="ws-tabpanel">
              {tab === 'overview'
                ? <Associations {...p} record={record} onPreview={(type, r) => setPreview({ type, record: r })} />
                : tabs.filter((c) => c.uid === tab).map((c) => (
                  <CardFrame key={c.uid} base={base()} uid={c.uid} title={c.name} refreshKey={p.reloads} actions={p.actions}
                    context={cardContext(p.setup, p.user, p.lang, 'crm.record.tab', c.name, { objectType: p.type, objectId: p.id })} />
                ))}
            </div>
          </>
        )}
      </section>
      <aside className="ws-right" aria-label="Sidebar">
        <Cards {...p} location={ticket ? 'helpdesk.sidebar' : 'crm.record.sidebar'} objectType={p.type} objectId={p.id} />
        {ticket || tab !== 'overview' ? <Associations {...p} record={record} onPreview={(type, r) => setPreview({ type, record: r })} /> : null}
      </aside>
      {previewPanel}
    </div>
  );
}

/** The app home (`type: page`) and the settings page (`type: settings`) once the app has them. */
export function AppPage(p: Props & { location: string }) {
  const cards = componentsAt(p.setup, p.location);
  if (cards.length === 0) return <p>The app has no {p.location === 'home' ? 'app home' : 'settings'} page yet.</p>;
  return (
    <div className="ws-app-page">
      <h1>Receivables Desk {p.location === 'settings' ? '· Settings' : ''}</h1>
      <Cards {...p} location={p.location} />
    </div>
  );
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * HTML stand-ins for HubSpot's UI components, after HubSpot's visual conventions (Canvas: Lexend Deca, navy
 * text, teal links, orange primary buttons, tables with header rows, tags with coloured borders). Function
 * props arrive as proxies of the card's functions in the worker; calling one runs the card's handler there.
 */
import { useState, type ReactElement, type ReactNode } from 'react';
import { BarChartStandIn, LineChartStandIn } from './charts';
import { DateInputStandIn, NumberInputStandIn, SelectStandIn, TextAreaStandIn, TextInputStandIn, ToggleGroupStandIn, CheckboxStandIn, MultiSelectStandIn } from './inputs';
import { TableHeaderStandIn, TableStandIn } from './table';

type P = Record<string, unknown> & { children?: ReactNode };
const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const call = (fn: unknown, ...args: unknown[]) => { if (typeof fn === 'function') void (fn as (...a: unknown[]) => unknown)(...args); };

const HEADING_TAGS = { h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4' } as const;

function Text(p: P) {
  const format = (p.format ?? {}) as { fontWeight?: string; italic?: boolean; lineDecoration?: string };
  const style = { fontWeight: format.fontWeight === 'bold' ? 600 : format.fontWeight === 'demibold' ? 500 : undefined, fontStyle: format.italic ? 'italic' : undefined, textDecoration: format.lineDecoration === 'strikethrough' ? 'line-through' : format.lineDecoration === 'underline' ? 'underline' : undefined };
  const Tag = p.inline ? 'span' : 'p';
  return <Tag className={cls('hs-text', p.variant === 'microcopy' && 'hs-microcopy')} style={style}>{p.children}</Tag>;
}

function Heading(p: P) {
  const Tag = HEADING_TAGS[(str(p.as) ?? 'h2') as keyof typeof HEADING_TAGS] ?? 'h2';
  return <Tag className="hs-heading">{p.children}</Tag>;
}

function Flex(p: P) {
  const gap = { flush: 0, 'extra-small': 4, xs: 4, small: 8, sm: 8, medium: 16, md: 16, large: 24, lg: 24, 'extra-large': 32, xl: 32 }[str(p.gap) ?? 'flush'] ?? 0;
  const justify = { start: 'flex-start', end: 'flex-end', center: 'center', between: 'space-between', around: 'space-around' }[str(p.justify) ?? 'start'];
  const align = { start: 'flex-start', end: 'flex-end', center: 'center', baseline: 'baseline', stretch: 'stretch' }[str(p.align) ?? 'stretch'];
  return <div className="hs-flex" style={{ display: 'flex', flexDirection: p.direction === 'column' ? 'column' : 'row', gap, justifyContent: justify, alignItems: align, flexWrap: p.wrap === true || p.wrap === 'wrap' ? 'wrap' : 'nowrap' }}>{p.children}</div>;
}

function Box(p: P) {
  return <div className="hs-box" style={{ flex: p.flex === 'auto' ? '1 1 auto' : typeof p.flex === 'number' ? p.flex : undefined, alignSelf: str(p.alignSelf) }}>{p.children}</div>;
}

function Alert(p: P) {
  const variant = str(p.variant) ?? 'info';
  return (
    <div className={`hs-alert hs-alert-${variant}`} role={variant === 'error' || variant === 'danger' ? 'alert' : 'status'}>
      {str(p.title) ? <p className="hs-alert-title">{str(p.title)}</p> : null}
      <div>{p.children}</div>
    </div>
  );
}

function Button(p: P) {
  const variant = str(p.variant) ?? 'secondary';
  const href = typeof p.href === 'string' ? p.href : (p.href as { url?: string } | undefined)?.url;
  if (href) return <a className={`hs-button hs-button-${variant}`} href={href} target="_blank" rel="noreferrer" onClick={() => call(p.onClick)}>{p.children}</a>;
  return (
    <button type={p.type === 'submit' ? 'submit' : p.type === 'reset' ? 'reset' : 'button'} className={`hs-button hs-button-${variant} hs-button-${str(p.size) ?? 'md'}`} disabled={p.disabled === true}
      onClick={(e) => { if (p.type !== 'submit') e.preventDefault(); call(p.onClick); }}>{p.children}</button>
  );
}

function Link(p: P) {
  const href = typeof p.href === 'string' ? p.href : (p.href as { url?: string } | undefined)?.url;
  return <a className="hs-link" href={href ?? '#'} target={href ? '_blank' : undefined} rel="noreferrer" onClick={(e) => { if (!href) e.preventDefault(); call(p.onClick); }}>{p.children}</a>;
}

const TAG_VARIANTS = ['default', 'warning', 'success', 'error', 'danger', 'info'];
function Tag(p: P) {
  const variant = TAG_VARIANTS.includes(str(p.variant) ?? '') ? str(p.variant) : 'default';
  return <span className={`hs-tag hs-tag-${variant}`}>{p.children}</span>;
}

function StatusTag(p: P) {
  const variant = str(p.variant) ?? 'default';
  return <span className={cls('hs-status-tag', `hs-status-${variant}`, p.hollow === true && 'hs-status-hollow')}><span className="hs-status-dot" aria-hidden="true" />{p.children}</span>;
}

function Statistics(p: P) { return <div className="hs-statistics">{p.children}</div>; }
function StatisticsItem(p: P) {
  return <div className="hs-stat"><p className="hs-stat-label">{str(p.label)}</p><p className="hs-stat-number">{String(p.number ?? '')}</p>{p.children}</div>;
}
function StatisticsTrend(p: P) {
  return <p className={cls('hs-trend', p.direction === 'decrease' ? 'hs-trend-down' : 'hs-trend-up')}>{p.direction === 'decrease' ? '▼' : '▲'} {str(p.value)}</p>;
}

function Divider() { return <hr className="hs-divider" />; }
function Spacer() { return <div className="hs-spacer" />; }

function EmptyState(p: P) {
  return <div className={cls('hs-empty', p.flush === true && 'hs-flush')}><div className="hs-empty-art" aria-hidden="true">◌</div><div><p className="hs-empty-title">{str(p.title) ?? 'Nothing here yet'}</p>{p.children}</div></div>;
}
function ErrorState(p: P) {
  return <div className="hs-empty hs-error-state" role="alert"><div className="hs-empty-art" aria-hidden="true">!</div><div><p className="hs-empty-title">{str(p.title) ?? 'Something went wrong'}</p>{p.children}</div></div>;
}
function LoadingSpinner(p: P) {
  const label = str(p.label) ?? 'Loading';
  return <div className="hs-spinner" role="status" aria-label={label}><span className="hs-spinner-wheel" aria-hidden="true" />{p.showLabel ? <span>{label}</span> : null}</div>;
}

function Form(p: P) {
  return <form className="hs-form" autoComplete={str(p.autoComplete)} onSubmit={(e) => { if (p.preventDefault !== false) e.preventDefault(); call(p.onSubmit, { targetValue: {} }); }}>{p.children}</form>;
}

function Accordion(p: P) {
  const [open, setOpen] = useState(p.defaultOpen === true);
  const isOpen = typeof p.open === 'boolean' ? p.open : open;
  return (
    <div className="hs-accordion">
      <button type="button" className="hs-accordion-toggle" aria-expanded={isOpen} onClick={() => { setOpen(!isOpen); call(p.onClick); }}>{isOpen ? '▾' : '▸'} {str(p.title)}</button>
      {isOpen ? <div className="hs-accordion-body">{p.children}</div> : null}
    </div>
  );
}

function DescriptionList(p: P) { return <dl className={cls('hs-dl', p.direction === 'row' && 'hs-dl-row')}>{p.children}</dl>; }
function DescriptionListItem(p: P) { return <div className="hs-dl-item"><dt>{str(p.label)}</dt><dd>{p.children}</dd></div>; }

function List(p: P) {
  const ordered = p.variant === 'ordered' || p.variant === 'ordered-styled';
  const items = Array.isArray(p.children) ? p.children : [p.children];
  const body = items.filter((c) => c !== null && c !== undefined && c !== false).map((c, i) => <li key={i}>{c}</li>);
  return ordered ? <ol className="hs-list">{body}</ol> : <ul className={cls('hs-list', p.variant === 'inline' && 'hs-list-inline')}>{body}</ul>;
}

function ButtonRow(p: P) { return <div className="hs-button-row">{p.children}</div>; }
function Tile(p: P) { return <div className={cls('hs-tile', p.compact === true && 'hs-tile-compact')}>{p.children}</div>; }
function Tooltip(p: P) { return <span className="hs-tooltip" role="tooltip">{p.children}</span>; }
function Icon(p: P) { return <span className="hs-icon" aria-label={str(p.screenReaderText)}>●</span>; }
function ProgressBar(p: P) {
  const value = Number(p.value ?? 0); const max = Number(p.maxValue ?? 100);
  return <div className="hs-progress"><span>{str(p.title)}</span><progress value={value} max={max} aria-label={str(p.title) ?? 'progress'} /></div>;
}

function Tabs(p: P) {
  // Tab children arrive as remote-ui's host elements; the Tab's own props (tabId, title) are on `component`.
  const tabs = (Array.isArray(p.children) ? p.children : [p.children]).filter(Boolean) as ReactElement<{ component?: { props: P } } & P>[];
  const meta = (t: (typeof tabs)[number]): P => t.props.component?.props ?? t.props;
  const [chosen, setChosen] = useState<string | undefined>(str(p.defaultSelected));
  const selected = str(p.selected) ?? chosen ?? (tabs[0] ? str(meta(tabs[0]).tabId) : undefined);
  return (
    <div className="hs-tabs">
      <div role="tablist" className="hs-tablist">
        {tabs.map((t) => {
          const id = str(meta(t).tabId) ?? '';
          return <button key={id} role="tab" type="button" aria-selected={id === selected} className="hs-tab" onClick={() => { setChosen(id); call(p.onSelectedChange, id); }}>{str(meta(t).title)}</button>;
        })}
      </div>
      {tabs.filter((t) => str(meta(t).tabId) === selected)}
    </div>
  );
}
function Tab(p: P) { return <div role="tabpanel" className="hs-tabpanel">{p.children}</div>; }

/** Component name (as HubSpot's remote renderer receives it) → its stand-in. */
export const STAND_INS: Record<string, (p: P) => ReactNode> = {
  Text, Heading, Flex, Box, Alert, Button, Link, Tag, StatusTag, Statistics, StatisticsItem, StatisticsTrend, Divider, Spacer,
  EmptyState, ErrorState, LoadingSpinner, Form, Accordion, DescriptionList, DescriptionListItem, List, ButtonRow, Tile, Tooltip, Icon,
  ProgressBar, Tabs, Tab,
  Table: TableStandIn, TableHead: (p) => <thead>{p.children}</thead>, TableBody: (p) => <tbody>{p.children}</tbody>,
  TableFooter: (p) => <tfoot>{p.children}</tfoot>, TableRow: (p) => <tr>{p.children}</tr>, TableHeader: TableHeaderStandIn,
  TableCell: (p) => <td style={{ textAlign: (str(p.align) as 'left' | 'right' | 'center' | undefined) ?? 'left' }} colSpan={typeof p.colSpan === 'number' ? p.colSpan : undefined}>{p.children}</td>,
  Input: TextInputStandIn, TextArea: TextAreaStandIn, Textarea: TextAreaStandIn, Select: SelectStandIn, MultiSelect: MultiSelectStandIn,
  DateInput: DateInputStandIn, NumberInput: NumberInputStandIn, CurrencyInput: NumberInputStandIn, StepperInput: NumberInputStandIn,
  Checkbox: CheckboxStandIn, ToggleGroup: ToggleGroupStandIn,
  BarChart: BarChartStandIn, LineChart: LineChartStandIn,
};

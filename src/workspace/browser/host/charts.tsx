/// <reference lib="dom" />
/** BarChart and LineChart as plain SVG in HubSpot's chart colours, with the data also as a table for screen readers. */
import type { ReactNode } from 'react';

type P = Record<string, unknown> & { children?: ReactNode };
type Row = Record<string, string | number>;
type Axis = { field: string; label?: string };
const COLOURS = ['#ff7a59', '#00bda5', '#6a78d1', '#f5c26b', '#f2547d', '#00a4bd', '#7fd1a6'];

function readChart(p: P) {
  const raw = p.data as Row[] | { data: Row[] } | undefined;
  const rows = Array.isArray(raw) ? raw : raw?.data ?? [];
  const axes = (p.axes ?? {}) as { x?: Axis; y?: Axis; options?: { groupFieldByColor?: string } };
  const x = axes.x?.field ?? 'x';
  const y = axes.y?.field ?? 'y';
  const group = axes.options?.groupFieldByColor;
  const title = (p.options as { title?: string } | undefined)?.title;
  return { rows, x, y, group, title, axes };
}

function Frame(p: { title: string | undefined; rows: Row[]; x: string; y: string; axes: { x?: Axis; y?: Axis }; children: ReactNode }) {
  return (
    <figure className="hs-chart">
      {p.title ? <figcaption className="hs-chart-title">{p.title}</figcaption> : null}
      {p.children}
      <table className="hs-visually-hidden">
        <thead><tr><th scope="col">{p.axes.x?.label ?? p.x}</th><th scope="col">{p.axes.y?.label ?? p.y}</th></tr></thead>
        <tbody>{p.rows.map((r, i) => <tr key={i}><td>{String(r[p.x])}</td><td>{String(r[p.y])}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

/** The y values and where they sit in the 130-px plot from y=10: zero included, so negatives go below it. */
function yScale(c: ReturnType<typeof readChart>) {
  const values = c.rows.map((r) => Number(r[c.y]) || 0);
  const max = Math.max(0, ...values);
  const scale = 130 / Math.max(1, max - Math.min(0, ...values));
  return { values, scale, zero: 10 + max * scale, at: (v: number) => 10 + (max - v) * scale };
}

export function BarChartStandIn(p: P) {
  const c = readChart(p);
  // Bars grow up from zero and down below it (a credit note makes a bucket negative).
  const { values, scale, zero } = yScale(c);
  const width = Math.max(240, c.rows.length * 56);
  const groups = c.group ? [...new Set(c.rows.map((r) => String(r[c.group as string])))] : [];
  return (
    <Frame title={c.title} rows={c.rows} x={c.x} y={c.y} axes={c.axes}>
      <svg role="img" aria-label={c.title ?? 'bar chart'} viewBox={`0 0 ${width} 180`} className="hs-chart-svg">
        {c.rows.map((r, i) => {
          const v = values[i] ?? 0;
          const colour = COLOURS[(c.group ? groups.indexOf(String(r[c.group])) : 0) % COLOURS.length];
          return (
            <g key={i}>
              <rect x={i * 56 + 12} y={v >= 0 ? zero - v * scale : zero} width={32} height={Math.abs(v) * scale} fill={colour} rx={2} />
              <text x={i * 56 + 28} y={166} textAnchor="middle" fontSize={9} fill="#33475b">{String(r[c.x]).slice(0, 14)}</text>
            </g>
          );
        })}
        <line x1={0} x2={width} y1={zero} y2={zero} stroke="#cbd6e2" />
      </svg>
    </Frame>
  );
}

export function LineChartStandIn(p: P) {
  const c = readChart(p);
  const { values, zero, at } = yScale(c);
  const step = c.rows.length > 1 ? 300 / (c.rows.length - 1) : 0;
  const points = values.map((v, i) => `${10 + i * step},${at(v)}`).join(' ');
  return (
    <Frame title={c.title} rows={c.rows} x={c.x} y={c.y} axes={c.axes}>
      <svg role="img" aria-label={c.title ?? 'line chart'} viewBox="0 0 320 180" className="hs-chart-svg">
        <polyline points={points} fill="none" stroke={COLOURS[1]} strokeWidth={2} />
        <line x1={0} x2={320} y1={zero} y2={zero} stroke="#cbd6e2" />
      </svg>
    </Frame>
  );
}

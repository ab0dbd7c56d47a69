/// <reference lib="dom" />
/** HubSpot's Table: header row, optional paging buttons under it, sortable headers with a direction arrow. */
import type { ReactNode } from 'react';

type P = Record<string, unknown> & { children?: ReactNode };
const call = (fn: unknown, ...args: unknown[]) => { if (typeof fn === 'function') void (fn as (...a: unknown[]) => unknown)(...args); };

export function TableStandIn(p: P) {
  const pageCount = typeof p.pageCount === 'number' ? p.pageCount : 1;
  const page = typeof p.page === 'number' ? p.page : 1;
  return (
    <div className="hs-table-wrap">
      <table className={p.bordered === false ? 'hs-table' : 'hs-table hs-table-bordered'}>{p.children}</table>
      {p.paginated === true && pageCount > 1 ? (
        <nav className="hs-paging" aria-label="Table pages">
          <button type="button" className="hs-button hs-button-transparent" disabled={page <= 1} onClick={() => call(p.onPageChange, page - 1)}>‹ Prev</button>
          {Array.from({ length: Math.min(pageCount, typeof p.maxVisiblePageButtons === 'number' ? p.maxVisiblePageButtons : 10) }, (_, i) => i + 1).map((n) => (
            <button key={n} type="button" className="hs-page" aria-current={n === page ? 'page' : undefined} onClick={() => call(p.onPageChange, n)}>{n}</button>
          ))}
          <button type="button" className="hs-button hs-button-transparent" disabled={page >= pageCount} onClick={() => call(p.onPageChange, page + 1)}>Next ›</button>
        </nav>
      ) : null}
    </div>
  );
}

const NEXT = { none: 'ascending', ascending: 'descending', descending: 'none' } as const;
const ARIA = { none: 'none', ascending: 'ascending', descending: 'descending' } as const;

export function TableHeaderStandIn(p: P) {
  const dir = p.sortDirection as keyof typeof NEXT | 'never' | undefined;
  const align = (typeof p.align === 'string' ? p.align : 'left') as 'left' | 'right' | 'center';
  if (!dir || dir === 'never') return <th scope="col" style={{ textAlign: align }}>{p.children}</th>;
  return (
    <th scope="col" aria-sort={ARIA[dir]} style={{ textAlign: align }}>
      <button type="button" className="hs-sort" disabled={p.disabled === true} onClick={() => call(p.onSortChange, NEXT[dir])}>
        {p.children} <span aria-hidden="true">{dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}

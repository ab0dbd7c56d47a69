/// <reference lib="dom" />
/**
 * An object index as HubSpot lists it: name first, then the app's properties as columns (HubSpot lets a user add
 * any property as a column; the workspace shows the app's own), sortable by clicking a header, filtered by a
 * search over the name and a "property contains" filter.
 */
import { useEffect, useMemo, useState } from 'react';
import { getJson, type Column, type Language, type RecordSummary } from './setup';

type Sort = { column: string; descending: boolean };
const PAGE = 25;

const compare = (type: string | undefined, a: string | undefined, b: string | undefined) => {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  return type === 'number' ? Number(a) - Number(b) : a.localeCompare(b);
};

export function IndexPage(p: { type: string; label: string; lang: Language }) {
  const [data, setData] = useState<{ results: RecordSummary[]; columns: Column[] }>();
  const [search, setSearch] = useState('');
  const [filterColumn, setFilterColumn] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const [sort, setSort] = useState<Sort>({ column: 'title', descending: false });
  const [page, setPage] = useState(0);

  useEffect(() => { void getJson<{ results: RecordSummary[]; columns: Column[] }>(`/api/records/${p.type}`).then(setData); }, [p.type]);

  const rows = useMemo(() => {
    if (!data) return [];
    const type = data.columns.find((c) => c.name === sort.column)?.type;
    return data.results
      .filter((r) => r.title.toLowerCase().includes(search.toLowerCase()))
      .filter((r) => !filterColumn || (r.properties[filterColumn] ?? '').toLowerCase().includes(filterValue.toLowerCase()))
      .sort((a, b) => {
        const d = sort.column === 'title' ? a.title.localeCompare(b.title) : compare(type, a.properties[sort.column], b.properties[sort.column]);
        return sort.descending ? -d : d;
      });
  }, [data, search, filterColumn, filterValue, sort]);

  if (!data) return <p className="ws-boot">Loading {p.label.toLowerCase()}…</p>;
  const columns = [{ name: 'title', label: 'Name', type: 'string' }, ...data.columns];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
  const header = (c: Column) => {
    const active = sort.column === c.name;
    return (
      <th key={c.name} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="hs-sort" onClick={() => { setSort({ column: c.name, descending: active ? !sort.descending : false }); setPage(0); }}>
          {c.label} <span aria-hidden="true">{active ? (sort.descending ? '▼' : '▲') : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <section className="ws-index" aria-labelledby="index-title">
      <div className="ws-index-head">
        <h1 id="index-title">{p.label}</h1>
        <p className="ws-count">{rows.length} of {data.results.length} records</p>
      </div>
      <div className="ws-filters">
        <label>Search <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(0); }} data-control="search" /></label>
        {data.columns.length ? (
          <>
            <label>Filter on <select value={filterColumn} onChange={(e) => { setFilterColumn(e.target.value); setPage(0); }} data-control="filter-column">
              <option value="">(no filter)</option>
              {data.columns.map((c) => <option key={c.name} value={c.name}>{c.label}</option>)}
            </select></label>
            <label>contains <input value={filterValue} onChange={(e) => { setFilterValue(e.target.value); setPage(0); }} data-control="filter-value" /></label>
          </>
        ) : null}
      </div>
      <div className="hs-table-wrap ws-index-table">
        <table className="hs-table hs-table-bordered">
          <thead><tr>{columns.map(header)}</tr></thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <td><a className="hs-link" href={`#/${p.type}/${r.id}`}>{r.title || `#${r.id}`}</a></td>
                {data.columns.map((c) => <td key={c.name}>{r.properties[c.name] ?? '--'}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="hs-paging" aria-label="Index pages">
        <button type="button" className="hs-button hs-button-transparent" disabled={page === 0} onClick={() => setPage(page - 1)}>‹ Prev</button>
        <span>Page {page + 1} of {pages}</span>
        <button type="button" className="hs-button hs-button-transparent" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next ›</button>
      </nav>
    </section>
  );
}

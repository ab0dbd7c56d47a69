import type { SandboxRecord } from './types';

export interface StoredRecord {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

/**
 * One object type's records in one portal: O(1) by id, O(1) by unique value, and creation-ordered paging
 * that costs O(page) rather than O(records) (the benchmark pages through 100,000 invoices).
 */
export class ObjectStore {
  private readonly records = new Map<string, StoredRecord>();
  private readonly order: string[] = [];
  private readonly position = new Map<string, number>();
  private readonly unique = new Map<string, Map<string, string>>();
  /** Bumped on every write, so search can cache a query's result until the data changes. */
  version = 0;

  get(id: string): StoredRecord | undefined { return this.records.get(id); }
  get size(): number { return this.records.size; }

  all(): IterableIterator<StoredRecord> { return this.records.values(); }

  insert(record: StoredRecord, uniqueNames: readonly string[]): void {
    this.records.set(record.id, record);
    this.position.set(record.id, this.order.length);
    this.order.push(record.id);
    this.index(record, uniqueNames);
    this.version++;
  }

  /** The id of a live record holding `value` in unique property `name`, if any. */
  findByUnique(name: string, value: string): string | undefined {
    return this.unique.get(name)?.get(uniqueKey(name, value));
  }

  /** Replaces a record's values; keeps the unique indexes in step. */
  write(record: StoredRecord, changes: Map<string, string | null>, uniqueNames: readonly string[]): void {
    for (const name of uniqueNames) {
      if (!changes.has(name)) continue;
      const old = record.properties[name];
      if (old !== undefined) this.unique.get(name)?.delete(uniqueKey(name, old));
    }
    for (const [name, value] of changes) {
      if (value === null) delete record.properties[name];
      else record.properties[name] = value;
    }
    this.index(record, uniqueNames);
    this.version++;
  }

  archive(record: StoredRecord, now: number, uniqueNames: readonly string[]): void {
    record.archived = true;
    record.archivedAt = now;
    // An archived record no longer blocks its unique values (they can be reused by a new record).
    for (const name of uniqueNames) {
      const v = record.properties[name];
      if (v !== undefined && this.findByUnique(name, v) === record.id) this.unique.get(name)?.delete(uniqueKey(name, v));
    }
    this.version++;
  }

  /** A page in creation order; `after` is the opaque cursor of the previous page. */
  page(limit: number, after: string | undefined, archived: boolean): { records: StoredRecord[]; next?: string } {
    let i = after === undefined ? 0 : Number(after);
    if (!Number.isInteger(i) || i < 0) i = this.order.length;
    const out: StoredRecord[] = [];
    for (; i < this.order.length && out.length < limit; i++) {
      const r = this.records.get(this.order[i] as string);
      if (r && r.archived === archived) out.push(r);
    }
    const more = this.hasMatchFrom(i, archived);
    return more ? { records: out, next: String(i) } : { records: out };
  }

  private hasMatchFrom(start: number, archived: boolean): boolean {
    for (let i = start; i < this.order.length; i++) {
      if (this.records.get(this.order[i] as string)?.archived === archived) return true;
    }
    return false;
  }

  private index(record: StoredRecord, uniqueNames: readonly string[]): void {
    if (record.archived) return;
    for (const name of uniqueNames) {
      const v = record.properties[name];
      if (v === undefined) continue;
      let idx = this.unique.get(name);
      if (!idx) { idx = new Map(); this.unique.set(name, idx); }
      idx.set(uniqueKey(name, v), record.id);
    }
  }
}

/** Contacts' email is matched case-insensitively, as HubSpot's dedupe does. */
const uniqueKey = (name: string, value: string): string => (name === 'email' ? value.toLowerCase() : value);

export function toSandboxRecord(r: StoredRecord): SandboxRecord {
  const out: SandboxRecord = {
    id: r.id, properties: { ...r.properties }, createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(), archived: r.archived,
  };
  if (r.archivedAt !== undefined) out.archivedAt = new Date(r.archivedAt).toISOString();
  return out;
}

import { EventEmitter } from 'node:events';
import { AssociationStore, type AssociationTypeRef } from './association-store';
import { defaultAssociationType } from './association-types';
import { conflict, notFound, validationError } from './errors';
import { ObjectStore, toSandboxRecord, type StoredRecord } from './object-store';
import { OBJECT_TYPE_IDS, singularName, timestampProperties } from './object-types';
import { OwnerStore } from './owner-store';
import { PropertyRegistry } from './property-registry';
import {
  SANDBOX_OBJECT_TYPES, type ChangeEvent, type PortalSettings, type RequestLogEntry, type SandboxObjectType, type SandboxOwner,
  type SandboxRecord, type WriteOptions,
} from './types';

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  rateLimitTier: 'off', searchPerSecond: 5, lockOnWriteBurst: false, timeZone: 'Europe/Amsterdam', currency: 'EUR', additionalCurrencies: [],
};

/** One HubSpot account: records, properties, associations, owners, its change feed and its request log. */
export class Portal {
  readonly changes = new EventEmitter();
  readonly requestLog: RequestLogEntry[] = [];
  readonly associations = new AssociationStore();
  readonly owners = new OwnerStore();
  private readonly stores = new Map<SandboxObjectType, ObjectStore>();
  private readonly registries = new Map<SandboxObjectType, PropertyRegistry>();
  /** Record ids come from the whole sandbox, so an id never names records in two portals (as in HubSpot). */
  constructor(readonly hubId: number, public settings: PortalSettings, private readonly nextRecordId: () => string = counter()) {
    this.changes.setMaxListeners(100);
    for (const t of SANDBOX_OBJECT_TYPES) {
      this.stores.set(t, new ObjectStore());
      this.registries.set(t, new PropertyRegistry(t));
    }
  }

  store(type: SandboxObjectType): ObjectStore { return this.stores.get(type) as ObjectStore; }
  properties(type: SandboxObjectType): PropertyRegistry { return this.registries.get(type) as PropertyRegistry; }

  createObject(type: SandboxObjectType, properties: Record<string, string>, opts: WriteOptions = {}): SandboxRecord {
    return toSandboxRecord(this.create(type, properties, opts));
  }

  updateObject(type: SandboxObjectType, id: string, properties: Record<string, string>, opts: WriteOptions = {}): SandboxRecord {
    return toSandboxRecord(this.update(type, id, properties, opts).record);
  }

  getObject(type: SandboxObjectType, id: string): SandboxRecord | undefined {
    const r = this.store(type).get(id);
    return r ? toSandboxRecord(r) : undefined;
  }

  listObjects(type: SandboxObjectType): SandboxRecord[] {
    return [...this.store(type).all()].filter((r) => !r.archived).map(toSandboxRecord);
  }

  /** Validates, checks unique values, stores and announces a new record. */
  create(type: SandboxObjectType, properties: Record<string, string>, opts: WriteOptions = {}): StoredRecord {
    const changes = this.properties(type).normalize(properties);
    for (const [k, v] of changes) if (v === null) changes.delete(k);
    this.assertUnique(type, changes, undefined);
    const now = opts.now ?? Date.now();
    const id = this.nextRecordId();
    const ts = timestampProperties(type);
    const createdIso = changes.get(ts.created) ?? new Date(now).toISOString();
    const record: StoredRecord = {
      id, createdAt: Date.parse(createdIso), updatedAt: now, archived: false,
      properties: { ...Object.fromEntries(changes as Map<string, string>), [ts.created]: createdIso, [ts.modified]: new Date(now).toISOString(), hs_object_id: id },
    };
    this.store(type).insert(record, this.uniqueNames(type));
    this.emit({ objectType: type, objectId: id, kind: 'creation' }, opts, now);
    return record;
  }

  /** Applies changed values; returns the record and the names that really changed. */
  update(type: SandboxObjectType, id: string, properties: Record<string, string>, opts: WriteOptions = {}): { record: StoredRecord; changed: string[] } {
    const record = this.store(type).get(id);
    if (!record || record.archived) throw notFound();
    const changes = this.properties(type).normalize(properties);
    this.assertUnique(type, changes, id);
    for (const [k, v] of changes) if ((record.properties[k] ?? null) === v) changes.delete(k);
    if (changes.size === 0) return { record, changed: [] };
    const now = opts.now ?? Date.now();
    changes.set(timestampProperties(type).modified, new Date(now).toISOString());
    this.store(type).write(record, changes, this.uniqueNames(type));
    record.updatedAt = now;
    const changed = [...changes.keys()].filter((k) => k !== timestampProperties(type).modified);
    for (const name of changed) {
      this.emit({ objectType: type, objectId: id, kind: 'propertyChange', propertyName: name, propertyValue: changes.get(name) ?? '' }, opts, now);
    }
    return { record, changed };
  }

  /** Moves a record to the recycle bin (HubSpot's archive); unknown or archived ids are ignored, as HubSpot does. */
  archive(type: SandboxObjectType, id: string, opts: WriteOptions = {}): boolean {
    const record = this.store(type).get(id);
    if (!record || record.archived) return false;
    const now = opts.now ?? Date.now();
    this.store(type).archive(record, now, this.uniqueNames(type));
    this.emit({ objectType: type, objectId: id, kind: 'deletion' }, opts, now);
    return true;
  }

  /** Validates a write without doing it (batch endpoints check every input before writing any). */
  prepareWrite(type: SandboxObjectType, properties: Record<string, string>, selfId: string | undefined): Map<string, string | null> {
    const changes = this.properties(type).normalize(properties);
    this.assertUnique(type, changes, selfId);
    return changes;
  }

  /**
   * HubSpot's merge: the primary keeps its values and gains the ones it lacks, takes over the other
   * record's associations, and the merged record goes away (archived here).
   */
  merge(type: SandboxObjectType, primaryId: string, mergedId: string, opts: WriteOptions = {}): StoredRecord {
    if (primaryId === mergedId) throw validationError('Cannot merge a record into itself.');
    const primary = this.store(type).get(primaryId);
    const merged = this.store(type).get(mergedId);
    if (!primary || primary.archived || !merged || merged.archived) throw notFound();
    const now = opts.now ?? Date.now();
    const skip = new Set(['hs_object_id', ...Object.values(timestampProperties(type))]);
    const fill = Object.fromEntries(Object.entries(merged.properties).filter(([k]) => !skip.has(k) && primary.properties[k] === undefined));
    for (const [toType, byId] of [...(this.associations.allFor(type, mergedId) ?? [])]) {
      for (const [toId, types] of [...byId]) {
        for (const [typeId, category] of types) this.associations.add(type, primaryId, toType as SandboxObjectType, toId, { category, typeId });
        this.associations.removeAll(type, mergedId, toType as SandboxObjectType, toId);
      }
    }
    this.archive(type, mergedId, { ...opts, now });
    // Unique values of the merged record are free now, so the primary can take them over.
    if (Object.keys(fill).length > 0) this.update(type, primaryId, fill, { ...opts, now });
    this.emit({ objectType: type, objectId: primaryId, kind: 'merge', mergedObjectIds: [mergedId] }, opts, now);
    return primary;
  }

  /** Resolves a path/body id, by record id or by a unique property (`idProperty`). */
  resolveId(type: SandboxObjectType, id: string, idProperty?: string): string | undefined {
    if (!idProperty || idProperty === 'hs_object_id') return this.store(type).get(id) ? id : undefined;
    this.assertIdProperty(type, idProperty);
    return this.store(type).findByUnique(idProperty, id);
  }

  assertIdProperty(type: SandboxObjectType, idProperty: string): void {
    if (idProperty === 'hs_object_id') return;
    if (!this.uniqueNames(type).includes(idProperty)) {
      throw validationError(`Unable to perform update/upsert by non-unique ${OBJECT_TYPE_IDS[type]} property ${idProperty} in portal ID ${this.hubId}`);
    }
  }

  associate(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType, toId: string, associationTypeId?: number, opts: WriteOptions = {}): void {
    const def = defaultAssociationType(fromType, toType);
    const typeId = associationTypeId ?? def?.typeId;
    if (typeId === undefined) throw validationError(`There is no default association type from ${fromType} to ${toType}.`);
    this.addAssociation(fromType, fromId, toType, toId, { category: 'HUBSPOT_DEFINED', typeId }, opts);
  }

  addAssociation(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType, toId: string, type: AssociationTypeRef, opts: WriteOptions = {}): void {
    if (!this.isLive(fromType, fromId)) throw notFound(`${singularName(fromType)} ${fromId} does not exist.`);
    if (!this.isLive(toType, toId)) throw notFound(`${singularName(toType)} ${toId} does not exist.`);
    if (this.associations.add(fromType, fromId, toType, toId, type)) {
      this.emit({ objectType: fromType, objectId: fromId, kind: 'associationChange' }, opts, opts.now ?? Date.now());
    }
  }

  removeAssociations(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType, toId: string, opts: WriteOptions = {}): void {
    if (this.associations.removeAll(fromType, fromId, toType, toId)) {
      this.emit({ objectType: fromType, objectId: fromId, kind: 'associationChange' }, opts, opts.now ?? Date.now());
    }
  }

  isLive(type: SandboxObjectType, id: string): boolean {
    const r = this.store(type).get(id);
    return r !== undefined && !r.archived;
  }

  createOwner(o: { email: string; firstName: string; lastName: string; teams?: { id: string; name: string }[] }): { id: string; userId: number } {
    const owner: SandboxOwner = this.owners.create(o, Date.now());
    return { id: owner.id, userId: owner.userId };
  }

  /** Names of unique-value properties; contacts' email is unique in HubSpot too (contact dedupe). */
  uniqueNames(type: SandboxObjectType): string[] {
    const names = this.properties(type).uniqueNames();
    return type === 'contacts' ? ['email', ...names] : names;
  }

  private assertUnique(type: SandboxObjectType, changes: Map<string, string | null>, selfId: string | undefined): void {
    for (const name of this.uniqueNames(type)) {
      const v = changes.get(name);
      if (v === undefined || v === null) continue;
      const existing = this.store(type).findByUnique(name, v);
      if (existing === undefined || existing === selfId) continue;
      if (type === 'contacts' && name === 'email') throw conflict(`Contact already exists. Existing ID: ${existing}`);
      throw conflict(`A ${singularName(type)} with the value '${v}' for unique property '${name}' already exists. Existing ID: ${existing}`, { propertyName: [name], existingId: [existing] });
    }
  }

  private emit(e: Pick<ChangeEvent, 'objectType' | 'objectId' | 'kind' | 'propertyName' | 'propertyValue' | 'mergedObjectIds'>, opts: WriteOptions, now: number): void {
    if (this.changes.listenerCount('change') === 0) return;
    const event: ChangeEvent = { portalId: this.hubId, ...e, occurredAt: now, changeSource: opts.source ?? 'API' };
    this.changes.emit('change', event);
  }
}

function counter(start = 1001): () => string {
  let n = start;
  return () => String(n++);
}

import { HubSpotError, validationError, type HubSpotErrorDetail } from './errors';
import { defaultGroups, defaultProperties } from './property-catalog';
import type { PropertyDefinition, PropertyGroupDefinition, PropertyOption, PropertyType } from './property-definition';
import type { SandboxObjectType } from './types';

const MAX_UNIQUE_PROPERTIES = 10;
const MAX_STRING_LENGTH = 65_536;
const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

const FIELD_TYPES: Record<PropertyType, string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file', 'calculation_equation'],
  number: ['number', 'calculation_equation'],
  bool: ['booleancheckbox'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  phone_number: ['phonenumber'],
};

export interface PropertyCreateInput {
  name: string; label: string; type: string; fieldType: string; groupName: string; description?: string; displayOrder?: number;
  hasUniqueValue?: boolean; hidden?: boolean; formField?: boolean; options?: Partial<PropertyOption>[]; numberDisplayHint?: string;
  showCurrencySymbol?: boolean; currencyPropertyName?: string; externalOptions?: boolean;
}

interface InvalidValue { name: string; code: string; message: string }

/** One object type's properties and groups in one portal: definitions, creation rules and value validation. */
export class PropertyRegistry {
  private readonly props = new Map<string, PropertyDefinition>();
  private readonly groups = new Map<string, PropertyGroupDefinition>();

  constructor(readonly objectType: SandboxObjectType) {
    for (const p of defaultProperties(objectType)) this.props.set(p.name, p);
    for (const g of defaultGroups(objectType)) this.groups.set(g.name, g);
  }

  get(name: string): PropertyDefinition | undefined { return this.props.get(name); }
  list(): PropertyDefinition[] { return [...this.props.values()]; }
  uniqueNames(): string[] { return this.list().filter((p) => p.hasUniqueValue).map((p) => p.name); }
  listGroups(): PropertyGroupDefinition[] { return [...this.groups.values()]; }
  getGroup(name: string): PropertyGroupDefinition | undefined { return this.groups.get(name); }

  createGroup(input: { name: string; label: string; displayOrder?: number }): PropertyGroupDefinition {
    if (!NAME_PATTERN.test(input.name)) throw validationError(`Property group name '${input.name}' is invalid: use lowercase letters, digits and underscores.`);
    if (this.groups.has(input.name)) throw new HubSpotError(409, 'OBJECT_ALREADY_EXISTS', `A property group named '${input.name}' already exists.`);
    const group = { name: input.name, label: input.label, displayOrder: input.displayOrder ?? -1, archived: false };
    this.groups.set(group.name, group);
    return group;
  }

  create(input: PropertyCreateInput, nowIso: string): PropertyDefinition {
    const missing = (['name', 'label', 'type', 'fieldType', 'groupName'] as const).filter((k) => typeof input[k] !== 'string' || input[k] === '');
    if (missing.length > 0) throw validationError(`Invalid input JSON: missing required fields ${missing.join(', ')}`);
    if (!NAME_PATTERN.test(input.name)) throw validationError(`Property name '${input.name}' is invalid: use lowercase letters, digits and underscores, starting with a letter.`);
    if (this.props.has(input.name)) throw new HubSpotError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${input.name}' already exists.`);
    if (!this.groups.has(input.groupName)) throw validationError(`Property group '${input.groupName}' does not exist.`);
    const type = input.type as PropertyType;
    const allowed = FIELD_TYPES[type];
    if (!allowed) throw validationError(`Property type '${input.type}' is not valid.`);
    if (!allowed.includes(input.fieldType)) throw validationError(`Field type '${input.fieldType}' is not valid for property type '${input.type}'; use one of ${allowed.join(', ')}.`);
    if (input.hasUniqueValue && this.uniqueNames().length >= MAX_UNIQUE_PROPERTIES) {
      throw validationError(`Can't create unique value property '${input.name}': the ${this.objectType} object already has the maximum of ${MAX_UNIQUE_PROPERTIES} unique value properties.`);
    }
    const opts = (input.options ?? []).map((o, i) => ({ label: o.label ?? String(o.value), value: String(o.value), hidden: o.hidden ?? false, displayOrder: o.displayOrder ?? i, ...(o.description ? { description: o.description } : {}) }));
    if (new Set(opts.map((o) => o.value)).size !== opts.length) throw validationError('Enumeration options must have unique values.');
    const def: PropertyDefinition = {
      name: input.name, label: input.label, type, fieldType: input.fieldType, groupName: input.groupName, description: input.description ?? '',
      options: type === 'bool' && opts.length === 0 ? [{ label: 'Yes', value: 'true', hidden: false, displayOrder: 0 }, { label: 'No', value: 'false', hidden: false, displayOrder: 1 }] : opts,
      displayOrder: input.displayOrder ?? -1, hasUniqueValue: input.hasUniqueValue ?? false, hidden: input.hidden ?? false,
      formField: input.formField ?? false, calculated: false, externalOptions: input.externalOptions ?? false, hubspotDefined: false,
      readOnlyValue: false, createdAt: nowIso, updatedAt: nowIso, archived: false,
      ...(input.numberDisplayHint ? { numberDisplayHint: input.numberDisplayHint } : {}),
      ...(input.showCurrencySymbol !== undefined ? { showCurrencySymbol: input.showCurrencySymbol } : {}),
      ...(input.currencyPropertyName ? { currencyPropertyName: input.currencyPropertyName } : {}),
    };
    this.props.set(def.name, def);
    return def;
  }

  /** PATCH of a custom property's presentation (label, description, group, options, order, hidden). */
  update(name: string, input: Partial<PropertyCreateInput>, nowIso: string): PropertyDefinition {
    const def = this.props.get(name);
    if (!def) throw new HubSpotError(404, 'OBJECT_NOT_FOUND', `Unable to find property ${name} on ${this.objectType}`);
    if (def.hubspotDefined) throw validationError(`Property ${name} is defined by HubSpot and can't be changed.`);
    if (input.groupName !== undefined && !this.groups.has(input.groupName)) throw validationError(`Property group '${input.groupName}' does not exist.`);
    if (input.label !== undefined) def.label = input.label;
    if (input.description !== undefined) def.description = input.description;
    if (input.groupName !== undefined) def.groupName = input.groupName;
    if (input.hidden !== undefined) def.hidden = input.hidden;
    if (input.displayOrder !== undefined) def.displayOrder = input.displayOrder;
    if (input.options !== undefined) def.options = input.options.map((o, i) => ({ label: o.label ?? String(o.value), value: String(o.value), hidden: o.hidden ?? false, displayOrder: o.displayOrder ?? i }));
    def.updatedAt = nowIso;
    return def;
  }

  /**
   * Checks and normalises written values the way HubSpot stores them. Returns name → value, with `null`
   * for a cleared value (empty string). Read-only properties are dropped silently, as HubSpot does.
   */
  normalize(values: Record<string, unknown>): Map<string, string | null> {
    const out = new Map<string, string | null>();
    const invalid: InvalidValue[] = [];
    for (const [name, raw] of Object.entries(values)) {
      const def = this.props.get(name);
      if (!def) { invalid.push({ name, code: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` }); continue; }
      if (def.readOnlyValue) continue;
      const value = raw === null || raw === undefined ? '' : String(raw);
      if (value === '') { out.set(name, null); continue; }
      const result = normalizeValue(def, value);
      if (typeof result === 'string') out.set(name, result);
      else invalid.push({ name, ...result });
    }
    if (invalid.length > 0) throw invalidValues(invalid);
    return out;
  }
}

function normalizeValue(def: PropertyDefinition, value: string): string | { code: string; message: string } {
  switch (def.type) {
    case 'number': {
      const n = Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(n)) return { code: 'INVALID_DOUBLE', message: `${value} is not a valid number for property ${def.name}` };
      return /^-?\d+$/.test(value.trim()) ? value.trim().replace(/^(-?)0+(?=\d)/, '$1') : String(n);
    }
    case 'datetime':
    case 'date': {
      const ms = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
      if (!Number.isFinite(ms)) return { code: 'INVALID_DATE', message: `${value} is not a valid date for property ${def.name}: use ISO 8601 or epoch milliseconds` };
      const iso = new Date(ms).toISOString();
      if (def.type === 'datetime') return iso;
      if (!iso.endsWith('T00:00:00.000Z')) return { code: 'INVALID_DATE', message: `${value} is not midnight UTC; date property ${def.name} only accepts dates` };
      return iso.slice(0, 10);
    }
    case 'bool': {
      const v = value.toLowerCase();
      if (v !== 'true' && v !== 'false') return { code: 'INVALID_OPTION', message: `${value} was not one of the allowed options: [true, false]` };
      return v;
    }
    case 'enumeration': {
      if (def.externalOptions) return value;
      const allowed = new Set(def.options.map((o) => o.value));
      const parts = def.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = parts.find((p) => !allowed.has(p));
      if (bad !== undefined) return { code: 'INVALID_OPTION', message: `${bad} was not one of the allowed options: [${[...allowed].join(', ')}]` };
      return value;
    }
    default:
      if (value.length > MAX_STRING_LENGTH) return { code: 'INVALID_STRING', message: `Property ${def.name} is longer than ${MAX_STRING_LENGTH} characters` };
      return value;
  }
}

/** HubSpot's answer to bad property values: the legacy JSON list in the message plus structured errors. */
export function invalidValues(invalid: InvalidValue[]): HubSpotError {
  const legacy = invalid.map((i) => ({ isValid: false, message: i.message, error: i.code, name: i.name, localizedErrorMessage: i.message }));
  const errors: HubSpotErrorDetail[] = invalid.map((i) => ({ message: i.message, code: i.code, context: { propertyName: [i.name] } }));
  return validationError(`Property values were not valid: ${JSON.stringify(legacy)}`, errors);
}

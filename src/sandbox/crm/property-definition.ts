/** A property as the properties v3 API describes it (schema `Property`), plus what the store needs. */
export interface PropertyOption { label: string; value: string; hidden: boolean; displayOrder: number; description?: string }

export type PropertyType = 'string' | 'number' | 'bool' | 'enumeration' | 'date' | 'datetime' | 'phone_number';

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  /** The API ignores writes to it (hs_object_id, last-modified dates): HubSpot sets it. */
  readOnlyValue: boolean;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  numberDisplayHint?: string;
  showCurrencySymbol?: boolean;
  currencyPropertyName?: string;
}

export interface PropertyGroupDefinition { name: string; label: string; displayOrder: number; archived: boolean }

const CATALOG_TIME = '2019-08-06T02:43:14.491Z';

type Shorthand = Partial<PropertyDefinition> & Pick<PropertyDefinition, 'name' | 'label' | 'type' | 'fieldType' | 'groupName'>;

export function hubspotProperty(p: Shorthand): PropertyDefinition {
  return {
    description: '', options: [], displayOrder: -1, hasUniqueValue: false, hidden: false, formField: false, calculated: false,
    externalOptions: false, hubspotDefined: true, readOnlyValue: false, createdAt: CATALOG_TIME, updatedAt: CATALOG_TIME,
    archived: false, ...p,
  };
}

export const options = (values: string[]): PropertyOption[] =>
  values.map((v, i) => ({ label: v.charAt(0) + v.slice(1).toLowerCase().replaceAll('_', ' '), value: v, hidden: false, displayOrder: i }));

/** The JSON the properties API answers for a definition (schema `Property`). */
export function propertyToJson(p: PropertyDefinition): Record<string, unknown> {
  const json: Record<string, unknown> = {
    name: p.name, label: p.label, type: p.type, fieldType: p.fieldType, groupName: p.groupName, description: p.description,
    options: p.options, displayOrder: p.displayOrder, hasUniqueValue: p.hasUniqueValue, hidden: p.hidden, formField: p.formField,
    calculated: p.calculated, externalOptions: p.externalOptions, hubspotDefined: p.hubspotDefined, createdAt: p.createdAt,
    updatedAt: p.updatedAt, archived: p.archived,
    modificationMetadata: { archivable: !p.hubspotDefined, readOnlyDefinition: p.hubspotDefined, readOnlyValue: p.readOnlyValue },
  };
  if (p.numberDisplayHint) json.numberDisplayHint = p.numberDisplayHint;
  if (p.showCurrencySymbol !== undefined) json.showCurrencySymbol = p.showCurrencySymbol;
  if (p.currencyPropertyName) json.currencyPropertyName = p.currencyPropertyName;
  return json;
}

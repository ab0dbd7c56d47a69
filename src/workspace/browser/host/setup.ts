/// <reference lib="dom" />
import type { ExtensionContext } from '../protocol';

export type Language = 'en' | 'nl';

export interface WorkspaceUser {
  role: 'credit-controller' | 'account-owner' | 'support-agent';
  userId: number; ownerId: string; email: string; firstName: string; lastName: string;
  teams: { id: number; name: string; teammates: number[] }[];
}
export interface UiComponent { uid: string; type: string; name: string; location: string; objectTypes: string[]; file: string }
export interface Column { name: string; label: string; type: string }
export interface Setup {
  portal: { id: number; timezone: string };
  appId: number;
  variables: Record<string, string>;
  users: WorkspaceUser[];
  components: UiComponent[];
  now: string;
}
export interface RecordSummary { id: string; title: string; properties: Record<string, string> }
export interface RecordView extends RecordSummary { type: string; associations: Record<string, RecordSummary[] | undefined> }

export const OBJECT_TYPE_IDS: Record<string, string> = { contacts: '0-1', companies: '0-2', deals: '0-3', tickets: '0-5' };

export const base = (): string => (window as unknown as { __WORKSPACE_BASE__?: string }).__WORKSPACE_BASE__ ?? '/workspace';

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${base()}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** The context HubSpot gives a card at `location`: the user (with their language), the portal, the profile's variables, the record. */
export function cardContext(s: Setup, user: WorkspaceUser, lang: Language, location: string, title: string, crm?: { objectType: string; objectId: string }): ExtensionContext {
  return {
    location,
    user: {
      id: user.userId, email: user.email, emails: [user.email], firstName: user.firstName, lastName: user.lastName,
      roles: [], teams: user.teams, permissions: [], locale: lang === 'nl' ? 'nl-NL' : 'en-US', language: lang,
    },
    portal: s.portal,
    variables: s.variables,
    extension: { appId: s.appId, appName: 'Receivables Desk', cardTitle: title },
    ...(crm ? { crm: { objectId: Number(crm.objectId), objectTypeId: OBJECT_TYPE_IDS[crm.objectType] ?? crm.objectType } } : {}),
  };
}

export const componentsAt = (s: Setup, location: string, objectType?: string): UiComponent[] =>
  s.components.filter((c) => c.location === location && (!objectType || c.objectTypes.includes(objectType) || c.objectTypes.includes(OBJECT_TYPE_IDS[objectType] ?? '')));

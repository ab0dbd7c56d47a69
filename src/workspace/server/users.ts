import type { Portal, SandboxOwner } from '../../sandbox/state';

/** The people a workspace visitor can be, each a HubSpot user with an owner id in the local portal. */
export const ROLES = ['credit-controller', 'account-owner', 'support-agent'] as const;
export type Role = (typeof ROLES)[number];

export interface WorkspaceUser {
  readonly role: Role;
  readonly userId: number;
  readonly ownerId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly teams: readonly { id: number; name: string; teammates: number[] }[];
}

/**
 * The credit controller is the portal's credit-control team member the app assigns collection tasks to; the
 * account owner owns the most companies among the others; the support agent is someone else again.
 */
export function pickUsers(portal: Portal, creditControllerOwnerId: string | undefined): WorkspaceUser[] {
  const owners = portal.owners.list().filter((o) => !o.archived);
  const owned = new Map<string, number>();
  for (const c of portal.listObjects('companies')) {
    const id = c.properties.hubspot_owner_id;
    if (id) owned.set(id, (owned.get(id) ?? 0) + 1);
  }
  const controller = owners.find((o) => o.id === creditControllerOwnerId) ?? owners[0];
  const others = owners.filter((o) => o !== controller && o.teams.length === 0);
  const accountOwner = [...others].sort((a, b) => (owned.get(b.id) ?? 0) - (owned.get(a.id) ?? 0))[0];
  const support = others.find((o) => o !== accountOwner);
  const picked: [Role, SandboxOwner | undefined][] = [['credit-controller', controller], ['account-owner', accountOwner], ['support-agent', support]];
  return picked.flatMap(([role, o]) => o ? [{
    role, userId: o.userId, ownerId: o.id, email: o.email, firstName: o.firstName, lastName: o.lastName,
    teams: o.teams.map((t) => ({ id: Number(t.id) || 0, name: t.name, teammates: [] })),
  }] : []);
}

import type { SandboxOwner } from './types';

/** The portal's users as the owners API lists them; ids are numeric strings, userIds numbers. */
export class OwnerStore {
  private readonly owners = new Map<string, SandboxOwner>();
  private nextId = 101;

  create(o: { email: string; firstName: string; lastName: string; teams?: { id: string; name: string }[] }, now: number): SandboxOwner {
    if (!o.email.includes('@')) throw new Error(`Owner email '${o.email}' is not an e-mail address.`);
    const n = this.nextId++;
    const iso = new Date(now).toISOString();
    const owner: SandboxOwner = {
      id: String(n), userId: 9_000_000 + n, email: o.email, firstName: o.firstName, lastName: o.lastName,
      teams: (o.teams ?? []).map((t, i) => ({ id: t.id, name: t.name, primary: i === 0 })),
      archived: false, createdAt: iso, updatedAt: iso,
    };
    this.owners.set(owner.id, owner);
    return owner;
  }

  get(id: string): SandboxOwner | undefined { return this.owners.get(id); }
  byUserId(userId: number): SandboxOwner | undefined { return [...this.owners.values()].find((o) => o.userId === userId); }
  list(): SandboxOwner[] { return [...this.owners.values()]; }
}

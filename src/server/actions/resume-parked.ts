import type { OutcomeInput, OutcomeResultVM } from '../../contracts/actions';
import { isGatewayError } from '../hubspot/gateway-error';
import type { DeadLetters } from '../jobs/dead-letters';
import type { PortalRegistry } from '../portals/portal-registry';
import type { PortalParks } from '../rate/portal-park';
import { parkedForMs } from './kept-for-later';
import type { OutcomeReplay } from './outcome-service';
import type { ParkedWrites, StoredParkedWrite } from './parked-writes';

export interface ResumeParkedDeps {
  readonly parks: Pick<PortalParks, 'due' | 'resumed'>;
  readonly writes: ParkedWrites;
  readonly portals: Pick<PortalRegistry, 'get'>;
  readonly logOutcome: (portalId: string, companyId: string, input: OutcomeInput, replay: OutcomeReplay) => Promise<OutcomeResultVM>;
  readonly applyPreferences: (portalId: string, companyId: string) => Promise<void>;
  readonly deadLetters: Pick<DeadLetters, 'add'>;
  readonly log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

type Applied = 'applied' | 'given_up' | 'parked_again' | 'later';

/**
 * The un-park: for every portal whose daily-limit reset has passed (the sweep asks every few seconds), the card
 * writes kept meanwhile are applied and removed, then the portal leaves the park index — with one log line. Each
 * write is applied through the code that writes it normally, whose HubSpot writes carry their own keys (the call's
 * write key, the task's action key, the outcome's progress record), so a resume that dies half-way and runs
 * again, or a user who resubmitted the same outcome after the reset, doubles nothing. A write HubSpot refuses for
 * good (the company deleted meanwhile) becomes a dead letter; one that fails for now waits for the next sweep.
 */
export function createParkedResume(deps: ResumeParkedDeps) {
  async function apply(portalId: string, w: StoredParkedWrite): Promise<Applied> {
    try {
      if (w.write.kind === 'outcome') await deps.logOutcome(portalId, w.write.companyId, w.write.input, { asOf: w.write.asOf });
      else await deps.applyPreferences(portalId, w.write.companyId);
      await deps.writes.remove(portalId, w.id);
      return 'applied';
    } catch (err) {
      if (parkedForMs(err) !== undefined) return 'parked_again';
      if (isGatewayError(err) && err.verdict.kind === 'permanent') {
        await deps.deadLetters.add(portalId, { kind: 'parked-write', ref: w.write.companyId, companyId: w.write.companyId, reason: err.message });
        await deps.writes.remove(portalId, w.id);
        return 'given_up';
      }
      deps.log.warn({ portalId, write: w.write.kind, err: (err as Error).message }, 'kept card write not applied yet');
      return 'later';
    }
  }

  async function resumePortal(portalId: string): Promise<void> {
    const kept = await deps.writes.list(portalId);
    // A quarantined portal keeps its writes (and its place on the index) until it is reinstalled or deleted.
    if (!(await deps.portals.get(portalId)) && kept.length > 0) return;
    let applied = 0;
    let left = 0;
    for (const w of kept) {
      const result = await apply(portalId, w);
      // Parked again (the new reset is on the index): the rest waits for that one.
      if (result === 'parked_again') return;
      if (result === 'applied') applied++;
      if (result === 'later') left++;
    }
    if (left === 0 && (await deps.parks.resumed(portalId))) {
      deps.log.info({ portalId, applied }, 'portal resumed: HubSpot daily limit reset');
    }
  }

  /** Resumes every portal whose reset has passed; the number looked at. */
  return async function resumeDue(): Promise<number> {
    const due = await deps.parks.due();
    for (const portalId of due) {
      await resumePortal(portalId).catch((err: Error) => deps.log.warn({ portalId, err: err.message }, 'parked portal not resumed'));
    }
    return due.length;
  };
}

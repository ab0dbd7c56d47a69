import type { PreferencesInput, PreferencesVM } from '../../contracts/actions';
import type { IsoDate } from '../../domain/dates';
import type { CompanyId, ContactProfile } from '../../domain/ledger';
import { PREF } from '../hubspot/crm-schema';
import type { PortalId } from '../ledger/ledger-store';
import { loadCustomer, type ActionServiceDeps } from './action-deps';
import { channelResponses, suggestChannel } from './channel-responses';
import { keptForLater, parkedForMs } from './kept-for-later';
import { createParkedWrites } from './parked-writes';
import { fieldErrorCollector } from './validation-error';

/** Date properties take midnight UTC as epoch milliseconds; an empty string clears the value. */
const dateProperty = (d: IsoDate | undefined): string => (d ? String(Date.parse(`${d}T00:00:00Z`)) : '');
const hh = (n: number) => String(n).padStart(2, '0');

/** The profile as the card edits it; pauses that already ended are left out (they no longer do anything). */
export function toPreferencesVM(profile: ContactProfile, today: IsoDate, history: Parameters<typeof channelResponses>[0]): PreferencesVM {
  const responses = channelResponses(history);
  const optOut = profile.optOut && (profile.optOut.until === undefined || profile.optOut.until >= today) ? profile.optOut : undefined;
  return {
    companyId: profile.companyId,
    today,
    preferences: {
      channels: [...profile.channels],
      ...(profile.accountsPayableContactId ? { accountsPayableContactId: profile.accountsPayableContactId } : {}),
      ...(profile.decisionMakerContactId ? { decisionMakerContactId: profile.decisionMakerContactId } : {}),
      callWindows: profile.callWindows.map((w) => ({ ...w })),
      language: profile.language,
      customerType: profile.customerType,
      ...(optOut ? { optOut: { ...(optOut.until ? { until: optOut.until } : {}), ...(optOut.reason ? { reason: optOut.reason } : {}) }, optOutSince: optOut.since } : {}),
      pauses: profile.pauses.filter((p) => p.until >= today).map((p) => ({ ...p })),
    },
    responses: responses.filter((r) => r.attempts > 0 || profile.channels.includes(r.channel)),
    suggestion: suggestChannel(profile.channels, responses),
  };
}

/** The company properties HubSpot lists and workflows read. */
export function preferenceCrmProperties(p: ContactProfile): Record<string, string> {
  const pausedUntil = p.pauses.map((x) => x.until).sort().at(-1);
  return {
    [PREF.channels]: p.channels.join(';'),
    [PREF.apContact]: p.accountsPayableContactId ?? '',
    [PREF.decisionMaker]: p.decisionMakerContactId ?? '',
    [PREF.callTimes]: p.callWindows.map((w) => `${w.weekday} ${hh(w.fromHour)}-${hh(w.toHour)}`).join('; '),
    [PREF.language]: p.language,
    [PREF.customerType]: p.customerType,
    [PREF.optOutUntil]: dateProperty(p.optOut?.until),
    [PREF.pausedUntil]: dateProperty(pausedUntil),
  };
}

export function createPreferencesService(deps: ActionServiceDeps) {
  const parked = createParkedWrites(deps.redis, deps.prefix);
  /**
   * The contacts the card names must be associated with the company. While HubSpot's daily limit is spent that
   * cannot be asked; contacts the stored profile already names were checked when they were set, so they pass,
   * and a newly named one leaves the park error to answer (nothing saved).
   */
  const checkContacts = async (portalId: PortalId, companyId: CompanyId, people: readonly (readonly [string, string | undefined])[], known: ReadonlySet<string>) => {
    try {
      const associated = new Set(await deps.engagements.listCompanyContactIds(portalId, companyId));
      return people.filter(([, id]) => id !== undefined && !associated.has(id)).map(([field]) => field);
    } catch (err) {
      if (parkedForMs(err) === undefined || people.some(([, id]) => id !== undefined && !known.has(id))) throw err;
      return [];
    }
  };

  return {
    async get(portalId: PortalId, companyId: CompanyId): Promise<PreferencesVM> {
      const c = await loadCustomer(deps, portalId, companyId);
      return toPreferencesVM(c.ledger.profile, c.asOf, c.ledger.history);
    },

    /**
     * Validates against today and the company's contacts, writes the CRM properties, then the ledger profile.
     * While HubSpot's daily limit is spent the profile is saved (planning uses it at once) and the CRM properties
     * follow after the reset (KeptForLater).
     */
    async save(portalId: PortalId, companyId: CompanyId, input: PreferencesInput): Promise<PreferencesVM> {
      const c = await loadCustomer(deps, portalId, companyId);
      const errors = fieldErrorCollector();
      if (new Set(input.channels).size !== input.channels.length) errors.add('channels', 'duplicate_channel', 'Each channel may appear only once.');
      input.pauses.forEach((p, i) => {
        if (p.until < p.from) errors.add(`pauses.${i}.until`, 'pause_ends_before_start', 'The pause must end on or after its first day.');
        else if (p.until < c.asOf) errors.add(`pauses.${i}.until`, 'date_in_past', 'The end date of a pause cannot be in the past.');
      });
      if (input.optOut?.until && input.optOut.until < c.asOf) errors.add('optOut.until', 'date_in_past', 'The opt-out end date cannot be in the past.');
      const people = [['accountsPayableContactId', input.accountsPayableContactId], ['decisionMakerContactId', input.decisionMakerContactId]] as const;
      const before = c.ledger.profile;
      if (people.some(([, id]) => id !== undefined)) {
        const known = new Set([before.accountsPayableContactId, before.decisionMakerContactId].filter((id): id is string => id !== undefined));
        for (const field of await checkContacts(portalId, companyId, people, known)) {
          errors.add(field, 'contact_not_associated', 'Choose a contact associated with this company.');
        }
      }
      errors.throwIfAny();

      const profile: ContactProfile = {
        companyId,
        channels: input.channels,
        ...(input.accountsPayableContactId ? { accountsPayableContactId: input.accountsPayableContactId } : {}),
        ...(input.decisionMakerContactId ? { decisionMakerContactId: input.decisionMakerContactId } : {}),
        reachability: before.reachability,
        callWindows: input.callWindows,
        language: input.language,
        customerType: input.customerType,
        relationshipTier: before.relationshipTier,
        ...(input.optOut ? { optOut: {
          since: before.optOut?.since ?? c.asOf,
          ...(input.optOut.until ? { until: input.optOut.until } : {}),
          ...(input.optOut.reason ? { reason: input.optOut.reason } : {}),
        } } : {}),
        pauses: input.pauses,
        ...(before.ownerId ? { ownerId: before.ownerId } : {}),
      };
      // CRM first: if HubSpot refuses, the ledger keeps the old profile and both still agree.
      try {
        await deps.engagements.updateCompanyProperties(portalId, companyId, preferenceCrmProperties(profile));
      } catch (err) {
        const parkedMs = parkedForMs(err);
        if (parkedMs === undefined) throw err;
        // The profile is the truth the CRM properties copy: saved now, copied after the reset.
        await deps.ledger.saveProfile(portalId, profile);
        await parked.keep(portalId, { kind: 'preferences', companyId });
        throw keptForLater(parkedMs);
      }
      await deps.ledger.saveProfile(portalId, profile);
      return toPreferencesVM(profile, c.asOf, c.ledger.history);
    },

    /** After the reset: the company's preference properties from the profile as it is now (the last save wins). */
    async applyKept(portalId: PortalId, companyId: CompanyId): Promise<void> {
      const stored = await deps.ledger.getCustomerLedger(portalId, companyId);
      if (stored) await deps.engagements.updateCompanyProperties(portalId, companyId, preferenceCrmProperties(stored.profile));
    },
  };
}

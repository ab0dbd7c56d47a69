import { isValidBIC, isValidIBAN } from 'ibantools';
import type { CalendarSettings, CompanyDetails, PortalSettingsVM, SettingsProblems, UpdateSettingsRequest } from '../../contracts/settings';
import type { Language } from '../../domain/ledger';
import { DEFAULT_PAYMENT_REFERENCE_SCHEME, type PaymentReferenceScheme } from '../../domain/payments/payment-reference';
import { DEFAULT_POLICY, type ReminderPolicy } from '../../domain/policy/policy';
import { validatePolicy } from '../../domain/policy/validate-policy';
import { err, ok, type Result } from '../../domain/result';
import type { SettingsStore, StoredSettings } from './settings-store';

/** A portal's settings as every server reader gets them: the stored sections over the product's defaults. */
export interface PortalSettings {
  readonly version: number;
  readonly updatedAt: string | null;
  /** Undefined until an admin saved them; readers fall back to their own defaults (e.g. the demo creditor). */
  readonly company: CompanyDetails | undefined;
  readonly defaultLanguage: Language;
  readonly calendar: CalendarSettings;
  readonly policy: ReminderPolicy;
  readonly policyIsDefault: boolean;
  /** Which reference invoices without one get at ingest. */
  readonly paymentReferences: PaymentReferenceScheme;
  readonly adminUserIds: readonly string[];
}

/** Mon–Fri and no closing days of its own: the public holidays of the portal's country still apply. */
export const DEFAULT_CALENDAR: CalendarSettings = { workingDays: [1, 2, 3, 4, 5], extraHolidays: [] };
export const DEFAULT_LANGUAGE: Language = 'nl';

export type UpdateFailure =
  | { readonly code: 'not_admin' }
  | { readonly code: 'version_conflict'; readonly currentVersion: number }
  | { readonly code: 'invalid_settings'; readonly problems: SettingsProblems['problems'] };

export interface SettingsServiceDeps {
  readonly store: SettingsStore;
  readonly now: () => Date;
  /** Who may change settings while a portal has named no admins (the installing user). */
  readonly initialAdmins?: (portalId: string) => Promise<readonly string[]>;
  /** Called after a change to the policy or the calendar: every plan of the portal may have moved. */
  readonly onPlanningChanged?: (portalId: string) => Promise<void>;
  /** The language a portal writes in until an admin chose one (the installed portal's: Dutch in the Netherlands). */
  readonly defaultLanguageFor?: (portalId: string) => Promise<Language>;
}

export function createSettingsService(deps: SettingsServiceDeps) {
  const resolve = async (portalId: string, s: StoredSettings): Promise<PortalSettings> => ({
    version: s.version,
    updatedAt: s.updatedAt,
    company: s.company,
    defaultLanguage: s.defaultLanguage ?? await deps.defaultLanguageFor?.(portalId) ?? DEFAULT_LANGUAGE,
    calendar: s.calendar ?? DEFAULT_CALENDAR,
    policy: s.policy ?? DEFAULT_POLICY,
    policyIsDefault: s.policy === undefined,
    paymentReferences: s.paymentReferences ?? DEFAULT_PAYMENT_REFERENCE_SCHEME,
    adminUserIds: s.adminUserIds ?? await deps.initialAdmins?.(portalId) ?? [],
  });

  const read = async (portalId: string): Promise<PortalSettings> => resolve(portalId, await deps.store.read(portalId));

  const view = (portalId: string, s: PortalSettings, userId: string | undefined): PortalSettingsVM => ({
    portalId, version: s.version, updatedAt: s.updatedAt, company: s.company ?? null, defaultLanguage: s.defaultLanguage,
    calendar: s.calendar, policy: toWire(s.policy), policyIsDefault: s.policyIsDefault, paymentReferences: s.paymentReferences, adminUserIds: [...s.adminUserIds],
    canEdit: userId !== undefined && s.adminUserIds.includes(userId),
  });

  return {
    read,
    /**
     * The installing user becomes the first admin of a portal that has named none (OAuth install). A portal with
     * admins keeps them: a reinstall by someone else grants nothing.
     */
    async claimFirstAdmin(portalId: string, userId: string): Promise<void> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const stored = await deps.store.read(portalId);
        if (stored.adminUserIds !== undefined) return;
        // Whoever could already edit (the embedded default's demo user) keeps that right.
        const admins = [...new Set([...(await deps.initialAdmins?.(portalId) ?? []), userId])];
        const saved = await deps.store.save(portalId, stored.version, { ...stored, adminUserIds: admins, updatedAt: deps.now().toISOString(), updatedBy: userId });
        if (saved.ok) return;
      }
    },
    /**
     * Whether this user may change the portal's settings and keys: the app's own admin list. HubSpot's signed
     * context cannot say who is a super admin (context.user has no such field; its `permissions` and deprecated
     * `roles` do not tell it), so that role is the app's.
     */
    isAdmin: async (portalId: string, userId: string | undefined): Promise<boolean> =>
      userId !== undefined && (await read(portalId)).adminUserIds.includes(userId),
    /** The portal's reminder policy (the seeds ladder until an admin saved one). */
    policyFor: async (portalId: string): Promise<ReminderPolicy> => (await read(portalId)).policy,
    referenceSchemeFor: async (portalId: string): Promise<PaymentReferenceScheme> => (await read(portalId)).paymentReferences,
    view: async (portalId: string, userId?: string) => view(portalId, await read(portalId), userId),

    async update(portalId: string, userId: string | undefined, req: UpdateSettingsRequest): Promise<Result<PortalSettingsVM, UpdateFailure>> {
      const stored = await deps.store.read(portalId);
      const current = await resolve(portalId, stored);
      if (userId === undefined || !current.adminUserIds.includes(userId)) return err({ code: 'not_admin' });
      if (req.version !== stored.version) return err({ code: 'version_conflict', currentVersion: stored.version });
      const problems = settingsProblems(req, userId);
      if (problems.length > 0) return err({ code: 'invalid_settings', problems });

      const next: Omit<StoredSettings, 'version'> = {
        ...stored, updatedAt: deps.now().toISOString(), updatedBy: userId,
        ...(req.company ? { company: req.company } : {}),
        ...(req.defaultLanguage ? { defaultLanguage: req.defaultLanguage } : {}),
        ...(req.calendar ? { calendar: req.calendar } : {}),
        ...(req.policy ? { policy: req.policy } : {}),
        ...(req.paymentReferences ? { paymentReferences: req.paymentReferences } : {}),
        ...(req.adminUserIds ? { adminUserIds: [...new Set(req.adminUserIds)] } : {}),
      };
      const saved = await deps.store.save(portalId, stored.version, next);
      if (!saved.ok) return err({ code: 'version_conflict', currentVersion: saved.currentVersion });
      // The language too: every open task is rewritten in the new one.
      if (req.policy || req.calendar || req.defaultLanguage) await deps.onPlanningChanged?.(portalId);
      return ok(view(portalId, await resolve(portalId, saved.settings), userId));
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;

/** Every problem of a change at once: the domain's policy validation, bank details, and the admin list. */
function settingsProblems(req: UpdateSettingsRequest, userId: string): SettingsProblems['problems'] {
  const problems: SettingsProblems['problems'] = [];
  if (req.company && !isValidIBAN(req.company.iban)) problems.push({ section: 'company', message: `IBAN ${req.company.iban} is not valid (check digits or length)` });
  if (req.company?.bic && !isValidBIC(req.company.bic)) problems.push({ section: 'company', message: `BIC ${req.company.bic} is not valid` });
  if (req.policy) {
    const checked = validatePolicy(req.policy);
    if (!checked.ok) problems.push(...checked.error.map((message) => ({ section: 'policy' as const, message })));
  }
  // An admin cannot lock themselves out by accident: whoever saves the list stays on it.
  if (req.adminUserIds && !req.adminUserIds.includes(userId)) problems.push({ section: 'adminUserIds', message: 'the list must include yourself' });
  return problems;
}

/** The domain's policy as the wire carries it (readonly arrays become plain ones). */
const toWire = (p: ReminderPolicy): PortalSettingsVM['policy'] => structuredClone(p) as PortalSettingsVM['policy'];

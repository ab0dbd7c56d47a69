import { z } from 'zod';
import { CalendarDate, SafeId, SafeText } from './primitives';

/**
 * The debtor page's self-service forms (`POST /my/<token>/arrange`, urlencoded, no script). Every form carries a
 * submission id the page generated, so a resubmitted form (back button, double tap, a retry) is recorded once.
 */
export const DISPUTE_REASON_CHOICES = ['not_received', 'wrong_amount', 'delivery_problem', 'quality', 'duplicate', 'other'] as const;

const Submission = SafeId(64).pipe(z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'is not a submission id' }));

export const ArrangeForm = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deferral'), submission: Submission, invoice: SafeId(128), until: CalendarDate }),
  z.object({
    kind: z.literal('arrangement'), submission: Submission,
    terms: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(2).max(36),
    firstDate: CalendarDate,
  }),
  z.object({ kind: z.literal('dispute'), submission: Submission, invoice: SafeId(128), reason: z.enum(DISPUTE_REASON_CHOICES), message: SafeText(1000) }),
  z.object({ kind: z.literal('ap_email'), submission: Submission, email: z.email({ error: 'is not an e-mail address' }).max(254) }),
]);
export type ArrangeForm = z.infer<typeof ArrangeForm>;

/** What the page tells the customer afterwards (`?done=`). */
export const ARRANGE_OUTCOMES = ['deferral_approved', 'deferral_review', 'arrangement_approved', 'arrangement_review', 'dispute_received', 'email_received', 'refused', 'invalid'] as const;
export type ArrangeOutcome = (typeof ARRANGE_OUTCOMES)[number];

const NumericId = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' });

/**
 * The settings page's admin API for a customer's debtor-page link (`/api/admin/debtor-links/<companyId>`, signed by
 * HubSpot): `POST …/rotate` issues a new link, the old one opens nothing from then on. Portal and user come
 * from the signed query; only the portal's admins may rotate (403 not_admin), only a known customer (404 not_found).
 */
export const DEBTOR_LINK_PATHS = {
  /** POST: a new link for the customer (200 DebtorLinkVM). */
  rotate: (companyId: string) => `/api/admin/debtor-links/${encodeURIComponent(companyId)}/rotate`,
} as const;

export const DebtorLinkAdminQuery = z.object({ portalId: NumericId, userId: NumericId.optional() });
export const DebtorLinkCompany = NumericId;

export const DebtorLinkVM = z.object({
  companyId: z.string(),
  url: z.url(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type DebtorLinkVM = z.infer<typeof DebtorLinkVM>;

export const DEBTOR_LINK_ERROR_CODES = ['not_admin', 'not_found'] as const;
export type DebtorLinkErrorCode = (typeof DEBTOR_LINK_ERROR_CODES)[number];

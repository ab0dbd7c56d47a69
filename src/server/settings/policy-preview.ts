import type { PolicyPreviewRequest, PolicyPreviewVM, SettingsProblems } from '../../contracts/settings';
import { addDays, type IsoDate } from '../../domain/dates';
import type { BusinessCalendar } from '../../domain/ledger';
import { previewPolicy } from '../../domain/policy/preview';
import { validatePolicy } from '../../domain/policy/validate-policy';
import { err, ok, type Result } from '../../domain/result';

/**
 * The settings page's preview: the edited policy, checked by the same validation as a save, run by the reminder
 * engine on one unpaid invoice issued today in the portal's calendar. Nothing is stored.
 */
export function policyPreview(req: PolicyPreviewRequest, day: { asOf: IsoDate; calendar: BusinessCalendar }): Result<PolicyPreviewVM, SettingsProblems['problems']> {
  const checked = validatePolicy(req.policy);
  if (!checked.ok) return err(checked.error.map((message) => ({ section: 'policy' as const, message })));
  const steps = previewPolicy({ policy: req.policy, calendar: day.calendar, issueDate: day.asOf, termDays: req.termDays, customerType: req.customerType });
  return ok({ issueDate: day.asOf, dueDate: addDays(day.asOf, req.termDays), steps });
}

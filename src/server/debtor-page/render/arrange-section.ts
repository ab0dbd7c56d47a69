import { DISPUTE_REASON_CHOICES } from '../../../contracts/debtor-page';
import { paySelection } from '../../../domain/debtor-page/pay-selection';
import type { SelfServiceLimits } from '../../../domain/policy/self-service-limits';
import type { DebtorStanding } from '../../../domain/debtor-page/standing';
import type { Language } from '../../../domain/ledger';
import { html, type SafeHtml } from './html';
import { formatters } from './page';

/**
 * The self-service forms: plain HTML forms posting to `/my/<token>/arrange`, each with its own submission id
 * (fresh per page view), so a resubmitted form is recorded once.
 */
export function renderArrangeSection(o: { standing: DebtorStanding; lang: Language; selfPath: string; limits: SelfServiceLimits; submissionId: (form: string) => string }): SafeHtml {
  const { t, money, date } = formatters(o.lang);
  const payable = o.standing.invoices.filter((i) => paySelection(o.standing, i.externalId).kind !== 'nothing');
  // An invoice at the collection agency is disputed with the agency, not here.
  const disputable = o.standing.invoices.filter((i) => i.kind === 'invoice' && i.status !== 'disputed' && i.status !== 'in_collection');
  const options = (list: typeof payable) => list.map((i) => html`<option value="${i.externalId}">${i.number} — ${money(i.open)} (${date(i.dueDate)})</option>`);
  const form = (kind: string, body: SafeHtml) => html`<form method="post" action="${o.selfPath}/arrange?lang=${o.lang}" data-testid="form-${kind}">
<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="submission" value="${o.submissionId(kind)}">
${body}</form>`;
  const field = (id: string, label: string, control: SafeHtml) => html`<div class="copy"><label for="${id}">${label}</label>${control}</div>`;
  return html`<section aria-labelledby="arrange-h">
<h2 id="arrange-h">${t.arrangeHeading}</h2>
${payable.length > 0 ? html`<h3>${t.deferralHeading}</h3><p class="note">${t.deferralHint(o.limits.maxDeferralDays)}</p>
${form('deferral', html`${field('def-invoice', t.fieldInvoice, html`<select id="def-invoice" name="invoice">${options(payable)}</select>`)}
${field('def-until', t.fieldUntil, html`<input id="def-until" name="until" type="date" required min="${o.standing.asOf}">`)}
<button type="submit" class="primary">${t.deferralSubmit}</button>`)}` : ''}
${paySelection(o.standing).kind !== 'nothing' ? html`<h3>${t.proposeHeading}</h3><p class="note">${t.arrangementHint(o.limits.maxTerms, money({ minor: o.limits.minInstalmentMinor, currency: 'EUR' }), o.limits.maxFirstTermDays)}</p>
${form('arrangement', html`${field('arr-terms', t.fieldTerms, html`<input id="arr-terms" name="terms" type="number" inputmode="numeric" min="2" max="36" value="3" required>`)}
${field('arr-first', t.fieldFirstDate, html`<input id="arr-first" name="firstDate" type="date" required min="${o.standing.asOf}">`)}
<button type="submit" class="primary">${t.arrangementSubmit}</button>`)}` : ''}
${disputable.length > 0 ? html`<h3>${t.disputeHeading}</h3><p class="note">${t.disputeHint}</p>
${form('dispute', html`${field('dsp-invoice', t.fieldInvoice, html`<select id="dsp-invoice" name="invoice">${options(disputable)}</select>`)}
${field('dsp-reason', t.fieldReason, html`<select id="dsp-reason" name="reason">${DISPUTE_REASON_CHOICES.map((r) => html`<option value="${r}">${t.disputeReasons[r] ?? r}</option>`)}</select>`)}
${field('dsp-message', t.fieldMessage, html`<textarea id="dsp-message" name="message" rows="3" maxlength="1000"></textarea>`)}
<button type="submit" class="primary">${t.disputeSubmit}</button>`)}` : ''}
<h3>${t.emailHeading}</h3>
${form('ap_email', html`${field('ap-email', t.fieldEmail, html`<input id="ap-email" name="email" type="email" autocomplete="email" required maxlength="254">`)}
<button type="submit" class="primary">${t.emailSubmit}</button>`)}
</section>`;
}

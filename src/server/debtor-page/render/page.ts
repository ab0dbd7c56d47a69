import type { DebtorInvoice, DebtorStanding, DebtorStep } from '../../../domain/debtor-page/standing';
import type { IsoDate } from '../../../domain/dates';
import { formatAmounts, formatLongDate, formatMoney, formatPercent } from '../../../domain/i18n/format';
import type { Language } from '../../../domain/ledger';
import type { Money } from '../../../domain/money';
import type { CreditorDetails } from '../creditor';
import { messagesFor } from '../messages';
import { paySelection } from '../../../domain/debtor-page/pay-selection';
import { printedReference } from '../../../domain/payments/payment-reference';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export interface PageInput {
  readonly standing: DebtorStanding;
  readonly creditor: CreditorDetails;
  readonly lang: Language;
  /** The page's own path (`/my/<token>`), for the language switch and the forms. */
  readonly selfPath: string;
  /** Sections added by later features (arrange), rendered after the overview. */
  readonly extra?: readonly SafeHtml[];
  /** Online or by transfer: the page links to the pay page per invoice and for everything overdue. */
  readonly payable: boolean;
  /** The outcome of the payer's return from the provider's checkout. */
  readonly banner?: 'paid' | 'pending' | 'failed';
  /** What a self-service form just did (`?done=`). */
  readonly done?: string;
  /** Invoices whose own PDF the customer can download. */
  readonly pdfInvoiceIds?: ReadonlySet<string>;
}

/** The page's texts and the domain's formatters (the same money, dates and percentages the cards and letters print). */
export function formatters(lang: Language) {
  const t = messagesFor(lang);
  const money = (m: Money) => formatMoney(m, lang);
  const date = (d: IsoDate) => formatLongDate(d, lang);
  const percent = (basisPoints: number) => formatPercent(basisPoints, lang);
  return { t, money, date, percent, list: (ms: readonly Money[]) => formatAmounts(ms, lang) };
}

/** The customer's own page: who the creditor is, what is open, where they stand, what they paid. */
export function renderDebtorPage(input: PageInput): string {
  const { standing: s, creditor, lang } = input;
  const { t, money, date, percent, list } = formatters(lang);
  const otherLang: Language = lang === 'nl' ? 'en' : 'nl';
  const openInvoices = s.invoices.filter((i) => i.kind === 'invoice');

  const invoiceItem = (i: DebtorInvoice) => html`<li class="invoice">
<h3>${i.kind === 'credit_note' ? `${t.creditNote} ${i.number}` : `${t.colNumber} ${i.number}`}</h3>
<dl>
<dt>${t.colDue}</dt><dd>${date(i.dueDate)}</dd>
<dt>${t.colOpen}</dt><dd>${i.kind === 'credit_note' ? `− ${money(i.open)}` : money(i.open)}</dd>
<dt>${t.colStatus}</dt><dd><span class="status status-${i.status}">${t.status[i.status]}</span>${i.daysOverdue > 0 ? html` <span class="note">(${t.daysOverdue(i.daysOverdue)})</span>` : ''}${i.deferredTo ? html` <span class="note">(${t.deferredTo(date(i.deferredTo))})</span>` : ''}</dd>
${i.interest.minor > 0 ? html`<dt>${t.colInterest}</dt><dd>${money(i.interest)}</dd>` : ''}
${i.paymentReference && i.status !== 'in_collection' ? html`<dt>${t.fieldReference}</dt><dd data-testid="reference-${i.externalId}">${printedReference(i.paymentReference)}</dd>` : ''}
</dl>
${input.pdfInvoiceIds?.has(i.externalId) ? html`<p><a href="${input.selfPath}/invoices/${encodeURIComponent(i.externalId)}/pdf" download>${t.downloadPdf(i.number)}</a></p>` : ''}
${input.payable && paySelection(s, i.externalId).kind !== 'nothing' ? html`<p><a href="${input.selfPath}/pay?invoice=${encodeURIComponent(i.externalId)}&amp;lang=${lang}">${t.payThis(i.number)}</a></p>` : ''}
</li>`;
  const overdue = paySelection(s);
  const banner = input.banner ? { paid: t.paidBanner, pending: t.pendingBanner, failed: t.failedBanner }[input.banner] : input.done ? t.done[input.done] : undefined;

  const stepName = (id: string) => t.steps[id] ?? t.stepFallback;
  const stepItem = (st: DebtorStep) => html`<li${st.state === 'current' || st.state === 'next' ? html` aria-current="step"` : ''}>${stepName(st.stepId)} <span class="note">— ${t.stepState[st.state]}${st.on ? `, ${date(st.on)}` : ''}</span></li>`;

  const body = html`
<h1>${t.title(creditor.legalName)}</h1>
${banner ? html`<p role="status" class="banner" data-testid="banner">${banner}</p>` : ''}
<p>${t.intro}</p>
<nav aria-label="${t.switchLabel}"><a href="${input.selfPath}?lang=${otherLang}" lang="${otherLang}" hreflang="${otherLang}">${t.switchTo}</a></nav>
<section aria-labelledby="summary-h">
<h2 id="summary-h">${openInvoices.length > 0 ? t.openCount(openInvoices.length) : t.nothingOpen}</h2>
${s.invoices.length > 0 ? html`<dl class="totals">
<dt>${t.totalOpen}</dt><dd data-testid="total-open">${list(s.totals.open)}</dd>
${s.totals.overdue.length > 0 ? html`<dt>${t.totalOverdue}</dt><dd data-testid="total-overdue">${list(s.totals.overdue)}</dd>` : ''}
${s.totals.interest.length > 0 ? html`<dt>${t.totalInterest}</dt><dd data-testid="total-interest">${list(s.totals.interest)}</dd>` : ''}
</dl>` : ''}
${input.payable && overdue.kind !== 'nothing' ? html`<p><a class="button" href="${input.selfPath}/pay?lang=${lang}" data-testid="pay-overdue">${t.payAllOverdue(money(overdue.total))}</a></p>` : ''}
</section>
${s.invoices.length > 0 ? html`<section aria-labelledby="invoices-h">
<h2 id="invoices-h">${t.invoicesHeading}</h2>
<ul class="plain" data-testid="invoices">${s.invoices.map(invoiceItem)}</ul>
</section>` : ''}
${s.arrangements.length > 0 ? html`<section aria-labelledby="arr-h" data-testid="arrangement">
<h2 id="arr-h">${t.arrangementHeading}</h2>
${s.arrangements.map((a) => html`<ol>${a.instalments.map((i, n) => html`<li>${t.instalment(n + 1)}: ${money(i.amount)} — ${date(i.dueDate)}</li>`)}</ol>`)}
</section>` : ''}
${openInvoices.length > 0 ? html`<section aria-labelledby="standing-h" data-testid="standing">
<h2 id="standing-h">${t.standingHeading}</h2>
${s.paused ? html`<p>${t.paused}</p>` : ''}
<ol class="steps">${s.steps.map(stepItem)}</ol>
${s.next ? html`<p data-testid="next-step">${t.nextOn(stepName(s.next.stepId), date(s.next.on))}</p>` : html`<p>${t.noSteps}</p>`}
${s.collectionCosts ? html`<p data-testid="costs">${t.costsWarning(money(s.collectionCosts), s.collectionCostsVatBasisPoints ? percent(s.collectionCostsVatBasisPoints) : undefined)}</p>` : ''}
</section>` : ''}
${input.extra ?? []}
<section aria-labelledby="payments-h">
<h2 id="payments-h">${t.paymentsHeading}</h2>
${s.payments.length > 0
    ? html`<ul class="plain" data-testid="payments">${s.payments.map((p) => html`<li>${date(p.date)}: ${money(p.amount)}${p.invoiceNumber ? ` ${t.paymentFor(p.invoiceNumber)}` : ''}</li>`)}</ul>`
    : html`<p>${t.noPayments}</p>`}
</section>`;

  const footer = html`<p>${creditor.legalName}${creditor.cocNumber ? ` · ${t.footerCoc} ${creditor.cocNumber}` : ''}${creditor.vatNumber ? ` · ${t.footerVat} ${creditor.vatNumber}` : ''}</p>
${creditor.supportEmail ? html`<p>${t.questions(creditor.supportEmail)}</p>` : ''}`;
  return layout({ lang, title: t.title(creditor.legalName), brand: creditor.brandColour, creditorName: creditor.legalName, body, footer });
}

/** The one page for every link that does not open a customer: the same words whatever the reason. */
export function renderNeutralPage(lang: Language, kind: 'not_found' | 'too_many' | 'not_ready' = 'not_found'): string {
  const t = messagesFor(lang);
  const other = messagesFor(lang === 'nl' ? 'en' : 'nl');
  const [title, body, otherTitle, otherBody] = kind === 'too_many'
    ? [t.tooManyTitle, t.tooManyBody, other.tooManyTitle, other.tooManyBody]
    : kind === 'not_ready'
      ? [t.notReadyTitle, t.notReadyBody, other.notReadyTitle, other.notReadyBody]
      : [t.neutralTitle, t.neutralBody, other.neutralTitle, other.neutralBody];
  // Who asks is unknown, so both languages are shown; nothing names a creditor or a customer.
  return layout({
    lang, title, brand: '#3b4350', creditorName: 'Receivables Desk',
    body: html`<h1>${title}</h1><p>${body}</p><h2 lang="${lang === 'nl' ? 'en' : 'nl'}">${otherTitle}</h2><p lang="${lang === 'nl' ? 'en' : 'nl'}">${otherBody}</p>`,
  });
}

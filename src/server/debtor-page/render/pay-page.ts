import type { PaySelection } from '../../../domain/debtor-page/pay-selection';
import type { Language } from '../../../domain/ledger';
import { printedReference } from '../../../domain/payments/payment-reference';
import type { CreditorDetails } from '../creditor';
import { html } from './html';
import { layout } from './layout';
import { formatters } from './page';

export interface PayPageInput {
  readonly selection: Extract<PaySelection, { kind: 'invoice' | 'overdue' }>;
  readonly creditor: CreditorDetails;
  readonly lang: Language;
  readonly selfPath: string;
  /** Structured reference (the invoice's betalingskenmerk or RF) or, without one, the remittance text. */
  readonly remittance: { readonly reference?: string; readonly text?: string };
  /** The EPC QR code as a PNG data URL, when the transfer fits one. */
  readonly qrDataUrl?: string;
  readonly online: boolean;
}

/** Pay one invoice or everything overdue: the QR for the banking app, the details to copy, the online checkout. */
export function renderPayPage(p: PayPageInput): string {
  const { t, money } = formatters(p.lang);
  const { selection: s, creditor } = p;
  const amount = money(s.total);
  const title = s.kind === 'invoice' ? t.payInvoiceTitle(s.lines[0]!.number) : t.payOverdueTitle;
  const field = (id: string, label: string, value: string) =>
    html`<div class="copy"><label for="${id}">${label}</label><input id="${id}" type="text" readonly value="${value}" data-testid="${id}"></div>`;
  const body = html`
<h1>${title}</h1>
<p><a href="${p.selfPath}?lang=${p.lang}">${t.backToOverview}</a></p>
<section aria-labelledby="amount-h"><h2 id="amount-h">${t.payAmount}: <span data-testid="pay-amount">${amount}</span></h2>
${s.kind === 'overdue' ? html`<p>${t.payCovers(s.lines.map((l) => l.number).join(', '))}</p>` : ''}
</section>
${p.online ? html`<section aria-labelledby="online-h"><h2 id="online-h">${t.payOnlineHeading}</h2>
<form method="post" action="${p.selfPath}/checkout?lang=${p.lang}">
${s.kind === 'invoice' ? html`<input type="hidden" name="invoice" value="${s.lines[0]!.invoiceExternalId}">` : ''}
<button type="submit" class="primary">${t.payOnlineButton(amount)}</button>
</form></section>` : ''}
<section aria-labelledby="transfer-h"><h2 id="transfer-h">${t.payTransferHeading}</h2>
${p.qrDataUrl ? html`<p>${t.qrIntro}</p><img src="${p.qrDataUrl}" width="240" height="240" alt="${t.qrAlt(amount, creditor.legalName)}" data-testid="epc-qr">` : ''}
${field('pay-name', t.fieldName, creditor.legalName)}
${field('pay-iban', 'IBAN', creditor.iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 '))}
${creditor.bic ? field('pay-bic', 'BIC', creditor.bic) : ''}
${field('pay-amount-copy', t.payAmount, (s.total.minor / 100).toFixed(2))}
${p.remittance.reference ? field('pay-reference', t.fieldReference, printedReference(p.remittance.reference)) : ''}
${p.remittance.text ? field('pay-text', t.fieldDescription, p.remittance.text) : ''}
<p class="note">${t.transferNote}</p>
</section>`;
  return layout({ lang: p.lang, title, brand: creditor.brandColour, creditorName: creditor.legalName, body });
}

import type { CallScript, ExcuseId } from '../call-script/types';
import type { CustomerType } from '../ledger';
import { t } from './format';

/** The excuses heard most often, per customer type; a task body stays short, the card shows all of them. */
const TOP_EXCUSES: Record<CustomerType, readonly ExcuseId[]> = {
  business: ['invoice_not_received', 'already_paid', 'with_approval', 'no_money'],
  consumer: ['invoice_not_received', 'already_paid', 'no_money'],
};

/** A short plain-text rendering of the call script for a CALL task's body: opening, the three goals, top excuses, closing. */
export function callScriptText(script: CallScript): string[] {
  const lang = script.language;
  const top = TOP_EXCUSES[script.customerType];
  const excuses = script.excuses.filter((e) => top.includes(e.id)).sort((a, b) => top.indexOf(a.id) - top.indexOf(b.id));
  return [
    `${t(lang, 'script.title')}:`,
    `${t(lang, 'script.opening')}: ${script.opening}`,
    `${t(lang, 'script.goals')}:`,
    ...script.goals.map((g, i) => `${i + 1}. ${g.text}`),
    `${t(lang, 'script.excuses')}:`,
    ...excuses.map((e) => `- ${e.excuse} → ${e.answer}`),
    `${t(lang, 'script.closing')}:`,
    ...script.closing.slice(2).map((line) => `- ${line}`),
  ];
}

import type { CallScript, ExcuseId } from '../../domain/call-script';
import type { CustomerType, Language } from '../../domain/ledger';

/** Section headings only: every sentence of the script comes from the domain's call script (en/nl). */
const HEADINGS: Record<Language, { title: string; opening: string; goals: string; excuses: string }> = {
  en: { title: 'Call script', opening: 'Opening', goals: 'Goals', excuses: 'If they say' },
  nl: { title: 'Belscript', opening: 'Opening', goals: 'Doelen', excuses: 'Als de klant zegt' },
};

/** The excuses heard most often, per customer type; a task body stays short, the card shows all of them. */
const TOP_EXCUSES: Record<CustomerType, readonly ExcuseId[]> = {
  business: ['invoice_not_received', 'with_approval', 'no_money'],
  consumer: ['invoice_not_received', 'delivery_problem', 'no_money'],
};

/** A short plain-text rendering of the call script for a CALL task's body: opening, the three goals, top excuses. */
export function callScriptText(script: CallScript): string[] {
  const h = HEADINGS[script.language];
  const top = TOP_EXCUSES[script.customerType];
  const excuses = script.excuses.filter((e) => top.includes(e.id)).sort((a, b) => top.indexOf(a.id) - top.indexOf(b.id));
  return [
    `${h.title}:`,
    `${h.opening}: ${script.opening}`,
    `${h.goals}:`,
    ...script.goals.map((g, i) => `${i + 1}. ${g.text}`),
    `${h.excuses}:`,
    ...excuses.map((e) => `- ${e.excuse} → ${e.answer}`),
  ];
}

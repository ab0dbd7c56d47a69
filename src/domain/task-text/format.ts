import type { Language } from '../ledger';
import { render, type Params } from '../i18n/message';
import { TASK_MESSAGES, type TaskMessageKey } from './messages';

export const t = (language: Language, key: TaskMessageKey, params: Params = {}): string => render(language, TASK_MESSAGES[language][key], params, key);

/** A step's name; a step an admin added under an id of their own keeps that id, readable. */
export function stepName(language: Language, stepId: string): string {
  const key = `step.${stepId}`;
  return key in TASK_MESSAGES[language] ? t(language, key as TaskMessageKey) : stepId.replace(/[_-]+/g, ' ');
}

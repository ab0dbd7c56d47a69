export { taskText, reasonText, type TaskText, type TaskTextInput } from './task-text';
export { callScriptText } from './script-text';
export { letterSentNote } from './fourteen-day-letter-text';
export { EN as TASK_TEXT_EN, NL as TASK_TEXT_NL, type TaskMessageKey } from './messages';

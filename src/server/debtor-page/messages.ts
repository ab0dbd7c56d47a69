import type { Language } from '../../domain/ledger';
import { en, type DebtorMessages } from './messages-en';
import { nl } from './messages-nl';

export const messagesFor = (lang: Language): DebtorMessages => (lang === 'nl' ? nl : en);

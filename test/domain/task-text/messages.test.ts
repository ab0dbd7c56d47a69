import { describe, it } from 'vitest';
import { EN, NL } from '../../../src/domain/task-text/messages';
import { expectMatchingTables } from '../i18n/message-tables';

describe('task-text messages', () => {
  it('when the English and Dutch tables are compared, then they match key for key, form for form, and each is in its own language', () => {
    expectMatchingTables(EN, NL, ['subject', 'channel.whatsapp', 'script.opening']);
  });
});

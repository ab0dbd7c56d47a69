import { describe, it } from 'vitest';
import { EN, NL } from '../../../src/domain/call-script/messages';
import { expectMatchingTables } from '../i18n/message-tables';

describe('call-script messages', () => {
  it('when the English and Dutch tables are compared, then they match key for key, form for form, and each is in its own language', () => {
    expectMatchingTables(EN, NL, ['script.opening', 'outcome.voicemail', 'action.email'].filter((k) => k in EN));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTACT_OUTCOMES, type ActionRecord, type Channel } from '../../../src/domain/ledger';
import { channelResponses, suggestChannel } from '../../../src/server/actions/channel-responses';

const rec = (i: number, channel: Channel, outcome: ActionRecord['outcome']): ActionRecord =>
  ({ key: `k${i}`, companyId: 'c1', kind: 'call', channel, doneAt: '2026-11-01T10:00:00.000Z', ...(outcome ? { outcome } : {}), invoiceExternalIds: [] });

describe('channel responses', () => {
  it('when calls were reached or e-mails replied, then those count as answers; sent e-mails are not attempts', () => {
    const r = channelResponses([rec(1, 'phone', 'reached'), rec(2, 'phone', 'voicemail'), rec(3, 'email', 'sent'), rec(4, 'email', 'replied'), rec(5, 'post', undefined)]);
    expect(r.find((x) => x.channel === 'phone')).toEqual({ channel: 'phone', attempts: 2, responses: 1 });
    expect(r.find((x) => x.channel === 'email')).toEqual({ channel: 'email', attempts: 1, responses: 1 });
    expect(r.find((x) => x.channel === 'post')).toEqual({ channel: 'post', attempts: 0, responses: 0 });
  });

  it('when another channel clearly answers more, then it is suggested instead of the first preference', () => {
    const r = channelResponses([rec(1, 'phone', 'not_reached'), rec(2, 'whatsapp', 'replied'), rec(3, 'whatsapp', 'replied')]);
    expect(suggestChannel(['phone', 'whatsapp'], r)).toEqual({ channel: 'whatsapp', instead: 'phone' });
  });

  it('when the evidence is thin (one answer) or the first preference does as well, then nothing is suggested', () => {
    expect(suggestChannel(['phone'], channelResponses([rec(1, 'email', 'replied')]))).toBeNull();
    const tie = channelResponses([rec(1, 'phone', 'reached'), rec(2, 'phone', 'reached'), rec(3, 'email', 'replied'), rec(4, 'email', 'replied')]);
    expect(suggestChannel(['phone', 'email'], tie)).toBeNull();
  });

  it('for any history, a suggestion is never the current first choice and always has at least two answers', () => {
    const record = fc.tuple(fc.constantFrom(...CHANNELS), fc.constantFrom(...CONTACT_OUTCOMES));
    fc.assert(fc.property(fc.array(record, { maxLength: 40 }), fc.shuffledSubarray([...CHANNELS], { minLength: 1 }), (records, preferred) => {
      const responses = channelResponses(records.map(([c, o], i) => rec(i, c, o)));
      const s = suggestChannel(preferred, responses);
      if (s === null) return true;
      return s.channel !== preferred[0] && s.instead === preferred[0] && (responses.find((r) => r.channel === s.channel)?.responses ?? 0) >= 2;
    }));
  });
});

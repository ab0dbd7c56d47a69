import { describe, expect, it } from 'vitest';
import { isReasonCode, KNOWN_RETURN_CODES, returnReason } from '../../../src/domain/direct-debit/return-reasons';

describe('direct debit return reasons', () => {
  it.each([
    ['AM04', 'insufficient_funds', true, 'not enough money', 'niet genoeg saldo'],
    ['MD06', 'refused_by_debtor', false, 'reversed', 'storneren'],
    ['MS02', 'refused_by_debtor', false, 'refused', 'geweigerd'],
    ['MS03', 'other', true, 'no reason', 'geen reden'],
    ['AC04', 'account_closed', false, 'closed', 'opgeheven'],
    ['AC06', 'account_closed', false, 'blocked', 'geblokkeerd'],
    ['MD01', 'mandate_revoked', false, 'no valid direct debit mandate', 'geen geldige machtiging'],
    ['MD07', 'account_closed', false, 'died', 'overleden'],
  ])('when the bank says %s, then it is %s (retry %s) in plain English and Dutch', (code, kind, retryable, en, nl) => {
    const r = returnReason(code);
    expect(r).toMatchObject({ code, kind, retryable });
    expect(r.words.en).toContain(en);
    expect(r.words.nl).toContain(nl);
  });

  it('when every known code is read, then each is well-formed and has its own words in both languages', () => {
    expect(new Set(KNOWN_RETURN_CODES).size).toBe(KNOWN_RETURN_CODES.length);
    for (const code of KNOWN_RETURN_CODES) {
      const { words } = returnReason(code);
      expect(isReasonCode(code)).toBe(true);
      expect(words.en).not.toBe(words.nl);
      expect(words.en.length).toBeGreaterThan(5);
    }
  });

  it('when a bank sends a code we do not know, then the words keep the code instead of guessing', () => {
    expect(returnReason('XT99')).toMatchObject({ kind: 'other', retryable: false, words: { en: 'the bank gave reason code XT99', nl: 'de bank gaf redencode XT99' } });
    expect(isReasonCode('am04')).toBe(false);
  });
});

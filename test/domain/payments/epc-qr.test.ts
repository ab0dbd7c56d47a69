import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPC_MAX_BYTES, epcAmount, epcPayload } from '../../../src/domain/payments/epc-qr';
import { money } from '../../../src/domain/money';

const base = { beneficiaryName: 'Voorbeeld Groothandel B.V.', iban: 'NL91 ABNA 0417 1643 00', bic: 'ABNANL2A', amount: money(121_000, 'EUR') };
const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => { if (!r.ok) throw new Error(JSON.stringify(r.error)); return r.value; };

describe('the EPC QR payload (EPC069-12)', () => {
  it('when built, then the elements come in the standard order, one per line, and nothing follows the last value', () => {
    const lines = value(epcPayload({ ...base, reference: 'RF18539007547034' })).split('\n');
    expect(lines).toEqual(['BCD', '002', '1', 'SCT', 'ABNANL2A', 'Voorbeeld Groothandel B.V.', 'NL91ABNA0417164300', 'EUR1210.00', '', 'RF18539007547034']);
  });

  it('reproduces EPC069-12 example 1 as the spec gives it (96 bytes, 10 lines, UTF-8 name)', () => {
    const payload = value(epcPayload({ beneficiaryName: 'Franz Mustermänn', iban: 'DE71110220330123456789', bic: 'BHBLDEHHXXX', amount: money(1230, 'EUR'), reference: 'RF18539007547034' }));
    // The spec's example carries purpose GDDS and writes EUR12.3; we leave the purpose empty and always write two
    // decimals (both allowed). Every other line is the same.
    const spec = ['BCD', '002', '1', 'SCT', 'BHBLDEHHXXX', 'Franz Mustermänn', 'DE71110220330123456789', 'EUR12.3', 'GDDS', 'RF18539007547034'];
    const ours = payload.split('\n');
    expect(ours.filter((_, i) => i !== 7 && i !== 8)).toEqual(spec.filter((_, i) => i !== 7 && i !== 8));
    expect(new TextEncoder().encode(spec.join('\n')).length).toBe(96);
    expect(ours[7]).toBe('EUR12.30');
  });

  it('when there is text instead of a reference, then the reference line stays empty; both at once is refused', () => {
    expect(value(epcPayload({ ...base, bic: undefined, text: 'Factuur 2026-00135' })).split('\n')).toEqual(
      ['BCD', '002', '1', 'SCT', '', 'Voorbeeld Groothandel B.V.', 'NL91ABNA0417164300', 'EUR1210.00', '', '', 'Factuur 2026-00135']);
    expect(epcPayload({ ...base, text: 'x', reference: 'RF18539007547034' })).toEqual({ ok: false, error: { code: 'reference_and_text' } });
  });

  it('when fields break the limits, then each is refused with its reason', () => {
    expect(epcPayload({ ...base, beneficiaryName: 'x'.repeat(71) })).toMatchObject({ ok: false, error: { code: 'name_length' } });
    expect(epcPayload({ ...base, beneficiaryName: '' })).toMatchObject({ ok: false, error: { code: 'name_length' } });
    expect(epcPayload({ ...base, iban: `DE1${'1'.repeat(34)}` })).toMatchObject({ ok: false, error: { code: 'iban_format' } });
    for (const bic of ['BHBLDE', 'BHBLDEHHXX', 'BHBLDEHHXXXX', 'ABCDEFGHI']) expect(epcPayload({ ...base, bic })).toMatchObject({ ok: false, error: { code: 'bic_format' } });
    for (const minor of [0, -1, 100_000_000_000]) expect(epcPayload({ ...base, amount: money(minor, 'EUR') })).toMatchObject({ ok: false, error: { code: 'amount_range' } });
    expect(epcPayload({ ...base, amount: money(100, 'USD') })).toMatchObject({ ok: false, error: { code: 'currency_not_eur' } });
    expect(epcPayload({ ...base, reference: 'R'.repeat(36) })).toMatchObject({ ok: false, error: { code: 'reference_length' } });
    expect(epcPayload({ ...base, text: 't'.repeat(141) })).toMatchObject({ ok: false, error: { code: 'text_length' } });
    expect(epcPayload({ ...base, text: 't'.repeat(140) }).ok).toBe(true);
  });

  it('when multi-byte characters push it past 331 bytes, then it is refused even though every field is within its characters', () => {
    const r = epcPayload({ ...base, beneficiaryName: 'é'.repeat(70), text: '€'.repeat(140), note: 'ü'.repeat(70) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'too_long' });
  });

  it('formats every amount from 0.01 to 999,999,999.99 as EUR + major.minor with two decimals, and never exceeds 331 bytes when accepted', () => {
    expect(epcAmount(1)).toBe('EUR0.01');
    expect(epcAmount(99_999_999_999)).toBe('EUR999999999.99');
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), fc.string({ maxLength: 70 }), (minor, name) => {
      const amount = epcAmount(minor);
      expect(amount).toMatch(/^EUR\d{1,9}\.\d{2}$/);
      expect(amount.length - 3).toBeLessThanOrEqual(12);
      expect(Math.round(Number(amount.slice(3)) * 100)).toBe(minor);
      const r = epcPayload({ ...base, beneficiaryName: name || 'x', amount: money(minor, 'EUR') });
      if (r.ok) expect(new TextEncoder().encode(r.value).length).toBeLessThanOrEqual(EPC_MAX_BYTES);
    }));
  });
});

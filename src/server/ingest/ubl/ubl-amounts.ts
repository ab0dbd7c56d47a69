import { err, ok, type Result } from '../../../domain/result';

/**
 * A UBL amount (`xsd:decimal`: `1656.25`, `-10`, `+3.5`, `.50`) as integer minor units of a currency with
 * `digits` decimals. Exact string arithmetic, never a float; more decimals than the currency has are refused
 * unless they are zeros (`12.500` EUR is 1250 cents, `12.505` EUR is not an amount anyone can pay).
 */
export function decimalToMinor(raw: string, digits: number): Result<number, string> {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(raw.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return err(`"${raw}" is not a decimal amount`);
  const [, sign, whole = '', fraction = ''] = m;
  if (fraction.slice(digits).replace(/0/g, '') !== '') return err(`"${raw}" has more than ${digits} decimals`);
  const minor = Number((whole || '0') + fraction.slice(0, digits).padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return err(`"${raw}" is too large`);
  return ok(sign === '-' && minor !== 0 ? -minor : minor);
}

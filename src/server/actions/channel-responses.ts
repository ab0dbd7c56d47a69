import type { ActionRecord, Channel } from '../../domain/ledger';
import { CHANNELS } from '../../domain/ledger';

export interface ChannelResponse {
  readonly channel: Channel;
  readonly attempts: number;
  readonly responses: number;
}

/** Outcomes that mean the customer answered: reached by phone or visit, replied in writing. */
const ANSWERED = new Set(['reached', 'replied']);
/** Outcomes that say nothing about the customer (the contact was only sent). */
const NEUTRAL = new Set(['sent']);

/** Per channel, from the logged history: how often we tried (with a known outcome) and how often they answered. */
export function channelResponses(history: readonly ActionRecord[]): ChannelResponse[] {
  return CHANNELS.map((channel) => {
    const logged = history.filter((r) => r.channel === channel && r.outcome !== undefined && !NEUTRAL.has(r.outcome));
    const answered = history.filter((r) => r.channel === channel && r.outcome !== undefined && ANSWERED.has(r.outcome));
    // A reply to a sent e-mail is an answer even when the send itself was never counted as an attempt.
    return { channel, attempts: Math.max(logged.length, answered.length), responses: answered.length };
  });
}

/** Fewer answers than this say too little to suggest a change. */
export const MIN_RESPONSES_FOR_SUGGESTION = 2;

/**
 * The seeds: "merk je dat de klant sneller reageert op een ander kanaal? Pas het aan." Suggest the channel with
 * the most answers (then the best answer rate) when it is not the first preferred one and clearly did better.
 */
export function suggestChannel(preferred: readonly Channel[], responses: readonly ChannelResponse[]): { channel: Channel; instead: Channel } | null {
  const first = preferred[0];
  if (!first) return null;
  const rate = (r: ChannelResponse) => (r.attempts === 0 ? 0 : r.responses / r.attempts);
  const best = [...responses]
    .filter((r) => r.responses >= MIN_RESPONSES_FOR_SUGGESTION)
    .sort((a, b) => b.responses - a.responses || rate(b) - rate(a))[0];
  if (!best || best.channel === first) return null;
  const current = responses.find((r) => r.channel === first);
  if (current && (current.responses > best.responses || (current.responses === best.responses && rate(current) >= rate(best)))) return null;
  return { channel: best.channel, instead: first };
}

import type { ActionKind, Channel, ContactProfile } from '../ledger';
import type { Reason } from './plan';

const CHANNEL_OF: Record<Exclude<ActionKind, 'escalation'>, Channel> = {
  call: 'phone', email: 'email', whatsapp: 'whatsapp', letter: 'post', visit: 'visit', portal_notice: 'portal',
};
const ACTION_OF: Record<Channel, ActionKind> = {
  phone: 'call', email: 'email', whatsapp: 'whatsapp', post: 'letter', visit: 'visit', portal: 'portal_notice',
};

/** Where a channel cannot be used, try these next: no phone → e-mail, no e-mail address → letter. */
const FALLBACKS: Record<Channel, readonly Channel[]> = {
  phone: ['email', 'post'],
  whatsapp: ['email', 'post'],
  email: ['post'],
  post: ['email'],
  visit: ['phone', 'email', 'post'],
  portal: ['email', 'post'],
};

function reachable(channel: Channel, profile: ContactProfile): boolean {
  const r = profile.reachability;
  switch (channel) {
    case 'phone': return r.phone;
    case 'email': return r.email;
    case 'whatsapp': return r.whatsapp;
    // A visit goes to the postal address; a portal notice needs nothing but the portal.
    case 'post': case 'visit': return r.post;
    case 'portal': return true;
  }
}

export interface ChannelChoice {
  readonly action: ActionKind;
  readonly channel: Channel;
  readonly reasons: readonly Reason[];
}

/**
 * Picks how to make the contact. 'customer': the customer's preferred channel among the step's allowed ones
 * (then the allowed ones in the step's order); 'fixed': the action's own channel. Then the first reachable one,
 * else its fallbacks. An escalation stays an escalation (an internal hand-over) on the customer's best channel.
 */
export function chooseChannel(
  step: { action: ActionKind; channelPreference: 'customer' | 'fixed'; allowedChannels?: readonly Channel[] },
  profile: ContactProfile,
): ChannelChoice {
  if (step.action === 'escalation') {
    const best = [...profile.channels, 'phone', 'email', 'post'].find((c) => (c === 'phone' || c === 'email' || c === 'post') && reachable(c, profile));
    return { action: 'escalation', channel: (best as Channel | undefined) ?? 'phone', reasons: [] };
  }
  const allowed = step.allowedChannels ?? [];
  const wanted: Channel[] =
    step.channelPreference === 'customer'
      ? [...profile.channels.filter((c) => allowed.includes(c)), ...allowed.filter((c) => !profile.channels.includes(c))]
      : [CHANNEL_OF[step.action]];
  const direct = wanted.find((c) => reachable(c, profile));
  if (direct) return { action: step.channelPreference === 'customer' ? ACTION_OF[direct] : step.action, channel: direct, reasons: [] };
  const first = wanted[0] ?? CHANNEL_OF[step.action];
  const fallback = FALLBACKS[first].find((c) => reachable(c, profile));
  // Nothing reachable at all: keep the wanted channel so the task still asks someone to find an address.
  const used = fallback ?? first;
  return {
    action: ACTION_OF[used],
    channel: used,
    reasons: [{ code: 'channel_fallback', params: { wanted: first, used } }],
  };
}

/**
 * Where the backend's business time comes from. Everything that decides by the date — rollups, the reminder
 * plan, "today" on the cards, ingest receipt times — reads `clock.now()`. Time that belongs to the outside
 * world stays real and does not go through here: HubSpot's request signatures (HubSpot signs with real
 * timestamps), token expiry, rate budgets and BullMQ's own timers.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

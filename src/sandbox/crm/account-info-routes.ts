import { Router } from 'express';
import { portalOf } from './route-helpers';

/** "+02:00" / "-05:00" and the same in milliseconds: the zone's offset from UTC at `at`. */
export function utcOffsetOf(timeZone: string, at: Date): { utcOffset: string; utcOffsetMilliseconds: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const ms = local - Math.floor(at.getTime() / 1000) * 1000;
  const minutes = Math.abs(ms) / 60_000;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { utcOffset: `${ms < 0 ? '-' : '+'}${hhmm}`, utcOffsetMilliseconds: ms };
}

/** Account info v3: the account's details (time zone, currencies), as `GET /account-info/v3/details` answers them. */
export function accountInfoRouter(): Router {
  const r = Router();
  r.get('/account-info/v3/details', (_req, res) => {
    const portal = portalOf(res);
    res.json({
      portalId: portal.hubId,
      accountType: 'STANDARD',
      timeZone: portal.settings.timeZone,
      companyCurrency: portal.settings.currency,
      additionalCurrencies: portal.settings.additionalCurrencies,
      ...utcOffsetOf(portal.settings.timeZone, new Date()),
      uiDomain: 'app-eu1.hubspot.com',
      dataHostingLocation: 'eu1',
    });
  });
  return r;
}

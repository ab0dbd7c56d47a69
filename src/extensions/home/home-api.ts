import { CallListVM, HOME_PATHS, type CallListQuery } from '../../contracts/home';
import { buildUrl, getJson, type FetchResult } from '../api/client';

/** What the page chooses; the portal and user come from the page's context. */
export type CallListChoice = Omit<CallListQuery, 'portalId' | 'userId'>;

export function fetchCallList(origin: string, ids: { portalId: number | string; userId?: number | string }, choice: CallListChoice): Promise<FetchResult<CallListVM>> {
  const query: Record<string, string | number> = { portalId: ids.portalId, scope: choice.scope, sort: choice.sort, page: choice.page, pageSize: choice.pageSize };
  if (ids.userId !== undefined) query.userId = ids.userId;
  if (choice.segment) query.segment = choice.segment;
  if (choice.channel) query.channel = choice.channel;
  if (choice.currency) query.currency = choice.currency;
  return getJson(buildUrl(origin, HOME_PATHS.callList, query), CallListVM);
}

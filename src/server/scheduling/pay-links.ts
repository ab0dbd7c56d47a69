/** The customer's own page (debtor-page URL) of a company; issues a link when it has none. */
export type PayLinkFor = (portalId: string, companyId: string) => Promise<string>;

/** The links of several companies at once, for the tasks of one batch; none without a link source. */
export async function payLinksOf(payLinkFor: PayLinkFor | undefined, portalId: string, companyIds: Iterable<string>): Promise<Map<string, string>> {
  if (!payLinkFor) return new Map();
  const ids = [...new Set(companyIds)];
  const urls = await Promise.all(ids.map((id) => payLinkFor(portalId, id)));
  return new Map(ids.map((id, i) => [id, urls[i]!]));
}

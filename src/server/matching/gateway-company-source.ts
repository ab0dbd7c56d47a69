import type { HubSpotGateway } from '../hubspot/gateway';
import type { CompanySource } from './company-index';

/** The gateway's company listing is the matching source as it is: the index reads `CompanySummary` fields. */
export const companySourceFromGateway = (gateway: Pick<HubSpotGateway, 'listCompanies'>): CompanySource =>
  (portalId, onPage) => gateway.listCompanies(portalId, onPage);

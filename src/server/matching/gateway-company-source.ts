import type { CompanySummary } from '../hubspot/gateway';
import type { CompanyRecord, CompanySource } from './company-index';

/** The gateway's company listing as a matching source (HubSpot property names, as the index reads them). */
export function companySourceFromGateway(gateway: {
  listCompanies(portalId: string, onPage: (companies: readonly CompanySummary[]) => Promise<void> | void): Promise<number>;
}): CompanySource {
  return async (portalId, onPage) => {
    await gateway.listCompanies(portalId, (companies) => onPage(companies.map(toRecord)));
  };
}

const toRecord = (c: CompanySummary): CompanyRecord => ({
  id: c.id,
  properties: {
    name: c.name ?? null,
    domain: c.domain ?? null,
    rd_vat_number: c.vatNumber ?? null,
    rd_coc_number: c.cocNumber ?? null,
    rd_customer_number: c.customerNumber ?? null,
  },
});

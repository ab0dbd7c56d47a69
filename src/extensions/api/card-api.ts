import { PaymentStatusVM, ReceivablesVM } from '../../contracts/cards';
import { CARD_API_PATHS, type InvoiceSort } from '../../contracts/card-context';
import { buildUrl, getJson, type FetchResult } from './client';

export interface CompanyRef {
  readonly origin: string;
  readonly portalId: number | string;
  readonly companyId: number | string;
}

export interface InvoicePaging {
  readonly page: number;
  readonly pageSize: number;
  readonly sort: InvoiceSort;
}

export function fetchReceivables(ref: CompanyRef, paging: InvoicePaging): Promise<FetchResult<ReceivablesVM>> {
  const url = buildUrl(ref.origin, CARD_API_PATHS.receivables, {
    portalId: ref.portalId, companyId: ref.companyId, page: paging.page, pageSize: paging.pageSize, sort: paging.sort,
  });
  return getJson(url, ReceivablesVM);
}

export function fetchPaymentStatus(ref: CompanyRef): Promise<FetchResult<PaymentStatusVM>> {
  return getJson(buildUrl(ref.origin, CARD_API_PATHS.paymentStatus, { portalId: ref.portalId, companyId: ref.companyId }), PaymentStatusVM);
}

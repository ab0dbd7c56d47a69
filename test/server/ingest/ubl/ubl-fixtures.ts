/**
 * Peppol BIS Billing 3.0 documents written for the tests (following the BIS 3 syntax: namespaces, element
 * order, schemeIDs). Each option changes one awkward corner; the defaults make a valid Dutch invoice.
 */
export interface UblOptions {
  readonly kind?: 'Invoice' | 'CreditNote';
  readonly number?: string;
  readonly typeCode?: string;
  readonly issueDate?: string;
  readonly dueDate?: string | null;
  readonly terms?: string;
  readonly currency?: string;
  readonly payable?: string | null;
  readonly payableCurrency?: string;
  readonly prepaid?: string;
  readonly buyer?: { name?: string; endpoint?: { scheme: string; id: string }; kvk?: string; vat?: string; customerNumber?: string; email?: string } | null;
  readonly paymentId?: string;
  readonly iban?: string;
  readonly meansCode?: string;
  readonly billingReference?: string;
  readonly root?: string;
}

export function peppolDocument(o: UblOptions = {}): string {
  const kind = o.kind ?? 'Invoice';
  const currency = o.currency ?? 'EUR';
  const buyer = o.buyer === null ? undefined : o.buyer ?? { name: 'Bakkerij Jansen B.V.', endpoint: { scheme: '0106', id: '12345678' }, kvk: '12345678', vat: 'NL123456789B01' };
  const due = o.dueDate === null ? '' : kind === 'Invoice' ? `<cbc:DueDate>${o.dueDate ?? '2027-03-31'}</cbc:DueDate>` : '';
  const cnDue = kind === 'CreditNote' && o.dueDate ? `<cbc:PaymentDueDate>${o.dueDate}</cbc:PaymentDueDate>` : '';
  const root = o.root ?? kind;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${kind}-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  ${o.number === '' ? '' : `<cbc:ID>${o.number ?? 'F2027-0001'}</cbc:ID>`}
  ${o.issueDate === '' ? '' : `<cbc:IssueDate>${o.issueDate ?? '2027-03-01'}</cbc:IssueDate>`}
  ${due}
  <cbc:${kind}TypeCode>${o.typeCode ?? (kind === 'Invoice' ? '380' : '381')}</cbc:${kind}TypeCode>
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>PO-77</cbc:BuyerReference>
  ${o.billingReference ? `<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>${o.billingReference}</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>` : ''}
  <cac:AccountingSupplierParty><cac:Party>
    <cbc:EndpointID schemeID="0106">87654321</cbc:EndpointID>
    <cac:PostalAddress><cbc:CityName>Utrecht</cbc:CityName><cac:Country><cbc:IdentificationCode>NL</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
    <cac:PartyTaxScheme><cbc:CompanyID>NL987654321B01</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
    <cac:PartyLegalEntity><cbc:RegistrationName>Leverancier B.V.</cbc:RegistrationName><cbc:CompanyID schemeID="0106">87654321</cbc:CompanyID></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  ${buyer ? `<cac:AccountingCustomerParty><cac:Party>
    ${buyer.endpoint ? `<cbc:EndpointID schemeID="${buyer.endpoint.scheme}">${buyer.endpoint.id}</cbc:EndpointID>` : ''}
    ${buyer.customerNumber ? `<cac:PartyIdentification><cbc:ID>${buyer.customerNumber}</cbc:ID></cac:PartyIdentification>` : ''}
    <cac:PostalAddress><cbc:CityName>Amsterdam</cbc:CityName><cac:Country><cbc:IdentificationCode>NL</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
    ${buyer.vat ? `<cac:PartyTaxScheme><cbc:CompanyID>${buyer.vat}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>` : ''}
    ${buyer.name || buyer.kvk ? `<cac:PartyLegalEntity>${buyer.name ? `<cbc:RegistrationName>${buyer.name}</cbc:RegistrationName>` : ''}${buyer.kvk ? `<cbc:CompanyID schemeID="0106">${buyer.kvk}</cbc:CompanyID>` : ''}</cac:PartyLegalEntity>` : ''}
    ${buyer.email ? `<cac:Contact><cbc:ElectronicMail>${buyer.email}</cbc:ElectronicMail></cac:Contact>` : ''}
  </cac:Party></cac:AccountingCustomerParty>` : ''}
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode name="Credit transfer">${o.meansCode ?? '30'}</cbc:PaymentMeansCode>
    ${cnDue}
    ${o.paymentId ? `<cbc:PaymentID>${o.paymentId}</cbc:PaymentID>` : ''}
    <cac:PayeeFinancialAccount><cbc:ID>${o.iban ?? 'NL91ABNA0417164300'}</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  ${o.terms ? `<cac:PaymentTerms><cbc:Note>${o.terms}</cbc:Note></cac:PaymentTerms>` : ''}
  <cac:TaxTotal><cbc:TaxAmount currencyID="${currency}">210.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="${currency}">1000.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="${currency}">1000.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="${currency}">1210.00</cbc:TaxInclusiveAmount>
    ${o.prepaid ? `<cbc:PrepaidAmount currencyID="${currency}">${o.prepaid}</cbc:PrepaidAmount>` : ''}
    ${o.payable === null ? '' : `<cbc:PayableAmount currencyID="${o.payableCurrency ?? currency}">${o.payable ?? '1210.00'}</cbc:PayableAmount>`}
  </cac:LegalMonetaryTotal>
  <cac:${kind === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine'}>
    <cbc:ID>1</cbc:ID>
    <cbc:${kind === 'Invoice' ? 'InvoicedQuantity' : 'CreditedQuantity'} unitCode="C62">1</cbc:${kind === 'Invoice' ? 'InvoicedQuantity' : 'CreditedQuantity'}>
    <cbc:LineExtensionAmount currencyID="${currency}">1000.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Broodjes</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>21</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="${currency}">1000.00</cbc:PriceAmount></cac:Price>
  </cac:${kind === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine'}>
</${root}>
`;
}

/** A multipart/form-data body with one file part per document (what `curl -F file=@a.xml …` sends). */
export function multipartBatch(files: readonly { name: string; content: string }[]): { body: string; contentType: string } {
  const boundary = `----rd${Math.random().toString(36).slice(2)}`;
  const body = files.map((f) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/xml\r\n\r\n${f.content}\r\n`).join('') + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

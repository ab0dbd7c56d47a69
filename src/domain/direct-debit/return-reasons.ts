import type { CollectionFailureReason, Language } from '../ledger';

/**
 * Why a SEPA direct debit came back: the ISO 20022 reason codes banks put in pain.002 (`StsRsnInf/Rsn/Cd`) and in
 * camt.053/054 returns (`RtrInf/Rsn/Cd`), as the EPC's SDD rulebook lists them for rejects, returns and refunds.
 * Each has its kind (what the policy can do about it) and the words a person reads in the task and in the text
 * to the customer — which must name the reason (seed 004) and offer another way to pay.
 */
export interface ReturnReason {
  readonly code: string;
  readonly kind: CollectionFailureReason;
  /** Whether collecting again by direct debit can work (insufficient funds: yes; closed account: no). */
  readonly retryable: boolean;
  readonly words: Readonly<Record<Language, string>>;
}

const r = (code: string, kind: CollectionFailureReason, retryable: boolean, en: string, nl: string): ReturnReason => ({ code, kind, retryable, words: { en, nl } });

const REASONS: readonly ReturnReason[] = [
  r('AM04', 'insufficient_funds', true, 'there was not enough money in the account', 'er stond niet genoeg saldo op de rekening'),
  r('AC04', 'account_closed', false, 'the bank account has been closed', 'de bankrekening is opgeheven'),
  r('AC06', 'account_closed', false, 'the bank account is blocked', 'de bankrekening is geblokkeerd'),
  r('AC01', 'account_closed', false, 'the account number (IBAN) is wrong', 'het rekeningnummer (IBAN) klopt niet'),
  r('AC13', 'account_closed', false, 'the account is a consumer account, which this direct debit may not debit', 'de rekening is een particuliere rekening, waarvan deze incasso niet mag worden afgeschreven'),
  r('AG01', 'account_closed', false, 'the bank does not allow direct debits on this account', 'de bank staat op deze rekening geen incasso toe'),
  r('MD07', 'account_closed', false, 'the account holder has died', 'de rekeninghouder is overleden'),
  r('MD01', 'mandate_revoked', false, 'there is no valid direct debit mandate', 'er is geen geldige machtiging voor de incasso'),
  r('MD02', 'mandate_revoked', false, 'the mandate is missing required details', 'in de machtiging ontbreken verplichte gegevens'),
  r('SL01', 'mandate_revoked', false, 'the debtor has blocked direct debits from us at the bank', 'de klant heeft incasso\'s van ons bij de bank laten blokkeren'),
  r('MS02', 'refused_by_debtor', false, 'the customer refused the direct debit', 'de klant heeft de incasso geweigerd'),
  r('MD06', 'refused_by_debtor', false, 'the customer had the direct debit reversed (refund request)', 'de klant heeft de incasso laten terugboeken (storneren)'),
  r('MS03', 'other', true, 'the bank gave no reason', 'de bank heeft geen reden opgegeven'),
  r('AM05', 'technical', false, 'the collection was a duplicate', 'de incasso was dubbel aangeboden'),
  r('BE05', 'technical', true, 'the bank did not recognise our creditor identifier', 'de bank herkende ons incassant-ID niet'),
  r('RC01', 'technical', true, 'the bank code (BIC) is wrong', 'de bankcode (BIC) klopt niet'),
  r('FF01', 'technical', true, 'the collection file had a format error', 'het incassobestand bevatte een fout'),
  r('AG02', 'technical', true, 'the bank rejected the type of transaction', 'de bank weigerde het soort transactie'),
  r('RR01', 'technical', true, 'regulatory details of the debtor were missing', 'wettelijk verplichte gegevens van de klant ontbraken'),
  r('RR02', 'technical', true, 'the debtor\'s name or address was missing', 'naam of adres van de klant ontbrak'),
  r('RR03', 'technical', true, 'our name or address was missing', 'onze naam of ons adres ontbrak'),
  r('RR04', 'technical', true, 'the bank refused it for regulatory reasons', 'de bank weigerde om wettelijke redenen'),
  r('CNOR', 'technical', true, 'our bank could not be reached', 'onze bank was niet bereikbaar'),
  r('DNOR', 'technical', true, 'the customer\'s bank could not be reached', 'de bank van de klant was niet bereikbaar'),
  r('FOCR', 'other', false, 'it was cancelled at our request', 'hij is op ons verzoek geannuleerd'),
];

const BY_CODE = new Map(REASONS.map((x) => [x.code, x]));

/** ISO 20022 reason codes are four capitals or digits; banks also send proprietary ones of that shape. */
export const isReasonCode = (code: string): boolean => /^[A-Z0-9]{4}$/.test(code);

/** The reason behind a code; a well-formed code we do not know keeps the code itself in its words. */
export function returnReason(code: string): ReturnReason {
  return BY_CODE.get(code) ?? r(code, 'other', false, `the bank gave reason code ${code}`, `de bank gaf redencode ${code}`);
}

export const KNOWN_RETURN_CODES: readonly string[] = REASONS.map((x) => x.code);

import { DescriptionList, DescriptionListItem, Heading, Text } from '@hubspot/ui-extensions';
import type { ChargesVM } from '../../contracts/cards';
import type { I18n } from '../i18n';

/**
 * What the overdue principal has cost the customer so far: statutory interest to date and the collection costs
 * (the figures the final notice states). Nothing shows while nothing overdue is claimed.
 */
export function ChargesSection({ i18n, charges }: { i18n: I18n; charges: ChargesVM }) {
  const { t } = i18n;
  if (charges.principal.length === 0) return null;
  const costs = charges.collectionCosts ? i18n.money(charges.collectionCosts) : undefined;
  const stated = costs && charges.vatBasisPoints ? t.chargesInclVat(costs, `${i18n.number(charges.vatBasisPoints / 100)}%`) : costs;
  return (
    <>
      <Heading>{t.chargesTitle}</Heading>
      <DescriptionList direction="row" testId="charges">
        <DescriptionListItem label={t[`chargesInterest_${charges.interestKind}`]}>
          <Text testId="charges-interest">{charges.interest.length ? i18n.moneyList(charges.interest) : t.none}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t.chargesCosts}>
          <Text testId="charges-costs">{!stated ? t.none : charges.costsChargeable ? stated : t.chargesCostsNotYet(stated)}</Text>
        </DescriptionListItem>
      </DescriptionList>
    </>
  );
}

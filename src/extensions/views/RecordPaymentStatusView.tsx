import { EmptyState, Flex, Heading, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { useAssociations } from '@hubspot/ui-extensions/crm';
import { FailureMessage, Loading } from '../components/CardStates';
import { backendOrigin } from '../config';
import { useI18n, type I18n } from '../i18n';
import { PaymentStatus } from './PaymentStatusView';

/** HubSpot's object type id of companies. */
export const COMPANY_OBJECT_TYPE_ID = '0-2';

type AssociationResult = ReturnType<typeof useAssociations>['results'][number];

/** The primary company when HubSpot labels one, else the first associated. */
export function pickCompany(results: readonly AssociationResult[]): AssociationResult | undefined {
  return results.find((r) => r.associationTypes.some((a) => /primary/i.test(a.label ?? ''))) ?? results[0];
}

/** On a contact, deal or ticket: find the record's company, then show its payment status. */
function AssociatedCompanyStatus({ i18n, origin, portalId }: { i18n: I18n; origin: string; portalId: number }) {
  const { results, isLoading, error, refetch } = useAssociations({ toObjectType: COMPANY_OBJECT_TYPE_ID, properties: ['name'], pageLength: 10 });
  if (isLoading) return <Loading i18n={i18n} />;
  if (error) return <FailureMessage i18n={i18n} failure={{ kind: 'network' }} retry={() => void refetch()} />;
  const company = pickCompany(results);
  if (!company) {
    return (
      <EmptyState title={i18n.t.noCompanyTitle} layout="vertical" imageName="companies" testId="no-company">
        <Text>{i18n.t.noCompanyBody}</Text>
      </EmptyState>
    );
  }
  const name = company.properties?.name;
  return (
    <Flex direction="column" gap="sm">
      {name ? <Heading testId="company-name">{i18n.t.companyHeading(name)}</Heading> : null}
      <PaymentStatus i18n={i18n} origin={origin} portalId={portalId} companyId={company.toObjectId} />
    </Flex>
  );
}

/** Payment status for whatever record the card sits on (company, contact, deal, ticket). */
export function RecordPaymentStatusView() {
  const context = useExtensionContext<'crm.record.sidebar'>();
  const i18n = useI18n();
  const origin = backendOrigin(context.variables);
  if (context.crm.objectTypeId === COMPANY_OBJECT_TYPE_ID) {
    return <PaymentStatus i18n={i18n} origin={origin} portalId={context.portal.id} companyId={context.crm.objectId} />;
  }
  return <AssociatedCompanyStatus i18n={i18n} origin={origin} portalId={context.portal.id} />;
}

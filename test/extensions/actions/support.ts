import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { PreferencesVM } from '../../../src/contracts/actions';
import { withPatientWaitFor } from '../fixtures';

export { jsonResponse, fetchedQuery, textOf, plain } from '../fixtures';

export const contact = (id: number, firstname: string, lastname: string, email: string, jobtitle = '') => ({
  toObjectId: id, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 280, label: '' }],
  properties: { firstname, lastname, email, jobtitle },
});

export const associations = (results: ReturnType<typeof contact>[]) => ({
  results, error: null, isLoading: false, isRefetching: false, refetch: async () => {},
  pagination: { hasNextPage: false, hasPreviousPage: false, currentPage: 1, pageSize: 100, nextPage: () => {}, previousPage: () => {}, reset: () => {} },
});

/** A company tab in portal 777, company 4242, with two associated contacts. */
export function setupTab(opts: { language?: string } = {}) {
  const r = withPatientWaitFor(createRenderer('crm.record.tab'));
  r.mocks.context.portal.id = 777;
  r.mocks.context.portal.timezone = 'Europe/Amsterdam';
  r.mocks.context.crm.objectId = 4242;
  r.mocks.context.crm.objectTypeId = '0-2';
  if (opts.language) r.mocks.context.user.language = opts.language;
  r.mocks.useAssociations.willCall(() => associations([contact(501, 'Anna', 'de Vries', 'anna@example.com', 'Crediteuren'), contact(502, 'Bram', 'Jansen', 'bram@example.com', 'Directeur')]) as never);
  r.mocks.useCrmProperties.willCall(() => ({ properties: { name: 'Bakkerij De Vries' }, error: null, isLoading: false, isRefetching: false, refetch: async () => {} }) as never);
  return r;
}

export function aPreferencesVM(over: Partial<PreferencesVM> = {}): PreferencesVM {
  return {
    companyId: '4242', today: '2026-11-23',
    preferences: { channels: ['phone', 'email'], accountsPayableContactId: '501', callWindows: [{ weekday: 2, fromHour: 9, toHour: 12 }], language: 'nl', customerType: 'business', pauses: [] },
    responses: [{ channel: 'phone', attempts: 3, responses: 0 }, { channel: 'whatsapp', attempts: 2, responses: 2 }, { channel: 'email', attempts: 0, responses: 0 }],
    suggestion: { channel: 'whatsapp', instead: 'phone' },
    ...over,
  };
}

/**
 * Triggers an event with its argument. The testing kit types the argument as the handler itself
 * (`TProps[event]`), so passing the value the handler receives needs this one cast.
 */
export const fire = (node: { trigger: unknown }, event: string, arg: unknown): void =>
  (node.trigger as (e: string, a?: unknown) => void)(event, arg);

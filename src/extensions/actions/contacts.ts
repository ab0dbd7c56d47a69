import { useAssociations } from '@hubspot/ui-extensions/crm';

export interface ContactOption { readonly id: string; readonly label: string; readonly email?: string }

/** The company's associated contacts (first 100), labelled "Name — job title (e-mail)" for the selects. */
export function useCompanyContacts(): { contacts: ContactOption[]; isLoading: boolean } {
  const { results, isLoading } = useAssociations({ toObjectType: '0-1', properties: ['firstname', 'lastname', 'email', 'jobtitle'], pageLength: 100 });
  const contacts = (results ?? []).map((r) => {
    const p = (r.properties ?? {}) as Record<string, string | null | undefined>;
    const name = [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || `#${r.toObjectId}`;
    const label = `${name}${p.jobtitle ? ` — ${p.jobtitle}` : ''}${p.email && p.email !== name ? ` (${p.email})` : ''}`;
    return { id: String(r.toObjectId), label, ...(p.email ? { email: p.email } : {}) };
  });
  return { contacts, isLoading };
}

import { Alert, Button, Flex, Heading, Input, Link, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { DebtorLinkVM } from '../../contracts/debtor-page';
import { isNotFound } from '../api/client';
import { rotateDebtorLink, type SettingsRef } from './settings-api';
import type { SettingsI18n } from './use-settings-i18n';

type Done = { kind: 'none' } | { kind: 'rotated'; link: DebtorLinkVM } | { kind: 'not_found' } | { kind: 'failed' };

const COMPANY_ID = /^\d{1,20}$/;

/**
 * A customer's page link regenerated (a link that reached the wrong person): the old link opens nothing from
 * then on, open reminder tasks carry the new one. Admins only; the server checks again.
 */
export function DebtorLinkSection({ i18n, site }: { i18n: SettingsI18n; site: SettingsRef }) {
  const { s } = i18n;
  const [companyId, setCompanyId] = useState('');
  const [done, setDone] = useState<Done>({ kind: 'none' });
  const valid = COMPANY_ID.test(companyId.trim());

  async function rotate() {
    const r = await rotateDebtorLink(site, companyId.trim());
    if (r.ok) setDone({ kind: 'rotated', link: r.data });
    else setDone({ kind: isNotFound(r.failure) ? 'not_found' : 'failed' });
  }

  return (
    <Flex direction="column" gap="sm" testId="debtor-link">
      <Heading>{s.linkTitle}</Heading>
      <Text>{s.linkIntro}</Text>
      <Flex gap="sm" align="end">
        <Input name="linkCompany" label={s.linkCompany} value={companyId} onChange={setCompanyId}
          {...(companyId && !valid ? { error: true, validationMessage: s.linkCompanyInvalid } : {})} testId="link-company" />
        <Button disabled={!valid} onClick={() => { void rotate(); }} testId="rotate-link">{s.rotateLink}</Button>
      </Flex>
      {done.kind === 'rotated' ? (
        <Alert title={s.linkRotated(i18n.dateTime(done.link.expiresAt))} variant="success" testId="link-rotated">
          <Link href={done.link.url} testId="new-link">{done.link.url}</Link>
        </Alert>
      ) : null}
      {done.kind === 'not_found' ? <Alert title={s.linkNotFound} variant="warning" testId="link-not-found" /> : null}
      {done.kind === 'failed' ? <Alert title={s.actionFailed} variant="danger" testId="link-failed" /> : null}
    </Flex>
  );
}

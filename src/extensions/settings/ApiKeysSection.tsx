import { Alert, Button, Flex, Input, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CreatedApiKeyVM } from '../../contracts/api-keys';
import { FailureMessage } from '../components/CardStates';
import { useCardData } from '../hooks/use-card-data';
import { createApiKey, fetchApiKeys, revokeApiKey, type SettingsRef } from './settings-api';
import type { SettingsI18n } from './use-settings-i18n';

type Done = { kind: 'none' } | { kind: 'created'; key: CreatedApiKeyVM } | { kind: 'revoked' } | { kind: 'failed' };

/** Ingest API keys: created (the key shown once), listed with their last use, revoked; admins only. */
export function ApiKeysSection({ i18n, site, canEdit }: { i18n: SettingsI18n; site: SettingsRef; canEdit: boolean }) {
  const { s } = i18n;
  const [round, setRound] = useState(0);
  const [label, setLabel] = useState('');
  const [done, setDone] = useState<Done>({ kind: 'none' });
  const state = useCardData(`keys/${site.portalId}/${round}`, () => fetchApiKeys(site));

  async function create() {
    const r = await createApiKey(site, label.trim());
    setDone(r.ok ? { kind: 'created', key: r.data } : { kind: 'failed' });
    if (r.ok) { setLabel(''); setRound((n) => n + 1); }
  }
  async function revoke(id: string) {
    const r = await revokeApiKey(site, id);
    setDone(r.ok ? { kind: 'revoked' } : { kind: 'failed' });
    setRound((n) => n + 1);
  }

  return (
    <Flex direction="column" gap="sm" testId="api-keys">
      <Text>{s.keysIntro}</Text>
      {done.kind === 'created' ? (
        <Alert title={s.newKey} variant="warning" testId="new-key"><Text format={{ fontWeight: 'bold' }} testId="new-key-value">{done.key.key}</Text></Alert>
      ) : null}
      {done.kind === 'revoked' ? <Alert title={s.revoked} variant="success" testId="key-revoked" /> : null}
      {done.kind === 'failed' ? <Alert title={s.failed} variant="danger" testId="key-failed" /> : null}
      {state.status === 'error' ? <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} /> : null}
      {state.status === 'ready' && state.data.items.length === 0 ? <Text testId="no-keys">{s.noKeys}</Text> : null}
      {state.status === 'ready' && state.data.items.length > 0 ? (
        <Table testId="key-list" bordered>
          <TableHead>
            <TableRow>
              <TableHeader>{s.colKeyLabel}</TableHeader><TableHeader>{s.colKeyHint}</TableHeader>
              <TableHeader>{s.colKeyCreated}</TableHeader><TableHeader>{s.colKeyUsed}</TableHeader>
              {canEdit ? <TableHeader>{''}</TableHeader> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {state.data.items.map((k) => (
              <TableRow key={k.id}>
                <TableCell><Text>{k.label ?? '—'}</Text></TableCell>
                <TableCell><Text>{k.hint ? `…${k.hint}` : '—'}</Text></TableCell>
                <TableCell><Text>{i18n.dateTime(k.createdAt)}</Text></TableCell>
                <TableCell><Text>{k.lastUsedAt ? i18n.dateTime(k.lastUsedAt) : s.never}</Text></TableCell>
                {canEdit ? <TableCell><Button variant="destructive" size="sm" onClick={() => { void revoke(k.id); }} testId={`revoke-${k.id}`}>{s.revoke}</Button></TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {canEdit ? (
        <Flex gap="sm" align="end">
          <Input name="keyLabel" label={s.keyLabel} value={label} onChange={setLabel} testId="key-label" />
          <Button onClick={() => { void create(); }} testId="create-key">{s.createKey}</Button>
        </Flex>
      ) : null}
      <Text variant="microcopy" testId="endpoints">{`${s.endpoints}: ${site.origin}/api/ingest/invoices · /payments · /csv · /ubl · /bank`}</Text>
    </Flex>
  );
}

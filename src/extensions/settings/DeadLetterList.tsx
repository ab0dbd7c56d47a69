import { Alert, Button, Flex, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { DeadLetterVM } from '../../contracts/operations';
import { discardDeadLetter, retryDeadLetter, type SettingsRef } from './settings-api';
import type { SettingsI18n } from './use-settings-i18n';

type Done = 'none' | 'retried' | 'discarded' | 'failed';

/** The failed work with the reason; an admin retries or discards each (the list reloads after either). */
export function DeadLetterList({ i18n, site, letters, canAct, onDone }: {
  i18n: SettingsI18n; site: SettingsRef; letters: readonly DeadLetterVM[]; canAct: boolean; onDone: () => void;
}) {
  const { s } = i18n;
  const [done, setDone] = useState<Done>('none');
  const [busy, setBusy] = useState(false);

  async function act(kind: 'retried' | 'discarded', id: string) {
    setBusy(true);
    const r = kind === 'retried' ? await retryDeadLetter(site, id) : await discardDeadLetter(site, id);
    setBusy(false);
    setDone(r.ok ? kind : 'failed');
    onDone();
  }

  return (
    <Flex direction="column" gap="xs" testId="dead-letters">
      {done === 'retried' ? <Alert title={s.retried} variant="success" testId="letter-retried" /> : null}
      {done === 'discarded' ? <Alert title={s.discarded} variant="success" testId="letter-discarded" /> : null}
      {done === 'failed' ? <Alert title={s.actionFailed} variant="danger" testId="letter-failed" /> : null}
      {letters.length > 0 ? (
        <Table testId="dead-letter-list" bordered>
          <TableHead>
            <TableRow>
              <TableHeader>{s.colFailedAt}</TableHeader><TableHeader>{s.colWork}</TableHeader>
              <TableHeader>{s.colCompany}</TableHeader><TableHeader>{s.colReason}</TableHeader>
              {canAct ? <TableHeader>{''}</TableHeader> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {letters.map((l) => (
              <TableRow key={l.id}>
                <TableCell><Text>{i18n.dateTime(l.at)}</Text></TableCell>
                <TableCell><Text>{`${s.work[l.source]} (${l.kind})`}</Text></TableCell>
                <TableCell><Text>{l.companyId ?? '—'}</Text></TableCell>
                <TableCell><Text testId={`letter-reason-${l.id}`}>{l.reason}</Text></TableCell>
                {canAct ? (
                  <TableCell>
                    <Flex gap="xs">
                      <Button size="sm" disabled={busy} onClick={() => { void act('retried', l.id); }} testId={`retry-${l.id}`}>{s.retry}</Button>
                      <Button size="sm" variant="destructive" disabled={busy} onClick={() => { void act('discarded', l.id); }} testId={`discard-${l.id}`}>{s.discard}</Button>
                    </Flex>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Flex>
  );
}

import { Alert, Button, Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { SyncHealthVM } from '../../contracts/operations';
import { FailureMessage } from '../components/CardStates';
import { useCardData } from '../hooks/use-card-data';
import { DeadLetterList } from './DeadLetterList';
import { fetchSyncHealth, type SettingsRef } from './settings-api';
import type { SettingsI18n } from './use-settings-i18n';

/**
 * Whether syncing works: a pause for HubSpot's daily limit, the last run and the daily planning, what waits, the queues, today's HubSpot calls
 * against the budget, and the failed work with retry and discard (offered to admins; the server checks).
 */
export function SyncHealthSection({ i18n, site }: { i18n: SettingsI18n; site: SettingsRef }) {
  const { s } = i18n;
  const [round, setRound] = useState(0);
  const state = useCardData(`sync-health/${site.portalId}/${site.userId ?? ''}/${round}`, () => fetchSyncHealth(site));
  const reload = () => setRound((n) => n + 1);
  if (state.status === 'error') return <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} />;
  // While it reloads (after a retry) the last answer stays on screen, and with it the action's confirmation.
  const h = state.status === 'ready' ? state.data : state.previous;
  if (!h) return <Text>{s.loading}</Text>;
  return (
    <Flex direction="column" gap="sm" testId="sync-health">
      <Flex justify="end"><Button size="sm" onClick={reload} testId="sync-refresh">{s.refresh}</Button></Flex>
      <DailyLimitPause i18n={i18n} h={h} />
      <Heading>{s.lastRunTitle}</Heading>
      <LastRun i18n={i18n} h={h} />
      <Text testId="daily-run">{s.dailyRun(h.dailyRun.at, h.dailyRun.next ? i18n.dateTime(h.dailyRun.next) : null)}</Text>
      <Text testId="pending">{s.pending(h.pendingCompanies, i18n.number(h.pendingCompanies))}</Text>
      <Heading>{s.callsTitle}</Heading>
      <Text testId="hubspot-calls">{s.calls(i18n.number(h.hubspotCalls.used), h.hubspotCalls.dailyLimit === null ? null : i18n.number(h.hubspotCalls.dailyLimit))}</Text>
      <Text variant="microcopy">{s.burst(i18n.number(h.hubspotCalls.per10Seconds), i18n.number(h.hubspotCalls.rateLimited))}</Text>
      <Heading>{s.deadLettersTitle(h.deadLetters.total, i18n.number(h.deadLetters.total))}</Heading>
      <DeadLetterList i18n={i18n} site={site} letters={h.deadLetters.items} canAct={h.canAct} onDone={reload} />
      <Heading>{s.queuesTitle}</Heading>
      <Queues i18n={i18n} queues={h.queues} />
    </Flex>
  );
}

/** HubSpot's daily limit spent: planning waits for the reset, and the card writes kept meanwhile wait with it. */
function DailyLimitPause({ i18n, h }: { i18n: SettingsI18n; h: SyncHealthVM }) {
  const { until, waitingWrites } = h.dailyLimitPause;
  if (until === null && waitingWrites === 0) return null;
  const text = i18n.s.dailyLimitPause(until === null ? null : i18n.dateTime(until), waitingWrites, i18n.number(waitingWrites));
  return <Alert title={text} variant="warning" testId="daily-limit-pause">{text}</Alert>;
}

function LastRun({ i18n, h }: { i18n: SettingsI18n; h: SyncHealthVM }) {
  const { s } = i18n;
  const run = h.lastRun;
  if (!run) return <Text testId="last-run">{s.noRunYet}</Text>;
  const n = (v: number) => i18n.number(v);
  return (
    <>
      <Text testId="last-run">{s.lastRun(i18n.dateTime(run.at), s.companies(run.companies, n(run.companies)), n(run.seconds))}</Text>
      <Text variant="microcopy">{s.runResult(n(run.rollupsWritten), n(run.tasksCreated), n(run.tasksUpdated), n(run.tasksClosed), n(run.tasksRejected))}</Text>
    </>
  );
}

function Queues({ i18n, queues }: { i18n: SettingsI18n; queues: SyncHealthVM['queues'] }) {
  const { s } = i18n;
  return (
    <Table testId="queues" bordered>
      <TableHead>
        <TableRow>
          <TableHeader>{s.colQueue}</TableHeader><TableHeader>{s.colWaiting}</TableHeader><TableHeader>{s.colActive}</TableHeader>
          <TableHeader>{s.colDelayed}</TableHeader><TableHeader>{s.colFailed}</TableHeader><TableHeader>{s.colLag}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {queues.map((q) => (
          <TableRow key={q.name}>
            <TableCell><Text>{s.queue[q.name]}</Text></TableCell>
            <TableCell><Text>{i18n.number(q.waiting)}</Text></TableCell>
            <TableCell><Text>{i18n.number(q.active)}</Text></TableCell>
            <TableCell><Text>{i18n.number(q.delayed)}</Text></TableCell>
            <TableCell><Text>{i18n.number(q.failed)}</Text></TableCell>
            <TableCell><Text>{i18n.number(Math.round(q.lagSeconds))}</Text></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

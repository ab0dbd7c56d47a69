import { Link, StatusTag, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { CallListEntryVM, CallListVM } from '../../contracts/home';
import { SEGMENT_VARIANT } from '../components/RiskSection';
import { reasonText, segmentName, stepName } from '../i18n/describe';
import type { HomeI18n } from './use-home-i18n';

const STATUS_VARIANT = { open: 'warning', done: 'success', snoozed: 'default', later: 'info' } as const;

export function plannedText(i18n: HomeI18n, p: CallListEntryVM['planned']): string {
  const { h } = i18n;
  if (!p) return h.nothingPlanned;
  const when = p.window ? `${i18n.dateTime(p.dueAt)} (${h.window(p.window.fromHour, p.window.toHour)})` : i18n.dateTime(p.dueAt);
  return h.plannedLine(stepName(i18n.t, p.stepId), p.channel ? h.channel[p.channel] : h.action[p.action], when);
}

export const reasonsText = (i18n: HomeI18n, e: CallListEntryVM): string =>
  e.reasons.map((r) => reasonText(i18n, r)).filter((s): s is string => s !== undefined).join('; ');

/** One page of the ranked list; the company opens in HubSpot from its name. */
export function CallListTable({ i18n, vm, onPage }: { i18n: HomeI18n; vm: CallListVM; onPage: (page: number) => void }) {
  const { h } = i18n;
  return (
    <Table testId="call-list" bordered paginated pageCount={Math.max(1, vm.pageCount)} page={vm.page} onPageChange={onPage} showFirstLastButtons>
      <TableHead>
        <TableRow>
          <TableHeader>{h.colCustomer}</TableHeader>
          <TableHeader align="right">{h.colPriority}</TableHeader>
          <TableHeader>{h.colWhy}</TableHeader>
          <TableHeader>{h.colPlanned}</TableHeader>
          <TableHeader>{h.colOwner}</TableHeader>
          <TableHeader>{h.colStatus}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {vm.items.map((e) => (
          <TableRow key={e.companyId}>
            <TableCell>
              <Link href={{ url: e.recordUrl, external: false }} testId={`company-${e.companyId}`}>{e.name ?? h.unnamed(e.companyId)}</Link>
            </TableCell>
            <TableCell align="right">
              <Text testId={`priority-${e.companyId}`}>{i18n.number(e.priority)}</Text>
              <StatusTag variant={SEGMENT_VARIANT[e.segment]} testId={`segment-${e.companyId}`}>{segmentName(i18n.t, e.segment)}</StatusTag>
            </TableCell>
            <TableCell><Text testId={`reasons-${e.companyId}`}>{reasonsText(i18n, e)}</Text></TableCell>
            <TableCell><Text testId={`planned-${e.companyId}`}>{plannedText(i18n, e.planned)}</Text></TableCell>
            <TableCell><Text testId={`owner-${e.companyId}`}>{e.ownerName ?? (e.ownerId ? h.owner(e.ownerId) : h.noOwner)}</Text></TableCell>
            <TableCell><StatusTag variant={STATUS_VARIANT[e.status]} testId={`status-${e.companyId}`}>{h.status[e.status]}</StatusTag></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

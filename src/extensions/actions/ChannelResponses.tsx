import { Alert, Button, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import type { PreferencesVM } from '../../contracts/actions';
import type { ActionsI18n } from './use-actions-i18n';

/** Stated preference next to what the logged outcomes say, with a suggestion when they differ. */
export function ChannelResponses({ i18n, vm, channels, onApply }: {
  i18n: ActionsI18n; vm: PreferencesVM; channels: readonly string[]; onApply: (channel: string) => void;
}) {
  const { a } = i18n;
  const s = vm.suggestion;
  const suggestionApplies = s !== null && channels[0] !== s.channel;
  return (
    <>
      <Heading>{a.responsesTitle}</Heading>
      <Table bordered={false} testId="channel-responses">
        <TableHead>
          <TableRow>
            <TableHeader>{a.colChannel}</TableHeader>
            <TableHeader>{a.colRank}</TableHeader>
            <TableHeader>{a.colAttempts}</TableHeader>
            <TableHeader>{a.colResponses}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {vm.responses.map((r) => {
            const rank = channels.indexOf(r.channel);
            return (
              <TableRow key={r.channel}>
                <TableCell>{a.channel[r.channel]}</TableCell>
                <TableCell>{rank === -1 ? a.notRanked : String(rank + 1)}</TableCell>
                <TableCell>{String(r.attempts)}</TableCell>
                <TableCell>{String(r.responses)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {s && suggestionApplies && (
        <Alert title={a.channel[s.channel] ?? s.channel} variant="tip" testId="channel-suggestion">
          {a.suggestion(a.channel[s.channel] ?? s.channel, a.channel[s.instead] ?? s.instead)}
          <Button variant="secondary" onClick={() => onApply(s.channel)} testId="apply-suggestion">{a.applySuggestion(a.channel[s.channel] ?? s.channel)}</Button>
        </Alert>
      )}
    </>
  );
}

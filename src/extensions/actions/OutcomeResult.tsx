import { Alert, Button, ButtonRow, Flex, Heading, Text, TextArea } from '@hubspot/ui-extensions';
import type { OutcomeResultVM } from '../../contracts/actions';
import type { ActionsI18n } from './use-actions-i18n';

/** `mailto:` with the drafted summary: opens the user's mail program, addressed to the contact when known. */
export const mailtoLink = (to: string | undefined, subject: string, body: string): string =>
  `mailto:${to ? encodeURIComponent(to) : ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;

/** What was logged, the follow-up task, and the summary e-mail to copy or open. */
export function OutcomeResult({ i18n, result, contactEmail, onCopy, onAnother, copied }: {
  i18n: ActionsI18n; result: OutcomeResultVM; contactEmail?: string; copied: boolean; onCopy: (text: string) => void; onAnother: () => void;
}) {
  const { a } = i18n;
  const mail = result.summaryEmail;
  const mailText = mail ? `${mail.subject}\n\n${mail.body}` : '';
  return (
    <Flex direction="column" gap="sm" testId="outcome-result">
      <Alert title={result.duplicate ? a.loggedBefore : a.logged} variant="success" testId="logged">
        {result.followUp ? a.followUpTask(a.followUpKind[result.followUp.kind] ?? result.followUp.kind, i18n.date(result.followUp.dueOn)) : ''}
      </Alert>
      {mail && (
        <>
          <Heading>{a.summaryTitle}</Heading>
          <Text format={{ fontWeight: 'bold' }} testId="summary-subject">{mail.subject}</Text>
          <TextArea name="summary" label={a.summaryTitle} value={mail.body} readOnly rows={10} testId="summary-body" />
          <ButtonRow>
            <Button variant="primary" onClick={() => onCopy(mailText)} testId="copy-email">{a.copyEmail}</Button>
            <Button href={mailtoLink(contactEmail, mail.subject, mail.body)} testId="open-email">{a.openEmail}</Button>
          </ButtonRow>
          {copied && <Text variant="microcopy" testId="copied">{a.copied}</Text>}
        </>
      )}
      <Button variant="secondary" onClick={onAnother} testId="log-another">{a.logAnother}</Button>
    </Flex>
  );
}

import { Alert, Button, Flex, List, Text } from '@hubspot/ui-extensions';
import type { SaveStatus } from './use-save';
import type { SettingsI18n } from './use-settings-i18n';

/** The section's save button and what became of the last save; nothing to press for a user who may not edit. */
export function SaveBar({ i18n, status, canEdit, onSave, savedText, testId }: {
  i18n: SettingsI18n; status: SaveStatus; canEdit: boolean; onSave: () => void; savedText?: string; testId: string;
}) {
  const { s } = i18n;
  if (!canEdit) return null;
  return (
    <Flex direction="column" gap="xs">
      {status.kind === 'saved' ? <Alert title={savedText ?? s.savedPlain} variant="success" testId={`${testId}-saved`} /> : null}
      {status.kind === 'refused' ? (
        <Alert title={status.text} variant="danger" testId={`${testId}-refused`}>
          {status.problems.length > 0 ? <List variant="unordered">{status.problems.map((p, i) => <Text key={i}>{p}</Text>)}</List> : null}
        </Alert>
      ) : null}
      <Button variant="primary" onClick={onSave} disabled={status.kind === 'saving'} testId={`${testId}-save`}>
        {status.kind === 'saving' ? s.saving : s.save}
      </Button>
    </Flex>
  );
}

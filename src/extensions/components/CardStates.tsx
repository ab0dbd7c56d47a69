import { Button, EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { FetchFailure } from '../api/client';
import { failureText } from '../i18n/describe';
import type { I18n } from '../i18n';

export function Loading({ i18n }: { i18n: I18n }) {
  return <LoadingSpinner label={i18n.t.loading} showLabel layout="centered" testId="loading" />;
}

/** Says what failed and what to do, with a retry button (most failures are passing). */
export function FailureMessage({ i18n, failure, retry }: { i18n: I18n; failure: FetchFailure; retry: () => void }) {
  return (
    <ErrorState title={i18n.t.errorTitle} testId="failure">
      <Text>{failureText(i18n.t, failure)}</Text>
      <Button onClick={() => retry()} testId="retry">{i18n.t.retry}</Button>
    </ErrorState>
  );
}

export function NoOpenInvoices({ i18n }: { i18n: I18n }) {
  return (
    <EmptyState title={i18n.t.emptyTitle} layout="vertical" imageName="companies" testId="empty">
      <Text>{i18n.t.emptyBody}</Text>
    </EmptyState>
  );
}

import { DescriptionList, DescriptionListItem, Heading, Text } from '@hubspot/ui-extensions';
import type { LadderVM } from '../../contracts/cards';
import { pauseName, stepName } from '../i18n/describe';
import type { I18n } from '../i18n';

/** Where the customer stands in the reminder ladder, what comes next and when, and what holds it. */
export function LadderSection({ i18n, ladder }: { i18n: I18n; ladder: LadderVM | null }) {
  const { t } = i18n;
  const paused = ladder?.paused ?? [];
  return (
    <>
      <Heading>{t.ladderTitle}</Heading>
      <DescriptionList direction="row" testId="ladder">
        <DescriptionListItem label={t.ladderCurrent}>
          <Text testId="ladder-current">{ladder?.currentStepId ? stepName(t, ladder.currentStepId) : '—'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t.ladderNext}>
          <Text testId="ladder-next">{ladder?.next ? t.ladderOn(stepName(t, ladder.next.stepId), i18n.dateTime(ladder.next.dueAt)) : t.ladderNone}</Text>
        </DescriptionListItem>
        {ladder?.lastDone ? (
          <DescriptionListItem label={t.ladderLastDone}>
            <Text>{t.ladderOn(stepName(t, ladder.lastDone.stepId), i18n.dateTime(ladder.lastDone.doneAt))}</Text>
          </DescriptionListItem>
        ) : null}
        {paused.length > 0 ? (
          <DescriptionListItem label={t.ladderPaused}>
            <Text testId="ladder-paused">
              {paused.map((p) => (p.until ? t.pauseUntil(pauseName(t, p.kind), i18n.date(p.until)) : pauseName(t, p.kind))).join('; ')}
            </Text>
          </DescriptionListItem>
        ) : null}
      </DescriptionList>
    </>
  );
}

import { Flex, Heading, List, StatusTag, Text } from '@hubspot/ui-extensions';
import type { RiskSegment, RiskVM } from '../../contracts/cards';
import { reasonText, segmentName } from '../i18n/describe';
import type { I18n } from '../i18n';

export const SEGMENT_VARIANT: Record<RiskSegment, 'danger' | 'warning' | 'info' | 'success' | 'default'> = {
  current: 'success', standard: 'warning', at_risk: 'danger', low_hanging_fruit: 'info', deprioritised: 'default',
};

export function SegmentTag({ i18n, segment }: { i18n: I18n; segment: RiskSegment }) {
  return <StatusTag variant={SEGMENT_VARIANT[segment]} testId="segment">{segmentName(i18n.t, segment)}</StatusTag>;
}

/** The risk segment and the reasons behind it, in the user's words. */
export function RiskSection({ i18n, risk }: { i18n: I18n; risk: RiskVM }) {
  const reasons = risk.reasons.map((r) => reasonText(i18n, r)).filter((s): s is string => s !== undefined);
  return (
    <Flex direction="column" gap="xs" testId="risk">
      <Flex gap="sm" align="center">
        <Heading inline>{i18n.t.riskTitle}</Heading>
        <SegmentTag i18n={i18n} segment={risk.segment} />
      </Flex>
      {reasons.length > 0 ? (
        <List variant="unordered">{reasons.map((r, idx) => <Text key={idx}>{r}</Text>)}</List>
      ) : null}
    </Flex>
  );
}

import { describe, expect, it } from 'vitest';
import {
  POLICY_ACTIONS, POLICY_ANCHORS, POLICY_AUDIENCES, POLICY_CHANNELS, POLICY_OFFSET_UNITS, POLICY_OWNER_RULES, POLICY_TONES,
  ReminderPolicySettings,
} from '../../../src/contracts/settings';
import { ACTION_KINDS, CHANNELS } from '../../../src/domain/ledger';
import { AUDIENCES, DEFAULT_POLICY, OFFSET_UNITS, OWNER_RULES, STEP_ANCHORS, TONES } from '../../../src/domain/policy/policy';

describe('the settings contract and the domain policy', () => {
  it('when the domain names its policy vocabulary, then the wire format offers exactly the same words', () => {
    expect([...POLICY_ANCHORS]).toEqual([...STEP_ANCHORS]);
    expect([...POLICY_OFFSET_UNITS]).toEqual([...OFFSET_UNITS]);
    expect([...POLICY_TONES]).toEqual([...TONES]);
    expect([...POLICY_OWNER_RULES]).toEqual([...OWNER_RULES]);
    expect([...POLICY_AUDIENCES]).toEqual([...AUDIENCES]);
    expect([...POLICY_ACTIONS]).toEqual([...ACTION_KINDS]);
    expect([...POLICY_CHANNELS]).toEqual([...CHANNELS]);
  });

  it('when the default ladder is sent to the settings page, then it passes the wire format unchanged', () => {
    expect(ReminderPolicySettings.parse(structuredClone(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
  });
});

import { Flex, Select } from '@hubspot/ui-extensions';
import { CALL_LIST_SCOPES, CALL_LIST_SEGMENTS, CALL_LIST_SORTS, type CallListVM } from '../../contracts/home';
import { segmentName } from '../i18n/describe';
import type { CallListChoice } from './home-api';
import type { HomeI18n } from './use-home-i18n';

const ANY = '';

/** Scope, segment, channel, currency and sort; every change asks the server for page 1 again. */
export function CallListFilters({ i18n, vm, choice, onChange }: {
  i18n: HomeI18n; vm: CallListVM | undefined; choice: CallListChoice; onChange: (next: CallListChoice) => void;
}) {
  const { h } = i18n;
  const set = (patch: Partial<CallListChoice>) => {
    const next: CallListChoice = { ...choice, ...patch, page: 1 };
    for (const k of ['segment', 'channel', 'currency'] as const) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const any = { label: h.any, value: ANY };
  return (
    <Flex gap="sm" wrap="wrap" testId="call-list-filters">
      <Select label={h.scopeLabel} name="scope" testId="filter-scope" value={choice.scope}
        options={CALL_LIST_SCOPES.map((s) => ({ label: h.scope[s], value: s }))}
        onChange={(v) => set({ scope: CALL_LIST_SCOPES.find((s) => s === v) ?? 'all' })} />
      <Select label={h.segmentLabel} name="segment" testId="filter-segment" value={choice.segment ?? ANY}
        options={[any, ...CALL_LIST_SEGMENTS.map((s) => ({ label: segmentName(i18n.t, s), value: s }))]}
        onChange={(v) => set({ segment: CALL_LIST_SEGMENTS.find((s) => s === v) })} />
      <Select label={h.channelLabel} name="channel" testId="filter-channel" value={choice.channel ?? ANY}
        options={[any, ...(vm?.channels ?? []).map((c) => ({ label: h.channel[c], value: c }))]}
        onChange={(v) => set({ channel: vm?.channels.find((c) => c === v) })} />
      <Select label={h.currencyLabel} name="currency" testId="filter-currency" value={choice.currency ?? ANY}
        options={[any, ...(vm?.currencies ?? []).map((c) => ({ label: c, value: c }))]}
        onChange={(v) => set({ currency: vm?.currencies.find((c) => c === v) })} />
      <Select label={h.sortLabel} name="sort" testId="filter-sort" value={choice.sort}
        options={CALL_LIST_SORTS.map((s) => ({ label: h.sort[s], value: s }))}
        onChange={(v) => set({ sort: CALL_LIST_SORTS.find((s) => s === v) ?? '-score' })} />
    </Flex>
  );
}

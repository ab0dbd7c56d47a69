import { describe, expect, it } from 'vitest';
import { sourceDisputeChange } from '../../src/domain/source-disputes';
import { anInvoice } from './builders';

describe('disputes from the accounting system\'s status', () => {
  const disputed = anInvoice({ externalId: 'F-1', status: 'disputed' });
  const open = anInvoice({ externalId: 'F-1', status: 'open' });
  const dispute = { id: 'src:F-1', companyId: disputed.companyId, invoiceExternalId: 'F-1', reason: 'other' as const, openedOn: '2027-03-01' };

  it('when an invoice is marked disputed and has no open dispute, then one opens on that invoice only, today', () => {
    expect(sourceDisputeChange(disputed, undefined, '2027-03-02')).toEqual({ kind: 'open', dispute: { ...dispute, openedOn: '2027-03-02', note: 'disputed in the accounting system' } });
    expect(sourceDisputeChange(disputed, { ...dispute, resolvedOn: '2027-03-05' }, '2027-03-09')).toMatchObject({ kind: 'open', dispute: { openedOn: '2027-03-09' } });
  });

  it('when it is still disputed, then nothing changes; when it no longer is, then the dispute is resolved', () => {
    expect(sourceDisputeChange(disputed, dispute, '2027-03-02')).toBeUndefined();
    expect(sourceDisputeChange(open, dispute, '2027-03-02')).toEqual({ kind: 'resolve', disputeId: 'src:F-1' });
    expect(sourceDisputeChange(open, undefined, '2027-03-02')).toBeUndefined();
  });
});

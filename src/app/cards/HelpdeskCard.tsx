import { hubspot } from '@hubspot/ui-extensions';
import { RecordPaymentStatusView } from '../../extensions/views/RecordPaymentStatusView';

// A help desk card sits on a ticket: the view resolves the ticket's company.
hubspot.extend<'helpdesk.sidebar'>(() => <RecordPaymentStatusView />);

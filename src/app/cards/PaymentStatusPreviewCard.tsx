import { hubspot } from '@hubspot/ui-extensions';
import { RecordPaymentStatusView } from '../../extensions/views/RecordPaymentStatusView';

hubspot.extend<'crm.preview'>(() => <RecordPaymentStatusView />);

import { hubspot } from '@hubspot/ui-extensions';
import { ReceivablesView } from '../../extensions/views/ReceivablesView';

hubspot.extend<'crm.record.tab'>(() => <ReceivablesView />);

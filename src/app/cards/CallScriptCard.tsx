import { hubspot } from '@hubspot/ui-extensions';
import { CallScriptView } from '../../extensions/actions/CallScriptView';

hubspot.extend<'crm.record.tab'>(() => <CallScriptView />);

import { hubspot } from '@hubspot/ui-extensions';
import { PreferencesView } from '../../extensions/actions/PreferencesView';

hubspot.extend<'crm.record.tab'>(() => <PreferencesView />);

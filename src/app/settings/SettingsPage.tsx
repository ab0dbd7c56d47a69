import { hubspot } from '@hubspot/ui-extensions';
import { SettingsView } from '../../extensions/settings/SettingsView';

hubspot.extend<'settings'>(() => <SettingsView />);

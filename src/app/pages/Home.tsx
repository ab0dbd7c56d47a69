import { hubspot } from '@hubspot/ui-extensions';
import { HomeView } from '../../extensions/home/HomeView';

hubspot.extend<'home'>(() => <HomeView />);

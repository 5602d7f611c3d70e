/**
 * The team page's entry: its own tab (popup → Team) or the panel's Team tab (`?embed=panel`, framed
 * in the agent page). Theme from the one stored choice; renders at most once per frame interval.
 */
import { render } from 'preact';
import '../shared/ui/page.css';
import { t } from '../shared/i18n';
import { applyPageTheme } from '../shared/theme';
import { renderAtMostOncePerFrame } from '../shared/ui/render-scheduler';
import './team.css';
import { linkTeam } from './link';
import { createTeamStore } from './store';
import { TeamPage } from './TeamPage';

// In the panel's Team tab the page runs in an iframe (`?embed=panel`): compact, no page heading.
const embed = new URLSearchParams(location.search).get('embed') === 'panel';
applyPageTheme();
// A shift change must not cost a render per event: at most one per frame interval. The team port's
// patches are paced already (50 a second): each renders at once (fromDue: see render-scheduler.ts).
renderAtMostOncePerFrame({ fromDue: true });
document.documentElement.lang = chrome.i18n?.getUILanguage?.() ?? 'en';
document.title = t('teamPageTitle');
const store = createTeamStore();
const actions = linkTeam(store);
const app = document.getElementById('app');
if (app) render(<TeamPage store={store} embed={embed} actions={actions} />, app);

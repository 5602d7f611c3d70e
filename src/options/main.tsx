import { render } from 'preact';
import '../shared/ui/page.css';
import { applyPageTheme } from '../shared/theme';
import './options.css';
import { OptionsPage } from './OptionsPage';

applyPageTheme();
document.documentElement.lang = chrome.i18n?.getUILanguage?.() ?? 'en';
const app = document.getElementById('app');
if (app) render(<OptionsPage />, app);

import { render } from 'preact';
import '../shared/ui/page.css';
import { applyPageTheme } from '../shared/theme';
import './popup.css';
import { Popup } from './Popup';

applyPageTheme();
document.documentElement.lang = chrome.i18n?.getUILanguage?.() ?? 'en';
const app = document.getElementById('app');
if (app) render(<Popup />, app);

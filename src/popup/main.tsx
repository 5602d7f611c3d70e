import { render } from 'preact';
import '../shared/ui/page.css';
import './popup.css';
import { Popup } from './Popup';

const app = document.getElementById('app');
if (app) render(<Popup />, app);

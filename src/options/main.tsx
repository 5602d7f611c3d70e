import { render } from 'preact';
import '../shared/ui/page.css';
import './options.css';
import { OptionsPage } from './OptionsPage';

const app = document.getElementById('app');
if (app) render(<OptionsPage />, app);

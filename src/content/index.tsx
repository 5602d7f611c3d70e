/**
 * Content script entry: ends any older instance on this page (see lifetime.ts), then mounts the
 * panel under this instance's lifetime.
 */
import { takeOverPage } from './lifetime';
import { mountPanel } from './mount';

void mountPanel(takeOverPage());

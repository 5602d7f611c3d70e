/** Where the card's commands (retry, search, pick, notes, log) go: the panel's link to the worker. */
import type { ToWorker } from '../../protocol';

export interface CardLink {
  send(command: ToWorker): void;
}

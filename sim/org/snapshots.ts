/**
 * Renders the conversation model as `v2.users.{id}.conversations` event bodies and REST payloads:
 * one leg description (`snapshot-leg.ts`), two builders (`snapshot-event.ts`, `snapshot-rest.ts`).
 * The rest of the simulator imports them from here.
 */
export { eventParticipant, eventSnapshot } from './snapshot-event';
export { HOME_DIVISION, type Iso } from './snapshot-leg';
export {
  type RestConversation,
  type RestParticipant,
  restConversation,
  restParticipant,
} from './snapshot-rest';

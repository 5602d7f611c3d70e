/** The session with its Chrome dependencies: chrome.identity's login window and storage.session. */
import { Session, type SessionDeps } from './controller';
import { signIn } from './sign-in';
import { clearAuth, loadAuth, saveAuth } from './token-store';

export { Session } from './controller';

export function createSession(deps: Pick<SessionDeps, 'onGate' | 'release' | 'log'>): Session {
  return new Session({
    ...deps,
    authorize: signIn,
    tokens: { load: loadAuth, save: saveAuth, clear: clearAuth },
    now: Date.now,
  });
}

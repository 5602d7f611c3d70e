/** The session with its Chrome dependencies: chrome.identity's login window, storage.session and .local. */
import { Session, type SessionDeps } from './controller';
import { endLoginSession, signIn } from './sign-in';
import { clearAuth, loadAuth, loadMarks, saveAuth, saveMarks } from './token-store';

export { Session } from './controller';

export function createSession(deps: Pick<SessionDeps, 'onGate' | 'release' | 'log' | 'idlesAt'>): Session {
  return new Session({
    ...deps,
    authorize: signIn,
    endLogin: endLoginSession,
    tokens: { load: loadAuth, save: saveAuth, clear: clearAuth },
    marks: { load: loadMarks, save: saveMarks },
    now: Date.now,
  });
}

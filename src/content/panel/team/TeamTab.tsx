/**
 * The panel's two views, Conversations and Team, as a pair of toggle buttons (a group named
 * "Views"; the pressed one is shown), and the Team view itself: the extension's team page framed
 * with `?embed=panel`. Toggle buttons, not a second tablist: the panel's one tablist stays the
 * conversations' (focus and tests find the selected conversation by it).
 *
 * Not one byte of the roster UI is in the content script (its 25 KB gzip budget): the page is a
 * full extension page that opens its own `team` port to the worker, and the Genesys page's
 * scripts cannot read a cross-origin (chrome-extension://) frame. Its theme follows the panel's:
 * both read the one stored choice (shared/theme.ts), and `auto` follows the same system setting.
 */
import { t } from '../../../shared/i18n';
import { TEAM_EMBED_QUERY, TEAM_PAGE } from '../../../shared/team-page';

export type PanelView = 'conversations' | 'team';
const VIEWS: readonly PanelView[] = ['conversations', 'team'];
const TEAM_VIEW_ID = 'cc-team-view';

export function ViewSwitch({ view, onView }: { view: PanelView; onView: (v: PanelView) => void }) {
  return (
    <fieldset class="views" data-testid="views">
      <legend class="sr-only">{t('teamViews')}</legend>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={v === view ? 'true' : 'false'}
          aria-controls={v === 'team' && view === 'team' ? TEAM_VIEW_ID : undefined}
          data-testid={`view-${v}`}
          onClick={() => onView(v)}
        >
          {v === 'team' ? t('teamTitle') : t('teamViewConversations')}
        </button>
      ))}
    </fieldset>
  );
}

export function TeamFrame() {
  return (
    <div class="team-view" id={TEAM_VIEW_ID}>
      <iframe
        class="team-frame"
        title={t('teamFrameTitle')}
        src={chrome.runtime.getURL(TEAM_PAGE) + TEAM_EMBED_QUERY}
        // Copy name writes to the clipboard from inside the frame.
        allow="clipboard-write"
        data-testid="team-frame"
      />
    </div>
  );
}

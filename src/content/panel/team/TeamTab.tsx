/**
 * The panel's two views, Conversations and Team, as WAI-ARIA tabs (←/→, Home/End move and select),
 * and the Team view itself: the extension's team page framed with `?embed=panel`. Not one byte
 * of the roster UI is in the content script (its 25 KB gzip budget): the page is a full extension
 * page that opens its own `team` port to the worker, and the Genesys page's scripts cannot read a
 * cross-origin (chrome-extension://) frame. Its theme follows the panel's: both read the one
 * stored choice (shared/theme.ts), and `auto` follows the same system preference.
 */
import { t } from '../../../shared/i18n';
import { TEAM_EMBED_QUERY, TEAM_PAGE } from '../../../shared/team-page';

export type PanelView = 'conversations' | 'team';
const VIEWS: readonly PanelView[] = ['conversations', 'team'];
export const VIEW_PANEL_ID = 'cc-view';
const viewTabId = (v: PanelView) => `cc-view-${v}`;
const NEXT: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function ViewTabs({ view, onView }: { view: PanelView; onView: (v: PanelView) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    const move = NEXT[e.key];
    const next = move && VIEWS[move(VIEWS.indexOf(view), VIEWS.length)];
    if (!next) return;
    e.preventDefault();
    onView(next);
    ((e.currentTarget as HTMLElement).querySelector(`#${viewTabId(next)}`) as HTMLElement | null)?.focus();
  };
  return (
    <div class="views" role="tablist" aria-label={t('teamViews')} data-testid="views" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={viewTabId(v)}
          aria-selected={v === view ? 'true' : 'false'}
          aria-controls={v === view && v === 'team' ? VIEW_PANEL_ID : undefined}
          tabIndex={v === view ? 0 : -1}
          data-testid={`view-${v}`}
          onClick={() => onView(v)}
        >
          {v === 'team' ? t('teamTitle') : t('teamViewConversations')}
        </button>
      ))}
    </div>
  );
}

export function TeamFrame() {
  return (
    <div class="team-view" role="tabpanel" id={VIEW_PANEL_ID} aria-labelledby={viewTabId('team')}>
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

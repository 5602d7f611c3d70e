/**
 * The CRM section's "Clear remembered contacts": the agent's picks among several matches (kept in
 * this browser as keyed hashes, background/contacts/) are removed with their key.
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { clearRememberedContacts } from '../../shared/remembered-contacts';

export function RememberedContacts() {
  const [cleared, setCleared] = useState(false);
  return (
    <div class="crm-picks" data-testid="crm-picks">
      <h3>{t('optionsPicksTitle')}</h3>
      <p class="hint">{t('optionsPicksHelp')}</p>
      <div class="actions">
        <button
          type="button"
          data-testid="crm-clear-picks"
          onClick={() => {
            void clearRememberedContacts().then(() => setCleared(true));
          }}
        >
          {t('optionsClearPicks')}
        </button>
        {cleared ? (
          <span class="ok" role="status" data-testid="crm-picks-cleared">
            {t('optionsPicksCleared')}
          </span>
        ) : null}
      </div>
    </div>
  );
}

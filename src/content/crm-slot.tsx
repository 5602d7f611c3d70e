/**
 * The panel's detail slot: the CRM card with its stylesheet. Loaded as its own chunk when a
 * conversation's detail first shows (mount.tsx, lazy.tsx), so the card and what grows on it stay
 * out of the content script's first paint. The <style> sits beside the card in the shadow root.
 */
import type { ConversationView } from '../shared/domain';
import { type CardLink, CrmCard, type DialRender } from '../shared/ui/crm-card/CrmCard';
import crmCss from '../shared/ui/crm-card/crm.css?inline';
import { useStore } from '../shared/ui/use-store';
import type { PanelStoreApi } from './panel/store';

export function CrmSlot({
  conversation,
  link,
  dial,
  store,
}: {
  conversation: ConversationView;
  link: CardLink;
  /** Click-to-dial buttons for the card's numbers (the panel's, which knows the capability). */
  dial?: DialRender | undefined;
  /** The panel's store: the capabilities' states ("Create contact" follows `createContact`). */
  store: PanelStoreApi;
}) {
  const createContact = useStore(store, (s) => s.capabilities?.createContact);
  return (
    <>
      <style>{crmCss}</style>
      <CrmCard conversation={conversation} link={link} dial={dial} createContact={createContact} />
    </>
  );
}

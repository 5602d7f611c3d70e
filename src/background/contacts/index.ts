/** The contacts service with its Chrome dependencies: picks in storage.local (WebCrypto HMAC), the org id in storage.session. */
import browser from 'webextension-polyfill';
import { loadCrmSettings } from '../crm';
import { localStore } from '../local-store';
import { ContactCreator, type ContactCreatorDeps } from './create';
import { PickStore, webCrypto } from './pick-store';
import { type ContactsDeps, ContactsService } from './service';

export { ContactsService } from './service';

const ORG_KEY = 'org';

/** The org of the session's token (tokens/me), kept beside the token so an evicted worker still knows it. */
export class OrgId {
  private id: string | undefined;
  readonly ready = browser.storage.session.get(ORG_KEY).then((got) => {
    this.id ??= typeof got[ORG_KEY] === 'string' ? (got[ORG_KEY] as string) : undefined;
  });

  get current(): string | undefined {
    return this.id;
  }

  set(id: string | undefined): void {
    this.id = id;
    void (id ? browser.storage.session.set({ [ORG_KEY]: id }) : browser.storage.session.remove(ORG_KEY));
  }
}

/** The associations asked for this session (conversation:contact keys), beside the token in storage.session. */
const ASKED_KEY = 'associationsAsked';

export function createContacts(deps: Omit<ContactsDeps, 'picks' | 'asked'>): ContactsService {
  return new ContactsService({
    ...deps,
    picks: new PickStore({ store: localStore, crypto: webCrypto, now: Date.now }),
    asked: {
      async load() {
        const got = (await browser.storage.session.get(ASKED_KEY))[ASKED_KEY];
        return Array.isArray(got) ? got.filter((k): k is string => typeof k === 'string') : [];
      },
      save(keys) {
        void browser.storage.session.set({ [ASKED_KEY]: keys });
      },
    },
  });
}

/** "Create contact" with the CRM settings' default country for numbers typed without a country code. */
export function createContactCreator(deps: Omit<ContactCreatorDeps, 'defaultCountry'>): ContactCreator {
  return new ContactCreator({
    ...deps,
    defaultCountry: async () => (await loadCrmSettings()).settings.crmDefaultCountry,
  });
}

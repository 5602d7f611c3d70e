import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it, vi } from 'vitest';
import type { CapabilityState } from '../../shared/capabilities';
import type { ConversationView } from '../../shared/domain';
import type { Api } from '../genesys/rest';
import { CONTACTS_PATH, ContactCreator, type ContactCreatorDeps, contactBody } from './create';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** A REST client whose answers the test releases, recording what was asked. */
function pendingApi() {
  const sent: Sent[] = [];
  const answers: ((v: unknown) => void)[] = [];
  const api: Api = {
    request<T>(method: string, path: string, body?: unknown) {
      sent.push({ method, path, body });
      return new Promise<T>((resolve) => answers.push(resolve as (v: unknown) => void));
    },
    head: async () => 200,
  };
  return { api, sent, answer: (v: unknown) => answers.shift()?.(v) };
}

const view = (id: string): ConversationView => ({
  id,
  media: 'call',
  state: 'connected',
  customerAddress: '+13175550199',
  startedAt: 0,
});

function creator(api: Api | undefined, over: Partial<ContactCreatorDeps> = {}) {
  const adopt = vi.fn();
  const onChange = vi.fn();
  const c = new ContactCreator({
    getApi: () => api,
    capability: () => ({ status: 'on' }),
    defaultCountry: async () => 'US',
    adopt,
    onChange,
    ...over,
  });
  return { c, adopt, onChange };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('contactBody', () => {
  it('the form as an ExternalContact: names, the phone in E.164 as the cell phone, the email, the title', () => {
    const expected = {
      firstName: 'Nia',
      lastName: 'Okoro',
      cellPhone: { display: '(317) 556-0199', e164: '+13175560199' },
      workEmail: 'nia@okoro.example',
      title: 'Buyer',
    } satisfies Models.ExternalContact;
    expect(
      contactBody(
        {
          firstName: ' Nia ',
          lastName: 'Okoro',
          phone: '(317) 556-0199',
          email: 'nia@okoro.example',
          title: 'Buyer',
        },
        'US',
      ),
    ).toEqual({ body: expected });
    expect(contactBody({ firstName: '', lastName: 'Okoro', phone: '', email: '' }, 'US')).toEqual({
      body: { lastName: 'Okoro' } satisfies Models.ExternalContact,
    });
    expect(contactBody({ firstName: 'Nia', lastName: '', phone: '020 7946 0958' }, 'GB')).toMatchObject({
      body: { cellPhone: { e164: '+442079460958' } },
    });
  });

  it('no name, a number that is not one, an email without a domain: the reason, nothing to send', () => {
    expect(contactBody({ firstName: ' ', lastName: '' }, 'US')).toEqual({
      error: { code: 'contact-name-required' },
    });
    expect(contactBody({ firstName: 'Nia', lastName: '', phone: '555-CALL' }, 'US')).toEqual({
      error: { code: 'contact-invalid-phone', params: { phone: '555-CALL' } },
    });
    expect(contactBody({ firstName: 'Nia', lastName: '', email: 'nia@okoro' }, 'US')).toEqual({
      error: { code: 'contact-invalid-email', params: { email: 'nia@okoro' } },
    });
  });
});

describe('ContactCreator', () => {
  it('one POST per conversation: a double click while saving and a retry after success send nothing', async () => {
    const { api, sent, answer } = pendingApi();
    const { c, adopt } = creator(api);
    const form = { firstName: 'Nia', lastName: 'Okoro', phone: '+13175550199' };
    void c.create('c1', form);
    void c.create('c1', form);
    await flush();
    expect(sent).toEqual([
      {
        method: 'POST',
        path: CONTACTS_PATH,
        body: {
          firstName: 'Nia',
          lastName: 'Okoro',
          cellPhone: { display: '+13175550199', e164: '+13175550199' },
        },
      },
    ]);
    const [shown] = c.present([view('c1')]);
    expect(shown?.newContact).toEqual({ status: 'saving' });
    const made = { id: 'ec-new', firstName: 'Nia', lastName: 'Okoro' } satisfies Models.ExternalContact;
    answer(made);
    await flush();
    expect(adopt).toHaveBeenCalledWith('c1', made);
    const views = [view('c1')];
    expect(c.present(views)).toBe(views); // nothing to show: the views keep their identity
    await c.create('c1', form);
    expect(sent).toHaveLength(1);

    void c.create('c2', form); // another conversation has its own
    await flush();
    expect(sent).toHaveLength(2);
  });

  it('refuses without sending while the capability is not on, and shows the form’s error at once', async () => {
    const { api, sent } = pendingApi();
    let state: CapabilityState = { status: 'off' };
    const { c } = creator(api, { capability: () => state });
    await c.create('c1', { firstName: 'Nia', lastName: '' });
    expect(c.present([view('c1')])[0]?.newContact).toEqual({
      status: 'failed',
      error: { code: 'contact-off' },
    });
    state = { status: 'on' };
    await c.create('c1', { firstName: '', lastName: '' });
    expect(c.present([view('c1')])[0]?.newContact?.error).toEqual({ code: 'contact-name-required' });
    expect(sent).toEqual([]);
  });

  it('keeps a decorated view’s identity while nothing changed; sign-out drops a late answer', async () => {
    const { api, answer } = pendingApi();
    const { c, adopt } = creator(api);
    void c.create('c1', { firstName: 'Nia', lastName: '' });
    await flush();
    const v = view('c1');
    const first = c.present([v])[0];
    expect(c.present([v])[0]).toBe(first);
    c.reset();
    answer({ id: 'ec-late' });
    await flush();
    expect(adopt).not.toHaveBeenCalled();
    expect(c.present([v])[0]).toBe(v);
  });
});

/**
 * External Contacts writes (issue 14): two contacts on one number, the conversation association (202,
 * then `externalContactId` on the customer in events and REST), notes (validation, paging, ground
 * truth), contact creation, and their permissions and scope.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { DEMO_REDIRECT_URI, knownCustomer, SEED_USERS, SHARED_PHONE } from '../index';
import { isTopic, jsonBody, live, raw, signIn, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let token: string;

beforeEach(async () => {
  sim = await testSim({ seed: undefined, sharedNumber: true, rateLimitPerMinute: 1000, restLagMs: 0 });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterEach(() => sim.close());

function api(method: string, path: string, body?: unknown, t = token) {
  return raw(sim, {
    method,
    path: `/api/v2${path}`,
    token: t,
    ...(body === undefined ? {} : jsonBody(body)),
  });
}

type Conv = Models.Conversation;
const customerOf = (c: { participants?: Models.Participant[] }) =>
  c.participants?.find((p) => p.purpose === 'customer');

describe('several contacts on one number', () => {
  it('the reverse lookup of SHARED_PHONE finds both contacts; without the option only seeded counts', async () => {
    const res = await api(
      'GET',
      `/externalcontacts/reversewhitepageslookup?lookupVal=${encodeURIComponent(SHARED_PHONE)}`,
    );
    const found = (res.json() as Models.ReverseWhitepagesLookupResult).contacts ?? [];
    expect(found.map((x) => `${x.firstName} ${x.lastName}`).sort()).toEqual(['Jamie Reyes', 'Jordan Reyes']);
    const crm = await raw(sim, {
      path: `/api/customers?phone=${encodeURIComponent(SHARED_PHONE)}`,
      host: 'crm.cuecard.test',
    });
    expect((crm.json() as { results: unknown[] }).results).toHaveLength(2);
    const plain = await testSim({ seed: undefined });
    try {
      const t = plain.issueToken({ userId: alex }).access_token;
      const listing = await raw(plain, { path: '/api/v2/externalcontacts/contacts?pageSize=1', token: t });
      expect((listing.json() as Models.ContactListing).total).toBe(150);
    } finally {
      await plain.close();
    }
  });
});

describe('PUT /externalcontacts/conversations/{id}', () => {
  it('202 with no body; the customer carries externalContactId in the next event and REST; truth counts it', async () => {
    const { frames } = await live(sim, alex, ['conversations']);
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: SHARED_PHONE } });
    sim.act(id, { type: 'answer' });
    const before = (await api('GET', `/conversations/${id}`)).json() as Conv;
    expect(customerOf(before)?.externalContactId).toBeUndefined();
    const contactId = knownCustomer(0).externalContactId ?? '';
    const communicationId = customerOf(before)?.calls?.[0]?.id ?? '';
    const association = {
      externalContactId: contactId,
      conversationId: id,
      communicationId,
      mediaType: 'CALL',
    } satisfies Models.ConversationAssociation;
    const n = frames.list.length;
    const res = await api('PUT', `/externalcontacts/conversations/${id}`, association);
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    const ev = (await frames.next((f) => frames.list.indexOf(f) >= n && isTopic('.conversations')(f)))
      .eventBody as Models.ConversationEventTopicConversation;
    expect(ev.participants?.find((p) => p.purpose === 'customer')?.externalContactId).toBe(contactId);
    const after = (await api('GET', `/conversations/${id}`)).json() as Conv;
    expect(customerOf(after)?.externalContactId).toBe(contactId);
    expect(sim.truth(alex)[0]?.externalContactId).toBe(contactId);
    expect(sim.externalContacts().associations).toEqual([
      expect.objectContaining({
        conversationId: id,
        externalContactId: contactId,
        userId: alex,
        mediaType: 'CALL',
      }),
    ]);
    // Leaving externalContactId out disassociates.
    const { externalContactId: _gone, ...without } = association;
    expect((await api('PUT', `/externalcontacts/conversations/${id}`, without)).status).toBe(202);
    expect(
      customerOf((await api('GET', `/conversations/${id}`)).json() as Conv)?.externalContactId,
    ).toBeUndefined();
    expect(sim.externalContacts().associations).toHaveLength(2);
    frames.ws.close();
  });

  it('400 for missing fields, a wrong communication or mediaType; 404 for unknown ids; nothing recorded', async () => {
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: SHARED_PHONE } });
    const comm = customerOf((await api('GET', `/conversations/${id}`)).json() as Conv)?.calls?.[0]?.id;
    const good = {
      externalContactId: knownCustomer(0).externalContactId,
      conversationId: id,
      communicationId: comm,
      mediaType: 'CALL',
    };
    const put = (b: unknown, cid = id) => api('PUT', `/externalcontacts/conversations/${cid}`, b);
    expect((await put({ ...good, communicationId: undefined })).json()).toMatchObject({
      status: 400,
      code: 'bad.request',
      messageParams: { field: 'communicationId' },
    });
    expect((await put({ ...good, communicationId: 'nope' })).status).toBe(400);
    expect((await put({ ...good, mediaType: 'EMAIL' })).status).toBe(400);
    expect((await put({ ...good, conversationId: 'other' })).status).toBe(400);
    expect((await put({ ...good, externalContactId: 'unknown' })).status).toBe(404);
    expect((await put({ ...good, conversationId: 'gone' }, 'gone')).status).toBe(404);
    expect(sim.externalContacts().associations).toEqual([]);
  });
});

describe('notes', () => {
  const contactId = () => knownCustomer(1).externalContactId ?? '';

  it('POST creates a Note (createdBy required, 1–32,000 chars); GET pages them; truth lists them', async () => {
    const path = `/externalcontacts/contacts/${contactId()}/notes`;
    expect((await api('POST', path, { noteText: 'hi' })).json()).toMatchObject({
      status: 400,
      code: 'bad.request',
    });
    expect((await api('POST', path, { noteText: '', createdBy: { id: alex } })).status).toBe(400);
    expect((await api('POST', path, { noteText: 'x'.repeat(32_001), createdBy: { id: alex } })).status).toBe(
      400,
    );
    expect((await api('POST', path, { noteText: 'x', createdBy: { id: 'nobody' } })).status).toBe(400);
    expect(
      (
        await api('POST', '/externalcontacts/contacts/unknown/notes', {
          noteText: 'x',
          createdBy: { id: alex },
        })
      ).status,
    ).toBe(404);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api('POST', path, {
        noteText: `Call ${i}`,
        createdBy: { id: alex },
      });
      expect(res.status).toBe(200);
      const note = res.json() as Models.Note;
      expect(note).toMatchObject({ noteText: `Call ${i}`, entityId: contactId(), createdBy: { id: alex } });
      made.push(note.id ?? '');
    }
    expect((await api('POST', path, { noteText: 'x'.repeat(32_000), createdBy: { id: alex } })).status).toBe(
      200,
    );
    const page = (await api('GET', `${path}?pageSize=2`)).json() as Models.NoteListing;
    expect(page).toMatchObject({ total: 4, pageSize: 2, pageNumber: 1, pageCount: 2 });
    expect(page.entities?.map((x) => x.id)).toEqual(made.slice(0, 2));
    expect(page.nextUri).toContain('pageNumber=2');
    const desc = (
      await api('GET', `${path}?sortOrder=createDate:desc&pageSize=1`)
    ).json() as Models.NoteListing;
    expect(desc.entities?.[0]?.noteText).toHaveLength(32_000);
    expect((await api('GET', `${path}?pageSize=101`)).status).toBe(400);
    expect((await api('GET', `${path}?pageSize=100&pageNumber=11`)).status).toBe(400);
    expect(sim.externalContacts().notes.map((x) => x.noteText?.slice(0, 6))).toEqual([
      'Call 0',
      'Call 1',
      'Call 2',
      'xxxxxx',
    ]);
  });
});

describe('POST /externalcontacts/contacts', () => {
  it('creates a contact the lookups then find; a name is required', async () => {
    const phone = '+13175560199';
    expect((await api('POST', '/externalcontacts/contacts', { workPhone: { display: phone } })).status).toBe(
      400,
    );
    const res = await api('POST', '/externalcontacts/contacts', {
      firstName: 'Nia',
      lastName: 'Okoro',
      cellPhone: { display: '+1 (317) 556-0199' },
    } satisfies Models.ExternalContact);
    expect(res.status).toBe(200);
    const made = res.json() as Models.ExternalContact;
    expect(made).toMatchObject({ firstName: 'Nia', cellPhone: { e164: phone }, id: expect.any(String) });
    const found = await api(
      'GET',
      `/externalcontacts/reversewhitepageslookup?lookupVal=${encodeURIComponent(phone)}`,
    );
    expect((found.json() as Models.ReverseWhitepagesLookupResult).contacts?.map((x) => x.id)).toEqual([
      made.id,
    ]);
    expect((await api('GET', `/externalcontacts/contacts/${made.id}`)).json()).toMatchObject({
      lastName: 'Okoro',
    });
    expect(sim.externalContacts().created.map((x) => x.id)).toEqual([made.id]);
  });

  it('refuses a phone that is not E.164 and an email without name@domain with a 400 naming the field', async () => {
    const short = await api('POST', '/externalcontacts/contacts', {
      lastName: 'Okoro',
      cellPhone: { display: '+1 234 5678', e164: '+12345678' },
    } satisfies Models.ExternalContact);
    expect(short.status).toBe(400);
    expect(short.json()).toMatchObject({ code: 'bad.request', messageParams: { field: 'cellPhone' } });
    const email = await api('POST', '/externalcontacts/contacts', {
      firstName: 'Nia',
      workEmail: 'nia@',
    } satisfies Models.ExternalContact);
    expect(email.json()).toMatchObject({ status: 400, messageParams: { field: 'workEmail' } });
    expect(sim.externalContacts().created).toEqual([]);
  });
});

describe('permissions and scope', () => {
  it('each write names its permissions in a 403; a client without external-contacts gets missing.scopes', async () => {
    const viewer = sim.addUser({
      name: 'Viewer',
      permissions: ['externalContacts:contact:view', 'conversation:*:*'],
    });
    const t = sim.issueToken({ userId: viewer.id }).access_token;
    const id = sim.startConversation({ userId: alex, media: 'call', customer: { address: SHARED_PHONE } });
    const cases: [string, string, string][] = [
      [
        'PUT',
        `/externalcontacts/conversations/${id}`,
        '[externalContacts:conversation:associate, relate:conversation:associate]',
      ],
      [
        'POST',
        `/externalcontacts/contacts/${knownCustomer(0).externalContactId}/notes`,
        '[externalContacts:contact:edit, relate:contact:edit]',
      ],
      ['POST', '/externalcontacts/contacts', '[externalContacts:contact:add, relate:contact:add]'],
    ];
    for (const [method, path, permissions] of cases) {
      expect((await api(method, path, {}, t)).json()).toMatchObject({
        status: 403,
        code: 'missing.any.permissions',
        messageParams: { permissions },
      });
    }
    sim.registerClient({
      clientId: 'ro',
      redirectUris: [`${DEMO_REDIRECT_URI}ro`],
      scopes: ['external-contacts:readonly'],
    });
    const ro = await signIn(sim, alex, { clientId: 'ro', redirectUri: `${DEMO_REDIRECT_URI}ro` });
    const notes = `/externalcontacts/contacts/${knownCustomer(0).externalContactId}/notes`;
    expect((await api('GET', notes, undefined, ro)).status).toBe(200);
    expect((await api('POST', notes, { noteText: 'x', createdBy: { id: alex } }, ro)).json()).toMatchObject({
      status: 403,
      code: 'missing.scopes',
      messageParams: { scopes: '[external-contacts]' },
    });
  });
});

describe('control API', () => {
  it('GET /__sim/externalContacts is the ground truth', async () => {
    await api('POST', `/externalcontacts/contacts/${knownCustomer(0).externalContactId}/notes`, {
      noteText: 'n',
      createdBy: { id: alex },
    });
    const res = await raw(sim, { path: '/__sim/externalContacts' });
    expect(res.json()).toMatchObject({ created: [], associations: [], notes: [{ noteText: 'n' }] });
  });
});

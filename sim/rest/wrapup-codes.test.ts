/**
 * Wrap-up codes (issue 14): the paged listing and one by id (ALL routing:wrapupCode:view), the codes a
 * participant may pick, and the agent's wrap-up (code, name, notes) in events and REST once done.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { SEED_USERS, WRAPUP_CODES, wrapupCodeId } from '../index';
import { isTopic, live, raw, testSim } from '../test-helpers';

const alex = SEED_USERS.alex.id;
let sim: Sim;
let token: string;

beforeEach(async () => {
  sim = await testSim({ rateLimitPerMinute: 1000 });
  token = sim.issueToken({ userId: alex }).access_token;
});
afterEach(() => sim.close());

const get = (path: string, t = token) => raw(sim, { path: `/api/v2${path}`, token: t });

describe('GET /routing/wrapupcodes', () => {
  it('pages 25 by default (27 codes), filters by name and id, sorts', async () => {
    const first = (await get('/routing/wrapupcodes')).json() as Models.WrapupCodeEntityListing;
    expect(first).toMatchObject({ pageSize: 25, pageNumber: 1, total: 27, pageCount: 2 });
    expect(first.entities).toHaveLength(25);
    expect(first.nextUri).toContain('pageNumber=2');
    const second = (await get('/routing/wrapupcodes?pageNumber=2')).json() as Models.WrapupCodeEntityListing;
    const names = [...(first.entities ?? []), ...(second.entities ?? [])].map((w) => w.name);
    expect(new Set(names)).toEqual(new Set(WRAPUP_CODES.map((w) => w.name)));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const sale = (await get('/routing/wrapupcodes?name=SALE')).json() as Models.WrapupCodeEntityListing;
    expect(sale.entities?.map((w) => w.name)).toEqual(['No sale', 'Sale']);
    const byId = (
      await get(`/routing/wrapupcodes?id=${wrapupCodeId('Spam')}&id=${wrapupCodeId('Other')}`)
    ).json();
    expect((byId as Models.WrapupCodeEntityListing).total).toBe(2);
    const desc = (await get('/routing/wrapupcodes?sortOrder=descending&pageSize=1')).json();
    expect((desc as Models.WrapupCodeEntityListing).entities?.[0]?.name).toBe('Wrong number');
    expect((await get('/routing/wrapupcodes?pageSize=0')).status).toBe(400);
  });

  it('one code by id; 404 for an unknown one; 403 names routing:wrapupCode:view', async () => {
    const id = wrapupCodeId('Sale');
    expect((await get(`/routing/wrapupcodes/${id}`)).json()).toMatchObject({ id, name: 'Sale' });
    expect((await get('/routing/wrapupcodes/nope')).status).toBe(404);
    const u = sim.addUser({ name: 'No routing', permissions: ['conversation:*:*'] });
    const t = sim.issueToken({ userId: u.id }).access_token;
    expect((await get('/routing/wrapupcodes', t)).json()).toMatchObject({
      status: 403,
      code: 'missing.permissions',
      messageParams: { permissions: '[routing:wrapupCode:view]' },
    });
  });
});

describe("the agent's wrap-up", () => {
  it('participant wrapupcodes need no permission; the done wrap-up shows in events (code, notes) and REST (+name)', async () => {
    const { frames } = await live(sim, alex, ['conversations']);
    sim.setPresence(alex, 'On Queue');
    const id = sim.startConversation({
      userId: alex,
      media: 'call',
      customer: { address: '+13175550142' },
      queue: { name: 'Billing' },
    });
    sim.act(id, { type: 'answer' });
    const conv = (await get(`/conversations/${id}`)).json() as Models.Conversation;
    const agent = conv.participants?.find((p) => p.purpose === 'agent');
    const u = sim.addUser({ name: 'Bare', permissions: [] });
    const bare = sim.issueToken({ userId: u.id }).access_token;
    const codes = await get(`/conversations/${id}/participants/${agent?.id}/wrapupcodes`, bare);
    expect(codes.status).toBe(200);
    expect((codes.json() as Models.WrapupCode[]).map((w) => w.id)).toContain(
      wrapupCodeId('Billing question'),
    );
    expect((await get(`/conversations/${id}/participants/nope/wrapupcodes`)).status).toBe(404);
    sim.act(id, { type: 'disconnect', by: 'customer' });
    const code = wrapupCodeId('Billing question');
    sim.act(id, { type: 'wrapup', code, notes: 'Explained the invoice' });
    const ev = (
      await frames.next((f) => isTopic('.conversations')(f) && JSON.stringify(f).includes('Explained'))
    ).eventBody as Models.ConversationEventTopicConversation;
    const evAgent = ev.participants?.find((p) => p.purpose === 'agent');
    expect(evAgent?.wrapup).toMatchObject({
      code,
      notes: 'Explained the invoice',
      durationSeconds: expect.any(Number),
    });
    expect(evAgent?.calls?.[0]?.afterCallWork?.state).toBe('complete');
    const rest = (await get(`/conversations/${id}`)).json() as Models.Conversation;
    expect(rest.participants?.find((p) => p.purpose === 'agent')?.wrapup).toMatchObject({
      code,
      name: 'Billing question',
      notes: 'Explained the invoice',
    });
    frames.ws.close();
  });
});

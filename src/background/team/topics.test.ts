import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { OWN_TOPIC_COUNT, topicsFor } from '../connection/channel';
import { MAX_TOPICS_PER_CHANNEL } from '../connection/topic-set';
import { chooseForm, combinedRefused, missingOf, planTopics, sameTopics, TEAM_TOPIC_BUDGET } from './topics';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('the topic plan', () => {
  it('follows each member once across queues, never the agent, and each queue by its members and counts', () => {
    const plan = planTopics({
      me: 'me',
      queues: [
        { id: 'q1', memberIds: ['me', 'a', 'b'] },
        { id: 'q2', memberIds: ['a', 'c'] },
      ],
      form: 'combined',
      observations: true,
    });
    expect(plan.topics.sort()).toEqual(
      [
        'v2.routing.queues.q1.users',
        'v2.analytics.queues.q1.observations',
        'v2.routing.queues.q2.users',
        'v2.analytics.queues.q2.observations',
        'v2.users.a?presence&routingStatus',
        'v2.users.b?presence&routingStatus',
        'v2.users.c?presence&routingStatus',
      ].sort(),
    );
    expect(plan.countsOnly.size).toBe(0);
  });

  it('without the observations permission subscribes no counts; the separate form costs two topics a member', () => {
    const plan = planTopics({
      me: 'me',
      queues: [{ id: 'q', memberIds: ['a'] }],
      form: 'separate',
      observations: false,
    });
    expect(plan.topics).toEqual([
      'v2.routing.queues.q.users',
      'v2.users.a.presence',
      'v2.users.a.routingStatus',
    ]);
  });

  it('stays within the channel budget beside the agent’s own 3 topics: the largest queues go counts-only', () => {
    expect(TEAM_TOPIC_BUDGET).toBe(MAX_TOPICS_PER_CHANNEL - 3);
    const queues = [
      { id: 'small', memberIds: ids('s', 100) },
      { id: 'mid', memberIds: ids('m', 300) },
      { id: 'big', memberIds: ids('b', 700) },
    ];
    const plan = planTopics({ me: 'me', queues, form: 'combined', observations: true });
    expect(plan.topics.length).toBeLessThanOrEqual(TEAM_TOPIC_BUDGET);
    expect([...plan.countsOnly]).toEqual(['big']);
    // The counts-only queue still has its counts and joins followed.
    expect(plan.topics).toContain('v2.analytics.queues.big.observations');
    expect(plan.topics.filter((t) => t.startsWith('v2.users.b'))).toEqual([]);
  });

  it('1,000 agents over 10 queues do not fit one channel (999 members + 20 queue topics > 997): one queue goes counts-only', () => {
    const queues = Array.from({ length: 10 }, (_, q) => ({
      id: `q${q}`,
      memberIds: q === 0 ? ['me', ...ids('u0-', 99)] : ids(`u${q}-`, 100),
    }));
    const plan = planTopics({ me: 'me', queues, form: 'combined', observations: true });
    expect(plan.countsOnly.size).toBe(1);
    expect(plan.topics).toHaveLength(20 + 899);
    const fewer = queues.map((q) => ({ ...q, memberIds: q.memberIds.slice(0, 97) }));
    expect(
      planTopics({ me: 'me', queues: fewer, form: 'combined', observations: true }).countsOnly.size,
    ).toBe(0);
  });
});

describe('the same topics', () => {
  it('are the same in another order: a roster read back in another order costs no PUT', () => {
    const input = (memberIds: string[]) =>
      planTopics({ me: 'me', queues: [{ id: 'q1', memberIds }], form: 'combined', observations: true });
    const first = input(['a', 'b', 'c']).topics;
    const reordered = input(['c', 'a', 'b']).topics;
    expect(reordered).not.toEqual(first);
    expect(sameTopics(first, reordered)).toBe(true);
  });

  it('differ by one topic, or by a repeated one in place of another', () => {
    expect(sameTopics(['x', 'y'], ['x', 'z'])).toBe(false);
    expect(sameTopics(['x', 'y'], ['x'])).toBe(false);
    expect(sameTopics(['x', 'x'], ['x', 'y'])).toBe(false);
  });
});

describe('the member topic form', () => {
  const topic = (id: string, requiresCurrentUser?: boolean): Models.AvailableTopic => ({
    id,
    requiresCurrentUser,
  });

  it('is the combined one when presence and routing status are offered for other users', () => {
    expect(chooseForm([topic('v2.users.{id}.presence', false), topic('v2.users.{id}.routingStatus')])).toBe(
      'combined',
    );
  });

  it('falls back to the activity topic when those are only for the current user', () => {
    expect(
      chooseForm([
        topic('v2.users.{id}.presence', true),
        topic('v2.users.{id}.routingStatus', true),
        topic('v2.users.{id}.activity', false),
      ]),
    ).toBe('activity');
  });

  it('is combined when the listing could not be read (the subscribe then says what is missing)', () => {
    expect(chooseForm(undefined)).toBe('combined');
  });

  it('tells a refused combined form (no permission named) from a missing permission', () => {
    const unknown = { id: 'v2.users.a?presence&routingStatus', state: 'Rejected', missingPermissions: [] };
    const perm = {
      id: 'v2.users.a?presence&routingStatus',
      state: 'Rejected',
      missingPermissions: ['routing:queue:view'],
    };
    expect(combinedRefused([unknown])).toBe(true);
    expect(combinedRefused([perm])).toBe(false);
    expect(missingOf([perm, { ...perm, id: 'v2.users.b?presence&routingStatus' }])).toEqual([
      'routing:queue:view',
    ]);
  });
});

describe('a combined topic counted per suffix (the server refused a list for the limit)', () => {
  it('costs 2 of the budget: 600 members fit as 1 each, not as 2; the largest queue goes counts-only', () => {
    const queues = [
      { id: 'small', memberIds: ids('s', 100) },
      { id: 'big', memberIds: ids('b', 500) },
    ];
    const once = planTopics({ me: 'me', queues, form: 'combined', observations: false });
    expect(once.countsOnly.size).toBe(0);
    expect(once.topics).toHaveLength(2 + 600);
    const twice = planTopics({ me: 'me', queues, form: 'combined', observations: false, combinedCost: 2 });
    expect([...twice.countsOnly]).toEqual(['big']);
    const members = twice.topics.filter((t) => t.startsWith('v2.users.'));
    expect(members).toHaveLength(100);
    expect(2 + members.length * 2).toBeLessThanOrEqual(TEAM_TOPIC_BUDGET);
    // The separate form costs its two topics whatever a combined one costs.
    const separate = planTopics({ me: 'me', queues, form: 'separate', observations: false, combinedCost: 2 });
    expect(separate.topics.filter((t) => t.startsWith('v2.users.'))).toHaveLength(200);
  });
});

describe("the team's budget beside the agent's own topics", () => {
  it("is what the agent's real list leaves of the channel's limit: a topic added there shrinks it", () => {
    expect(OWN_TOPIC_COUNT).toBe(topicsFor('me').length);
    expect(TEAM_TOPIC_BUDGET).toBe(MAX_TOPICS_PER_CHANNEL - topicsFor('me').length);
  });

  it('a plan filled to the budget and the agent’s own topics together make at most the limit', () => {
    const members = TEAM_TOPIC_BUDGET - 1; // one queue topic, then members to the last topic
    const plan = planTopics({
      me: 'me',
      queues: [{ id: 'q', memberIds: ids('m', members) }],
      form: 'combined',
      observations: false,
    });
    expect(plan.countsOnly.size).toBe(0);
    const all = new Set([...topicsFor('me'), ...plan.topics]);
    expect(all.size).toBe(MAX_TOPICS_PER_CHANNEL);
    const over = planTopics({
      me: 'me',
      queues: [{ id: 'q', memberIds: ids('m', members + 1) }],
      form: 'combined',
      observations: false,
    });
    expect([...over.countsOnly]).toEqual(['q']);
  });
});

/** A channel's subscriptions: combined topics heard under their expanded names, cost per the switch. */
import { describe, expect, it } from 'vitest';
import { expandTopic, TopicSet, topicCost } from './topic-set';

describe('TopicSet', () => {
  it('hears the expanded names of a combined topic until it is removed or cleared', () => {
    const set = new TopicSet();
    set.set('v2.users.u1?presence&routingstatus', 'v2.users.u1?presence&routingStatus');
    set.set('v2.users.u1.presence', 'v2.users.u1.presence');
    expect(set.hears('v2.users.u1.routingStatus')).toBe(true);
    expect(set.hears('v2.users.u1.activity')).toBe(false);
    set.delete('v2.users.u1?presence&routingstatus');
    expect(set.hears('v2.users.u1.routingStatus')).toBe(false);
    expect(set.hears('v2.users.u1.presence')).toBe(true); // still subscribed on its own
    set.clear();
    expect(set.hears('v2.users.u1.presence')).toBe(false);
    expect(set.size).toBe(0);
  });

  it('costs one per subscription or one per suffix', () => {
    const ids = ['v2.users.a?presence&routingStatus', 'v2.routing.queues.q.users'];
    expect(topicCost(ids, 1)).toBe(2);
    expect(topicCost(ids, 'per-suffix')).toBe(3);
    expect(expandTopic('v2.users.A?presence&routingStatus')).toEqual([
      'v2.users.a.presence',
      'v2.users.a.routingstatus',
    ]);
  });
});

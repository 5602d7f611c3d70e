import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../sim/http';
import { reason } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';
import { judgeOutcome, NOTHING_REJECTED } from './outcome';
import { overTopicLimit } from './topics';

/** The simulator's 400 for a list over the channel's topic limit (sim/rest/notifications.ts). */
const overLimit = () =>
  new GenesysError(
    400,
    errorBody(
      400,
      'bad.request',
      'A channel may subscribe to at most {limit} topics; this request would make {count}',
      'ctx',
      { limit: '1000', count: '1205' },
    ),
    'api.x',
  );
const otherBadRequest = () =>
  new GenesysError(
    400,
    { status: 400, code: 'bad.request', message: 'The body must be an array' } satisfies Models.ErrorBody,
    'api.x',
  );

describe('a whole list refused for the topic limit', () => {
  it('is told from other refusals by the limit the 400 names', () => {
    expect(overTopicLimit(overLimit())).toBe(true);
    const worded = {
      status: 400,
      code: 'bad.request',
      message: 'Exceeded the maximum of 1000 topics',
    } satisfies Models.ErrorBody;
    expect(overTopicLimit(new GenesysError(400, worded, 'api.x'))).toBe(true);
    expect(overTopicLimit(otherBadRequest())).toBe(false);
    expect(overTopicLimit(new GenesysError(403, { ...worded, status: 403 }, 'api.x'))).toBe(false);
    expect(overTopicLimit(new Error('at most 1000 topics'))).toBe(false);
  });

  it('with combined topics counted 1: plan again counting them per suffix (the failure stands until the new list goes)', () => {
    expect(
      judgeOutcome({ rejected: [], failed: overLimit() }, { form: 'combined', combinedCost: 1 }),
    ).toEqual({
      replan: { form: 'combined', combinedCost: 2 },
      unsubscribed: reason('team-subscribe-refused', { detail: '400 bad.request' }),
    });
  });

  it('learnt once: already at 2, with another form, or another refusal, the failure shows', () => {
    const failed = reason('team-subscribe-refused', { detail: '400 bad.request' });
    for (const known of [
      { form: 'combined', combinedCost: 2 },
      { form: 'separate', combinedCost: 1 },
      { form: 'activity', combinedCost: 1 },
    ] as const)
      expect(judgeOutcome({ rejected: [], failed: overLimit() }, known)).toEqual({
        unsubscribed: failed,
        rejections: NOTHING_REJECTED,
      });
    expect(
      judgeOutcome({ rejected: [], failed: otherBadRequest() }, { form: 'combined', combinedCost: 1 }),
    ).toEqual({
      unsubscribed: failed,
      rejections: NOTHING_REJECTED,
    });
  });
});

describe('topics rejected one by one', () => {
  const rejected = (id: string, missingPermissions: string[] = []) =>
    ({ id, state: 'Rejected', missingPermissions }) satisfies Models.ChannelTopic;

  it('those naming no permission are counted: topics, and the members they leave unfollowed', () => {
    const verdict = judgeOutcome(
      {
        rejected: [
          rejected('v2.users.a.presence'),
          rejected('v2.users.a.routingStatus'),
          rejected('v2.users.b.activity'),
          rejected('v2.routing.queues.q1.users'),
          rejected('v2.analytics.queues.q1.observations', ['analytics:queueObservation:view']),
        ],
      },
      { form: 'separate', combinedCost: 1 },
    );
    expect(verdict).toEqual({
      unsubscribed: undefined,
      rejections: {
        rejectedPermissions: ['analytics:queueObservation:view'],
        refusedUnnamed: { topics: 4, members: 2 },
      },
    });
  });

  it('a combined topic refused without a permission is the form, not a refusal: separate topics next', () => {
    expect(
      judgeOutcome(
        { rejected: [rejected('v2.users.a?presence&routingStatus')] },
        { form: 'combined', combinedCost: 1 },
      ),
    ).toEqual({ replan: { form: 'separate', combinedCost: 1 } });
  });
});

import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../sim/http';
import { PERMISSION_TEMPLATE } from '../../../sim/rest/auth';
import { reason, reasonParams } from '../../shared/reasons';
import { GenesysError } from '../genesys/errors';
import type { Api } from '../genesys/rest';
import { type JoinContext, joinFailure, joinQueue } from './join';

/** The simulator's 403s (sim/rest/auth.ts): a role without the permissions, a client without the scope. */
const noPermission = () =>
  new GenesysError(
    403,
    errorBody(403, 'missing.any.permissions', PERMISSION_TEMPLATE, 'ctx', {
      permissions: '[routing:queue:join, routing:queueMember:manage]',
    }),
    'api.x',
  );
const noScope = () =>
  new GenesysError(
    403,
    errorBody(
      403,
      'missing.scopes',
      'Unable to perform the requested action. The OAuth client must have at least one of the following scopes: {scopes}',
      'ctx',
      { scopes: '[routing]' },
    ),
    'api.x',
  );

/** A REST client whose PATCH answers `answer` (an error is thrown), recording the paths asked. */
function api(answer: unknown) {
  const asked: string[] = [];
  const client: Api = {
    request: async (method, path) => {
      asked.push(`${method} ${path}`);
      if (answer instanceof Error) throw answer;
      return answer as never;
    },
    head: async () => 200,
  };
  return { client, asked };
}

const ctx = (over: Partial<JoinContext> = {}): JoinContext => ({
  api: api({}).client,
  me: 'me',
  capability: { status: 'on' },
  mine: true,
  ...over,
});

/** No English fragment travels: a detail is a catalogue word or Genesys' own status and code. */
function noEnglishDetail(r: ReturnType<typeof joinFailure>) {
  for (const name of reasonParams(r.code)) {
    const p = r.params?.[name];
    if (typeof p === 'string') expect(p).toMatch(/^(\d{3} \S+|[\w:.-]+)$/);
  }
}

describe('joining or leaving a queue refused', () => {
  it('a 403 names the permission to add (the ones the body lists, any of them), else routing:queue:join', () => {
    expect(joinFailure(noPermission())).toEqual(
      reason('team-join-missing-permission', {
        permission: ['routing:queue:join', 'routing:queueMember:manage'],
      }),
    );
    const bare = new GenesysError(
      403,
      { status: 403, code: 'not.authorized', message: 'Not authorized' },
      'api.x',
    );
    expect(joinFailure(bare)).toEqual(
      reason('team-join-missing-permission', { permission: ['routing:queue:join'] }),
    );
  });

  it('a missing scope names routing', () => {
    expect(joinFailure(noScope())).toEqual(reason('team-join-missing-scope', { scope: 'routing' }));
  });

  it("anything else keeps Genesys' status and code", () => {
    const busy = new GenesysError(503, { status: 503, code: 'service.unavailable' }, 'api.x');
    expect(joinFailure(busy)).toEqual(reason('team-join-failed', { detail: '503 service.unavailable' }));
  });

  it('the PATCH refused: the result carries the reason, not done', async () => {
    const { client, asked } = api(noPermission());
    const result = await joinQueue(ctx({ api: client }), 'q1', true);
    expect(asked).toEqual(['PATCH /api/v2/users/me/queues/q1']);
    expect(result).toEqual({
      type: 'teamJoinResult',
      queueId: 'q1',
      joined: true,
      ok: false,
      error: reason('team-join-missing-permission', {
        permission: ['routing:queue:join', 'routing:queueMember:manage'],
      }),
    });
  });

  it('refused before asking: what the capability misses, or a catalogue word; Genesys is not asked', async () => {
    const cases: [Partial<JoinContext>, ReturnType<typeof joinFailure>][] = [
      [
        { capability: { status: 'unavailable', missingPermissions: ['routing:queue:join'] } },
        reason('team-join-missing-permission', { permission: ['routing:queue:join'] }),
      ],
      [
        { capability: { status: 'unavailable', missingScopes: ['routing'] } },
        reason('team-join-missing-scope', { scope: ['routing'] }),
      ],
      [{ capability: { status: 'off' } }, reason('team-join-failed', { detail: { word: 'join-off' } })],
      [{ capability: undefined }, reason('team-join-failed', { detail: { word: 'signed-out' } })],
      [{ me: undefined }, reason('team-join-failed', { detail: { word: 'signed-out' } })],
      [{ mine: false }, reason('team-join-failed', { detail: { word: 'not-your-queue' } })],
    ];
    for (const [over, expected] of cases) {
      const { client, asked } = api({});
      const result = await joinQueue(ctx({ api: client, ...over }), 'q1', false);
      expect(result.ok).toBe(false);
      expect(result.error).toEqual(expected);
      noEnglishDetail(expected);
      expect(asked).toEqual([]);
    }
  });

  it('allowed and one of mine: done', async () => {
    const { client, asked } = api({});
    expect((await joinQueue(ctx({ api: client }), 'q 2', false)).ok).toBe(true);
    expect(asked).toEqual(['PATCH /api/v2/users/me/queues/q%202']);
  });
});

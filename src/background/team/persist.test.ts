import { describe, expect, it } from 'vitest';
import type { StoredTeam } from './deps';
import { decodeStoredTeam, encodeStoredTeam } from './persist';

const stored: StoredTeam = {
  form: 'combined',
  roster: {
    me: 'me',
    snapshotAt: 1_000,
    queues: {
      q1: {
        id: 'q1',
        name: 'Sales',
        joinedByMe: true,
        memberCount: 1,
        members: { u1: { joined: true, eventAt: 900 } },
      },
    },
    members: {
      u1: { id: 'u1', name: 'Ana', presence: 'ON_QUEUE', routingStatus: 'IDLE', since: 800, routingAt: 900 },
    },
  },
};

describe('the stored roster', () => {
  it('is one string (one value for Chrome to store) that reads back equal', () => {
    const raw = encodeStoredTeam(stored);
    expect(typeof raw).toBe('string');
    expect(decodeStoredTeam(raw)).toEqual(stored);
  });

  it('anything else under the key reads as nothing stored', () => {
    expect(decodeStoredTeam(undefined)).toBeUndefined();
    expect(decodeStoredTeam(stored)).toBeUndefined(); // the object itself (an older layout)
    expect(decodeStoredTeam('{not json')).toBeUndefined();
    expect(decodeStoredTeam('null')).toBeUndefined();
    expect(decodeStoredTeam(JSON.stringify({ roster: { queues: [] } }))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { capabilityOffered, capabilityUnavailableText } from './capability-text';

describe('a capability’s state as the agent sees it', () => {
  it('only `on` is offered: off, checking and unavailable show no button', () => {
    expect(capabilityOffered({ status: 'on' })).toBe(true);
    for (const status of ['off', 'checking', 'unavailable'] as const)
      expect(capabilityOffered({ status }), status).toBe(false);
    expect(capabilityOffered(undefined)).toBe(false);
  });

  it('unavailable is one sentence with the admin’s fix; other states have none', () => {
    expect(capabilityUnavailableText({ status: 'unavailable', missingScopes: ['conversations'] })).toBe(
      'Unavailable: add the scope conversations to the OAuth client.',
    );
    expect(
      capabilityUnavailableText({
        status: 'unavailable',
        missingPermissions: ['conversation:conference:add'],
      }),
    ).toBe('Unavailable: add the permission conversation:conference:add to the agent’s role.');
    expect(
      capabilityUnavailableText({
        status: 'unavailable',
        missingScopes: ['conversations', 'external-contacts'],
        missingPermissions: ['conversation:conference:add'],
      }),
    ).toBe(
      'Unavailable: add the scope conversations, external-contacts to the OAuth client and the permission conversation:conference:add to the agent’s role.',
    );
    expect(capabilityUnavailableText({ status: 'off' })).toBeUndefined();
    expect(capabilityUnavailableText({ status: 'on' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { CAPABILITIES, capabilityStates, defaultCapabilities, mergeCapabilities } from './capabilities';

const ALL_SCOPES = ['routing', 'presence', 'users', 'external-contacts', 'conversations'];
const granted = (permissions: string[], scopes = ALL_SCOPES) => ({ scopes, permissions });

describe('capabilities', () => {
  it('a capability that writes is off until an admin enables it; read-only ones are on', () => {
    const d = defaultCapabilities();
    for (const c of CAPABILITIES) expect(d[c.id]).toBe(!c.write);
    expect(d.team).toBe(true);
    expect(d.clickToDial).toBe(false);
  });

  it('policy wins key by key, the user decides the rest, wrong types are ignored and named', () => {
    const m = mergeCapabilities({ clickToDial: true, team: false }, { team: true, callLogging: 'yes' });
    expect(m.enabled.team).toBe(true);
    expect(m.enabled.clickToDial).toBe(true);
    expect(m.enabled.callLogging).toBe(false);
    expect(m.locked).toEqual(['team']);
    expect(m.errors).toEqual(['policy: capabilities.callLogging must be true or false']);
    expect(mergeCapabilities('on', undefined).errors[0]).toMatch(/must be an object/);
  });

  it('an enabled capability is checking until the grants are known, then on or unavailable with what to add', () => {
    const enabled = { ...defaultCapabilities(), clickToDial: true, queueJoin: true };
    expect(capabilityStates(enabled, 'rest', undefined).clickToDial.status).toBe('checking');
    expect(capabilityStates(enabled, 'rest', undefined).rememberContact.status).toBe('on');
    const s = capabilityStates(
      enabled,
      'rest',
      granted(['routing:queue:view', 'conversation:call:add'], ['routing:readonly']),
    );
    expect(s.clickToDial).toEqual({
      status: 'unavailable',
      missingScopes: ['conversations'],
      missingPermissions: [],
    });
    expect(s.queueJoin).toEqual({
      status: 'unavailable',
      missingScopes: ['routing'],
      missingPermissions: ['routing:queue:join'],
    });
    expect(s.team).toEqual({
      status: 'unavailable',
      missingScopes: ['presence:readonly', 'users:readonly'],
      missingPermissions: [],
    });
  });

  it('any one permission of an ANY list is enough, wildcards included', () => {
    const enabled = { ...defaultCapabilities(), queueJoin: true };
    expect(
      capabilityStates(enabled, 'rest', granted(['routing:queueMember:manage', 'routing:*:*'])).queueJoin
        .status,
    ).toBe('on');
    expect(capabilityStates(enabled, 'rest', granted(['routing:queue:*'])).queueJoin.status).toBe('on');
  });

  it('External Contacts writes are off with another connector, and call logging needs the contact edit there', () => {
    const enabled = { ...defaultCapabilities(), associateContact: true, callLogging: true };
    const rest = capabilityStates(enabled, 'rest', granted([]));
    expect(rest.associateContact.status).toBe('off');
    expect(rest.callLogging.status).toBe('on');
    const ec = capabilityStates(enabled, 'externalContacts', granted([]));
    expect(ec.callLogging).toEqual({
      status: 'unavailable',
      missingScopes: [],
      missingPermissions: ['externalContacts:contact:edit'],
    });
    expect(ec.associateContact.missingPermissions).toEqual(['externalContacts:conversation:associate']);
  });
});

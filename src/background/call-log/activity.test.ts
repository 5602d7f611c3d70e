import { describe, expect, it } from 'vitest';
import { checkLogBody, DEFAULT_LOG_BODY, fillLogBody } from '../../shared/crm/log-template';
import { activityValues, buildActivity, noteText, type Tracked } from './activity';

const tracked: Tracked = {
  conversationId: 'c-1',
  media: 'call',
  direction: 'inbound',
  queueName: 'Support',
  address: '+13175550101',
  startedAt: Date.parse('2026-11-30T10:00:00Z'),
  connectedAt: Date.parse('2026-11-30T10:00:05Z'),
  recordId: 'r-1',
};

const activity = (notes = 'Customer wants a callback', wrapupNotes?: string) =>
  buildActivity({
    tracked,
    recordId: 'r-1',
    leg: {
      legId: 'p-9',
      ended: true,
      endedAt: Date.parse('2026-11-30T10:03:17Z'),
      wrapup: { code: 'wc-1', notes: wrapupNotes },
    },
    wrapupName: 'Resolved',
    notes,
    agent: { id: 'u-1', name: 'Alex Agent' },
    now: Date.parse('2026-11-30T10:05:00Z'),
  });

describe('call-log activity', () => {
  it('has every fact, keyed by conversation and leg, timed from connect to the leg end', () => {
    expect(activity('n', 'wn')).toEqual({
      key: 'c-1:p-9',
      conversationId: 'c-1',
      recordId: 'r-1',
      media: 'call',
      direction: 'inbound',
      queue: 'Support',
      address: '+13175550101',
      startTime: '2026-11-30T10:00:05.000Z',
      endTime: '2026-11-30T10:03:17.000Z',
      durationSeconds: 192,
      wrapupCode: 'Resolved',
      wrapupNotes: 'wn',
      notes: 'n',
      agentId: 'u-1',
      agentName: 'Alex Agent',
    });
  });

  it("falls back to the code's id when its name is unknown, and has no code without a wrap-up", () => {
    const base = { tracked, recordId: 'r', notes: '', agent: { id: 'u' }, now: tracked.startedAt + 60_000 };
    expect(
      buildActivity({ ...base, leg: { legId: 'p', ended: true, wrapup: { code: 'wc-7' } } }).wrapupCode,
    ).toBe('wc-7');
    const live = buildActivity({ ...base, leg: { legId: 'p', ended: false } });
    expect(live.wrapupCode).toBeUndefined();
    expect(live.durationSeconds).toBe(55);
  });

  it("External Contacts' note names the code, both notes, the conversation and the key", () => {
    const text = noteText(activity('Wants a callback', 'Billing fixed'));
    expect(text).toContain('Wrap-up: Resolved: Billing fixed');
    expect(text).toContain('Notes: Wants a callback');
    expect(text).toContain('Conversation: c-1');
    expect(text).toContain('[cuecard:c-1:p-9]');
    expect(text).toContain('duration 3:12');
  });

  it('fills only string values of the JSON body: notes cannot break out of their string', () => {
    const evil = 'x", "admin": true, "y": "';
    const body = fillLogBody(
      '{"note": "{notes}", "seconds": "{durationSeconds}", "tags": ["{wrapupCode}"], "{notes}": 1}',
      activityValues(activity(evil)),
    );
    expect(body).toEqual({ note: evil, seconds: 192, tags: ['Resolved'], '{notes}': 1 });
    expect(fillLogBody(DEFAULT_LOG_BODY, activityValues(activity()))).toMatchObject({
      conversationId: 'c-1',
      customerId: 'r-1',
      wrapupCode: 'Resolved',
      notes: 'Customer wants a callback',
    });
  });

  it('refuses a body that is not a JSON object or names an unknown placeholder', () => {
    expect(checkLogBody('')).toBeUndefined();
    expect(checkLogBody(DEFAULT_LOG_BODY)).toBeUndefined();
    expect(checkLogBody('{"a": {notes}}')).toBeDefined();
    expect(checkLogBody('["{notes}"]')).toBeDefined();
    expect(checkLogBody('{"a": "{token}"}')).toContain('{token}');
  });
});

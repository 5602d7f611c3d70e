import { describe, expect, it } from 'vitest';
import { reason } from '../shared/reasons';
import { buildReport, DiagnosticsLog, redact } from './diagnostics';

describe('diagnostics', () => {
  it('keeps only allow-listed detail keys and a bounded history', () => {
    const log = new DiagnosticsLog();
    log.record('lost', { reason: 'dropped', channel: 'streaming-0-abc', customerName: 'Ana' });
    for (let i = 0; i < 300; i++) log.record('tick');
    expect(log.recent()).toHaveLength(200);
    const first = new DiagnosticsLog();
    first.record('lost', { reason: 'dropped', channel: 'streaming-0-abc', customerName: 'Ana' });
    expect(first.recent()[0]?.detail).toEqual({ reason: 'dropped' });
  });

  it('writes a reason as its code and its English sentence, in the log and in the report', () => {
    const log = new DiagnosticsLog();
    log.record('lost', { reason: reason('no-heartbeat', { seconds: 80 }), delay: 1200 });
    expect(log.recent()[0]?.detail).toEqual({
      reason: 'no-heartbeat: No heartbeat from Genesys Cloud for 80 s; reconnecting.',
      delay: 1200,
    });
    const text = buildReport(log, {
      version: '1.0.0',
      userAgent: 'UA',
      now: 0,
      secrets: [],
      state: {
        connection: {
          status: 'blocked',
          reason: reason('missing-permission', { permission: ['conversation:communication:view'] }),
        },
        conversations: [],
      },
    });
    expect(text).toContain(
      'connection: blocked (missing-permission: Your Genesys Cloud role is missing the permission conversation:communication:view. Ask an admin to add it to your role, then click Retry.)',
    );
    expect(text).toContain(
      '"reason":"no-heartbeat: No heartbeat from Genesys Cloud for 80 s; reconnecting."',
    );
  });

  it('redacts tokens, channel ids and OAuth parameters', () => {
    expect(
      redact('Bearer abc.def-123 and streaming-0-fmtdmf8cdis7jh14udg5p89t6z', ['secret-token-value']),
    ).toBe('Bearer [redacted] and streaming-[channel]');
    expect(redact('x secret-token-value y', ['secret-token-value'])).toBe('x [redacted] y');
    expect(redact('?code=abc&state=xyz')).toBe('?code=[redacted]&state=[redacted]');
  });

  it('reports state without customer data', () => {
    const log = new DiagnosticsLog();
    log.record('live');
    const text = buildReport(log, {
      version: '1.0.0',
      userAgent: 'UA',
      region: 'mypurecloud.ie',
      clientId: '0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40',
      tokenExpiresAt: 3_600_000,
      now: 0,
      secrets: ['tok-1234567890'],
      state: {
        connection: { status: 'live' },
        agent: { id: 'u', name: 'Alex', region: 'mypurecloud.ie' },
        conversations: [
          {
            id: 'c',
            media: 'call',
            state: 'connected',
            customerName: 'Dana Secret',
            customerAddress: '+13175550101',
            startedAt: 0,
          },
        ],
      },
    });
    expect(text).toContain('region: mypurecloud.ie');
    expect(text).toContain('connection: live');
    expect(text).toContain('conversations shown: 1 (call:connected)');
    expect(text).toContain('expires in 60 min');
    expect(text).toContain('0e3c5c1a…');
    expect(text).not.toContain('Dana Secret');
    expect(text).not.toContain('+13175550101');
    expect(text).not.toContain('4a53-9d1e');
  });
});

import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons';
import { buildSetupReport } from './report';

describe('the setup report', () => {
  it('one line per check with its code and English sentence; no token, client id shortened', () => {
    const clientId = '0e3c5c1a-9f0b-4a53-9d1e-2f8c7b6a5d40';
    const token = 'eyJ-the-checks-own-token-0123456789';
    const text = buildSetupReport(
      [
        { id: 'hosts', status: 'ok' },
        {
          id: 'client',
          status: 'failed',
          reason: reason('setup-sign-in-failed', {
            detail: `bad answer for Bearer ${token}`,
            redirectUri: 'https://x.chromiumapp.org/oauth2',
          }),
        },
        { id: 'scopes', status: 'skipped', reason: reason('setup-skipped') },
      ],
      {
        version: '1.2.3',
        region: 'mypurecloud.ie',
        clientId,
        redirectUri: 'https://x.chromiumapp.org/oauth2',
        now: Date.UTC(2026, 0, 2, 3, 4, 5),
        secrets: [token],
      },
    );
    expect(text.split('\n')).toEqual([
      'Cuecard setup check, 2026-01-02T03:04:05.000Z',
      'version 1.2.3; region: mypurecloud.ie; OAuth client: 0e3c5c1a…',
      'redirect URI: https://x.chromiumapp.org/oauth2',
      '',
      '✓ hosts: ok',
      expect.stringMatching(
        /^✗ client: failed \(setup-sign-in-failed: The sign-in did not complete \(bad answer for Bearer \[redacted\]\)/,
      ),
      '– scopes: skipped (setup-skipped: Not checked: it needs the checks above to pass first.)',
    ]);
    expect(text).not.toContain(token);
    expect(text).not.toContain(clientId);
  });
});

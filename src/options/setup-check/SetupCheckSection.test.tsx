// @vitest-environment happy-dom

import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import { fakeWorkerPort } from '../../shared/test-worker-port';

const { SetupCheckSection } = await import('./SetupCheckSection');

let worker: ReturnType<typeof fakeWorkerPort>;
let clipboard: string[];

beforeEach(() => {
  worker = fakeWorkerPort();
  clipboard = [];
  vi.stubGlobal('chrome', { runtime: { connect: () => worker.port } });
  vi.stubGlobal('navigator', { clipboard: { writeText: async (s: string) => void clipboard.push(s) } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const requestId = () => (worker.posted.at(-1) as Extract<ToWorker, { type: 'checkSetup' }>).requestId;

describe('the Check setup section', () => {
  it('is off until region and client id are saved', () => {
    const r = render(<SetupCheckSection configured={false} />);
    expect((r.getByTestId('setup-check-run') as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks the worker, shows each check with its fix, and copies the report', async () => {
    const r = render(<SetupCheckSection configured />);
    fireEvent.click(r.getByTestId('setup-check-run'));
    expect(worker.posted.at(-1)).toMatchObject({ type: 'checkSetup' });
    expect((r.getByTestId('setup-check-run') as HTMLButtonElement).disabled).toBe(true);
    worker.fromWorker({
      type: 'setupCheckResult',
      checks: [
        { id: 'hosts', status: 'ok' },
        {
          id: 'client',
          status: 'failed',
          reason: reason('setup-redirect-uri', {
            clientId: 'c',
            redirectUri: 'https://x.chromiumapp.org/oauth2',
          }),
        },
        { id: 'scopes', status: 'skipped', reason: reason('setup-skipped') },
      ],
      report: 'the report',
      requestId: requestId(),
    });
    await waitFor(() => r.getByTestId('setup-check-summary'));
    expect(r.getByTestId('setup-check-summary').textContent).toBe(
      'Some checks failed: each says what to fix.',
    );
    expect(r.getByTestId('setup-check-hosts').dataset.status).toBe('ok');
    expect(r.getByTestId('setup-check-client').dataset.status).toBe('failed');
    expect(r.getByTestId('setup-check-client-reason').textContent).toContain(
      'add https://x.chromiumapp.org/oauth2 under Authorized redirect URIs',
    );
    expect(r.getByTestId('setup-check-scopes').dataset.status).toBe('skipped');
    expect(r.getByTestId('setup-check-report').textContent).toBe('the report');

    fireEvent.click(r.getByTestId('setup-check-copy'));
    await waitFor(() => r.getByTestId('setup-check-copied'));
    expect(clipboard).toEqual(['the report']);
  });

  it('says so when the worker goes away before answering', async () => {
    const r = render(<SetupCheckSection configured />);
    fireEvent.click(r.getByTestId('setup-check-run'));
    worker.workerGone();
    await waitFor(() => r.getByRole('alert'));
    expect(r.getByRole('alert').textContent).toContain('did not answer');
    expect((r.getByTestId('setup-check-run') as HTMLButtonElement).disabled).toBe(false);
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogFailure } from '../shared/log-failures';
import type { ToWorker } from '../shared/protocol';
import { reason } from '../shared/reasons';
import type { RequestLink } from '../shared/request-link';
import { LogFailures } from './LogFailures';

afterEach(cleanup);

const refused: LogFailure = {
  key: 'c-1:p-1',
  state: 'failed',
  conversationId: 'c-1',
  address: '+13175550101',
  at: Date.parse('2026-11-30T10:00:00.000Z'),
  reason: reason('log-http', { status: '422 Unprocessable Entity' }),
};
const noAddress: LogFailure = {
  key: 'c-2:p-1',
  state: 'failed',
  conversationId: 'c-2',
  at: Date.parse('2026-11-30T09:00:00.000Z'),
  reason: reason('log-missing-permission', { permission: ['externalContacts:contact:edit'] }),
};
const waiting: LogFailure = {
  key: 'c-3:p-1',
  state: 'retrying',
  conversationId: 'c-3',
  address: 'ava@example.com',
  at: Date.parse('2026-11-30T08:00:00.000Z'),
  reason: reason('crm-unavailable', { status: '503 Service Unavailable' }),
  nextAt: Date.parse('2026-11-30T12:00:00.000Z'),
};

/** A worker that answers the list with `list`, and each Retry with `afterRetry(key)`. */
function worker(list: LogFailure[], afterRetry: (key: string) => LogFailure[] = () => list) {
  const sent: ToWorker[] = [];
  const link = {
    request: async (c: ToWorker) => {
      sent.push(c);
      const items = c.type === 'logRetryWrite' ? afterRetry(c.key) : list;
      return { type: 'logFailures', items };
    },
  } as unknown as Pick<RequestLink, 'request'>;
  return { link, sent };
}

describe('the popup’s call logs not written', () => {
  it('shows nothing while every call log is written', async () => {
    const w = worker([]);
    const r = render(<LogFailures link={w.link} />);
    await waitFor(() => expect(w.sent).toEqual([{ type: 'getLogFailures' }]));
    expect(r.queryByTestId('log-failures')).toBeNull();
  });

  it('lists each write with who, when and the reason; Retry only where it gave up', async () => {
    const r = render(<LogFailures link={worker([refused, noAddress, waiting]).link} />);
    await waitFor(() => r.getByTestId('log-failures'));
    expect(r.getByRole('heading').textContent).toBe('Call logs not written');
    const rows = r.getAllByTestId('log-failure');
    expect(rows.map((x) => x.dataset.state)).toEqual(['failed', 'failed', 'retrying']);
    expect(rows[0]?.textContent).toContain('+13175550101');
    expect(rows[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-30T10:00:00.000Z');
    expect(rows[1]?.textContent).toContain('Conversation c-2');
    expect(rows[2]?.textContent).toContain('Will retry');
    expect(r.getAllByTestId('log-failure-reason').map((x) => x.textContent)).toEqual([
      "The CRM answered 422 Unprocessable Entity to the call log: check the Log URL and Log body in Cuecard's options.",
      'Cannot write the call log: your role is missing externalContacts:contact:edit. Ask an admin to add it to your role.',
      'The CRM is unavailable (503 Service Unavailable). Retry in a moment.',
    ]);
    expect(r.getAllByTestId('log-failure-retry').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Retry the call log of +13175550101',
      'Retry the call log of Conversation c-2',
    ]);
  });

  it('Retry sends the write’s key; once written the row goes and the popup says so, focused', async () => {
    const w = worker([refused], () => []);
    const r = render(<LogFailures link={w.link} />);
    await waitFor(() => r.getByTestId('log-failure-retry'));
    fireEvent.click(r.getByTestId('log-failure-retry'));
    expect(w.sent.at(-1)).toEqual({ type: 'logRetryWrite', key: 'c-1:p-1' });
    await waitFor(() => r.getByTestId('log-failures-status'));
    expect(r.queryAllByTestId('log-failure')).toHaveLength(0);
    expect(r.getByRole('status').textContent).toBe('Every call log is written.');
    expect(document.activeElement).toBe(r.getByTestId('log-failures-status'));
  });

  it('keyboard: focus stays on a Retry that failed again, and moves to the next one when its row goes', async () => {
    let refusing = true;
    const w = worker([refused, noAddress], (key) =>
      refusing ? [refused, noAddress] : [refused, noAddress].filter((i) => i.key !== key),
    );
    const r = render(<LogFailures link={w.link} />);
    await waitFor(() => r.getAllByTestId('log-failure-retry'));
    const first = () => r.getAllByTestId('log-failure-retry')[0] as HTMLButtonElement;
    expect(first().tagName).toBe('BUTTON'); // Enter and Space press it natively
    first().focus();
    fireEvent.click(first());
    expect((first() as HTMLButtonElement).disabled).toBe(true); // one Retry at a time per write
    await waitFor(() => expect(first().disabled).toBe(false));
    expect(document.activeElement).toBe(first());
    refusing = false;
    fireEvent.click(first());
    await waitFor(() => expect(r.getAllByTestId('log-failure')).toHaveLength(1));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Retry the call log of Conversation c-2');
  });
});

// @vitest-environment happy-dom
import { fireEvent, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallLogView, ConversationView } from '../../domain';
import type { ToWorker } from '../../protocol';
import { reason } from '../../reasons';
import { CrmCard } from './CrmCard';

const ava = { id: 'CUST-1', name: 'Ava Adams' };
const bo = { id: 'CUST-2', name: 'Bo Adams' };
const conv = (log: CallLogView | undefined, o: Partial<ConversationView> = {}): ConversationView => ({
  id: 'c1',
  media: 'call',
  state: 'connected',
  startedAt: 0,
  crm: {
    status: 'found',
    crmName: 'Demo CRM',
    source: 'lookup',
    records: [ava],
    selected: 0,
    canSearch: false,
  },
  log,
  ...o,
});

function setup(c: ConversationView) {
  const sent: ToWorker[] = [];
  const r = render(<CrmCard conversation={c} link={{ send: (m) => sent.push(m) }} />);
  return { sent, q: within(r.container as HTMLElement), rerender: r.rerender };
}

afterEach(() => vi.useRealTimers());

describe('CrmCard call log', () => {
  it('shows the worker’s draft, and sends the notes once typing pauses for 500 ms', () => {
    vi.useFakeTimers();
    const { q, sent } = setup(conv({ status: 'ready', notes: 'from before the reload' }));
    const field = q.getByTestId('log-notes') as HTMLTextAreaElement;
    expect(field.value).toBe('from before the reload');
    fireEvent.input(field, { target: { value: 'Wants a' } });
    vi.advanceTimersByTime(300);
    fireEvent.input(field, { target: { value: 'Wants a callback' } });
    vi.advanceTimersByTime(499);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ type: 'logNotes', conversationId: 'c1', text: 'Wants a callback' }]);
  });

  it('Log now sends the typed notes first; the states read Logged, Will retry with the reason, or the error with Retry', () => {
    const { q, sent, rerender } = setup(conv({ status: 'ready', notes: '' }));
    fireEvent.input(q.getByTestId('log-notes'), { target: { value: 'x' } });
    fireEvent.click(q.getByTestId('log-now'));
    expect(sent).toEqual([
      { type: 'logNotes', conversationId: 'c1', text: 'x' },
      { type: 'logNow', conversationId: 'c1' },
    ]);
    const link = { send: (m: ToWorker) => sent.push(m) };
    rerender(<CrmCard conversation={conv({ status: 'logged', notes: 'x' })} link={link} />);
    expect(q.getByTestId('log-status').textContent).toBe('Logged');
    expect(q.queryByTestId('log-now')).toBeNull();
    const error = reason('crm-unavailable', { status: '503' });
    rerender(<CrmCard conversation={conv({ status: 'retrying', notes: 'x', error })} link={link} />);
    expect(q.getByTestId('log-status').textContent).toBe('Will retry');
    expect(q.getByTestId('log-error').textContent).toContain('503');
    rerender(<CrmCard conversation={conv({ status: 'failed', notes: 'x', error })} link={link} />);
    fireEvent.click(q.getByTestId('log-retry'));
    expect(sent.at(-1)).toEqual({ type: 'logRetry', conversationId: 'c1' });
  });

  it('locks the notes once they are in the write queue (writing, will retry, logged), and says why', () => {
    const { q, rerender } = setup(conv({ status: 'ready', notes: 'x' }));
    const field = () => q.getByTestId('log-notes') as HTMLTextAreaElement;
    expect(field().readOnly).toBe(false);
    expect(q.queryByTestId('log-sent')).toBeNull();
    const link = { send: () => {} };
    for (const status of ['writing', 'retrying', 'logged'] as const) {
      rerender(<CrmCard conversation={conv({ status, notes: 'x' })} link={link} />);
      expect(field().readOnly).toBe(true);
      expect(field().getAttribute('aria-describedby')).toBe(q.getByTestId('log-sent').id);
      expect(q.getByTestId('log-sent').textContent).toMatch(/later changes are not sent/);
    }
  });

  it('names what to add when logging is unavailable, and shows nothing of the log when it is off', () => {
    const { q } = setup(
      conv({
        status: 'unavailable',
        notes: '',
        missingScopes: ['external-contacts'],
        missingPermissions: ['externalContacts:contact:edit'],
      }),
    );
    expect(q.getByTestId('capability-callLogging-unavailable').textContent).toMatch(
      /external-contacts.*externalContacts:contact:edit/,
    );
    expect(q.queryByTestId('log-notes')).toBeNull();
    expect(setup(conv(undefined)).q.queryByTestId('call-log')).toBeNull();
  });

  it('offers “Not this contact” for a remembered pick, which goes back to the list', () => {
    const { q, sent } = setup(
      conv(undefined, {
        crm: {
          status: 'found',
          crmName: 'X',
          source: 'lookup',
          records: [ava, bo],
          selected: 1,
          remembered: true,
          canSearch: false,
        },
      }),
    );
    expect(q.getByTestId('crm-name').textContent).toBe('Bo Adams');
    fireEvent.click(q.getByTestId('crm-not-this'));
    expect(sent).toEqual([{ type: 'crmPick', conversationId: 'c1', index: -1 }]);
  });

  it('without a record says what gets one: pick among matches; with none, search, or create where allowed', () => {
    const noRecord: CallLogView = { status: 'no-record', notes: '' };
    const several = conv(noRecord, {
      crm: { status: 'found', crmName: 'X', source: 'lookup', records: [ava, bo], canSearch: true },
    });
    const none = conv(noRecord, {
      crm: { status: 'none', crmName: 'X', source: 'lookup', records: [], canSearch: true, query: '+1317' },
    });
    const status = (c: ConversationView, createContact?: { status: 'on' }) => {
      const r = render(
        <CrmCard conversation={c} link={{ send: () => undefined }} createContact={createContact} />,
      );
      const text = within(r.container as HTMLElement).getByTestId('log-status').textContent;
      r.unmount();
      return text;
    };
    expect(status(several)).toBe('Pick a contact to log this conversation.');
    expect(status(none)).toBe('Search for a contact to log this conversation.');
    expect(status(none, { status: 'on' })).toBe(
      'Search for a contact or create one to log this conversation.',
    );
  });
});

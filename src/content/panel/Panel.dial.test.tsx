// @vitest-environment happy-dom
import { act, fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { capabilityStates, defaultCapabilities } from '../../shared/capabilities';
import type { CallsView, CrmView, PanelState } from '../../shared/domain';
import type { ToWorker } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import { CrmCard } from '../../shared/ui/crm-card/CrmCard';
import { DialButton } from './Dial';
import { alex, conv, setup, usePanelTestClock } from './panel-test-setup';

usePanelTestClock();

const grants = { scopes: ['conversations'], permissions: ['conversation:call:add'] };
const dialOn = capabilityStates({ ...defaultCapabilities(), clickToDial: true }, 'externalContacts', grants);
const dialOff = capabilityStates(defaultCapabilities(), 'externalContacts', grants);
const noScope = capabilityStates({ ...defaultCapabilities(), clickToDial: true }, 'externalContacts', {
  scopes: [],
  permissions: ['conversation:call:add'],
});
const crm: CrmView = {
  status: 'found',
  crmName: 'External Contacts',
  source: 'lookup',
  records: [{ id: 'ec-1', name: 'Robin Diaz', phone: '+13175550101' }],
  selected: 0,
  canSearch: false,
};

/** The panel as the content script mounts it: the CRM card's numbers are dial buttons. */
function mounted() {
  // The card's link is the panel's (the same `sent`), bound once setup has made it.
  const link = { send: (c: ToWorker) => r.sent.push(c) };
  const r: ReturnType<typeof setup> = setup({
    detailSlot: (c) => (
      <CrmCard
        conversation={c}
        link={link}
        dial={(number, id) => <DialButton store={r.store} link={link} number={number} contactId={id} />}
      />
    ),
  });
  const state = (over: Partial<PanelState>) =>
    act(() =>
      r.store.getState().apply({
        type: 'snapshot',
        state: { connection: { status: 'live' }, agent: alex, conversations: [conv('c1', { crm })], ...over },
      }),
    );
  const calls = (c: CallsView | null) => act(() => r.store.getState().apply({ type: 'patch', calls: c }));
  return { ...r, state, calls };
}

describe('click-to-dial in the panel', () => {
  it('off: no dial box, the card’s number is plain text', async () => {
    const { q, state } = mounted();
    await state({ capabilities: dialOff });
    expect(q.queryByTestId('dial-box')).toBeNull();
    expect(q.queryByTestId('capability-clickToDial-unavailable')).toBeNull();
    expect(q.queryByTestId('dial-number')).toBeNull();
    expect(q.getByTestId('crm-phone').textContent).toBe('+13175550101');
  });

  it('unavailable: one sentence with the scope to add instead of any button', async () => {
    const { q, state } = mounted();
    await state({ capabilities: noScope });
    expect(q.queryByTestId('dial-box')).toBeNull();
    expect(q.queryByTestId('dial-number')).toBeNull();
    expect(q.getByTestId('capability-clickToDial-unavailable').textContent).toBe(
      'Unavailable: add the scope conversations to the OAuth client.',
    );
  });

  it('on: the card’s number places a call with its contact, and says so while placing', async () => {
    const { q, state, calls, sent } = mounted();
    await state({ capabilities: dialOn });
    const button = q.getByTestId('dial-number') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Call +13175550101');
    fireEvent.click(button);
    expect(sent).toEqual([{ type: 'dial', number: '+13175550101', contactId: 'ec-1' }]);
    await calls({ placing: '+13175550101' });
    expect(q.getByTestId('dial-number').textContent).toBe('Calling…');
    expect((q.getByTestId('dial-number') as HTMLButtonElement).disabled).toBe(true);
    await calls({ failed: { number: '+13175550101', error: reason('dial-no-station') } });
    expect(q.getByTestId('dial-number').textContent).toBe('+13175550101');
    expect(q.getByTestId('dial-error').textContent).toBe(
      'You have no phone to call from: select a phone in Genesys Cloud (Calls → Select phone), then try again.',
    );
  });

  it('the dial box calls a typed number, on behalf of a chosen queue', async () => {
    const { q, state, sent } = mounted();
    await state({
      capabilities: dialOn,
      calls: { queues: [{ id: 'q-billing', name: 'Billing' }] },
    });
    fireEvent.input(q.getByTestId('dial-input'), { target: { value: ' 020 7946 0958 ' } });
    fireEvent.submit(q.getByTestId('dial-box'));
    fireEvent.change(q.getByTestId('dial-queue'), { target: { value: 'q-billing' } });
    fireEvent.submit(q.getByTestId('dial-box'));
    expect(sent).toEqual([
      { type: 'dial', number: '020 7946 0958' },
      { type: 'dial', number: '020 7946 0958', queueId: 'q-billing' },
    ]);
  });

  it('the detail says who else is on the conversation, and that the customer is on hold', async () => {
    const { q, state } = mounted();
    await state({
      conversations: [
        conv('c1', {
          transfer: {
            kind: 'consulting',
            parties: [{ name: 'Dana Diaz', queueName: 'Billing' }],
            customerHeld: true,
          },
        }),
      ],
    });
    expect(q.getByTestId('detail-transfer').textContent).toBe(
      'Consulting Dana Diaz (Billing) The customer is on hold.',
    );
    await state({
      conversations: [
        conv('c1', {
          state: 'wrapup',
          transfer: { kind: 'transferredTo', how: 'blind', parties: [{ name: 'Dana Diaz' }] },
        }),
      ],
    });
    expect(q.getByTestId('detail-transfer').textContent).toBe('Transferred to Dana Diaz (blind transfer)');
  });
});

// @vitest-environment happy-dom
import { act, fireEvent } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { capabilityStates, defaultCapabilities } from '../../shared/capabilities';
import type { ConversationView, CrmView, PanelState } from '../../shared/domain';
import type { ToWorker } from '../../shared/protocol';
import { reason } from '../../shared/reasons';
import { CrmSlot } from '../crm-slot';
import { alex, conv, setup, usePanelTestClock } from './panel-test-setup';

usePanelTestClock();

const grants = { scopes: ['external-contacts'], permissions: ['externalContacts:contact:add'] };
const enabled = { ...defaultCapabilities(), createContact: true };
const createOn = capabilityStates(enabled, 'externalContacts', grants);
const createOff = capabilityStates(defaultCapabilities(), 'externalContacts', grants);
const noPermission = capabilityStates(enabled, 'externalContacts', {
  scopes: ['external-contacts'],
  permissions: [],
});
const none: CrmView = {
  status: 'none',
  crmName: 'External Contacts',
  source: 'lookup',
  records: [],
  canSearch: true,
  query: '+13175550199',
};
const unknownCaller = (over: Partial<ConversationView> = {}) =>
  conv('c1', { customerAddress: '+13175550199', crm: none, ...over });

/** The panel as the content script mounts it: the lazy chunk's CRM slot, reading the panel's store. */
function mounted() {
  const link = { send: (c: ToWorker) => r.sent.push(c) };
  const r: ReturnType<typeof setup> = setup({
    detailSlot: (c) => <CrmSlot conversation={c} link={link} store={r.store} />,
  });
  const state = (over: Partial<PanelState>, c = unknownCaller()) =>
    act(() =>
      r.store.getState().apply({
        type: 'snapshot',
        state: { connection: { status: 'live' }, agent: alex, conversations: [c], ...over },
      }),
    );
  const input = (name: string) => r.q.getByLabelText(name) as HTMLInputElement;
  return { ...r, state, input };
}

describe('Create contact on the card', () => {
  it('off: nothing offered; unavailable: the permission to add instead of the button', async () => {
    const { q, state } = mounted();
    await state({ capabilities: createOff });
    expect(q.getByTestId('crm-no-match')).toBeTruthy();
    expect(q.queryByTestId('contact-create-open')).toBeNull();
    expect(q.queryByTestId('capability-createContact-unavailable')).toBeNull();
    await state({ capabilities: noPermission });
    expect(q.queryByTestId('contact-create-open')).toBeNull();
    expect(q.getByTestId('capability-createContact-unavailable').textContent).toBe(
      'Unavailable: add the permission externalContacts:contact:add to the agent’s role.',
    );
  });

  it('only on a card with no match', async () => {
    const { q, state } = mounted();
    const found: CrmView = {
      ...none,
      status: 'found',
      records: [{ id: 'ec-1', name: 'Robin' }],
      selected: 0,
    };
    await state({ capabilities: createOn }, unknownCaller({ crm: found }));
    expect(q.queryByTestId('contact-create-open')).toBeNull();
  });

  it('opens a labelled form with the number in Phone and the first name focused; sends it once valid', async () => {
    const { q, sent, state, input, root } = mounted();
    await state({ capabilities: createOn });
    fireEvent.click(q.getByTestId('contact-create-open'));
    const form = q.getByRole('form', { name: 'New contact in External Contacts' });
    expect(form).toBeTruthy();
    expect(input('Phone').value).toBe('+13175550199');
    expect(input('Email').value).toBe('');
    expect(root.activeElement).toBe(input('First name'));

    fireEvent.submit(form); // no name: refused beside the field, which takes focus
    expect(q.getByTestId('contact-firstName-error').textContent).toBe('Enter a first or a last name.');
    expect(input('First name').getAttribute('aria-invalid')).toBe('true');
    expect(input('First name').getAttribute('aria-describedby')).toBe('contact-c1-firstName-error');
    fireEvent.input(input('Last name'), { target: { value: 'Okoro' } });
    fireEvent.input(input('Phone'), { target: { value: '555-CALL' } });
    fireEvent.input(input('Email'), { target: { value: 'nia@okoro' } });
    fireEvent.submit(form);
    expect(q.queryByTestId('contact-firstName-error')).toBeNull();
    expect(q.getByTestId('contact-phone-error').textContent).toBe(
      'Enter a phone number with its country code, e.g. +44 20 7946 0958.',
    );
    expect(q.getByTestId('contact-email-error').textContent).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(root.activeElement).toBe(input('Phone'));
    expect(sent.filter((c) => c.type === 'contactCreate')).toEqual([]);

    fireEvent.input(input('First name'), { target: { value: ' Nia ' } });
    fireEvent.input(input('Phone'), { target: { value: '+1 317 555 0199' } });
    fireEvent.input(input('Email'), { target: { value: '' } });
    fireEvent.input(input('Job title (optional)'), { target: { value: 'Buyer' } });
    fireEvent.submit(form);
    expect(sent.filter((c) => c.type === 'contactCreate')).toEqual([
      {
        type: 'contactCreate',
        conversationId: 'c1',
        firstName: 'Nia',
        lastName: 'Okoro',
        phone: '+1 317 555 0199',
        title: 'Buyer',
      },
    ]);
  });

  it('an email address goes in Email; Escape closes the form and gives focus back to the button', async () => {
    const { q, state, input, root } = mounted();
    await state(
      { capabilities: createOn },
      unknownCaller({ media: 'email', customerAddress: 'nia@okoro.example' }),
    );
    fireEvent.click(q.getByTestId('contact-create-open'));
    expect(input('Email').value).toBe('nia@okoro.example');
    expect(input('Phone').value).toBe('');
    fireEvent.keyDown(input('Last name'), { key: 'Escape' });
    expect(q.queryByTestId('contact-form')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(root.activeElement).toBe(q.getByTestId('contact-create-open'));
  });

  it('while saving the button says so and a second submit sends nothing; the worker’s error is one sentence', async () => {
    const { q, sent, state, input } = mounted();
    await state({ capabilities: createOn });
    fireEvent.click(q.getByTestId('contact-create-open'));
    fireEvent.input(input('First name'), { target: { value: 'Nia' } });
    await state({ capabilities: createOn }, unknownCaller({ newContact: { status: 'saving' } }));
    expect(q.getByTestId('contact-save').textContent).toBe('Creating…');
    fireEvent.submit(q.getByTestId('contact-form'));
    expect(sent.filter((c) => c.type === 'contactCreate')).toEqual([]);
    const error = reason('contact-missing-permission', { permission: ['externalContacts:contact:add'] });
    await state({ capabilities: createOn }, unknownCaller({ newContact: { status: 'failed', error } }));
    expect(q.getByTestId('contact-save').textContent).toBe('Create');
    expect(q.getByRole('alert').textContent).toBe(
      'Cannot create the contact: your role is missing externalContacts:contact:add. Ask an admin to add it to your role.',
    );
  });
});

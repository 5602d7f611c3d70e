// @vitest-environment happy-dom

import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { CapabilitiesSection } = await import('./CapabilitiesSection');

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const mount = async () => {
  const r = render(<CapabilitiesSection />);
  await waitFor(() => expect(r.getByTestId('capabilities-options').dataset.loaded).toBe('true'));
  return r;
};
const toggle = (r: Awaited<ReturnType<typeof mount>>, id: string) =>
  r.getByTestId(`capability-${id}-toggle`) as HTMLInputElement;

describe('the Capabilities section of the options page', () => {
  it('starts from the defaults: reading ones on, writing ones off', async () => {
    const r = await mount();
    expect(toggle(r, 'team').checked).toBe(true);
    expect(toggle(r, 'rememberContact').checked).toBe(true);
    expect(toggle(r, 'clickToDial').checked).toBe(false);
    expect(toggle(r, 'callLogging').checked).toBe(false);
  });

  it('lists the scopes and permissions each capability needs', async () => {
    const r = await mount();
    const dial = r.getByTestId('capability-clickToDial-needs').textContent ?? '';
    expect(dial).toContain('conversations');
    expect(dial).toContain('conversation:conference:add or conversation:call:add');
    expect(r.getByTestId('capability-rememberContact-needs').textContent).toBe(
      'Needs no further scope or permission.',
    );
  });

  it('call logging needs External Contacts’ scope only with that connector', async () => {
    await fakeBrowser.storage.sync.set({ crmConnector: 'rest' });
    const r = await mount();
    expect(r.getByTestId('capability-callLogging-needs').textContent).not.toContain('external-contacts');
    await fakeBrowser.storage.sync.set({ crmConnector: 'externalContacts' });
    await waitFor(() =>
      expect(r.getByTestId('capability-callLogging-needs').textContent).toContain('external-contacts'),
    );
  });

  it('a toggle saves the user’s choice at once, keeping the other stored choices', async () => {
    await fakeBrowser.storage.sync.set({ capabilities: { team: false } });
    const r = await mount();
    expect(toggle(r, 'team').checked).toBe(false);
    fireEvent.click(toggle(r, 'clickToDial'));
    await waitFor(() => expect(toggle(r, 'clickToDial').checked).toBe(true));
    const stored = await fakeBrowser.storage.sync.get('capabilities');
    expect(stored.capabilities).toEqual({ team: false, clickToDial: true });
  });

  it('a capability set by policy is locked, says so, and is never written', async () => {
    await fakeBrowser.storage.managed.set({ capabilities: { clickToDial: true } });
    await fakeBrowser.storage.sync.set({ capabilities: { clickToDial: false } });
    const r = await mount();
    expect(toggle(r, 'clickToDial').checked).toBe(true);
    expect(toggle(r, 'clickToDial').disabled).toBe(true);
    expect(r.getByTestId('capability-clickToDial-locked').textContent).toContain('administrator');
    expect(toggle(r, 'callLogging').disabled).toBe(false);
    fireEvent.click(toggle(r, 'clickToDial'));
    await new Promise((res) => setTimeout(res, 20));
    expect((await fakeBrowser.storage.sync.get('capabilities')).capabilities).toEqual({ clickToDial: false });
  });
});

// @vitest-environment happy-dom

import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrmView } from '../../shared/domain';
import type { ToWorker } from '../../shared/protocol';
import { fakeWorkerPort } from '../../shared/test-worker-port';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { CrmSettingsSection } = await import('./CrmSettings');

let worker: ReturnType<typeof fakeWorkerPort>;
let granted: string[][];

beforeEach(() => {
  fakeBrowser.reset();
  granted = [];
  fakeBrowser.permissions.request = vi.fn(async (p: { origins?: string[] }) => {
    granted.push(p.origins ?? []);
    return true;
  });
  fakeBrowser.permissions.contains = vi.fn(async () => true);
  worker = fakeWorkerPort();
  vi.stubGlobal('chrome', { runtime: { connect: () => worker.port } });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const mount = async () => {
  const r = render(<CrmSettingsSection />);
  await waitFor(() => r.getByTestId('crm-options'));
  return r;
};
const value = (el: HTMLElement) => (el as HTMLInputElement).value;

describe('the CRM section of the options page', () => {
  it('shows the stored settings, policy keys locked, and saves only the user’s own keys', async () => {
    await fakeBrowser.storage.sync.set({ crmName: 'Old name', crmDefaultCountry: 'GB' });
    await fakeBrowser.storage.managed.set({ crmDefaultCountry: 'IE' });
    const r = await mount();
    expect(value(r.getByTestId('crmName'))).toBe('Old name');
    expect((r.container.querySelector('#crmDefaultCountry') as HTMLSelectElement).disabled).toBe(true);
    expect(r.getByTestId('crmDefaultCountry-locked').textContent).toContain('administrator');

    fireEvent.input(r.getByTestId('crmName'), { target: { value: 'Acme CRM' } });
    fireEvent.click(r.getByTestId('crm-save'));
    await waitFor(() => r.getByTestId('crm-saved'));
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored.crmName).toBe('Acme CRM');
    expect(stored.crmDefaultCountry).toBe('GB'); // the policy's IE is never written over the user's
  });

  it('shows every problem under its field and stores nothing', async () => {
    const r = await mount();
    fireEvent.click(r.getByTestId('crm-connector-rest'));
    fireEvent.input(r.getByTestId('crmExtraFields'), { target: { value: 'Owner =' } });
    fireEvent.click(r.getByTestId('crm-save'));
    expect(r.getByTestId('crmLookupUrl-error').textContent).toContain('Lookup URL');
    expect(r.getByTestId('crmExtraFields-error').textContent).toContain('1');
    expect(r.queryByTestId('crm-saved')).toBeNull();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    fireEvent.input(r.getByTestId('crmLookupUrl'), {
      target: { value: 'https://crm.example.com/?p={phone}' },
    });
    expect(r.queryByTestId('crmLookupUrl-error')).toBeNull(); // an edit clears its field's problem
  });

  it('asks Chrome for the CRM origin inside the Save click', async () => {
    const r = await mount();
    fireEvent.click(r.getByTestId('crm-preset-demo'));
    expect(value(r.getByTestId('crmLookupUrl'))).toContain('crm.cuecard.test');
    fireEvent.click(r.getByTestId('crm-save'));
    expect(granted).toEqual([['https://crm.cuecard.test/*']]); // before anything was awaited
    await waitFor(() => r.getByTestId('crm-saved'));
    expect((await fakeBrowser.storage.sync.get('crmConnector')).crmConnector).toBe('rest');
  });

  it('tests a lookup through the worker and shows the card, paired with its request', async () => {
    const r = await mount();
    fireEvent.click(r.getByTestId('crm-preset-demo'));
    fireEvent.input(r.getByTestId('crm-test-address'), { target: { value: ' +1 317 555 0123 ' } });
    fireEvent.click(r.getByTestId('crm-test'));
    await waitFor(() => expect(worker.posted).toHaveLength(1));
    const sent = worker.posted[0] as Extract<ToWorker, { type: 'crmTest' }>;
    expect(sent.sample).toEqual({ media: 'call', address: '+1 317 555 0123' });
    expect(sent.settings.crmLookupUrl).toContain('crm.cuecard.test');
    const crm: CrmView = {
      status: 'found',
      crmName: 'Demo CRM',
      source: 'lookup',
      records: [{ name: 'Ava Reed' }],
      selected: 0,
      canSearch: true,
    };
    worker.fromWorker({
      type: 'crmTestResult',
      crm: { ...crm, records: [{ name: 'Not me' }] },
      requestId: 999,
    });
    worker.fromWorker({
      type: 'crmTestResult',
      crm,
      request: 'GET https://crm.cuecard.test/x',
      requestId: sent.requestId,
    });
    await waitFor(() => r.getByTestId('crm-test-result'));
    expect(r.getByTestId('crm-name').textContent).toBe('Ava Reed');
    expect(r.getByTestId('crm-test-request').textContent).toContain('GET https://crm.cuecard.test/x');
  });

  it('says the worker did not answer when its port closes before the reply', async () => {
    const r = await mount();
    fireEvent.click(r.getByTestId('crm-test'));
    await waitFor(() => expect(worker.posted).toHaveLength(1));
    worker.workerGone();
    await waitFor(() => r.getByRole('alert'));
    expect(r.getByRole('alert').textContent).toContain('did not answer');
    expect((r.getByTestId('crm-test') as HTMLButtonElement).disabled).toBe(false);
  });
});

import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { ALLOWED_COMMANDS, parseToClient, parseToWorker } = await import('./protocol');

const view = (crm: unknown) => ({
  type: 'patch',
  upsert: [{ id: 'c', media: 'call', state: 'alerting', startedAt: 1, crm }],
});
const card = {
  status: 'found',
  crmName: 'Demo CRM',
  source: 'lookup',
  records: [{ name: 'Ava', url: 'https://crm.example.com/c/1' }],
  selected: 0,
  canSearch: true,
};

describe('CRM messages', () => {
  it('accepts the card commands, strictly', () => {
    expect(parseToWorker({ type: 'crmRetry', conversationId: 'c' })).toEqual({
      type: 'crmRetry',
      conversationId: 'c',
    });
    expect(parseToWorker({ type: 'crmSearch', conversationId: 'c', query: '  Acme ' })).toEqual({
      type: 'crmSearch',
      conversationId: 'c',
      query: 'Acme',
    });
    expect(parseToWorker({ type: 'crmSearch', conversationId: 'c', query: '   ' })).toBeUndefined();
    expect(parseToWorker({ type: 'crmSearch', conversationId: 'c', query: 'x'.repeat(201) })).toBeUndefined();
    expect(parseToWorker({ type: 'crmPick', conversationId: 'c', index: 1.5 })).toBeUndefined();
    expect(parseToWorker({ type: 'crmRetry', conversationId: 'c', url: 'https://evil' })).toBeUndefined();
    expect(
      parseToWorker({ type: 'crmTest', settings: {}, sample: { media: 'call', address: '+1', extra: 1 } }),
    ).toBeUndefined();
  });

  it('lets the panel use the card and only the options page test CRM settings (and check the setup)', () => {
    expect(ALLOWED_COMMANDS.panel).toEqual(expect.arrayContaining(['crmRetry', 'crmSearch', 'crmPick']));
    expect(ALLOWED_COMMANDS.panel).not.toContain('crmTest');
    expect(ALLOWED_COMMANDS.popup).not.toContain('crmTest');
    expect(ALLOWED_COMMANDS.options).toEqual(['crmTest', 'checkSetup']);
  });

  it('checks the card in state messages; links must be http(s)', () => {
    expect(parseToClient(view(card))).toBeDefined();
    const js = { ...card, records: [{ name: 'Ava', url: 'javascript:alert(1)' }] };
    expect(parseToClient(view(js))).toBeUndefined();
    expect(parseToClient(view({ ...card, homeUrl: 'data:text/html,x' }))).toBeUndefined();
    expect(parseToClient(view({ ...card, status: 'exploded' }))).toBeUndefined();
  });
});

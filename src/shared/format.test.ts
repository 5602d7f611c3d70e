import { describe, expect, it } from 'vitest';
import {
  customerLabel,
  formatElapsed,
  humanizeEnum,
  presenceLabel,
  presenceTone,
  routingLabel,
  timerStart,
} from './format';

describe('format', () => {
  it('formats elapsed time', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('0:00');
    expect(formatElapsed(65_400, 'ar-EG')).toBe('١:٠٥');
  });

  it('names Genesys presences and routing statuses, in either casing', () => {
    for (const p of ['ON_QUEUE', 'On Queue', 'OnQueue', 'on_queue'])
      expect(presenceLabel(p)).toBe('On queue');
    expect(presenceLabel('AVAILABLE')).toBe('Available');
    expect(presenceTone('Meal')).toBe('away');
    expect(presenceTone('something new')).toBe('offline');
    expect(presenceLabel('Something New')).toBe('Something new');
    expect(routingLabel('NOT_RESPONDING')).toBe('Not responding');
    expect(routingLabel('Interacting')).toBe('Interacting');
  });

  it('times each state from the right moment', () => {
    const c = { id: 'x', media: 'call' as const, startedAt: 1, connectedAt: 2, heldSince: 3, endedAt: 4 };
    expect(timerStart({ ...c, state: 'alerting' })).toBe(1);
    expect(timerStart({ ...c, state: 'connected' })).toBe(2);
    expect(timerStart({ ...c, state: 'held' })).toBe(3);
    expect(timerStart({ ...c, state: 'wrapup' })).toBe(4);
  });

  it('reads Genesys enums in either casing', () => {
    expect(humanizeEnum('ON_QUEUE')).toBe('On queue');
    expect(humanizeEnum('OnQueue')).toBe('On queue');
    expect(humanizeEnum('AVAILABLE')).toBe('Available');
    expect(humanizeEnum(undefined)).toBe('');
  });

  it('labels the customer by name, then address', () => {
    const c = { id: 'x', media: 'call' as const, state: 'alerting' as const, startedAt: 1 };
    expect(customerLabel({ ...c, customerName: ' Ana ', customerAddress: '+1' })).toBe('Ana');
    expect(customerLabel({ ...c, customerName: '', customerAddress: '+1' })).toBe('+1');
    expect(customerLabel(c)).toBe('Unknown customer');
  });

  it('uses the matched CRM record’s name when Genesys has none', () => {
    const c = {
      id: 'x',
      media: 'call' as const,
      state: 'alerting' as const,
      startedAt: 1,
      customerAddress: '+1',
    };
    const crm = { status: 'found' as const, crmName: 'CRM', source: 'lookup' as const, canSearch: false };
    const records = [{ name: 'Ava Adams' }, { name: 'Ben Brooks' }];
    expect(customerLabel({ ...c, crm: { ...crm, records, selected: 1 } })).toBe('Ben Brooks');
    expect(customerLabel({ ...c, crm: { ...crm, records } })).toBe('+1'); // several, none picked
    expect(customerLabel({ ...c, customerName: 'Ana', crm: { ...crm, records, selected: 0 } })).toBe('Ana');
    // Genesys names unknown callers after their number.
    expect(customerLabel({ ...c, customerName: '+1', crm: { ...crm, records, selected: 0 } })).toBe(
      'Ava Adams',
    );
    expect(
      customerLabel({ ...c, customerName: '+1 (317) 555-0100', crm: { ...crm, records, selected: 0 } }),
    ).toBe('Ava Adams');
  });
});

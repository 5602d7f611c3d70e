import { describe, expect, it } from 'vitest';
import { MAX_SELECTED } from '../../shared/team-queues';
import { memoryStore } from '../kv-store';
import { QueueSelection, SELECTION_KEY } from './selection';

describe("the lead's queue selection (storage.local, per user)", () => {
  it('is none by default; adds and takes out queues per user, each once, ids lower-case', async () => {
    const store = memoryStore();
    const s = new QueueSelection(store);
    expect(await s.of('lead')).toEqual([]);
    expect(await s.set('Lead', { id: 'Q1', name: 'Sales' }, true)).toBe(true);
    expect(await s.set('lead', { id: 'q1', name: 'Sales' }, true)).toBe(false);
    expect(await s.set('lead', { id: 'q2', name: 'Support' }, true)).toBe(true);
    expect(await s.set('other', { id: 'q3', name: 'Billing' }, true)).toBe(true);
    expect(await s.of('LEAD')).toEqual([
      { id: 'q1', name: 'Sales' },
      { id: 'q2', name: 'Support' },
    ]);
    expect(await s.set('lead', { id: 'q1', name: 'Sales' }, false)).toBe(true);
    expect(await s.set('lead', { id: 'q1', name: 'Sales' }, false)).toBe(false);
    expect(store.data[SELECTION_KEY]).toEqual({
      lead: [{ id: 'q2', name: 'Support' }],
      other: [{ id: 'q3', name: 'Billing' }],
    });
    // A new worker (an eviction, a browser restart) reads what was kept.
    expect(await new QueueSelection(store).of('other')).toEqual([{ id: 'q3', name: 'Billing' }]);
    await s.set('other', { id: 'q3', name: 'Billing' }, false);
    expect(store.data[SELECTION_KEY]).toEqual({ lead: [{ id: 'q2', name: 'Support' }] });
  });

  it(`holds at most ${MAX_SELECTED} queues; a damaged stored value reads as none`, async () => {
    const s = new QueueSelection(memoryStore());
    for (let i = 0; i < MAX_SELECTED; i++)
      expect(await s.set('lead', { id: `q${i}`, name: `Q${i}` }, true)).toBe(true);
    expect(await s.set('lead', { id: 'one-more', name: 'One more' }, true)).toBe(false);
    expect(await s.of('lead')).toHaveLength(MAX_SELECTED);
    for (const damaged of ['x', [1], { lead: [{ id: 'q1' }] }, { lead: 'q1' }])
      expect(await new QueueSelection(memoryStore({ [SELECTION_KEY]: damaged })).of('lead')).toEqual([]);
  });
});

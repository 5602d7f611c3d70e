import { describe, expect, it } from 'vitest';
import { STATUS_MEANING } from './connection-status';
import { CONNECTION_STATUSES } from './domain';

const having = (key: keyof (typeof STATUS_MEANING)['live']) =>
  CONNECTION_STATUSES.filter((s) => STATUS_MEANING[s][key]);

describe('what each connection status means for the UI', () => {
  it('only live data is fresh', () => {
    expect(having('dataStale')).toEqual(CONNECTION_STATUSES.filter((s) => s !== 'live'));
  });

  it('signing in is offered when signed out or when the session ended, and nowhere else', () => {
    expect(having('offersSignIn')).toEqual(['signed-out', 'needs-sign-in']);
  });

  it('Retry is offered while reconnecting and when blocked', () => {
    expect(having('offersRetry')).toEqual(['reconnecting', 'blocked']);
  });

  it('the worker retries by itself only while it has a link to keep up', () => {
    expect(having('retriesByItself')).toEqual(['connecting', 'live', 'reconnecting']);
  });

  it('no status both offers sign-in and retries by itself', () => {
    for (const s of CONNECTION_STATUSES)
      expect(STATUS_MEANING[s].offersSignIn && STATUS_MEANING[s].retriesByItself).toBe(false);
  });
});

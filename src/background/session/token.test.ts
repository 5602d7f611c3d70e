import { describe, expect, it } from 'vitest';
import { RENEW_BEFORE_MS, renewalDue } from './token';

const DAY = 86_400_000;

describe('token renewal timing', () => {
  it('renews a day-long token ten minutes before it expires', () => {
    const a = { issuedAt: 0, expiresAt: DAY };
    expect(renewalDue(a, DAY - RENEW_BEFORE_MS - 1)).toBe(false);
    expect(renewalDue(a, DAY - RENEW_BEFORE_MS)).toBe(true);
  });

  it('renews a short-lived token in the last quarter of its life', () => {
    const a = { issuedAt: 0, expiresAt: 300_000 };
    expect(renewalDue(a, 224_000)).toBe(false);
    expect(renewalDue(a, 225_000)).toBe(true);
  });

  it('treats records without issuedAt like long-lived tokens', () => {
    expect(renewalDue({ expiresAt: DAY }, 0)).toBe(false);
    expect(renewalDue({ expiresAt: DAY }, DAY - 1000)).toBe(true);
  });
});

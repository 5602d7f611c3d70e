import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../format';
import { elapsedText } from './Elapsed';

describe('elapsedText', () => {
  it('formats exactly as formatElapsed', () => {
    for (const ms of [
      -5, 0, 999, 1_000, 59_999, 60_000, 65_432, 3_599_999, 3_600_000, 36_061_000, 360_000_000,
    ])
      expect(elapsedText(ms)).toBe(formatElapsed(ms));
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, computeRetryDelayMs } from './sender';

describe('computeRetryDelayMs', () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [6, 1_920_000],
    [7, 3_600_000],
    [MAX_ATTEMPTS, 3_600_000],
  ])('after %i failures waits %i ms (doubling from a minute, at most an hour)', (attempts, delayMs) => {
    expect(computeRetryDelayMs(attempts)).toBe(delayMs);
  });
});

import { describe, expect, it } from 'vitest';
import { runHerd } from './herd';

// A small herd in the unit suite; `npm run bench` runs 1,000.
describe('herd after a mass disconnect', () => {
  it('every client comes back, spread out, on its existing channel', async () => {
    const r = await runHerd({ clients: 100, fault: 'drop' });
    expect(r.channelsCreatedPerClient.total).toBe(0); // HEAD says the channel lives: reuse it
    expect(r.reconnectMs.max).toBeLessThan(5_000);
    // Full jitter: not everyone in the first 250 ms.
    expect(r.histogram[0] ?? 0).toBeLessThan(60);
  }, 60_000);

  it('after channels expire each client creates exactly one new channel', async () => {
    const r = await runHerd({ clients: 100, fault: 'expire-channels' });
    expect(r.channelsCreatedPerClient.max).toBe(1);
    expect(r.channelsCreatedPerClient.total).toBe(100);
  }, 60_000);
});

import { expect, test } from '@playwright/test';
import { FAULTS } from './soak-faults';
import { runSoak } from './soak-runner';

// The short soak: every kind of fault once, in a seeded order; `npm run soak` runs hundreds.
test('fault soak (short): after every kind of fault the panel equals the simulator truth', async () => {
  // Its length is mostly the product's backoff (full jitter, capped at 30 s, reset after 30 s live):
  // 10 disruptive faults and 7 failed attempts are 17 waits whose ceilings sum to 391 s, half that
  // on average (≈ 3–4 min in all). Twenty random faults took 5.5–8 min and once ran out of time.
  test.setTimeout(540_000);
  const r = await runSoak({
    faults: 'each-kind-once',
    seed: 7,
    log: (l) => console.info(`[soak] ${l}`),
  });
  console.info(`[soak] ${JSON.stringify(r)}`);
  expect(Object.keys(r.byFault).sort()).toEqual([...FAULTS].sort());
  expect({
    lost: r.lost,
    ghost: r.ghost,
    wrongState: r.wrongState,
    failedCheckpoints: r.failedCheckpoints,
  }).toEqual({
    lost: 0,
    ghost: 0,
    wrongState: 0,
    failedCheckpoints: 0,
  });
  expect(r.reconnects).toBeGreaterThan(5);
});

import { expect, test } from '@playwright/test';
import { runSoak } from './soak-runner';

// The short soak: every kind of fault at least once on average; `npm run soak` runs hundreds.
test('fault soak (short): after every fault the panel equals the simulator truth', async () => {
  // 20 faults take 1–4 min: a 503 burst or refused handshakes may cost capped (30 s) backoffs.
  test.setTimeout(480_000);
  const r = await runSoak({ faults: 20, seed: 7, log: (l) => console.info(`[soak] ${l}`) });
  console.info(`[soak] ${JSON.stringify(r)}`);
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

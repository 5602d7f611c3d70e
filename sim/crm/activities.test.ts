/**
 * The demo CRM's activity writes (issue 14): stored once per Idempotency-Key, listed, counted, and
 * the crmWriteFault modes (500, no answer, stored but the answer lost) with recovery.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sim } from '../index';
import { jsonBody, raw, testSim } from '../test-helpers';

let sim: Sim;
beforeEach(async () => {
  sim = await testSim();
});
afterEach(() => sim.close());

const activity = { conversationId: 'c-1', notes: 'Asked about the invoice', wrapup: 'Billing question' };

function post(body: unknown, key?: string, host = 'crm.cuecard.test') {
  const b = jsonBody(body);
  return raw(sim, {
    method: 'POST',
    path: '/api/activities',
    host,
    body: b.body,
    headers: { ...b.headers, ...(key ? { 'idempotency-key': key } : {}) },
  });
}

describe('POST /api/activities', () => {
  it('stores an activity; a repeated Idempotency-Key answers the first result and stores nothing more', async () => {
    const first = await post(activity, 'conv-c-1-leg-1');
    expect(first.status).toBe(201);
    const rec = first.json() as { id: string; activity: unknown };
    expect(rec).toMatchObject({ id: 'ACT-00001', activity, idempotencyKey: 'conv-c-1-leg-1' });
    const again = await post(activity, 'conv-c-1-leg-1');
    expect(again.status).toBe(201);
    expect(again.json()).toEqual(rec);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await post({ ...activity, notes: 'other' }, 'conv-c-1-leg-1')).status).toBe(422);
    expect(sim.crmActivities()).toMatchObject({ records: [rec], attempts: 3 });
    // Without a key every write stores (what a naive client gets).
    await post(activity);
    await post(activity);
    expect(sim.crmActivities().records).toHaveLength(3);
    const listed = await raw(sim, { path: '/crm/api/activities' });
    expect((listed.json() as { results: unknown[] }).results).toHaveLength(3);
    expect((await raw(sim, { path: '/__sim/crmActivities' })).json()).toMatchObject({ attempts: 5 });
    expect((await post('not an object', 'k2')).status).toBe(400);
  });

  it('crmDown answers 503 to writes too', async () => {
    sim.faults.crmDown();
    expect((await post(activity, 'k')).status).toBe(503);
    sim.faults.crmDown(false);
    expect((await post(activity, 'k')).status).toBe(201);
    expect(sim.crmActivities().records).toHaveLength(1);
  });
});

describe('crmWriteFault', () => {
  it('error: 500 and nothing stored until off; a counted run recovers by itself', async () => {
    sim.faults.crmWriteFault('error');
    expect((await post(activity, 'k')).status).toBe(500);
    expect((await post(activity, 'k')).status).toBe(500);
    sim.faults.crmWriteFault('off');
    expect((await post(activity, 'k')).status).toBe(201);
    sim.faults.crmWriteFault('error', 1);
    expect((await post(activity, 'k2')).status).toBe(500);
    expect((await post(activity, 'k2')).status).toBe(201);
    expect(sim.crmActivities()).toMatchObject({ attempts: 5 });
    expect(sim.crmActivities().records.map((r) => r.idempotencyKey)).toEqual(['k', 'k2']);
  });

  it('timeout: no answer, nothing stored; lost-response: stored, connection dropped, the retry is a replay', async () => {
    await raw(sim, {
      method: 'POST',
      path: '/__sim/faults/crmWriteFault',
      ...jsonBody({ mode: 'timeout', count: 1 }),
    });
    const hung = post(activity, 'k');
    const outcome = await Promise.race([
      hung.then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('pending'), 300)),
    ]);
    expect(outcome).toBe('pending');
    expect(sim.crmActivities().records).toEqual([]);
    sim.faults.crmWriteFault('lost-response', 1);
    await expect(post(activity, 'k3')).rejects.toThrow();
    expect(sim.crmActivities().records).toHaveLength(1);
    const retry = await post(activity, 'k3');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(sim.crmActivities().records).toHaveLength(1);
    sim.faults.reset();
    await sim.close();
    await expect(hung).rejects.toThrow();
  });
});

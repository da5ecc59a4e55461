import { describe, expect, it } from 'vitest';
import { createPageOutcomes } from '../../../crawler/page-outcomes.ts';

const url = 'http://artisans.test/plombier';
const timeout = { reason: 'timeout', message: 'requestHandler timed out after 3 seconds.' };
const lostTab = { reason: 'browser-crash', message: 'Target crashed' };

function setup() {
  const warnings: { url?: string; msg?: string }[] = [];
  const quiet = () => {};
  const log = {
    debug: quiet,
    info: quiet,
    error: quiet,
    warn: (obj: object, msg?: string) => warnings.push({ ...obj, msg }),
  };
  const counts = { ok: 0, failed: 0 };
  const outcomes = createPageOutcomes(log);
  const capture = (handover: () => Promise<void> = async () => {}) =>
    outcomes.capture(url, async () => {
      await handover();
      counts.ok++;
    });
  const fail = (failure = timeout) => outcomes.fail(url, failure, async () => void counts.failed++);
  return { outcomes, counts, warnings, capture, fail };
}

function deferred() {
  let resolve = () => {};
  let reject = (_error: Error) => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('page outcomes: each page captured or failed, once', () => {
  it('a failure after the capture was handed over is logged, not counted, and the page is not retried', async () => {
    const t = setup();
    expect(await t.capture()).toBe(true);
    expect(t.outcomes.handedOver(url)).toBe(true);
    expect(await t.fail(lostTab)).toBe(false);
    expect(t.counts).toEqual({ ok: 1, failed: 0 });
    expect(t.warnings).toEqual([expect.objectContaining({ url, reason: 'browser-crash' })]);
    expect(t.warnings[0].msg).toMatch(/captured; its attempt failed afterwards/);
  });

  it('a second capture of the same page (a retried attempt) is not handed over', async () => {
    const t = setup();
    await t.capture();
    let handedOverAgain = false;
    expect(
      await t.capture(async () => {
        handedOverAgain = true;
      }),
    ).toBe(false);
    expect(handedOverAgain).toBe(false);
    expect(t.counts).toEqual({ ok: 1, failed: 0 });
  });

  it('a capture arriving after the page failed (an attempt Crawlee gave up on) is not handed over', async () => {
    const t = setup();
    expect(await t.fail()).toBe(true);
    let handedOver = false;
    expect(
      await t.capture(async () => {
        handedOver = true;
      }),
    ).toBe(false);
    expect(handedOver).toBe(false);
    expect(t.counts).toEqual({ ok: 0, failed: 1 });
    expect(await t.fail()).toBe(false);
    expect(t.counts).toEqual({ ok: 0, failed: 1 });
  });

  it('a failure during the handover waits on it: not counted when the handover succeeds', async () => {
    const t = setup();
    const gate = deferred();
    const capturing = t.capture(() => gate.promise);
    await Promise.resolve();
    expect(t.outcomes.handedOver(url)).toBe(true);
    expect(await t.fail()).toBe(false);
    expect(t.counts).toEqual({ ok: 0, failed: 0 });
    gate.resolve();
    expect(await capturing).toBe(true);
    expect(t.counts).toEqual({ ok: 1, failed: 0 });
    expect(t.warnings[0]).toMatchObject({ url, reason: 'timeout' });
  });

  it('a failure during the handover is counted when the handover itself fails', async () => {
    const t = setup();
    const gate = deferred();
    const capturing = t.capture(() => gate.promise);
    await Promise.resolve();
    await t.fail();
    gate.reject(new Error('onCapture: database unavailable'));
    await expect(capturing).rejects.toThrow('database unavailable');
    expect(t.counts).toEqual({ ok: 0, failed: 1 });
    expect(t.outcomes.handedOver(url)).toBe(false);
  });

  it('a handover that fails with no failure reported leaves the page to its attempt (failed or retried)', async () => {
    const t = setup();
    await expect(t.capture(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(t.outcomes.handedOver(url)).toBe(false);
    expect(await t.fail()).toBe(true);
    expect(t.counts).toEqual({ ok: 0, failed: 1 });
  });

  it('two attempts capturing at once hand over one capture; the second waits and takes over if the first fails', async () => {
    const t = setup();
    const gate = deferred();
    const first = t.capture(() => gate.promise);
    const second = t.capture();
    gate.reject(new Error('onCapture failed'));
    await expect(first).rejects.toThrow('onCapture failed');
    expect(await second).toBe(true);
    expect(t.counts).toEqual({ ok: 1, failed: 0 });

    const u = setup();
    const both = await Promise.all([u.capture(), u.capture()]);
    expect(both.sort()).toEqual([false, true]);
    expect(u.counts).toEqual({ ok: 1, failed: 0 });
  });

  it('settle waits for a handover in progress, and gives up after its time', async () => {
    const t = setup();
    const gate = deferred();
    const capturing = t.capture(() => gate.promise);
    setTimeout(() => gate.resolve(), 30);
    await t.outcomes.settle(1_000);
    expect(t.counts.ok).toBe(1);
    await capturing;

    const u = setup();
    const stuck = deferred();
    void u.capture(() => stuck.promise);
    const started = Date.now();
    await u.outcomes.settle(50);
    expect(Date.now() - started).toBeLessThan(500);
    expect(u.warnings.at(-1)?.msg).toMatch(/still being handed over/);
    stuck.resolve();
  });
});

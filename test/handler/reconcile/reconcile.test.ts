/*
 * The reconciler against an in-memory fake of the ECS seam: the paths the emulator cannot easily
 * make (an answer lost after the write was applied, reads that never catch up), asserted by the
 * calls made and not made.
 */
import { AttributeValues } from '../../../lib/attributes';
import { retryingEcsApi } from '../../../lib/handler/ecs/retrying-ecs-api';
import { silentLogger } from '../../../lib/handler/logging/log';
import { reconcile, ReconcileMode } from '../../../lib/handler/reconcile/reconcile';
import { DEFAULT_TIMING } from '../../../lib/handler/reconcile/timing';
import { FakeEcsApi } from '../../support/fake-ecs-api';

const target = { regionId: 'cn-hangzhou', imageId: 'm-bp1fake0001' };
const base = { imageId: target.imageId, imageName: 'web', status: 'Available', imdsSupport: 'v2', bootMode: 'BIOS', tags: [] };
const timing = { ...DEFAULT_TIMING, readBackAttempts: 3, readBackDelayMs: 1, settlePollInitialMs: 1, settlePollMaxMs: 1 };

function run(api: FakeEcsApi, desired: AttributeValues, mode: ReconcileMode = {}) {
  const retrying = retryingEcsApi(api, { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 }, { sleep: async () => undefined });
  return reconcile(
    { api: retrying, sleep: async () => undefined, timing, log: silentLogger },
    { target, desired, allowEmptyFamily: true, waitTimeoutSeconds: 0, ...mode },
  );
}

describe('reconcile, against a fake of the ECS seam', () => {
  test('a rename whose answer was lost is sent again and reported once', async () => {
    // GIVEN the first ModifyImageAttribute is applied but its answer never arrives
    const api = new FakeEcsApi([base]).loseAnswers(1);
    // WHEN
    const result = await run(api, { ImageName: 'web-v2' });
    // THEN the retry resends the same request, and the change is confirmed by the read-back
    expect(api.actions()).toEqual(['DescribeImages', 'ModifyImageAttribute', 'ModifyImageAttribute', 'DescribeImages']);
    expect(result.changes).toEqual([{ attribute: 'ImageName', from: 'web', to: 'web-v2' }]);
    expect(api.image(target.imageId).imageName).toBe('web-v2');
  });

  test('a deprecation whose answer was lost is confirmed by a read, not sent a third time', async () => {
    const api = new FakeEcsApi([base]).loseAnswers(1);
    const result = await run(api, { Status: 'Deprecated' });
    // The resent write meets ImageStatus.NotAvailable (it is already Deprecated): a read confirms it.
    expect(api.actions()).toEqual([
      'DescribeImages',
      'DescribeImageSharePermission',
      'ModifyImageAttribute',
      'ModifyImageAttribute',
      'DescribeImages',
      'DescribeImages',
    ]);
    expect(result.changes).toEqual([{ attribute: 'Status', from: 'Available', to: 'Deprecated' }]);
    expect(result.requestIds).toEqual(['']);
  });

  test('a deprecation whose answer was lost, then stale reads for a while, converges and reports success', async () => {
    // GIVEN the write is applied but its answer lost, and the next reads still show the image as before it
    const api = new FakeEcsApi([base]).loseAnswers(1).staleReads(2);
    // WHEN
    const result = await run(api, { Status: 'Deprecated' });
    // THEN the resent write meets ImageStatus.NotAvailable; the read-back loop waits the stale reads out; no third write
    expect(api.actions().filter((a) => a === 'ModifyImageAttribute')).toHaveLength(2);
    expect(result.changes).toEqual([{ attribute: 'Status', from: 'Available', to: 'Deprecated' }]);
    expect(api.image(target.imageId).status).toBe('Deprecated');
  });

  test('a read-back that never shows the change gives up after the bounded reads, without writing again', async () => {
    const api = new FakeEcsApi([base]).staleReads(Number.MAX_SAFE_INTEGER);
    await expect(run(api, { ImageName: 'web-v2' })).rejects.toMatchObject({
      code: 'ReadBack.Timeout',
      message: expect.stringContaining('ModifyImageAttribute succeeded but DescribeImages still does not show ImageName'),
    });
    expect(api.actions()).toEqual(['DescribeImages', 'ModifyImageAttribute', 'DescribeImages', 'DescribeImages', 'DescribeImages']);
  });

  test('a read-back that catches up after a stale read succeeds', async () => {
    const api = new FakeEcsApi([base]).staleReads(1);
    const result = await run(api, { ImageName: 'web-v2' });
    expect(api.actions()).toEqual(['DescribeImages', 'ModifyImageAttribute', 'DescribeImages', 'DescribeImages']);
    expect(result.changes).toHaveLength(1);
  });

  test('a best-effort restore skips every refused attribute at once and sends only the rest', async () => {
    // GIVEN an image on IMDSv2, used by an instance, so neither IMDS v1 nor a boot mode change can be applied
    const api = new FakeEcsApi([base]);
    api.instances[target.imageId] = ['i-bp1inuse01'];
    // WHEN
    const result = await run(api, { 'ImageName': 'original', 'BootMode': 'UEFI', 'Features.ImdsSupport': 'v1' }, { onRefusal: 'skip' });
    // THEN
    expect(result.skipped.map((s) => s.attribute)).toEqual(['Features.ImdsSupport', 'BootMode']);
    expect(result.skipped[0].reason).toContain('never allows going back to "v1"');
    expect(result.skipped[1].reason).toContain('while instances use the image (i-bp1inuse01)');
    const modifies = api.calls.filter((c) => c.action === 'ModifyImageAttribute').map((c) => c.args);
    expect(modifies).toEqual([{ regionId: 'cn-hangzhou', imageId: target.imageId, imageName: 'original' }]);
    expect(result.changes).toEqual([{ attribute: 'ImageName', from: 'web', to: 'original' }]);
  });

  test('when every attribute is refused, a best-effort restore writes nothing', async () => {
    const api = new FakeEcsApi([base]);
    const result = await run(api, { 'Features.ImdsSupport': 'v1' }, { onRefusal: 'skip' });
    expect(api.actions()).toEqual(['DescribeImages']);
    expect(result.changes).toEqual([]);
    expect(result.skipped).toHaveLength(1);
  });

  test('a missing image is nothing to do when the caller allows it (Delete), and one more read explains it otherwise', async () => {
    const api = new FakeEcsApi([]);
    expect(await run(api, { ImageName: 'x1' }, { onMissing: 'ignore' })).toEqual({ changes: [], requestIds: [], skipped: [] });
    expect(api.actions()).toEqual(['DescribeImages']);
    await expect(run(api, { ImageName: 'x1' })).rejects.toMatchObject({ code: 'Guard.ImageNotFound' });
    expect(api.actions()).toEqual(['DescribeImages', 'DescribeImages', 'DescribeImages']);
  });
});

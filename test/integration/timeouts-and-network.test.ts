/*
 * The timeout in force is the one configured, a slow answer is reported as slow, and network
 * errors never carry the request's URL (which holds its parameters). The real SDK over HTTP.
 */
import { sdkEcsApi } from '../../lib/handler/ecs/sdk-ecs-api';
import { EmulatorHarness, image, REGION } from '../support/emulator-harness';

const emu = new EmulatorHarness();
afterAll(() => emu.stop());

const ID = 'm-bp1slow0001';
const api = (timeoutMs: number) => sdkEcsApi({ regionId: REGION, timeoutMs });

describe('timeouts', () => {
  test('an answer slower than 5 s (the connect timeout the SDK used to apply to the whole call) is awaited, and the write is sent once', async () => {
    await emu.start({ images: [image(ID)] });
    await emu.fault({ Action: 'ModifyImageAttribute', DelayMs: 5_500 });
    // The handler as shipped: the SDK client with the default timeout (15 s).
    const res = await emu.simulate({ ImageId: ID, ImageName: 'slow-but-fine' });
    expect(res.Data.Changes).toHaveLength(1);
    expect((await emu.calls()).filter((c) => c.Action === 'ModifyImageAttribute').map((c) => c.Code)).toEqual([null]);
  }, 20_000);

  test('an answer slower than the configured timeout is reported as slow, not as unreachable', async () => {
    await emu.start({ images: [image(ID)] });
    await emu.fault({ Action: 'DescribeImages', DelayMs: 2_500 });
    const started = Date.now();
    const error = await api(1_000)
      .describeImages({ regionId: REGION, imageId: ID })
      .catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(2_400);
    expect(error).toMatchObject({
      code: 'RequestTimeout',
      transient: true,
      message:
        "The ECS endpoint did not answer DescribeImages within 1 s (the call's timeout). A write may still have been applied; the next read shows whether it was.",
    });
  });
});

describe('network errors', () => {
  test('a refused connection names the endpoint, not the request URL with its parameters', async () => {
    await emu.start({ images: [] });
    const url = emu.url;
    await emu.stop();
    process.env.ALIBABA_CLOUD_ECS_ENDPOINT = url;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'test';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'test';
    try {
      const error = await api(2_000)
        .modifyImageAttribute({ regionId: REGION, imageId: ID, description: 'private-description-text' })
        .catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'ECONNREFUSED', transient: true });
      expect((error as Error).message).toMatch(
        /^Could not reach the ECS endpoint for ModifyImageAttribute \(ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+\)\. Check the network/,
      );
      expect((error as Error).message).not.toContain('private-description-text');
      expect((error as Error).message).not.toContain('POST');
    } finally {
      delete process.env.ALIBABA_CLOUD_ECS_ENDPOINT;
    }
  });

  test('when retries run out, the message says how many attempts and how long', async () => {
    await emu.start({ images: [image(ID)] });
    await emu.fault({ Action: 'DescribeImages', Code: 'ServiceUnavailable', HttpStatus: 503, Count: 10 });
    await expect(emu.simulate({ ImageId: ID, ImageName: 'never' })).rejects.toMatchObject({
      code: 'ServiceUnavailable',
      message: expect.stringMatching(/Gave up after 4 attempts over \d+\.\d s\.$/),
    });
  });
});

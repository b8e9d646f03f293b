/** Control endpoints, injected faults, rate limiting and the wire shape of answers. */
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import { EmulatorState, RunningEmulator, startEmulator } from '../../lib/emulator';
import { modify } from './support/fixtures';
import { acsDate, sendSigned } from './support/raw-request';
import { REGION, control, ecsClient, sdkError } from './support/sdk-client';

const STATE: EmulatorState = {
  accessKeys: [
    { id: 'AK_ONE', secret: 'secret-one-value' },
    { id: 'AK_TWO', secret: 'secret-two-value', accountId: '1000000000000001' },
  ],
  images: [{ ImageId: 'm-a', ImageName: 'image-a', CreationTime: '2024-01-01T00:00:00Z' }],
  rateLimit: 1,
};
const ONE = { accessKeyId: 'AK_ONE', accessKeySecret: 'secret-one-value' };
const TWO = { accessKeyId: 'AK_TWO', accessKeySecret: 'secret-two-value' };

function describeA(): $Ecs.DescribeImagesRequest {
  return new $Ecs.DescribeImagesRequest({ regionId: REGION, imageId: 'm-a' });
}

describe('control endpoints and faults', () => {
  let emulator: RunningEmulator;
  let client: Ecs;
  beforeEach(async () => {
    emulator = await startEmulator({ state: STATE, rateLimit: 1000 });
    client = ecsClient(emulator, ONE);
  });
  afterEach(async () => {
    await emulator.close();
  });

  test('GET /__emulator/calls lists every call in order with decoded params and error codes, including refused ones', async () => {
    await client.describeImages(describeA());
    await sdkError(ecsClient(emulator, { ...ONE, accessKeySecret: 'wrong' }).modifyImageAttribute(modify('m-a', { imageName: 'x y' })));
    await sdkError(client.modifyImageAttribute(modify('m-a', { imageName: 'x y' })));
    const { status, body } = await control(emulator, 'GET', '/__emulator/calls');
    expect(status).toBe(200);
    expect(body).toEqual([
      { Action: 'DescribeImages', Params: { ImageId: 'm-a', RegionId: REGION }, Code: null },
      { Action: 'ModifyImageAttribute', Params: { ImageId: 'm-a', ImageName: 'x y', RegionId: REGION }, Code: 'SignatureDoesNotMatch' },
      {
        Action: 'ModifyImageAttribute',
        Params: { ImageId: 'm-a', ImageName: 'x y', RegionId: REGION },
        Code: 'InvalidImageName.Malformed',
      },
    ]);
    expect(emulator.calls()).toEqual(body);
  });

  test('DELETE /__emulator/calls clears the log', async () => {
    await client.describeImages(describeA());
    expect((await control(emulator, 'DELETE', '/__emulator/calls')).body).toEqual({ Cleared: 1 });
    expect(emulator.calls()).toEqual([]);
  });

  test('a fault fails the next Count calls of its action with its code and status, then stops', async () => {
    const armed = await control(emulator, 'POST', '/__emulator/faults', {
      Action: 'ModifyImageAttribute',
      Code: 'ServiceUnavailable',
      HttpStatus: 503,
      Count: 2,
    });
    expect(armed.body).toMatchObject({ Action: 'ModifyImageAttribute', Code: 'ServiceUnavailable', HttpStatus: 503, Count: 2 });
    expect((await client.describeImages(describeA())).statusCode).toBe(200);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await sdkError(client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' })));
      expect([error.name, error.code, error.statusCode]).toEqual(['ServerError', 'ServiceUnavailable', 503]);
      expect(error.data?.Message).toBe('The request has failed due to a temporary failure of the server.');
    }
    expect((await client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' }))).statusCode).toBe(200);
    expect(emulator.calls().map((call) => call.Code)).toEqual([null, 'ServiceUnavailable', 'ServiceUnavailable', null]);
  });

  test('After lets that many matching calls through before the fault applies', async () => {
    await control(emulator, 'POST', '/__emulator/faults', {
      Action: 'ModifyImageAttribute',
      Code: 'InternalError',
      HttpStatus: 500,
      After: 1,
    });
    expect((await client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' }))).statusCode).toBe(200);
    const error = await sdkError(client.modifyImageAttribute(modify('m-a', { imageName: 'renamed-again' })));
    expect(error.code).toBe('InternalError');
    expect(emulator.calls().map((call) => call.Code)).toEqual([null, 'InternalError']);
  });

  test('DELETE /__emulator/images/<id> deletes an image, as someone would in the console', async () => {
    expect((await control(emulator, 'DELETE', '/__emulator/images/m-a')).status).toBe(200);
    expect((await client.describeImages(describeA())).body?.totalCount).toBe(0);
    expect((await control(emulator, 'DELETE', '/__emulator/images/m-a')).status).toBe(404);
  });

  test('POST /__emulator/latency delays every answer by that much, and refuses a bad value', async () => {
    expect((await control(emulator, 'POST', '/__emulator/latency', { DelayMs: 150 })).body).toEqual({ DelayMs: 150 });
    const started = Date.now();
    await client.describeImages(describeA());
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect((await control(emulator, 'POST', '/__emulator/latency', { DelayMs: -1 })).status).toBe(400);
  });

  test('a fault with an ImageId applies only to calls about that image', async () => {
    await control(emulator, 'POST', '/__emulator/faults', {
      Action: 'ModifyImageAttribute',
      Code: 'InternalError',
      HttpStatus: 500,
      ImageId: 'm-other',
    });
    expect((await client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' }))).statusCode).toBe(200);
    expect((await control(emulator, 'GET', '/__emulator/faults')).body).toHaveLength(1);
  });

  test('AnswerLost acts on the call, then drops the connection: the change is made, the caller never hears', async () => {
    await control(emulator, 'POST', '/__emulator/faults', { Action: 'ModifyImageAttribute', Code: 'AnswerLost' });
    const error = await sdkError(client.modifyImageAttribute(modify('m-a', { imageName: 'applied' })));
    expect(error.statusCode).toBeUndefined();
    const { body } = await control(emulator, 'GET', '/__emulator/state');
    expect(body.images[0].ImageName).toBe('applied');
  });

  test('StaleRead answers DescribeImages with each image as it was before its last change', async () => {
    await client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' }));
    await control(emulator, 'POST', '/__emulator/faults', { Action: 'DescribeImages', Code: 'StaleRead', Count: 1 });
    expect((await client.describeImages(describeA())).body?.images?.image?.[0].imageName).toBe('image-a');
    expect((await client.describeImages(describeA())).body?.images?.image?.[0].imageName).toBe('renamed');
  });

  test('a faulted call changes nothing', async () => {
    await control(emulator, 'POST', '/__emulator/faults', { Action: '*', Code: 'InternalError', HttpStatus: 500 });
    await sdkError(client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' })));
    const { body } = await control(emulator, 'GET', '/__emulator/state');
    expect(body.images[0].ImageName).toBe('image-a');
  });

  test('RetryAfterMs adds x-acs-retry-after, which the SDK exposes on its ThrottlingError', async () => {
    await control(emulator, 'POST', '/__emulator/faults', {
      Action: '*',
      Code: 'Throttling.User',
      HttpStatus: 400,
      RetryAfterMs: 250,
      Count: 2,
    });
    const error = await sdkError(client.describeImages(describeA()));
    expect([error.name, error.code, error.statusCode, error.retryAfter]).toEqual(['ThrottlingError', 'Throttling.User', 400, 250]);
    const raw = await sendSigned(emulator, { accessKeyId: 'AK_ONE', secret: 'secret-one-value' });
    expect([raw.status, raw.headers['x-acs-retry-after']]).toEqual([400, '250']);
  });

  test('Code ConnectionReset drops the connection without an answer and is logged', async () => {
    await control(emulator, 'POST', '/__emulator/faults', { Action: 'DescribeImages', Code: 'ConnectionReset' });
    const error = await sdkError(client.describeImages(describeA()));
    expect(error.statusCode).toBeUndefined();
    expect(`${error.code} ${error.message}`).toMatch(/ECONNRESET|socket hang up/);
    expect(emulator.calls()[0].Code).toBe('ConnectionReset');
    expect((await client.describeImages(describeA())).statusCode).toBe(200);
  });

  test('DelayMs beyond the read timeout makes the SDK time out; a short delay alone still answers', async () => {
    await control(emulator, 'POST', '/__emulator/faults', { Action: 'DescribeImages', DelayMs: 800 });
    const slow = await sdkError(ecsClient(emulator, { ...ONE, readTimeout: 300 }).describeImages(describeA()));
    expect(slow.name).toBe('RequestTimeoutError');
    await control(emulator, 'POST', '/__emulator/faults', { Action: 'DescribeImages', DelayMs: 50 });
    const started = Date.now();
    expect((await client.describeImages(describeA())).body?.totalCount).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  test.each([
    ['no Action', { Code: 'X' }, '"Action"'],
    ['neither Code nor DelayMs', { Action: '*' }, '"Code"'],
    ['a negative Count', { Action: '*', Code: 'X', Count: -1 }, '"Count"'],
    ['an unknown field', { Action: '*', Code: 'X', Cuont: 2 }, 'Cuont'],
  ])('a fault with %s is refused with 400', async (_name, fault, mention) => {
    const { status, body } = await control(emulator, 'POST', '/__emulator/faults', fault);
    expect(status).toBe(400);
    expect(body.Error).toContain(mention);
  });

  test('GET /__emulator/state shows images, instances and shares but never secrets', async () => {
    const response = await fetch(`${emulator.url}/__emulator/state`);
    const text = await response.text();
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['images', 'instances', 'shares']);
    expect(text).not.toContain('secret-one-value');
    expect(text).not.toContain('AK_ONE');
  });

  test('POST /__emulator/images makes an image Creating again, which ModifyImageAttribute then refuses', async () => {
    const { status, body } = await control(emulator, 'POST', '/__emulator/images', { ImageId: 'm-a', Status: 'Creating' });
    expect([status, body.Status, body.Progress, body.ImageName]).toEqual([200, 'Creating', '0%', 'image-a']);
    const error = await sdkError(client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' })));
    expect([error.code, error.statusCode]).toEqual(['InvalidStatus.ImageIsCreating', 403]);
  });

  test('POST /__emulator/images creates a new image and refuses an invalid one naming the field', async () => {
    await control(emulator, 'POST', '/__emulator/images', { ImageId: 'm-new', ImageName: 'drifted', ImageFamily: 'fam' });
    const found = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION, imageFamily: 'fam' }));
    expect(found.body?.images?.image?.map((image) => image.imageName)).toEqual(['drifted']);
    const refused = await control(emulator, 'POST', '/__emulator/images', { ImageId: 'm-a', BootMode: 'Legacy' });
    expect(refused.status).toBe(400);
    expect(refused.body.Error).toContain('(m-a).BootMode');
  });

  test('an unknown control endpoint answers 404', async () => {
    expect((await control(emulator, 'GET', '/__emulator/nothing')).status).toBe(404);
  });

  test('answers are JSON with the service error body; repeated containers are arrays', async () => {
    const ok = await sendSigned(emulator, { accessKeyId: 'AK_ONE', secret: 'secret-one-value', query: 'ImageId=m-a&RegionId=cn-hangzhou' });
    expect(ok.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(Array.isArray(ok.body.Images.Image)).toBe(true);
    expect(Array.isArray(ok.body.Images.Image[0].Tags.Tag)).toBe(true);
    const failed = await sendSigned(emulator, { accessKeyId: 'AK_ONE', secret: 'secret-one-value', query: 'ImageId=m-a' });
    expect(failed.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(Object.keys(failed.body)).toEqual(['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    expect(failed.body).toMatchObject({ HostId: emulator.endpoint, Code: 'MissingParameter' });
    expect(failed.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(failed.body.Recommend).toBe(
      `https://api.aliyun.com/troubleshoot?q=MissingParameter&product=Ecs&requestId=${failed.body.RequestId}`,
    );
  });

  test('close() ends promptly although the SDK keeps its connection alive', async () => {
    await client.describeImages(describeA());
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    emulator = await startEmulator({ state: STATE });
  });

  test('request logging goes to stderr only, and only when asked', async () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const logging = await startEmulator({ state: STATE, logRequests: true });
    try {
      await ecsClient(logging, ONE).describeImages(describeA());
      await ecsClient(emulator, ONE).describeImages(describeA());
      expect(stdout).not.toHaveBeenCalled();
      const lines = stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.startsWith('[ecs-emulator]'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/DescribeImages 200 OK/);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      await logging.close();
    }
  });
});

describe('rate limit', () => {
  test('more than N requests per second per access key ⇒ Throttling.User; the option overrides state.rateLimit', async () => {
    const emulator = await startEmulator({ state: STATE, rateLimit: 3 });
    try {
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => ecsClient(emulator, ONE).describeImages(describeA())));
      const refused = results
        .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
        .map((result) => result.reason);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
      expect(refused.map((error) => [error.name, error.code, error.statusCode, error.data?.Message])).toEqual(
        Array(2).fill(['ThrottlingError', 'Throttling.User', 400, 'Request was denied due to user flow control.']),
      );
      // another access key has its own budget
      expect((await ecsClient(emulator, TWO).describeImages(describeA())).statusCode).toBe(200);
      expect(emulator.calls().filter((call) => call.Code === 'Throttling.User')).toHaveLength(2);
    } finally {
      await emulator.close();
    }
  });

  test('a per-minute limit counts per access key and action in calendar windows, and says how long to wait when asked to', async () => {
    // A clock 10 s into a calendar minute (ahead of the real one by less than the 15 min signatures allow).
    let offset = Math.ceil(Date.now() / 60_000) * 60_000 + 10_000 - Date.now();
    const emulator = await startEmulator({
      state: { ...STATE, rateLimit: undefined },
      rateLimitPerMinute: 2,
      retryAfterHeader: true,
      now: () => Date.now() + offset,
    });
    try {
      const client = ecsClient(emulator, ONE);
      await client.describeImages(describeA());
      await client.describeImages(describeA());
      const refused = await sdkError(client.describeImages(describeA()));
      expect(refused.code).toBe('Throttling.User');
      expect(refused.retryAfter).toBeGreaterThan(49_000);
      expect(refused.retryAfter).toBeLessThanOrEqual(50_000);
      // Another action, and another key, have windows of their own.
      expect((await client.modifyImageAttribute(modify('m-a', { imageName: 'renamed' }))).statusCode).toBe(200);
      expect((await ecsClient(emulator, TWO).describeImages(describeA())).statusCode).toBe(200);
      // The next minute opens a new window.
      offset += 50_000;
      expect((await client.describeImages(describeA())).statusCode).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  test('without retryAfterHeader a per-minute throttle carries no x-acs-retry-after (whether ECS sends one is unconfirmed)', async () => {
    const emulator = await startEmulator({ state: { ...STATE, rateLimit: undefined }, rateLimitPerMinute: 1 });
    try {
      const client = ecsClient(emulator, ONE);
      await client.describeImages(describeA());
      const refused = await sdkError(client.describeImages(describeA()));
      expect([refused.code, refused.retryAfter]).toEqual(['Throttling.User', undefined]);
    } finally {
      await emulator.close();
    }
  });

  test('state.rateLimit applies when no option is given, and the window slides', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const emulator = await startEmulator({ state: STATE, now: () => now });
    try {
      const signedAt = acsDate(now);
      const first = await sendSigned(emulator, { accessKeyId: 'AK_ONE', secret: 'secret-one-value', date: signedAt });
      const second = await sendSigned(emulator, { accessKeyId: 'AK_ONE', secret: 'secret-one-value', date: signedAt });
      now += 1001;
      const third = await sendSigned(emulator, { accessKeyId: 'AK_ONE', secret: 'secret-one-value', date: signedAt });
      expect([first.status, second.body.Code, third.status]).toEqual([200, 'Throttling.User', 200]);
    } finally {
      await emulator.close();
    }
  });
});

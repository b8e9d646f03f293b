/** Signature, access key, clock, nonce and STS checks, through the real SDK and raw requests. */
import * as $Ecs from '@alicloud/ecs20140526';
import { RunningEmulator, startEmulator } from '../../lib/emulator';
import { REGION, ecsClient, sdkError } from './support/sdk-client';
import { acsDate, sendSigned } from './support/raw-request';

const STATE = {
  accessKeys: [
    { id: 'AK_PLAIN', secret: 'plain-secret' },
    { id: 'AK_STS', secret: 'sts-secret', securityToken: 'STS.GOODTOKEN' },
    { id: 'AK_STS_OLD', secret: 'old-secret', securityToken: 'STS.OLDTOKEN', expiration: '2020-01-01T00:00:00Z' },
  ],
  images: [{ ImageId: 'm-auth1', ImageName: 'auth-image', CreationTime: '2024-01-01T00:00:00Z' }],
};

/** Raw requests sign with the plain key of this state. */
const PLAIN = { accessKeyId: 'AK_PLAIN', secret: 'plain-secret' };

function describeImages(): $Ecs.DescribeImagesRequest {
  return new $Ecs.DescribeImagesRequest({ regionId: REGION, imageId: 'm-auth1' });
}

describe('authentication', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ state: STATE });
  });
  afterAll(async () => {
    await emulator.close();
  });

  test('a request signed by the SDK with a known key is accepted', async () => {
    const response = await ecsClient(emulator, { accessKeyId: 'AK_PLAIN', accessKeySecret: 'plain-secret' }).describeImages(
      describeImages(),
    );
    expect(response.statusCode).toBe(200);
    expect(response.body?.images?.image?.map((image) => image.imageId)).toEqual(['m-auth1']);
  });

  test.each([
    ['wrong secret', { accessKeyId: 'AK_PLAIN', accessKeySecret: 'not-the-secret' }, 'SignatureDoesNotMatch', 400],
    ['unknown access key', { accessKeyId: 'AK_UNKNOWN', accessKeySecret: 'x' }, 'InvalidAccessKeyId.NotFound', 404],
    ['STS key without its token', { accessKeyId: 'AK_STS', accessKeySecret: 'sts-secret' }, 'InvalidSecurityToken.Malformed', 400],
    [
      'STS key with another token',
      { accessKeyId: 'AK_STS', accessKeySecret: 'sts-secret', securityToken: 'STS.BADTOKEN' },
      'InvalidSecurityToken.MismatchWithAccessKey',
      400,
    ],
    [
      'STS key past its expiration',
      { accessKeyId: 'AK_STS_OLD', accessKeySecret: 'old-secret', securityToken: 'STS.OLDTOKEN' },
      'InvalidSecurityToken.Expired',
      400,
    ],
  ])('%s is refused', async (_name, credentials, code, status) => {
    const error = await sdkError(ecsClient(emulator, credentials).describeImages(describeImages()));
    expect(error.code).toBe(code);
    expect(error.statusCode).toBe(status);
  });

  test('an STS key with its token is accepted', async () => {
    const client = ecsClient(emulator, { accessKeyId: 'AK_STS', accessKeySecret: 'sts-secret', securityToken: 'STS.GOODTOKEN' });
    const response = await client.describeImages(describeImages());
    expect(response.body?.totalCount).toBe(1);
  });

  test('a token sent for a key that has none is ignored', async () => {
    const client = ecsClient(emulator, { accessKeyId: 'AK_PLAIN', accessKeySecret: 'plain-secret', securityToken: 'STS.ANY' });
    expect((await client.describeImages(describeImages())).body?.totalCount).toBe(1);
  });

  test('x-acs-accesskey-id naming another key than the Credential is refused', async () => {
    const response = await sendSigned(emulator, {
      accessKeyId: 'AK_STS',
      secret: 'sts-secret',
      headers: { 'x-acs-accesskey-id': 'AK_PLAIN', 'x-acs-security-token': 'STS.GOODTOKEN' },
    });
    expect([response.status, response.body.Code]).toEqual([400, 'InvalidSecurityToken.MismatchWithAccessKey']);
  });

  test('a reused nonce is refused with SignatureNonceUsed', async () => {
    const nonce = 'a'.repeat(64);
    const first = await sendSigned(emulator, { ...PLAIN, nonce });
    const second = await sendSigned(emulator, { ...PLAIN, nonce });
    expect(first.status).toBe(200);
    expect([second.status, second.body.Code]).toEqual([400, 'SignatureNonceUsed']);
  });

  test('a nonce of a request refused for its signature is not burnt', async () => {
    const nonce = 'b'.repeat(64);
    const refused = await sendSigned(emulator, { ...PLAIN, nonce, secret: 'wrong' });
    const accepted = await sendSigned(emulator, { ...PLAIN, nonce });
    expect(refused.body.Code).toBe('SignatureDoesNotMatch');
    expect(accepted.status).toBe(200);
  });

  test.each([
    ['16 minutes old', -16],
    ['16 minutes ahead', 16],
  ])('x-acs-date %s is refused with InvalidTimeStamp.Expired', async (_name, minutes) => {
    const response = await sendSigned(emulator, { ...PLAIN, date: acsDate(Date.now() + minutes * 60_000) });
    expect([response.status, response.body.Code]).toEqual([400, 'InvalidTimeStamp.Expired']);
  });

  test('x-acs-date 14 minutes old is accepted', async () => {
    expect((await sendSigned(emulator, { ...PLAIN, date: acsDate(Date.now() - 14 * 60_000) })).status).toBe(200);
  });

  test.each([
    ['no Authorization header', { authorization: '' }],
    ['spaces after the commas', { authorization: 'ACS3-HMAC-SHA256 Credential=test, SignedHeaders=host, Signature=00' }],
    [
      'another algorithm',
      {
        authorization:
          'ACS3-HMAC-SM3 Credential=test,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=00',
      },
    ],
    ['an x-acs-date left unsigned', { unsignedHeaders: ['x-acs-date'] }],
    ['an extra x-acs header left unsigned', { headers: { 'x-acs-security-token': 't' }, unsignedHeaders: ['x-acs-security-token'] }],
  ])('%s ⇒ 400 IncompleteSignature', async (_name, options) => {
    const response = await sendSigned(emulator, { ...PLAIN, ...options });
    expect([response.status, response.body.Code]).toEqual([400, 'IncompleteSignature']);
  });

  test('a query changed after signing no longer matches its signature', async () => {
    const response = await sendSigned(emulator, { ...PLAIN, query: 'RegionId=cn-hangzhou', sentQuery: 'RegionId=cn-beijing' });
    expect([response.status, response.body.Code]).toEqual([400, 'SignatureDoesNotMatch']);
    expect(response.body.Message).toContain('server string to sign is:ACS3-HMAC-SHA256');
  });

  test('the emulator clock decides the skew: 20 minutes ahead refuses a fresh SDK request', async () => {
    const skewed = await startEmulator({ state: STATE, now: () => Date.now() + 20 * 60_000 });
    try {
      const error = await sdkError(
        ecsClient(skewed, { accessKeyId: 'AK_PLAIN', accessKeySecret: 'plain-secret' }).describeImages(describeImages()),
      );
      expect([error.code, error.statusCode]).toEqual(['InvalidTimeStamp.Expired', 400]);
    } finally {
      await skewed.close();
    }
  });

  test('unknown action ⇒ 404 InvalidAction.NotFound, wrong version ⇒ 400 InvalidVersion', async () => {
    const unknown = await sendSigned(emulator, { ...PLAIN, action: 'DeleteImage' });
    const version = await sendSigned(emulator, { ...PLAIN, version: '2016-04-28' });
    expect([unknown.status, unknown.body.Code]).toEqual([404, 'InvalidAction.NotFound']);
    expect([version.status, version.body.Code]).toEqual([400, 'InvalidVersion']);
  });

  test('with no access keys in the state, test/test is accepted and nothing else', async () => {
    const open = await startEmulator();
    try {
      expect((await ecsClient(open).describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION }))).body?.totalCount).toBe(0);
      const error = await sdkError(
        ecsClient(open, { accessKeyId: 'test', accessKeySecret: 'nope' }).describeImages(
          new $Ecs.DescribeImagesRequest({ regionId: REGION }),
        ),
      );
      expect(error.code).toBe('SignatureDoesNotMatch');
    } finally {
      await open.close();
    }
  });
});

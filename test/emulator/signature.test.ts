/** The ACS3-HMAC-SHA256 canonicaliser and signer against the published vectors (§1.7, §1.8). */
import {
  authorizationHeader,
  canonicalQueryString,
  canonicalRequest,
  parseQuery,
  percentEncode,
  sha256Hex,
  sign,
  SignableRequest,
  stringToSign,
} from '../../lib/emulator/signature';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function signable(query: string, headers: Record<string, string>): SignableRequest {
  return {
    method: 'POST',
    path: '/',
    query: parseQuery(query),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    signedHeaders: Object.keys(headers).sort(),
    hashedPayload: EMPTY_SHA256,
  };
}

describe('signature V3', () => {
  test('official test vector (§1.8) gives the documented string-to-sign hash and signature', () => {
    // GIVEN the fixed example of the Alibaba Cloud V3 signature document
    const request = signable('ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai', {
      'host': 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY_SHA256,
    });
    // THEN
    expect(stringToSign(request)).toBe('ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    expect(sign('YourAccessKeySecret', stringToSign(request))).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });

  const workedHeaders = {
    'host': '127.0.0.1:8089',
    'x-acs-version': '2014-05-26',
    'x-acs-action': 'ModifyImageAttribute',
    'x-acs-date': '2025-01-15T08:30:00Z',
    'x-acs-signature-nonce': '3f6c1c2e9a8b4d7f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1',
    'x-acs-content-sha256': EMPTY_SHA256,
  };
  const workedQuery = 'Features.NvmeSupport=supported&ImageId=m-bp1g7004ksh0oeuc0001&ImageName=web-base%20v2&RegionId=cn-hangzhou';

  test('worked example (§1.7): canonical request has the blank line and signs as captured from the SDK', () => {
    const request = signable(workedQuery, { ...workedHeaders, 'x-acs-credentials-provider': 'static_ak' });
    expect(canonicalRequest(request)).toBe(
      [
        'POST',
        '/',
        workedQuery,
        'host:127.0.0.1:8089',
        'x-acs-action:ModifyImageAttribute',
        `x-acs-content-sha256:${EMPTY_SHA256}`,
        'x-acs-credentials-provider:static_ak',
        'x-acs-date:2025-01-15T08:30:00Z',
        'x-acs-signature-nonce:3f6c1c2e9a8b4d7f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1',
        'x-acs-version:2014-05-26',
        '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(stringToSign(request)).toBe('ACS3-HMAC-SHA256\nbcfd22b360acd365bcd29ba004477d9d0abbf431d8b3417eec1a1509dd7ffdd2');
    expect(authorizationHeader('AKIDEXAMPLE', 'SECRETEXAMPLE', request)).toBe(
      'ACS3-HMAC-SHA256 Credential=AKIDEXAMPLE,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;' +
        'x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=89837ea8c46b132ba89e65c6be0c2e57e4ea2274228626e7b23454ce54a9fe06',
    );
  });

  test('worked example with STS (§1.7) signs the token headers too', () => {
    const request = signable(workedQuery, {
      ...workedHeaders,
      'x-acs-credentials-provider': 'static_sts',
      'x-acs-accesskey-id': 'AKIDEXAMPLE',
      'x-acs-security-token': 'STS.EXAMPLETOKEN',
    });
    expect(request.signedHeaders.join(';')).toBe(
      'host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version',
    );
    expect(stringToSign(request)).toBe('ACS3-HMAC-SHA256\ncf014aee95f9c20a94075fdebd439989d4339aaba0294a33db5874b3ba447050');
    expect(sign('SECRETEXAMPLE', stringToSign(request))).toBe('87666ee7649ca798f886b27c1bbd60254b157cde60f2833ee565b29476a67c0a');
  });

  test('the query is percent-decoded then re-encoded with RFC 3986 (SDK wire escaping differs)', () => {
    // GIVEN the wire form the SDK produced for a Description full of special characters (§1.3)
    const pairs = parseQuery('Description=a*b%27c(d)e!f~g%2Bh%2Fi%3Dj%26k%20l%25m%E4%B8%AD&A=1');
    expect(pairs).toEqual([
      ['Description', "a*b'c(d)e!f~g+h/i=j&k l%m中"],
      ['A', '1'],
    ]);
    expect(canonicalQueryString(pairs)).toBe('A=1&Description=a%2Ab%27c%28d%29e%21f~g%2Bh%2Fi%3Dj%26k%20l%25m%E4%B8%AD');
  });

  test.each([
    ['space', ' ', '%20'],
    ['star', '*', '%2A'],
    ['tilde', '~', '~'],
    ['plus', '+', '%2B'],
    ['CJK', '中', '%E4%B8%AD'],
    ['unreserved', 'Az09-_.', 'Az09-_.'],
  ])('percentEncode keeps RFC 3986 unreserved characters only: %s', (_name, input, encoded) => {
    expect(percentEncode(input)).toBe(encoded);
  });

  test('empty query gives an empty canonical line and a "name=" pair for empty values', () => {
    expect(canonicalQueryString(parseQuery(''))).toBe('');
    expect(canonicalQueryString(parseQuery('Description=&B=x'))).toBe('B=x&Description=');
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
  });
});

import { toEcsApiError } from '../../../lib/handler/ecs/api-error';

describe('toEcsApiError', () => {
  test.each([
    [
      'a 400 client error',
      { name: 'ClientError', code: 'InvalidImageName.Duplicated', statusCode: 400, requestId: 'R1', data: { Message: 'dup' } },
      'InvalidImageName.Duplicated',
      false,
    ],
    ['throttling by code', { name: 'ThrottlingError', code: 'Throttling.User', statusCode: 400, retryAfter: 200 }, 'Throttling.User', true],
    ['a 503', { name: 'ServerError', code: 'ServiceUnavailable', statusCode: 503 }, 'ServiceUnavailable', true],
    [
      'an image still being created (403, passes on its own)',
      { name: 'ClientError', code: 'InvalidStatus.ImageIsCreating', statusCode: 403 },
      'InvalidStatus.ImageIsCreating',
      true,
    ],
    ['a 403 refusal that stays', { name: 'ClientError', code: 'Forbidden.RAM', statusCode: 403 }, 'Forbidden.RAM', false],
    ['a read timeout', { name: 'RequestTimeoutError', message: 'ReadTimeout(3000). POST http://x failed.' }, 'RequestTimeout', true],
    ['a dropped connection', { code: 'ECONNRESET', message: 'socket hang up' }, 'ECONNRESET', true],
    ['a refused connection', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'ECONNREFUSED', true],
  ])('%s', (_n, thrown, code, transient) => {
    const e = toEcsApiError('ModifyImageAttribute', thrown);
    expect(e.code).toBe(code);
    expect(e.transient).toBe(transient);
  });

  test('the message gives advice, the API code and message and the request id', () => {
    const e = toEcsApiError('ModifyImageAttribute', {
      code: 'InvalidImageName.Duplicated',
      statusCode: 400,
      requestId: 'R-1',
      data: { Message: 'The specified Image name has already bean used.' },
    });
    expect(e.message).toBe(
      'Another image of this account in this region already has that ImageName; image names are unique per region. Choose another name or rename the other image first. (ECS ModifyImageAttribute returned InvalidImageName.Duplicated, HTTP 400: The specified Image name has already bean used. RequestId R-1)',
    );
  });

  test('the retry-after hint is kept', () => {
    expect(
      toEcsApiError('DescribeImages', { name: 'ThrottlingError', code: 'Throttling', statusCode: 400, retryAfter: 250 }).retryAfterMs,
    ).toBe(250);
  });

  test('credentials never reach the message', () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'very-secret-value';
    try {
      const e = toEcsApiError('DescribeImages', new Error('failed while signing with very-secret-value'));
      expect(e.message).not.toContain('very-secret-value');
      expect(e.message).toContain('***');
    } finally {
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    }
  });

  test('only a credential chain failure is reported as missing credentials', () => {
    expect(
      toEcsApiError(
        'DescribeImages',
        new Error('unable to get credentials from any of the providers in the chain: EnvironmentVariableCredentialsProvider: ...'),
      ).code,
    ).toBe('CredentialsNotFound');
    expect(toEcsApiError('DescribeImages', { code: 'InvalidCredentials', message: 'Please set up the credentials correctly.' }).code).toBe(
      'CredentialsNotFound',
    );
    // A failure that merely mentions credentials keeps its own nature (here: a dropped connection, retried).
    const reset = toEcsApiError('DescribeImages', { code: 'ECONNRESET', message: 'refreshing the credential failed: socket hang up' });
    expect(reset).toMatchObject({ code: 'ECONNRESET', transient: true });
  });
});

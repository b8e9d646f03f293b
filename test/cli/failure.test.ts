import { AttributeValidationError } from '../../lib/attributes/violation';
import { EcsApiError } from '../../lib/handler/ecs/api-error';
import { reportFailure } from '../../lib/cli/failure';
import { UsageError } from '../../lib/cli/usage-error';

function report(e: unknown): { status: number; text: string } {
  let text = '';
  const status = reportFailure(e, (t) => (text += t));
  return { status, text };
}

describe('reportFailure', () => {
  test('a bug in the library gets a code of its own, never the code ECS uses for its 500s', () => {
    const { status, text } = report(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(status).toBe(1);
    expect(text).toMatch(
      /^ManagedImage\.InternalError: managed-image failed unexpectedly \(a bug in cdktf-alicloud-managed-image, not an ECS error\): TypeError: /,
    );
    expect(text).not.toMatch(/^InternalError/);
  });

  test("an ECS InternalError keeps the API's code", () => {
    expect(report(new EcsApiError({ action: 'DescribeImages', code: 'InternalError', statusCode: 500, transient: true })).text).toMatch(
      /^InternalError: /,
    );
  });

  test('validation errors and usage errors keep their codes and exit statuses', () => {
    expect(report(new AttributeValidationError([{ attribute: 'ImageId', value: undefined, rule: 'is required' }]))).toEqual({
      status: 1,
      text: 'InvalidInput: ImageId is required.\n',
    });
    expect(report(new UsageError('bad'))).toEqual({ status: 2, text: 'managed-image: bad\n' });
  });
});

import { AttributeValidationError } from '../attributes/violation';
import { EcsApiError } from '../handler/ecs/api-error';
import { redact } from '../handler/logging/redact';
import { CLI_NAME, failureLine, internalErrorMessage } from '../messages/cli';
import { ERROR_CODES } from '../messages/error-codes';
import { ManagedImageError } from '../messages/handler-errors';
import { UsageError } from './usage-error';

/**
 * Reports a failure on stderr as one line and returns the exit status: 2 for a usage error,
 * 1 otherwise, with the code first (`Guard.DeprecateSharedImage: ...`). A failure of no known
 * kind is a bug of this library and gets its own code, never one ECS uses for its own errors.
 */
export function reportFailure(e: unknown, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  if (e instanceof UsageError) {
    write(`${CLI_NAME}: ${e.message}\n`);
    return 2;
  }
  const known = e instanceof EcsApiError || e instanceof ManagedImageError || e instanceof AttributeValidationError;
  const code = known ? e.code : ERROR_CODES.internalError;
  const message = known ? e.message : e instanceof Error ? internalErrorMessage(e) : String(e);
  write(redact(failureLine(code, message)) + '\n');
  return 1;
}

/** Errors the construct raises at synth. Each names the prop, the value and the rule. */
import { describeViolations } from './validation';

export function invalidProps(constructPath: string, violations: readonly { attribute: string; value: unknown; rule: string }[]): Error {
  return new Error(`ManagedCustomImage ${constructPath}: ${describeViolations(violations)}`);
}

export const CONSTRUCT_RULES = {
  restoreNeedsDriftDetection:
    'must not be DeletionPolicy.RESTORE when driftDetection is false: the values to restore are recorded by the plan-time read',
} as const;

export function cliBundleMissing(bundlePath: string): Error {
  return new Error(
    `The managed-image CLI bundle was not found at ${bundlePath}. It is built by "npm run build" (and shipped in the published package); build it, or reinstall the package.`,
  );
}

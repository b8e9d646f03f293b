import { describeViolations } from '../messages/validation';

/** One broken rule: which input, the value given, and the rule in words. */
export interface Violation {
  /** The name the caller used for the input (an API attribute, a handler option or a construct prop). */
  readonly attribute: string;
  readonly value: unknown;
  readonly rule: string;
}

/** Thrown before any API call when desired attributes or options break a rule. */
export class AttributeValidationError extends Error {
  public readonly code = 'InvalidInput';
  constructor(public readonly violations: readonly Violation[]) {
    super(describeViolations(violations));
    this.name = 'AttributeValidationError';
  }
}

/** Throws one error listing every violation, or returns when there are none. */
export function throwIfViolations(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new AttributeValidationError(violations);
}

import { describeViolations } from '../messages/validation';
import { ERROR_CODES } from '../messages/error-codes';

/** One broken rule: which input, the value given, and the rule in words. */
export interface Violation {
  /** The name the caller used for the input (an API attribute, a handler option or a construct prop). */
  readonly attribute: string;
  readonly value: unknown;
  /** The rule, as a predicate completing "it ...": `must be 2 to 128 characters long`. */
  readonly rule: string;
  /** For a misspelt name: the known name it most likely meant. */
  readonly didYouMean?: string;
}

/** Thrown before any API call when desired attributes or options break a rule. */
export class AttributeValidationError extends Error {
  public readonly code = ERROR_CODES.invalidInput;
  constructor(public readonly violations: readonly Violation[]) {
    super(describeViolations(violations));
    this.name = 'AttributeValidationError';
  }
}

/** Throws one error listing every violation, or returns when there are none. */
export function throwIfViolations(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new AttributeValidationError(violations);
}

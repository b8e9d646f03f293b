/** One property: a project validator agrees with the reference on every generated value. */
import * as fc from 'fast-check';
import { referenceDescription, referenceImageFamily, referenceImageName, Verdict } from '../../support/reference-rules';
import { Attribute, disagreement, runParameters, valuesOf } from './values';

/** The reference verdict of each attribute. */
export const REFERENCE: Record<Attribute, (value: string) => Verdict> = {
  ImageName: referenceImageName,
  ImageFamily: referenceImageFamily,
  Description: referenceDescription,
};

/** What one run checked: how many values, and how many of them the reference finds valid. */
export interface Tally {
  checked: number;
  valid: number;
}

export const ATTRIBUTES: readonly Attribute[] = ['ImageName', 'ImageFamily', 'Description'];

function report(attribute: Attribute, validator: string, tally: Tally): void {
  process.stderr.write(
    `${attribute} / ${validator}: ${tally.checked} values agree (${tally.valid} valid, ${tally.checked - tally.valid} invalid per the reference)\n`,
  );
}

/** Counts one value's verdict in the tally, or throws the disagreement in words. */
function agree(tally: Tally, attribute: Attribute, validator: string, value: string, valid: boolean): void {
  const reference = REFERENCE[attribute](value);
  if (valid !== reference.valid) throw new Error(disagreement(validator, value, valid, reference));
  tally.checked++;
  if (reference.valid) tally.valid++;
}

/**
 * Asserts that `saysValid` agrees with the reference on `numRuns` values of `attribute`; a
 * disagreement fails with fast-check's shrunk counterexample, the seed and the rules in words.
 */
export function assertAgreement(
  attribute: Attribute,
  validator: string,
  saysValid: (value: string) => boolean,
  numRuns: number,
  values: fc.Arbitrary<string> = valuesOf(attribute),
): Tally {
  const tally: Tally = { checked: 0, valid: 0 };
  fc.assert(
    fc.property(values, (value) => agree(tally, attribute, validator, value, saysValid(value))),
    runParameters(attribute, numRuns),
  );
  report(attribute, validator, tally);
  return tally;
}

/** {@link assertAgreement} for a validator that must be awaited (an HTTP call). */
export async function assertAgreementAsync(
  attribute: Attribute,
  validator: string,
  saysValid: (value: string) => Promise<boolean>,
  numRuns: number,
  values: fc.Arbitrary<string> = valuesOf(attribute),
): Promise<Tally> {
  const tally: Tally = { checked: 0, valid: 0 };
  await fc.assert(
    fc.asyncProperty(values, async (value) => agree(tally, attribute, validator, value, await saysValid(value))),
    runParameters(attribute, numRuns),
  );
  report(attribute, validator, tally);
  return tally;
}

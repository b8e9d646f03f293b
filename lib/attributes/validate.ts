import { ATTRIBUTE_NAMES, AttributeName, AttributeValues, attributeSpec } from './attributes';
import { checkImageId, checkRegionId } from './rules/identity-rules';
import { RULES } from '../messages/validation';
import { Violation } from './violation';

/** How each input is named in messages: the API's own names by default. */
export type NameFor = (attribute: string) => string;
const asIs: NameFor = (attribute) => attribute;

/** Checks one attribute value; `undefined` means unmanaged and is always fine. */
export function checkAttribute(attribute: AttributeName, value: unknown, nameFor: NameFor = asIs): Violation | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return { attribute: nameFor(attribute), value, rule: RULES.mustBeString };
  const rule = attributeSpec(attribute).rule(value);
  return rule === undefined ? undefined : { attribute: nameFor(attribute), value, rule };
}

/** Checks every managed attribute and returns all violations (empty when valid). */
export function checkAttributes(values: AttributeValues, nameFor: NameFor = asIs): Violation[] {
  return ATTRIBUTE_NAMES.map((a) => checkAttribute(a, values[a], nameFor)).filter((v): v is Violation => v !== undefined);
}

/** Checks the required identity of the image: RegionId and ImageId. */
export function checkIdentity(regionId: unknown, imageId: unknown, nameFor: NameFor = asIs): Violation[] {
  const violations: Violation[] = [];
  const check = (attribute: string, value: unknown, rule: (v: string) => string | undefined) => {
    if (value === undefined || value === null || value === '') {
      violations.push({ attribute: nameFor(attribute), value, rule: RULES.required });
    } else if (typeof value !== 'string') {
      violations.push({ attribute: nameFor(attribute), value, rule: RULES.mustBeString });
    } else {
      const broken = rule(value);
      if (broken) violations.push({ attribute: nameFor(attribute), value, rule: broken });
    }
  };
  check('RegionId', regionId, checkRegionId);
  check('ImageId', imageId, checkImageId);
  return violations;
}

const fold = (k: string) => k.toLowerCase().replace(/[-_]/g, '');

/** The known name a slip most likely meant: the same ignoring case and separators, a prefix of it, or one or two edits away. */
export function closestName(key: string, known: readonly string[]): string | undefined {
  const k = fold(key);
  return (
    known.find((n) => fold(n) === k) ??
    known.find((n) => k.length >= 3 && fold(n).startsWith(k)) ??
    known.find((n) => editDistance(fold(n), k) <= Math.min(2, Math.floor(k.length / 3)))
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/**
 * Reports the keys of `given` that are not in `known` but match one of them when case and
 * separators are ignored: a slip that would otherwise leave an attribute silently unmanaged.
 * Other unknown keys are left alone (CloudFormation and ROS add keys of their own).
 */
export function misspeltKeys(given: object, known: readonly string[], prefix: string, violations: Violation[]): void {
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const match = known.find((k) => fold(k) === fold(key));
    if (match) {
      violations.push({
        attribute: `${prefix}${key}`,
        value: (given as Record<string, unknown>)[key],
        rule: RULES.unknownProperty,
        didYouMean: `${prefix}${match}`,
      });
    }
  }
}

/**
 * Reports every key of `given` that is not in `known` (props from JavaScript, where no compiler
 * catches a misspelt name), suggesting the closest known one.
 */
export function unknownKeys(given: object, known: readonly string[], prefix: string, violations: Violation[]): void {
  for (const key of Object.keys(given)) {
    if (known.includes(key) || (given as Record<string, unknown>)[key] === undefined) continue;
    const match = closestName(key, known);
    violations.push({
      attribute: `${prefix}${key}`,
      value: (given as Record<string, unknown>)[key],
      rule: RULES.unknownProperty,
      ...(match ? { didYouMean: `${prefix}${match}` } : {}),
    });
  }
}

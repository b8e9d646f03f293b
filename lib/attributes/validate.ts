import { ATTRIBUTE_NAMES, AttributeName, AttributeValues } from './attribute-names';
import { ATTRIBUTE_RULES } from './attribute-rules';
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
  const rule = ATTRIBUTE_RULES[attribute](value);
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

import { Token } from './cdk';
import { ATTRIBUTES, checkAttributes, checkIdentity, unknownKeys, Violation } from '../attributes';
import { checkImageName } from '../attributes/rules/name-rules';
import { CONSTRUCT_RULES } from '../messages/construct';
import { RULES } from '../messages/validation';
import { DeletionPolicy } from '../protocol/event';
import { desiredValues } from './desired-values';
import { GoldenImageFamilyProps, GoldenImageMember } from './family-props';
import { isToken } from './literal';

/** The most images a family holds (ImageQuotaFull.ImageFamily beyond). */
export const MAX_FAMILY_MEMBERS = 100;

const FAMILY_PROPS = [
  'regionId',
  'family',
  'images',
  'keepAvailable',
  'current',
  'allowEmptyFamily',
  'deletionPolicy',
  'excludeShared',
  'waitTimeout',
  'dependsOn',
];
/** A member's own attributes: all but the two the family decides (its family and its Status). */
export const MEMBER_ATTRIBUTES = ATTRIBUTES.filter((a) => a.name !== 'ImageFamily' && a.name !== 'Status');
const MEMBER_PROPS = ['imageId', ...new Set(MEMBER_ATTRIBUTES.map((a) => a.prop.split('.')[0]))];
const NESTED = (group: string) =>
  MEMBER_ATTRIBUTES.filter((a) => a.prop.startsWith(`${group}.`)).map((a) => a.prop.slice(group.length + 1));

/** A member as an object, whichever way it was given. */
export function asMember(image: string | GoldenImageMember): GoldenImageMember {
  return typeof image === 'string' ? { imageId: image } : image;
}

/** Checks every literal prop of a family, and what only the whole list can tell (duplicates, `current`, the size). */
export function validateFamily(props: GoldenImageFamilyProps): Violation[] {
  const violations: Violation[] = [];
  unknownKeys(props, FAMILY_PROPS, '', violations);
  violations.push(
    ...checkIdentity(isToken(props.regionId) ? 'cn-hangzhou' : props.regionId, 'm-family', (a) => (a === 'RegionId' ? 'regionId' : a)),
  );
  if (!isToken(props.family)) {
    const broken = typeof props.family === 'string' ? checkImageName(props.family) : RULES.required;
    if (broken) violations.push({ attribute: 'family', value: props.family, rule: broken });
  }
  const images = Array.isArray(props.images) ? props.images : [];
  if (images.length === 0) violations.push({ attribute: 'images', value: props.images, rule: CONSTRUCT_RULES.familyNeedsImages });
  if (images.length > MAX_FAMILY_MEMBERS)
    violations.push({ attribute: 'images', value: `${images.length} images`, rule: CONSTRUCT_RULES.familyTooLarge });
  const seen = new Map<string, number>();
  images.forEach((image, i) => {
    const prefix = `images[${i}].`;
    const member = asMember(image);
    if (typeof image === 'object' && image !== null) {
      unknownKeys(image, MEMBER_PROPS, prefix, violations);
      for (const group of new Set(MEMBER_ATTRIBUTES.filter((a) => a.group).map((a) => a.prop.split('.')[0]))) {
        const inner = (image as unknown as Record<string, unknown>)[group];
        if (typeof inner === 'object' && inner !== null) unknownKeys(inner, NESTED(group), `${prefix}${group}.`, violations);
      }
    }
    const id = member?.imageId;
    if (!isToken(id)) violations.push(...checkIdentity('cn-hangzhou', id, (a) => (a === 'ImageId' ? `images[${i}]` : a)));
    const literalValues = Object.fromEntries(Object.entries(desiredValues(member ?? {})).filter(([, v]) => !isToken(v)));
    const byProp = new Map(MEMBER_ATTRIBUTES.map((a) => [a.name, `${prefix}${a.prop}`] as [string, string]));
    violations.push(...checkAttributes(literalValues, (a) => byProp.get(a) ?? `${prefix}${a}`));
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) violations.push({ attribute: `images[${i}]`, value: id, rule: CONSTRUCT_RULES.duplicateMember(first) });
      else seen.set(id, i);
    }
  });
  if (props.current !== undefined && images.length > 0 && !seen.has(props.current)) {
    violations.push({ attribute: 'current', value: props.current, rule: CONSTRUCT_RULES.currentAmongImages });
  }
  const keep = props.keepAvailable;
  if (keep !== undefined && (Token.isUnresolved(keep) || !Number.isInteger(keep) || keep < 1)) {
    violations.push({ attribute: 'keepAvailable', value: keep, rule: CONSTRUCT_RULES.keepAvailable });
  }
  const t = props.waitTimeout;
  if (t !== undefined && !Token.isUnresolved(t) && !(Number.isInteger(t) && t >= 0 && t <= 86400)) {
    violations.push({ attribute: 'waitTimeout', value: t, rule: RULES.waitTimeout });
  }
  const policy = props.deletionPolicy;
  if (policy !== undefined && policy !== DeletionPolicy.RETAIN && policy !== DeletionPolicy.DEPRECATE) {
    violations.push({ attribute: 'deletionPolicy', value: policy, rule: CONSTRUCT_RULES.familyDeletionPolicy });
  }
  if (policy === DeletionPolicy.DEPRECATE && !props.allowEmptyFamily) {
    violations.push({ attribute: 'deletionPolicy', value: policy, rule: CONSTRUCT_RULES.familyDeprecateAll });
  }
  return violations;
}

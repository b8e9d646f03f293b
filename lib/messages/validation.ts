/**
 * Validation messages: the rules in words, and how a broken rule is reported.
 * Shared by the construct (at synth) and the handler (before any API call).
 */

export const RULES = {
  nameLength: 'must be 2 to 128 characters long',
  nameStart: 'must start with a letter (A-Z, a-z) or a Chinese character from U+4E00 to U+9FA5 (the range the API accepts)',
  nameReservedPrefix: 'must not start with "aliyun" or "acs:"',
  nameNoUrl: 'must not contain "http://" or "https://"',
  nameCharacters: 'may contain only letters, Chinese characters from U+4E00 to U+9FA5, digits, ".", ":", "_" and "-"',
  descriptionLength: 'must be 2 to 256 characters long',
  descriptionNoUrlStart: 'must not start with "http://" or "https://"',
  noControlCharacters: 'must not contain ASCII control characters other than tab, carriage return and line feed (the API refuses them)',
  oneOf: (allowed: readonly string[]) => `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
  regionId: 'must be a region ID such as "cn-hangzhou"',
  imageId: 'must be a custom image ID such as "m-bp1g7004ksh0oeuc0001" (starting with "m-")',
  required: 'is required',
  mustBeString: 'must be a string',
  mustBeBoolean: 'must be true or false',
  waitTimeout: 'must be a whole number of seconds from 0 to 86400',
  restoreToRequired: 'must give the attribute values to put back when DeletionPolicy is "Restore"',
  requestType: 'must be one of "Create", "Update", "Delete"',
  featuresObject: 'must be an object with NvmeSupport and/or ImdsSupport',
  restoreToObject: 'must be an object of image attributes',
  unknownProperty: 'is not a known property',
  membersRequired: 'must list at least one member image',
  currentAmongMembers: 'must be the ImageId of one of the Members',
  familyDeprecateAll: 'deprecates every member, leaving the family empty: it needs AllowEmptyFamily',
  familyDeletionPolicy: 'must be "Retain" or "Deprecate" for a family (Restore has no meaning for one)',
} as const;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return '(not set)';
  // NaN and the infinities have no JSON form (JSON.stringify gives "null"): show them as they are.
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** What describeViolation needs of a violation (see attributes/violation.ts). */
interface ViolationText {
  readonly attribute: string;
  readonly value: unknown;
  readonly rule: string;
  readonly didYouMean?: string;
}

/**
 * One whole sentence per violation:
 * - `ImageName "1web" is not valid: it must start with a letter (A-Z, a-z) or a Chinese character ...`
 * - `ImageId is required.`
 * - `imagename "web" is not a known property. Did you mean imageName?`
 */
export function describeViolation(v: ViolationText): string {
  if (v.rule === RULES.required) return `${v.attribute} is required.`;
  if (v.didYouMean !== undefined) return `${v.attribute} ${show(v.value)} ${v.rule}. Did you mean ${v.didYouMean}?`;
  if (v.rule === RULES.unknownProperty) return `${v.attribute} ${show(v.value)} ${v.rule}.`;
  return `${v.attribute} ${show(v.value)} is not valid: it ${v.rule}.`;
}

export function describeViolations(violations: readonly ViolationText[]): string {
  if (violations.length === 1) return describeViolation(violations[0]);
  return `${violations.length} inputs are not valid:\n${violations.map((v) => `  - ${describeViolation(v)}`).join('\n')}`;
}

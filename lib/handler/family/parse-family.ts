import { AttributeValues, checkIdentity, throwIfViolations, Violation } from '../../attributes';
import { checkImageName } from '../../attributes/rules/name-rules';
import { RULES } from '../../messages/validation';
import { DeletionPolicy } from '../../protocol/event';
import { GoldenImageFamilyProperties } from '../../protocol/family-event';
import { attributeViolations, parseBoolean, parseDeletionPolicy, parseWaitTimeout } from '../event/options';

/** One member after validation. */
export interface ParsedMember {
  readonly imageId: string;
  readonly desired: AttributeValues;
  readonly syncToken?: string;
}

/** A family's properties after validation, in the reconciler's terms. */
export interface ParsedFamily {
  readonly regionId: string;
  readonly family: string;
  readonly currentImageId: string;
  /** Oldest first, as declared. */
  readonly members: readonly ParsedMember[];
  readonly excludeShared: boolean;
  readonly allowEmptyFamily: boolean;
  readonly waitTimeoutSeconds: number;
  readonly deletionPolicy: DeletionPolicy;
  readonly syncTagKey?: string;
}

/** Validates a family's properties, every problem at once, before any API call. */
export function parseFamily(props: GoldenImageFamilyProperties | undefined): ParsedFamily {
  const violations: Violation[] = [];
  const p = (props ?? {}) as GoldenImageFamilyProperties;
  const familyRule = typeof p.ImageFamily === 'string' ? checkImageName(p.ImageFamily) : RULES.required;
  if (familyRule) violations.push({ attribute: 'ImageFamily', value: p.ImageFamily, rule: familyRule });
  const members: ParsedMember[] = [];
  if (!Array.isArray(p.Members) || p.Members.length === 0)
    violations.push({ attribute: 'Members', value: p.Members, rule: RULES.membersRequired });
  for (const [i, m] of (Array.isArray(p.Members) ? p.Members : []).entries()) {
    const prefix = `Members[${i}].`;
    violations.push(...checkIdentity(p.RegionId, m?.ImageId, (a) => (a === 'ImageId' ? `${prefix}ImageId` : a)));
    const { ImageId, SyncToken, ...attributes } = m ?? ({} as never);
    members.push({ imageId: ImageId, desired: attributeViolations(attributes, prefix, violations), syncToken: SyncToken || undefined });
  }
  if (!members.some((m) => m.imageId === p.CurrentImageId)) {
    violations.push({ attribute: 'CurrentImageId', value: p.CurrentImageId, rule: RULES.currentAmongMembers });
  }
  const deletionPolicy = parseDeletionPolicy(p.DeletionPolicy, violations);
  const allowEmptyFamily = parseBoolean('AllowEmptyFamily', p.AllowEmptyFamily, violations);
  if (deletionPolicy === DeletionPolicy.RESTORE)
    violations.push({ attribute: 'DeletionPolicy', value: p.DeletionPolicy, rule: RULES.familyDeletionPolicy });
  throwIfViolations(violations);
  return {
    regionId: p.RegionId,
    family: p.ImageFamily,
    currentImageId: p.CurrentImageId,
    members,
    excludeShared: parseBoolean('ExcludeShared', p.ExcludeShared, violations),
    allowEmptyFamily,
    waitTimeoutSeconds: parseWaitTimeout(p.WaitTimeoutSeconds, violations),
    deletionPolicy,
    syncTagKey: p.SyncTagKey || undefined,
  };
}

import { AttributeValues } from './attributes';

/** What a family's member is for, in a rollout or a rollback. */
export enum MemberRole {
  /** The image launches from the family resolve to (DescribeImageFromFamily returns it). */
  CURRENT = 'current',
  /** An older image kept Available to fall back to (`keepAvailable` counts it). */
  FALLBACK = 'fallback',
  /** An older image beyond the ones kept: Deprecated. */
  RETIRED = 'retired',
  /** A newer image than the current one (a rollback): Deprecated, so the current one is the family's newest Available. */
  WITHDRAWN = 'withdrawn',
}

/** One member as declared: its id and the attributes given for it (name, description, features, ...). */
export interface DeclaredMember {
  readonly imageId: string;
  readonly attributes: AttributeValues;
}

/** One member as planned: every attribute it must have, the family and Status included. */
export interface PlannedMember {
  readonly imageId: string;
  readonly role: MemberRole;
  readonly desired: AttributeValues;
}

/**
 * The desired state of every member of a golden-image family. Members are given oldest first;
 * `current` is an index into them (the newest by default). ECS resolves a family to its newest
 * Available image by creation time, so every member newer than `current` is deprecated (a
 * rollback), `current` and the `keepAvailable - 1` members before it stay Available, and older
 * ones are deprecated. Every member is put in the family.
 */
export function planFamily(family: string, members: readonly DeclaredMember[], current: number, keepAvailable: number): PlannedMember[] {
  return members.map((m, i) => {
    const role =
      i === current
        ? MemberRole.CURRENT
        : i > current
          ? MemberRole.WITHDRAWN
          : current - i < keepAvailable
            ? MemberRole.FALLBACK
            : MemberRole.RETIRED;
    const available = role === MemberRole.CURRENT || role === MemberRole.FALLBACK;
    return { imageId: m.imageId, role, desired: { ...m.attributes, ImageFamily: family, Status: available ? 'Available' : 'Deprecated' } };
  });
}

/** The order a family's writes go in: the current image first, then the other Available ones (newest first), deprecations last (newest first). */
export function applyOrder(planned: readonly PlannedMember[]): PlannedMember[] {
  const rank = (m: PlannedMember) => (m.role === MemberRole.CURRENT ? 0 : m.desired.Status === 'Available' ? 1 : 2);
  return planned
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || b.i - a.i)
    .map(({ m }) => m);
}

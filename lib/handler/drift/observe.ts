import { ATTRIBUTES, AttributeName, AttributeValues, attributeSpec, diffAttributes } from '../../attributes';
import { BROKEN_STATUSES } from '../../attributes/value-sets';
import { imdsDowngrade, imageUnusable, ManagedImageError } from '../../messages/handler-errors';
import { describeDifferences, imageNotFoundAtPlan } from '../../messages/plan';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { currentValues } from '../image/image-values';
import { describeCommunityImages, describeOwnImages, notOwnedErrorFor } from '../image/read-image';
import { syncTokenFor } from './sync-token';
import { tagRoomRefusal } from './tag-room';

/** One image a plan-time read looks at: its id, what is declared, and its manager's tag. */
export interface ObservedImage {
  readonly imageId: string;
  readonly desired: AttributeValues;
  readonly syncTagKey: string;
  /** A declared deprecation of this image is dropped when it is shared (see READ_QUERY.keepIfShared). */
  readonly keepIfShared?: boolean;
}

/** What a plan-time read learns about an image. */
export interface Observation {
  /** See sync-token.ts: unchanged while the image stays as desired. */
  readonly syncToken: string;
  /** Attributes whose current value differs from the desired one, in API order. */
  readonly drifted: AttributeName[];
  /** "" when the image was not found. */
  readonly status: string;
  /** The current value of each desired attribute ("" when the image has none, or was not found). */
  readonly current: AttributeValues;
  /** The differences in words ("" when in sync). */
  readonly differences: string;
  /** A refusal the handler would make whatever else happens, found before anything is applied. */
  readonly refusal?: ManagedImageError;
}

/**
 * Reads every image (DescribeImages only, ceil(N / 100) calls, plus one more per 100 missing
 * images to tell a community image from a missing one; never a write) and compares each with
 * its declared values.
 */
export async function observeImages(
  api: EcsImageApi,
  regionId: string,
  specs: readonly ObservedImage[],
): Promise<Map<string, Observation>> {
  const found = await describeOwnImages(
    api,
    regionId,
    specs.map((s) => s.imageId),
  );
  const missing = specs.map((s) => s.imageId).filter((id) => !found.has(id));
  const community = missing.length > 0 ? await describeCommunityImages(api, regionId, missing) : new Map<string, ImageRecord>();
  const observations = new Map<string, Observation>();
  for (const spec of specs) {
    const target = { regionId, imageId: spec.imageId };
    const image = found.get(spec.imageId);
    if (!image) {
      observations.set(spec.imageId, notFound(target, spec, community.get(spec.imageId)));
      continue;
    }
    observations.set(spec.imageId, observe(target, image, await withoutKeptDeprecation(api, regionId, image, spec)));
  }
  return observations;
}

/**
 * A shared image the caller keeps Available (a family with `excludeShared`) is in sync on Status:
 * one DescribeImageSharePermission, only for an Available image declared Deprecated.
 */
async function withoutKeptDeprecation(api: EcsImageApi, regionId: string, image: ImageRecord, spec: ObservedImage): Promise<ObservedImage> {
  if (!spec.keepIfShared || spec.desired.Status !== 'Deprecated' || image.status !== 'Available') return spec;
  const share = await api.describeImageSharePermission(regionId, spec.imageId);
  if (share.accounts.length === 0 && !share.public) return spec;
  const { Status: _kept, ...desired } = spec.desired;
  return { ...spec, desired };
}

function observe(target: { regionId: string; imageId: string }, image: ImageRecord, spec: ObservedImage): Observation {
  const all = currentValues(image);
  const changes = diffAttributes(all, spec.desired);
  const current: AttributeValues = {};
  for (const a of ATTRIBUTES) if (spec.desired[a.name] !== undefined) current[a.name] = all[a.name] ?? '';
  return {
    syncToken: syncTokenFor(image, changes, spec.syncTagKey),
    drifted: changes.map((c) => c.attribute),
    status: image.status ?? '',
    current,
    differences: changes.length > 0 ? describeDifferences(target.regionId, target.imageId, changes) : '',
    refusal: changes.length > 0 ? refusalAtPlan(target, image, changes, spec.syncTagKey) : undefined,
  };
}

/**
 * The refusals the plan can already tell, from DescribeImages alone: a failed image, a one-way
 * change the API never makes (IMDS v2 to v1), no room for the drift tag. Refusals that need more
 * calls (instances using the image, shares, the family) are left to the handler's guards.
 */
function refusalAtPlan(
  target: { regionId: string; imageId: string },
  image: ImageRecord,
  changes: ReturnType<typeof diffAttributes>,
  syncTagKey: string,
): ManagedImageError | undefined {
  if ((BROKEN_STATUSES as readonly string[]).includes(image.status ?? ''))
    return imageUnusable(target.regionId, target.imageId, image.status ?? '');
  for (const c of changes) {
    const oneWay = attributeSpec(c.attribute).oneWay;
    if (oneWay && c.from === oneWay.from && c.to === oneWay.to) return imdsDowngrade(target.regionId, target.imageId);
  }
  return tagRoomRefusal(target, image, syncTagKey);
}

function notFound(target: { regionId: string; imageId: string }, spec: ObservedImage, community: ImageRecord | undefined): Observation {
  const current: AttributeValues = {};
  for (const a of ATTRIBUTES) if (spec.desired[a.name] !== undefined) current[a.name] = '';
  return {
    syncToken: '',
    drifted: [],
    status: '',
    current,
    differences: '',
    refusal: community ? notOwnedErrorFor(target, community) : imageNotFoundAtPlan(target.regionId, target.imageId),
  };
}

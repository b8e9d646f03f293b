import { AttributeChange, AttributeValues, diffAttributes } from '../../attributes';
import { deprecateSharedImage, familyOrder, familyOutsider } from '../../messages/handler-errors';
import { FAMILY_TAGS } from '../../protocol/family-event';
import { recordedSyncToken, SYNC_TAG_KEY } from '../drift/sync-token';
import { MAX_TAGS_PER_IMAGE } from '../drift/tag-room';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { currentValues } from '../image/image-values';
import { describeCommunityImages, describeOwnImages, EVERY_STATUS, IDS_PER_DESCRIBE, notOwnedErrorFor } from '../image/read-image';
import { reconcile, ReconcileDeps } from '../reconcile/reconcile';
import { tagQuotaFull } from '../../messages/handler-errors';
import { ParsedFamily, ParsedMember } from './parse-family';

/** What happened to one member. */
export interface MemberOutcome {
  readonly imageId: string;
  readonly status?: string;
  readonly changes: AttributeChange[];
  /** Why it was left as it is. */
  readonly kept?: string;
}

export interface FamilyOutcome {
  readonly members: MemberOutcome[];
  /** Images that carried the family's drift tag and are no longer members. */
  readonly released: string[];
}

const DEPRECATION_TAG_KEYS: readonly string[] = [FAMILY_TAGS.replacedBy, FAMILY_TAGS.deprecatedAt];
const created = (i: ImageRecord | undefined) => (i?.creationTime ? Date.parse(i.creationTime) : 0);

/**
 * Reconciles a whole family in one ordered pass, in one process:
 * 1. reads every member (ceil(N / 100) DescribeImages) and the family's Available images (one more);
 * 2. checks, before any write: every member exists; no Available outsider newer than the current
 *    image; members listed oldest first; members to deprecate are not shared (or are kept, with
 *    `excludeShared`); every tag to write has room;
 * 3. writes in order: the current image (made Available, put in the family) first, the other
 *    Available members next, deprecations last. So the family has an Available image at every moment.
 *    A deprecated member is tagged with the image that replaced it and when; a revived one loses those tags;
 * 4. removes the family's drift tag from images that are no longer members.
 * A member already as desired costs no call beyond the first read.
 */
export async function reconcileFamily(deps: ReconcileDeps, f: ParsedFamily, now: () => Date = () => new Date()): Promise<FamilyOutcome> {
  const { api } = deps;
  const tagKey = f.syncTagKey ?? SYNC_TAG_KEY;
  // One wait timeout for the whole family, not one per member: the apply's time is bounded once.
  const deadline = deps.timing.now() + f.waitTimeoutSeconds * 1000;
  const images = await describeOwnImages(
    api,
    f.regionId,
    f.members.map((m) => m.imageId),
  );
  await refuseMissing(api, f, images);
  await refuseOutsidersAndDisorder(api, f, images);

  // What each member must become, once shared members are accounted for.
  const plan: { member: ParsedMember; desired: AttributeValues; kept?: string }[] = [];
  for (const member of f.members) {
    const image = images.get(member.imageId)!;
    const deprecating = member.desired.Status === 'Deprecated' && image.status === 'Available';
    if (deprecating) {
      const share = await api.describeImageSharePermission(f.regionId, member.imageId);
      if (share.accounts.length > 0 || share.public) {
        if (!f.excludeShared) throw deprecateSharedImage(f.regionId, member.imageId, share.accounts, share.public);
        const { Status: _kept, ...rest } = member.desired;
        plan.push({
          member,
          desired: rest,
          kept: `shared with ${share.accounts.length} account(s)${share.public ? ', published' : ''}: kept Available (excludeShared)`,
        });
        continue;
      }
    }
    plan.push({ member, desired: member.desired });
  }
  refuseWithoutTagRoom(f, tagKey, images, plan);

  // Current first, the other Available members next (newest first), deprecations last.
  const rank = (p: (typeof plan)[number]) => (p.member.imageId === f.currentImageId ? 0 : p.desired.Status === 'Deprecated' ? 2 : 1);
  const ordered = plan.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || b.i - a.i);
  const outcomes = new Map<string, MemberOutcome>();
  for (const { p } of ordered) {
    const image = images.get(p.member.imageId)!;
    const target = { regionId: f.regionId, imageId: p.member.imageId };
    const result = await reconcile(deps, {
      target,
      desired: p.desired,
      allowEmptyFamily: f.allowEmptyFamily,
      waitTimeoutSeconds: Math.max(0, Math.floor((deadline - deps.timing.now()) / 1000)),
      syncToken: p.member.syncToken,
      syncTagKey: tagKey,
      knownImage: image,
      // Shares were checked above for the whole family, and the current image stays Available.
      checked: { shares: true, family: true },
    });
    const status = result.changes.find((c) => c.attribute === 'Status');
    if (status?.to === 'Deprecated') {
      await api.tagImage(f.regionId, p.member.imageId, [
        { key: FAMILY_TAGS.replacedBy, value: f.currentImageId },
        {
          key: FAMILY_TAGS.deprecatedAt,
          value: now()
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z'),
        },
      ]);
    } else if (status?.to === 'Available' && image.tags.some((t) => DEPRECATION_TAG_KEYS.includes(t.key))) {
      await api.untagImages(f.regionId, [p.member.imageId], DEPRECATION_TAG_KEYS);
    }
    outcomes.set(p.member.imageId, { imageId: p.member.imageId, status: result.image?.status, changes: result.changes, kept: p.kept });
  }
  const released = await releaseFormerMembers(api, f, tagKey);
  return { members: f.members.map((m) => outcomes.get(m.imageId)!), released };
}

async function refuseMissing(api: EcsImageApi, f: ParsedFamily, images: Map<string, ImageRecord>): Promise<void> {
  const missing = f.members.map((m) => m.imageId).filter((id) => !images.has(id));
  if (missing.length === 0) return;
  const community = await describeCommunityImages(api, f.regionId, missing);
  throw notOwnedErrorFor({ regionId: f.regionId, imageId: missing[0] }, community.get(missing[0]));
}

/** The family must resolve to the current image: no newer Available image may stay Available, member or not. */
async function refuseOutsidersAndDisorder(api: EcsImageApi, f: ParsedFamily, images: Map<string, ImageRecord>): Promise<void> {
  const current = images.get(f.currentImageId);
  for (const m of f.members) {
    if (m.imageId !== f.currentImageId && m.desired.Status === 'Available' && created(images.get(m.imageId)) > created(current)) {
      throw familyOrder(f.regionId, f.family, f.currentImageId, m.imageId);
    }
  }
  const { images: available } = await api.describeImages({
    regionId: f.regionId,
    imageFamily: f.family,
    imageOwnerAlias: 'self',
    status: 'Available',
    pageSize: IDS_PER_DESCRIBE,
  });
  const members = new Set(f.members.map((m) => m.imageId));
  const outsider = available.find((i) => !members.has(i.imageId) && i.imageFamily === f.family && created(i) > created(current));
  if (outsider) throw familyOutsider(f.regionId, f.family, f.currentImageId, outsider.imageId);
}

/** Every tag the pass will add must fit (20 per image), checked before the first write. */
function refuseWithoutTagRoom(
  f: ParsedFamily,
  tagKey: string,
  images: Map<string, ImageRecord>,
  plan: { member: ParsedMember; desired: AttributeValues }[],
): void {
  for (const { member, desired } of plan) {
    const image = images.get(member.imageId)!;
    const adding: string[] = [];
    if (member.syncToken && member.syncToken !== recordedSyncToken(image, tagKey)) adding.push(tagKey);
    const deprecating = diffAttributes(currentValues(image), desired).some((c) => c.attribute === 'Status' && c.to === 'Deprecated');
    if (deprecating) adding.push(...DEPRECATION_TAG_KEYS);
    const added = adding.filter((k) => !image.tags.some((t) => t.key === k));
    if (image.tags.length + added.length > MAX_TAGS_PER_IMAGE)
      throw tagQuotaFull(f.regionId, member.imageId, added.join('", "'), image.tags.length);
  }
}

/** Images that still carry the family's drift tag but left the member list: the tag goes. */
async function releaseFormerMembers(api: EcsImageApi, f: ParsedFamily, tagKey: string): Promise<string[]> {
  if (!f.syncTagKey) return [];
  const { images } = await api.describeImages({
    regionId: f.regionId,
    tagKey,
    imageOwnerAlias: 'self',
    status: EVERY_STATUS,
    pageSize: IDS_PER_DESCRIBE,
  });
  const members = new Set(f.members.map((m) => m.imageId));
  const former = images.filter((i) => !members.has(i.imageId) && i.tags.some((t) => t.key === tagKey)).map((i) => i.imageId);
  for (let i = 0; i < former.length; i += 50) await api.untagImages(f.regionId, former.slice(i, i + 50), [tagKey]);
  return former;
}

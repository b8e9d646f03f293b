import { AttributeValidationError } from '../../attributes/violation';
import { RULES } from '../../messages/validation';
import { DeletionPolicy, HandlerContext } from '../../protocol/event';
import { GoldenImageFamilyEvent, GoldenImageFamilyResponse } from '../../protocol/family-event';
import { ResolvedDeps } from '../deps';
import { EcsApiError } from '../ecs/api-error';
import { reconcile } from '../reconcile/reconcile';
import { parseFamily, ParsedFamily } from './parse-family';
import { FamilyOutcome, reconcileFamily } from './reconcile-family';

/** The codes the tag actions answer when an image no longer exists. */
const IMAGE_GONE = new Set(['InvalidResourceId.NotFound', 'InvalidImageId.NotFound']);

/** Handles one family event: Create and Update reconcile every member in order; Delete applies the family's policy. */
export async function handleFamilyEvent(
  deps: ResolvedDeps,
  event: GoldenImageFamilyEvent,
  _context?: HandlerContext,
): Promise<GoldenImageFamilyResponse> {
  const f = parseFamily(event.ResourceProperties);
  const api = deps.apiFor(f.regionId, deps.timing.now() + f.waitTimeoutSeconds * 1000);
  const rdeps = { api, sleep: deps.sleep, timing: deps.timing, log: deps.log };
  if (event.RequestType !== 'Delete') return response(f, await reconcileFamily(rdeps, f));

  if (f.deletionPolicy === DeletionPolicy.DEPRECATE) {
    if (!f.allowEmptyFamily) {
      throw new AttributeValidationError([{ attribute: 'DeletionPolicy', value: f.deletionPolicy, rule: RULES.familyDeprecateAll }]);
    }
    // Oldest first: the current image goes last.
    for (const m of f.members) {
      await reconcile(rdeps, {
        target: { regionId: f.regionId, imageId: m.imageId },
        desired: { Status: 'Deprecated' },
        allowEmptyFamily: true,
        waitTimeoutSeconds: f.waitTimeoutSeconds,
        onMissing: 'ignore',
      });
    }
  }
  await releaseTags(deps, f);
  return response(f, { members: f.members.map((m) => ({ imageId: m.imageId, changes: [] })), released: [] });
}

/** Removes the family's drift tag from every member (50 per call); members deleted by hand are skipped. */
async function releaseTags(deps: ResolvedDeps, f: ParsedFamily): Promise<void> {
  if (!f.syncTagKey) return;
  const api = deps.apiFor(f.regionId);
  const ids = f.members.map((m) => m.imageId);
  for (let i = 0; i < ids.length; i += 50) {
    const batch = ids.slice(i, i + 50);
    try {
      await api.untagImages(f.regionId, batch, [f.syncTagKey]);
    } catch (e) {
      if (!(e instanceof EcsApiError) || !IMAGE_GONE.has(e.code)) throw e;
      // One of them is gone: the others one by one.
      for (const id of batch) {
        await api.untagImages(f.regionId, [id], [f.syncTagKey]).catch((one: unknown) => {
          if (!(one instanceof EcsApiError) || !IMAGE_GONE.has(one.code)) throw one;
        });
      }
    }
  }
}

function response(f: ParsedFamily, outcome: FamilyOutcome): GoldenImageFamilyResponse {
  return {
    PhysicalResourceId: `${f.regionId}/${f.family}`,
    Data: {
      RegionId: f.regionId,
      ImageFamily: f.family,
      CurrentImageId: f.currentImageId,
      Members: outcome.members.map((m) => ({
        ImageId: m.imageId,
        ...(m.status ? { Status: m.status } : {}),
        Changes: m.changes.map((c) => ({ Attribute: c.attribute, ...(c.from !== undefined ? { From: c.from } : {}), To: c.to })),
        ...(m.kept ? { Kept: m.kept } : {}),
      })),
      Released: outcome.released,
    },
  };
}

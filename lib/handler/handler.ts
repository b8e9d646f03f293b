import { AttributeValues, checkIdentity } from '../attributes';
import { AttributeValidationError } from '../attributes/violation';
import { RULES } from '../messages/validation';
import { DeletionPolicy, HandlerContext, ManagedImageEvent, ManagedImageResponse, RequestType } from '../protocol/event';
import { GoldenImageFamilyEvent, GoldenImageFamilyResponse, RESOURCE_TYPES } from '../protocol/family-event';
import { HandlerDeps, resolveDeps } from './deps';
import { handleFamilyEvent } from './family/family-handler';
import { EcsApiError } from './ecs/api-error';
import { EcsImageApi } from './ecs/ecs-api';
import { ImageTarget } from './image/image-target';
import { parseProperties, ParsedProperties } from './event/parse-properties';
import { responseFor } from './event/response';
import { reconcile, ReconcileMode } from './reconcile/reconcile';

export type { HandlerDeps } from './deps';

/** The handler: an image's event gets an image's response, a family's event a family's. */
export interface ManagedImageHandler {
  (event: ManagedImageEvent, context?: HandlerContext): Promise<ManagedImageResponse>;
  (event: GoldenImageFamilyEvent, context?: HandlerContext): Promise<GoldenImageFamilyResponse>;
  (event: ManagedImageEvent | GoldenImageFamilyEvent, context?: HandlerContext): Promise<ManagedImageResponse | GoldenImageFamilyResponse>;
}

const REQUEST_TYPES: readonly RequestType[] = ['Create', 'Update', 'Delete'];

/** Builds a handler over the given dependencies (tests inject fakes; `handler` uses the real ones). */
export function createHandler(deps: HandlerDeps = {}): ManagedImageHandler {
  const resolved = resolveDeps(deps);
  const { apiFor, sleep, timing, log } = resolved;
  const handleImage = async (event: ManagedImageEvent, context?: HandlerContext): Promise<ManagedImageResponse> => {
    const run = (p: ParsedProperties, desired: AttributeValues, mode: ReconcileMode) => {
      // Throttling is waited out no longer than the image would be: the wait timeout, within the invocation.
      const waitSeconds = waitBudget(p.waitTimeoutSeconds, context);
      return reconcile(
        { api: apiFor(p.target.regionId, timing.now() + waitSeconds * 1000), sleep, timing, log },
        { target: p.target, desired, allowEmptyFamily: p.allowEmptyFamily, waitTimeoutSeconds: waitSeconds, ...mode },
      );
    };

    if (!event || !REQUEST_TYPES.includes(event.RequestType)) {
      throw new AttributeValidationError([{ attribute: 'RequestType', value: event?.RequestType, rule: RULES.requestType }]);
    }
    log.log('info', 'event received', {
      RequestType: event.RequestType,
      PhysicalResourceId: event.PhysicalResourceId,
      ResourceProperties: event.ResourceProperties,
    });

    if (event.RequestType === 'Delete') {
      const props = event.ResourceProperties;
      const physicalId = event.PhysicalResourceId ?? props?.ImageId;
      // Retain touches no attribute and needs nothing valid: a Delete after a failed Create must
      // succeed. It only removes this manager's tag, when the event names one.
      const policy = props?.DeletionPolicy ?? DeletionPolicy.RETAIN;
      if (policy === DeletionPolicy.RETAIN) {
        if (typeof props?.SyncTagKey === 'string' && checkIdentity(props.RegionId, props.ImageId).length === 0) {
          await releaseTag(apiFor(props.RegionId), { regionId: props.RegionId, imageId: props.ImageId }, props.SyncTagKey);
        }
        return responseFor(physicalId, props?.RegionId, props?.ImageId);
      }
      const p = parseProperties(props);
      const result =
        p.deletionPolicy === DeletionPolicy.DEPRECATE
          ? await run(p, { Status: 'Deprecated' }, { onMissing: 'ignore' })
          : await run(p, p.restoreTo ?? {}, {
              onMissing: 'ignore',
              onRefusal: 'skip',
              skipped: p.restoreSkipped,
              unclearable: p.restoreUnclearable,
            });
      if (p.syncTagKey && result.image) await releaseTag(apiFor(p.target.regionId), p.target, p.syncTagKey);
      return responseFor(physicalId, p.target.regionId, p.target.imageId, result, p.deletionPolicy === DeletionPolicy.RESTORE);
    }

    // Create and Update both bring the image to the desired state; every input is checked first.
    const p = parseProperties(event.ResourceProperties);
    const result = await run(p, p.desired, { syncToken: p.syncToken, syncTagKey: p.syncTagKey });
    return responseFor(p.target.imageId, p.target.regionId, p.target.imageId, result);
  };
  return (async (event: ManagedImageEvent | GoldenImageFamilyEvent, context?: HandlerContext) => {
    if (event?.ResourceType === RESOURCE_TYPES.family) {
      if (!REQUEST_TYPES.includes(event.RequestType)) {
        throw new AttributeValidationError([{ attribute: 'RequestType', value: event.RequestType, rule: RULES.requestType }]);
      }
      log.log('info', 'family event received', { RequestType: event.RequestType, ResourceProperties: event.ResourceProperties });
      return handleFamilyEvent(resolved, event as GoldenImageFamilyEvent, context);
    }
    return handleImage(event as ManagedImageEvent, context);
  }) as ManagedImageHandler;
}

/**
 * Removes a manager's drift tag from an image it no longer manages. An image that is gone has no
 * tag to remove: that is success (destroy must work after an image was deleted by hand).
 */
async function releaseTag(api: EcsImageApi, target: ImageTarget, tagKey: string): Promise<void> {
  try {
    await api.untagImages(target.regionId, [target.imageId], [tagKey]);
  } catch (e) {
    if (!(e instanceof EcsApiError) || !IMAGE_GONE.has(e.code)) throw e;
  }
}

/** The codes the tag actions answer for an image that no longer exists. */
const IMAGE_GONE = new Set(['InvalidResourceId.NotFound', 'InvalidImageId.NotFound']);

/** Time left for the settle wait keeps a margin before a Lambda/FC invocation would be cut off. */
const INVOCATION_MARGIN_MS = 30_000;

/** The wait timeout, shortened to what the invocation has left (when the context tells). */
function waitBudget(waitTimeoutSeconds: number, context?: HandlerContext): number {
  const remaining = context?.getRemainingTimeInMillis?.();
  if (remaining === undefined) return waitTimeoutSeconds;
  return Math.max(0, Math.min(waitTimeoutSeconds, Math.floor((remaining - INVOCATION_MARGIN_MS) / 1000)));
}

/** The Lambda-style entry point, with the official SDK and credentials from the environment. */
export const handler: ManagedImageHandler = ((event: ManagedImageEvent | GoldenImageFamilyEvent, context?: HandlerContext) =>
  createHandler()(event, context)) as ManagedImageHandler;

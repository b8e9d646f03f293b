import { AttributeValues } from '../attributes';
import { AttributeValidationError } from '../attributes/violation';
import { RULES } from '../messages/validation';
import { DeletionPolicy, HandlerContext, ManagedImageEvent, ManagedImageResponse, RequestType } from '../protocol/event';
import { HandlerDeps, resolveDeps } from './deps';
import { parseProperties, ParsedProperties } from './event/parse-properties';
import { responseFor } from './event/response';
import { reconcile, ReconcileMode } from './reconcile/reconcile';

export type { HandlerDeps } from './deps';

export type ManagedImageHandler = (event: ManagedImageEvent, context?: HandlerContext) => Promise<ManagedImageResponse>;

const REQUEST_TYPES: readonly RequestType[] = ['Create', 'Update', 'Delete'];

/** Builds a handler over the given dependencies (tests inject fakes; `handler` uses the real ones). */
export function createHandler(deps: HandlerDeps = {}): ManagedImageHandler {
  const { apiFor, sleep, timing, log } = resolveDeps(deps);
  return async (event, context) => {
    const run = (p: ParsedProperties, desired: AttributeValues, mode: ReconcileMode) =>
      reconcile(
        { api: apiFor(p.target.regionId), sleep, timing, log },
        {
          target: p.target,
          desired,
          allowEmptyFamily: p.allowEmptyFamily,
          waitTimeoutSeconds: waitBudget(p.waitTimeoutSeconds, context),
          ...mode,
        },
      );

    if (!event || !REQUEST_TYPES.includes(event.RequestType)) {
      throw new AttributeValidationError([{ attribute: 'RequestType', value: event?.RequestType, rule: RULES.requestType }]);
    }
    log.log('info', 'event received', {
      RequestType: event.RequestType,
      PhysicalResourceId: event.PhysicalResourceId,
      ResourceProperties: event.ResourceProperties,
    });

    if (event.RequestType === 'Delete') {
      const physicalId = event.PhysicalResourceId ?? event.ResourceProperties?.ImageId;
      // Retain touches nothing, and needs nothing valid: a Delete after a failed Create must succeed.
      const policy = event.ResourceProperties?.DeletionPolicy ?? DeletionPolicy.RETAIN;
      if (policy === DeletionPolicy.RETAIN) {
        return responseFor(physicalId, event.ResourceProperties?.RegionId, event.ResourceProperties?.ImageId);
      }
      const p = parseProperties(event.ResourceProperties);
      const result =
        p.deletionPolicy === DeletionPolicy.DEPRECATE
          ? await run(p, { Status: 'Deprecated' }, { onMissing: 'ignore' })
          : await run(p, p.restoreTo ?? {}, { onMissing: 'ignore', onRefusal: 'skip' });
      return responseFor(physicalId, p.target.regionId, p.target.imageId, result, p.deletionPolicy === DeletionPolicy.RESTORE);
    }

    // Create and Update both bring the image to the desired state; every input is checked first.
    const p = parseProperties(event.ResourceProperties);
    const result = await run(p, p.desired, { syncToken: p.syncToken });
    return responseFor(p.target.imageId, p.target.regionId, p.target.imageId, result);
  };
}

/** Time left for the settle wait keeps a margin before a Lambda/FC invocation would be cut off. */
const INVOCATION_MARGIN_MS = 30_000;

/** The wait timeout, shortened to what the invocation has left (when the context tells). */
function waitBudget(waitTimeoutSeconds: number, context?: HandlerContext): number {
  const remaining = context?.getRemainingTimeInMillis?.();
  if (remaining === undefined) return waitTimeoutSeconds;
  return Math.max(0, Math.min(waitTimeoutSeconds, Math.floor((remaining - INVOCATION_MARGIN_MS) / 1000)));
}

/** The Lambda-style entry point, with the official SDK and credentials from the environment. */
export const handler: ManagedImageHandler = (event, context) => createHandler()(event, context);

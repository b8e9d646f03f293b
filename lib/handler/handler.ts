import { AttributeChange, AttributeValues } from '../attributes';
import { RULES } from '../messages/validation';
import { AttributeValidationError } from '../attributes/violation';
import { DeletionPolicy, HandlerContext, ManagedImageEvent, ManagedImageResponse, RequestType } from './contract';
import { EcsImageApi } from './ecs-api';
import { parseProperties, ParsedProperties } from './event-properties';
import { Logger, stderrLogger } from './log';
import { reconcile, ReconcileResult } from './reconcile';
import { DEFAULT_RETRY_POLICY, realSleep, RetryPolicy, Sleep } from './retry';
import { logRetries, retryingEcsApi } from './retrying-ecs-api';
import { sdkEcsApi } from './sdk-ecs-api';
import { DEFAULT_TIMING, Timing } from './timing';

/** Everything the handler touches outside itself; each has a real default. */
export interface HandlerDeps {
  /** Builds the (non-retrying) API for a region. @default the official SDK */
  readonly apiFor?: (regionId: string) => EcsImageApi;
  readonly retryPolicy?: RetryPolicy;
  readonly sleep?: Sleep;
  readonly timing?: Partial<Timing>;
  readonly log?: Logger;
}

export type ManagedImageHandler = (event: ManagedImageEvent, context?: HandlerContext) => Promise<ManagedImageResponse>;

const REQUEST_TYPES: readonly RequestType[] = ['Create', 'Update', 'Delete'];

/** Builds a handler over the given dependencies (tests inject fakes; `handler` uses the real ones). */
export function createHandler(deps: HandlerDeps = {}): ManagedImageHandler {
  const log = deps.log ?? stderrLogger();
  const sleep = deps.sleep ?? realSleep;
  const timing: Timing = { ...DEFAULT_TIMING, ...deps.timing };
  const apiFor = (regionId: string) =>
    retryingEcsApi((deps.apiFor ?? ((r) => sdkEcsApi({ regionId: r })))(regionId), deps.retryPolicy ?? DEFAULT_RETRY_POLICY, sleep, logRetries(log));
  return async (event, context) => {
    const run = (p: ParsedProperties, desired: AttributeValues, mode: Partial<Pick<Parameters<typeof reconcile>[1], 'onRefusal' | 'onMissing' | 'syncToken'>>) =>
      reconcile(
        { api: apiFor(p.target.regionId), sleep, timing, log },
        { target: p.target, desired, allowEmptyFamily: p.allowEmptyFamily, waitTimeoutSeconds: waitBudget(p.waitTimeoutSeconds, context), ...mode },
      );

    if (!event || !REQUEST_TYPES.includes(event.RequestType)) {
      throw new AttributeValidationError([{ attribute: 'RequestType', value: event?.RequestType, rule: RULES.requestType }]);
    }
    log.log('info', 'event received', { RequestType: event.RequestType, PhysicalResourceId: event.PhysicalResourceId, ResourceProperties: event.ResourceProperties });

    if (event.RequestType === 'Delete') {
      const physicalId = event.PhysicalResourceId ?? event.ResourceProperties?.ImageId;
      // Retain touches nothing, and needs nothing valid: a Delete after a failed Create must succeed.
      const policy = event.ResourceProperties?.DeletionPolicy ?? DeletionPolicy.RETAIN;
      if (policy === DeletionPolicy.RETAIN) {
        return response(physicalId, event.ResourceProperties?.RegionId, event.ResourceProperties?.ImageId);
      }
      const p = parseProperties(event.ResourceProperties);
      const result =
        p.deletionPolicy === DeletionPolicy.DEPRECATE
          ? await run(p, { Status: 'Deprecated' }, { onMissing: 'ignore' })
          : await run(p, p.restoreTo ?? {}, { onMissing: 'ignore', onRefusal: 'skip' });
      return response(physicalId, p.target.regionId, p.target.imageId, result, p.deletionPolicy === DeletionPolicy.RESTORE);
    }

    // Create and Update both bring the image to the desired state; every input is checked first.
    const p = parseProperties(event.ResourceProperties);
    const result = await run(p, p.desired, { syncToken: p.syncToken });
    return response(p.target.imageId, p.target.regionId, p.target.imageId, result);
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

function response(
  physicalId: string,
  regionId: string,
  imageId: string,
  result?: ReconcileResult,
  withSkipped = false,
): ManagedImageResponse {
  return {
    PhysicalResourceId: physicalId,
    Data: {
      ImageId: imageId,
      RegionId: regionId,
      ...(result?.image?.status ? { Status: result.image.status } : {}),
      Changes: (result?.changes ?? []).map(toAppliedChange),
      RequestIds: result?.requestIds.filter(Boolean) ?? [],
      ...(withSkipped ? { Skipped: (result?.skipped ?? []).map((s) => ({ Attribute: s.attribute, Reason: s.reason })) } : {}),
    },
  };
}

function toAppliedChange(c: AttributeChange) {
  return { Attribute: c.attribute, ...(c.from !== undefined ? { From: c.from } : {}), To: c.to };
}

/** The Lambda-style entry point, with the official SDK and credentials from the environment. */
export const handler: ManagedImageHandler = (event, context) => createHandler()(event, context);

import { AttributeChange } from '../../attributes';
import { AppliedChange, ManagedImageResponse } from '../../protocol/event';
import { ReconcileResult } from '../reconcile/reconcile';

function toAppliedChange(c: AttributeChange): AppliedChange {
  return { Attribute: c.attribute, ...(c.from !== undefined ? { From: c.from } : {}), To: c.to };
}

/** The handler's answer for one image; `Skipped` only when asked for (Delete with Restore). */
export function responseFor(
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

import { EmulatorCall } from '../../lib/emulator';

/** An image as far as family membership goes. */
export interface FamilyMember {
  readonly id: string;
  readonly status: string;
  readonly family?: string;
}

/**
 * Replays the successful ModifyImageAttribute calls of a call log over the images' starting
 * state and returns, after each call, how many images of `family` were Available: the proof
 * that an apply never left the family empty, at any moment.
 */
export function availableInFamilyOverTime(start: readonly FamilyMember[], calls: readonly EmulatorCall[], family: string): number[] {
  const images = new Map(start.map((m) => [m.id, { ...m }]));
  const count = () => [...images.values()].filter((m) => m.family === family && m.status === 'Available').length;
  const counts = [count()];
  for (const call of calls) {
    if (call.Action !== 'ModifyImageAttribute' || call.Code !== null) continue;
    const image = images.get(call.Params.ImageId);
    if (!image) continue;
    if (call.Params.Status) image.status = call.Params.Status;
    if (call.Params.ImageFamily) image.family = call.Params.ImageFamily;
    counts.push(count());
  }
  return counts;
}

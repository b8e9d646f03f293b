import { ATTRIBUTE_NAMES, AttributeValues, diffAttributes } from '../../attributes';
import { EcsImageApi } from '../ecs/ecs-api';
import { currentValues } from '../image/image-values';
import { ImageTarget } from '../image/image-target';
import { readOwnImage } from '../image/read-image';
import { syncTokenFor } from './sync-token';

/** What a plan-time read learns about an image. */
export interface Observation {
  /** See sync-token.ts: unchanged while the image stays as desired. */
  readonly syncToken: string;
  /** Attributes whose current value differs from the desired one, in API order. */
  readonly drifted: string[];
  readonly status: string;
  /** The current value of each desired attribute. */
  readonly current: AttributeValues;
}

/** Reads the image (DescribeImages only; no writes) and compares it with the desired values. */
export async function observeImage(api: EcsImageApi, target: ImageTarget, desired: AttributeValues): Promise<Observation> {
  const image = await readOwnImage(api, target);
  const all = currentValues(image);
  const changes = diffAttributes(all, desired);
  const current: AttributeValues = {};
  for (const a of ATTRIBUTE_NAMES) if (desired[a] !== undefined) current[a] = all[a] ?? '';
  return { syncToken: syncTokenFor(image, changes), drifted: changes.map((c) => c.attribute), status: image.status ?? '', current };
}

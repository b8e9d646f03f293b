import { AttributeValues, diffAttributes } from '../../attributes';
import { readBackTimeout } from '../../messages/handler-errors';
import { EcsImageApi, ImageRecord } from '../ecs/ecs-api';
import { Sleep } from '../ecs/retry';
import { currentValues } from '../image/image-values';
import { ImageTarget } from '../image/image-target';
import { readOwnImage } from '../image/read-image';
import { Timing } from './timing';

/**
 * After a change, reads the image until it shows the desired values (the API may take a moment
 * to reflect a write). Bounded: gives up after `timing.readBackAttempts` reads.
 */
export async function waitForReadBack(
  api: EcsImageApi,
  target: ImageTarget,
  desired: AttributeValues,
  timing: Timing,
  sleep: Sleep,
): Promise<ImageRecord> {
  let delay = timing.readBackDelayMs;
  let missing: string[] = [];
  for (let attempt = 1; attempt <= timing.readBackAttempts; attempt++) {
    const image = await readOwnImage(api, target);
    missing = diffAttributes(currentValues(image), desired).map((c) => c.attribute);
    if (missing.length === 0) return image;
    if (attempt < timing.readBackAttempts) {
      await sleep(delay);
      delay *= 2;
    }
  }
  throw readBackTimeout(target.regionId, target.imageId, missing);
}

/**
 * What the plan-time read says in the plan: the differences between an image and its declaration
 * (shown by a check block), and the refusals that fail the plan before anything is applied.
 */
import { ERROR_CODES } from './error-codes';
import { ManagedImageError } from './handler-errors';

const image = (regionId: string, imageId: string) => `Image ${imageId} in ${regionId}`;
const quoted = (value: string | undefined) => (value === undefined || value === '' ? '(none)' : JSON.stringify(value));

/**
 * `Image m-x in cn-hangzhou differs from its declaration: ImageName is "hand-edited" on the image
 * and "web-v2" in the configuration. Apply sets the declared values.`
 */
export function describeDifferences(
  regionId: string,
  imageId: string,
  changes: readonly { attribute: string; from: string | undefined; to: string }[],
): string {
  const parts = changes.map((c) => `${c.attribute} is ${quoted(c.from)} on the image and ${quoted(c.to)} in the configuration`);
  return `${image(regionId, imageId)} differs from its declaration: ${parts.join('; ')}. Apply sets the declared values.`;
}

/** The plan's version of "not found": what happened, and the two ways out. */
export function imageNotFoundAtPlan(regionId: string, imageId: string): ManagedImageError {
  return new ManagedImageError(
    ERROR_CODES.imageNotFound,
    `${image(regionId, imageId)} was not found among this account's custom images (any status): it may have been deleted outside Terraform, or ImageId, RegionId or the credentials are wrong. If it was deleted on purpose, run destroy (it needs no image) or remove the construct from the code; otherwise fix ImageId or RegionId. Nothing was changed.`,
  );
}

/** A refusal as the plan prints it: `<code>: <message>`, the way the CLI prints the handler's. */
export function refusalText(error: { code: string; message: string }): string {
  return `${error.code}: ${error.message}`;
}

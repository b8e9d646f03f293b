/** Errors the construct raises at synth. Each names the prop, the value and the rule. */
import { describeViolations } from './validation';

export function invalidProps(
  constructPath: string,
  violations: readonly { attribute: string; value: unknown; rule: string }[],
  construct = 'ManagedCustomImage',
): Error {
  return new Error(`${construct} ${constructPath}: ${describeViolations(violations)}`);
}

export const CONSTRUCT_RULES = {
  familyNeedsImages: 'must list at least one image',
  familyTooLarge: 'must list at most 100 images: a family holds no more (the API answers ImageQuotaFull.ImageFamily)',
  duplicateMember: (first: number) => `is listed twice: it is also images[${first}]`,
  currentAmongImages: 'must be one of images (the same literal id, or the same token)',
  keepAvailable: 'must be a whole number, 1 or more (the family always keeps its current image Available), known at synth',
  familyDeletionPolicy: 'must be DeletionPolicy.RETAIN or DeletionPolicy.DEPRECATE for a family',
  familyDeprecateAll:
    'deprecates every member at destroy, leaving the family with no image to launch from: set allowEmptyFamily to allow it',
  restoreNeedsDriftDetection:
    'needs driftDetection, whose plan-time read records the values to put back, and driftDetection is false; turn driftDetection on or choose another deletionPolicy',
} as const;

export function cliBundleMissing(bundlePath: string): Error {
  return new Error(
    `The managed-image CLI bundle was not found at ${bundlePath}. It is built by "npm run build" (and shipped in the published package); build it, or reinstall the package.`,
  );
}

export function duplicateImage(imageId: string, regionId: string, firstPath: string, secondPath: string): Error {
  return new Error(
    `Image ${imageId} in ${regionId} is declared twice in one stack, by ${firstPath} and by ${secondPath}: the two declarations would undo each other on every apply. Declare each image once per stack.`,
  );
}

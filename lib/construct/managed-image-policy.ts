import { Construct } from 'constructs';
import { RAM_ACTIONS } from '../protocol/ram-actions';
import { ManagedImageRegistry } from './stack/image-registry';

/** Options of {@link ManagedImagePolicy.forStack}. */
export interface ManagedImagePolicyOptions {
  /**
   * The account that owns the images, for the ARNs.
   * @default "*" - any account (the images' ids already pin them)
   */
  readonly accountId?: string;
}

/**
 * The least-privilege RAM policy for the identity the engine runs the handler with: writes
 * (`ModifyImageAttribute`, the tag actions) only on the images the stack manages, their
 * share-permission read, and the listings the reads and guards need (`DescribeImages` on the
 * region's images, `DescribeInstances` on its instances). Nothing else is called.
 *
 * ```ts
 * new RamPolicy(stack, 'ImageGovernor', { policyDocument: ManagedImagePolicy.forStack(stack), ... });
 * ```
 */
export class ManagedImagePolicy {
  /**
   * The policy document (RAM policy JSON, version 1) for every `ManagedCustomImage` and
   * `GoldenImageFamily` in the stack `scope` belongs to. Call it after the images are declared.
   * Ids given as tokens appear as tokens, which the engine resolves.
   */
  public static forStack(scope: Construct, options: ManagedImagePolicyOptions = {}): string {
    const account = options.accountId ?? '*';
    const images = ManagedImageRegistry.of(scope).managedImages();
    const regions = [...new Set(images.map((i) => i.regionId))];
    const imageArns = images.map((i) => `acs:ecs:${i.regionId}:${account}:image/${i.imageId}`);
    const statements = [
      { Effect: 'Allow', Action: [...RAM_ACTIONS.imageWrites, ...RAM_ACTIONS.imageReads], Resource: imageArns },
      { Effect: 'Allow', Action: [...RAM_ACTIONS.imageListing], Resource: regions.map((r) => `acs:ecs:${r}:${account}:image/*`) },
      { Effect: 'Allow', Action: [...RAM_ACTIONS.instanceListing], Resource: regions.map((r) => `acs:ecs:${r}:${account}:instance/*`) },
    ].filter((s) => s.Resource.length > 0);
    return JSON.stringify({ Version: '1', Statement: statements });
  }

  private constructor() {}
}

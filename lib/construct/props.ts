import { ITerraformDependable } from './cdk';
import { BootMode, DeletionPolicy, ImageStatus, ImdsSupport, LicenseType, NvmeSupport } from './enums';

/** The `Features` attributes of an image. Each one left out is not managed. */
export interface ManagedCustomImageFeatures {
  /**
   * Whether the image supports NVMe.
   * @default - not managed
   */
  readonly nvmeSupport?: NvmeSupport;
  /**
   * The metadata access mode. Once `v2`, an image can never go back to `v1`.
   * @default - not managed
   */
  readonly imdsSupport?: ImdsSupport;
}

/** Properties of a {@link ManagedCustomImage}. */
export interface ManagedCustomImageProps {
  /** The region of the image, e.g. `cn-hangzhou`. */
  readonly regionId: string;
  /** The custom image to manage, e.g. `m-bp1g7004ksh0oeuc0001`. May be a token (another resource's attribute). */
  readonly imageId: string;
  /**
   * 2 to 128 characters: letters, Chinese characters, digits, `.`, `:`, `_`, `-`; starting with a
   * letter or a Chinese character, not with `aliyun` or `acs:`; no `http://` or `https://`.
   * Unique among the account's images in the region.
   * @default - not managed
   */
  readonly imageName?: string;
  /**
   * 2 to 256 characters, not starting with `http://` or `https://`.
   * @default - not managed
   */
  readonly description?: string;
  /**
   * The image family, with the same rules as `imageName`. A family can be changed but never removed.
   * @default - not managed
   */
  readonly imageFamily?: string;
  /**
   * Cannot change while instances use the image.
   * @default - not managed
   */
  readonly bootMode?: BootMode;
  /** @default - not managed */
  readonly licenseType?: LicenseType;
  /**
   * `Deprecated` needs the image unshared first; deprecating the last Available image of a family
   * is refused unless `allowEmptyFamily` is set.
   * @default - not managed
   */
  readonly status?: ImageStatus;
  /** @default - no feature is managed */
  readonly features?: ManagedCustomImageFeatures;
  /**
   * What happens to the image when this resource is destroyed. `RESTORE` puts back, for each
   * attribute, the value the image had at the plan that first managed that attribute (it needs
   * `driftDetection`, whose read records them).
   * A replacement caused by a changed attribute never triggers it.
   * @default DeletionPolicy.RETAIN
   */
  readonly deletionPolicy?: DeletionPolicy;
  /**
   * Allow deprecating the last Available image of its family.
   * @default false
   */
  readonly allowEmptyFamily?: boolean;
  /**
   * Seconds to wait for an image that is still Creating or Waiting (0 to 86400).
   * @default 1200
   */
  readonly waitTimeout?: number;
  /**
   * Read the image at plan time (hashicorp/external data source) so that `plan` shows drift made
   * outside Terraform and `apply` repairs it. Turn off where the external provider cannot run.
   * @default true
   */
  readonly driftDetection?: boolean;
  /**
   * Resources and constructs this image's change must wait for, like any cdktf resource's
   * `dependsOn` (another `ManagedCustomImage` works too). Changes the construct orders itself
   * (revivals and family joins before deprecations, one deprecation at a time) need no entry.
   * @default - no dependencies of your own
   */
  readonly dependsOn?: ITerraformDependable[];
}

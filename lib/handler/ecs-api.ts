/**
 * The I/O seam: the few ECS calls the reconciler makes, in plain types. The real implementation
 * wraps the official SDK (sdk-ecs-api.ts); unit tests use fakes; integration tests use the SDK
 * against the emulator.
 */

export interface ImageTag {
  readonly key: string;
  readonly value: string;
}

/** The attributes ModifyImageAttribute sets, as fields (the Features members flattened). */
export interface ImageAttributeFields {
  readonly imageName?: string;
  readonly description?: string;
  readonly imageFamily?: string;
  readonly bootMode?: string;
  readonly licenseType?: string;
  readonly status?: string;
  readonly nvmeSupport?: string;
  readonly imdsSupport?: string;
}

/** An image as DescribeImages reports it (only the fields the reconciler reads). */
export interface ImageRecord extends ImageAttributeFields {
  readonly imageId: string;
  readonly imageOwnerAlias?: string;
  readonly imageOwnerId?: string;
  readonly isPublic?: boolean;
  readonly creationTime?: string;
  readonly tags: readonly ImageTag[];
}

export interface DescribeImagesQuery {
  readonly regionId: string;
  readonly imageId?: string;
  readonly imageFamily?: string;
  /** `self` | `others` | `system` | `marketplace`. */
  readonly imageOwnerAlias?: string;
  readonly isPublic?: boolean;
  /** Comma-separated statuses. The API returns only Available images when this is left out. */
  readonly status?: string;
  readonly pageSize?: number;
  readonly pageNumber?: number;
}

export interface DescribeImagesResult {
  readonly images: readonly ImageRecord[];
  readonly totalCount: number;
}

export interface ModifyImageAttributeRequest extends ImageAttributeFields {
  readonly regionId: string;
  readonly imageId: string;
}

export interface SharePermission {
  readonly accounts: readonly string[];
  /** Published as a community image (share group "all"). */
  readonly public: boolean;
}

export interface EcsImageApi {
  describeImages(query: DescribeImagesQuery): Promise<DescribeImagesResult>;
  /** Returns the RequestId. */
  modifyImageAttribute(request: ModifyImageAttributeRequest): Promise<string>;
  /** IDs of instances that use the image (at most `limit`). */
  describeInstancesUsingImage(regionId: string, imageId: string, limit: number): Promise<string[]>;
  describeImageSharePermission(regionId: string, imageId: string): Promise<SharePermission>;
  tagImage(regionId: string, imageId: string, tags: readonly ImageTag[]): Promise<void>;
}

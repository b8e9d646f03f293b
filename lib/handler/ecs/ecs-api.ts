/**
 * The I/O seam: the few ECS calls the reconciler makes, in plain types. The real implementation
 * wraps the official SDK (sdk-ecs-api.ts); unit tests use an in-memory fake
 * (test/support/fake-ecs-api.ts); integration tests use the SDK against the emulator.
 */
import { AttributeField } from '../../attributes';

export interface ImageTag {
  readonly key: string;
  readonly value: string;
}

/**
 * The attributes ModifyImageAttribute sets, as fields named like the SDK's members (the Features
 * members flattened); the names come from the attribute list (AttributeSpec.field).
 */
export type ImageAttributeFields = { readonly [K in AttributeField]?: string };

/** An image as DescribeImages reports it (only the fields the reconciler reads). */
export type ImageRecord = ImageAttributeFields & {
  readonly imageId: string;
  readonly imageOwnerAlias?: string;
  readonly imageOwnerId?: string;
  readonly isPublic?: boolean;
  readonly creationTime?: string;
  readonly tags: readonly ImageTag[];
};

export interface DescribeImagesQuery {
  readonly regionId: string;
  readonly imageId?: string;
  /** Matches names that contain it (the API's own fuzzy match): compare exactly on the results. */
  readonly imageName?: string;
  readonly imageFamily?: string;
  /** Only images carrying a tag with this key. */
  readonly tagKey?: string;
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

export type ModifyImageAttributeRequest = ImageAttributeFields & {
  readonly regionId: string;
  readonly imageId: string;
};

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
  /** Removes the tags with these keys from each image (at most 50 per call; keys an image does not carry are ignored). */
  untagImages(regionId: string, imageIds: readonly string[], keys: readonly string[]): Promise<void>;
}

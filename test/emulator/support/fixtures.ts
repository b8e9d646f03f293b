/** Shared emulator states and read-back helpers for the action tests. */
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import { EmulatorState, StateImage } from '../../../lib/emulator';
import { REGION } from './sdk-client';

/** Another account, used as a share target. */
export const PARTNER_ACCOUNT = '1000000000000003';
/** The owner of foreign images in {@link IMAGE_STATE}. */
export const FOREIGN_ACCOUNT = '1000000000000002';

function image(id: string, fields: Partial<StateImage> = {}): StateImage {
  return { ImageId: id, ImageName: `name-${id}`, ImageFamily: 'web', CreationTime: '2024-01-01T00:00:00Z', ...fields };
}

/** One image for each ModifyImageAttribute rule. */
export const IMAGE_STATE: EmulatorState = {
  images: [
    image('m-avail', { ImageName: 'web-base', Description: 'original description', CreationTime: '2024-03-01T00:00:00Z' }),
    image('m-taken', { ImageName: 'taken-name' }),
    image('m-imdsv2', { Features: { NvmeSupport: 'supported', ImdsSupport: 'v2' } }),
    image('m-arm', { Architecture: 'arm64', BootMode: 'UEFI' }),
    image('m-used', { BootMode: 'BIOS' }),
    image('m-shared'),
    image('m-own-community', { IsPublic: true }),
    image('m-deprecated', { Status: 'Deprecated' }),
    image('m-creating', { Status: 'Creating' }),
    image('m-waiting', { Status: 'Waiting' }),
    image('m-unavailable', { Status: 'UnAvailable' }),
    image('m-foreign-community', { ImageOwnerAlias: 'others', ImageOwnerId: FOREIGN_ACCOUNT, IsPublic: true }),
    image('m-foreign-shared', { ImageOwnerAlias: 'others', ImageOwnerId: FOREIGN_ACCOUNT }),
    image('m-foreign-private', { ImageOwnerAlias: 'others', ImageOwnerId: FOREIGN_ACCOUNT }),
    image('aliyun_3_x64_20G_alibase_20240819.vhd', { ImageOwnerAlias: 'system', ImageFamily: '' }),
    image('m-beijing', { RegionId: 'cn-beijing' }),
  ],
  instances: [{ InstanceId: 'i-used1', ImageId: 'm-used', RegionId: REGION }],
  shares: { 'm-shared': [PARTNER_ACCOUNT], 'm-foreign-shared': ['1000000000000001'] },
};

/** The image as DescribeImages (Status=ALL) shows it, or undefined. */
export async function readImage(client: Ecs, imageId: string): Promise<$Ecs.DescribeImagesResponseBodyImagesImage | undefined> {
  const response = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION, imageId, status: 'ALL' }));
  return response.body?.images?.image?.[0];
}

/** A ModifyImageAttribute request for `imageId` in the test region. */
export function modify(imageId: string, fields: Record<string, unknown> = {}): $Ecs.ModifyImageAttributeRequest {
  return new $Ecs.ModifyImageAttributeRequest({ regionId: REGION, imageId, ...fields });
}

/** Features for a ModifyImageAttribute request. */
export function features(fields: { nvmeSupport?: string; imdsSupport?: string }): $Ecs.ModifyImageAttributeRequestFeatures {
  return new $Ecs.ModifyImageAttributeRequestFeatures(fields);
}

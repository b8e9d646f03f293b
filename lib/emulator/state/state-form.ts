/** Turns internal records back into the state-file form (what `loadState` and `GET /__emulator/state` return). */
import { DEFAULT_ACCOUNT_ID, StateAccessKey, StateImage, StateInstance } from '../types';
import { formatIsoSeconds } from '../time';
import { AccessKeyRecord, ImageRecord, InstanceRecord } from './records';

/** The state-file form of an image; `ImageOwnerAlias` is from the default account's point of view. */
export function imageToStateForm(record: ImageRecord, readyAfterSeconds?: number): StateImage {
  const { ownerKind, passthrough, Tags, DiskDeviceMappings, ImageOwnerId, ...fields } = record;
  const alias = ownerKind !== 'account' ? ownerKind : ImageOwnerId === DEFAULT_ACCOUNT_ID ? 'self' : 'others';
  return {
    ...fields,
    ...passthrough,
    ImageOwnerAlias: alias,
    ...(ImageOwnerId !== '' ? { ImageOwnerId } : {}),
    Tags: { Tag: Tags.map((tag) => ({ ...tag })) },
    DiskDeviceMappings: { DiskDeviceMapping: DiskDeviceMappings.map((mapping) => ({ ...mapping })) },
    ...(readyAfterSeconds !== undefined ? { ReadyAfterSeconds: readyAfterSeconds } : {}),
  };
}

/** The state-file form of an instance. */
export function instanceToStateForm(record: InstanceRecord): StateInstance {
  return { ...record };
}

/** The state-file form of an access key (only `loadState` returns these; never served over HTTP). */
export function accessKeyToStateForm(record: AccessKeyRecord): StateAccessKey {
  const { expiresAt, ...fields } = record;
  return { ...fields, ...(expiresAt !== undefined ? { expiration: formatIsoSeconds(expiresAt) } : {}) };
}

/**
 * Public types of the ECS emulator: the state file, the call log and injected faults.
 *
 * ## State file
 *
 * A JSON document (or the same object passed in memory) of this shape; every top-level key is
 * optional:
 *
 * ```json
 * {
 *   "accessKeys": [
 *     {"id": "AK1", "secret": "S1", "accountId": "1000000000000001"},
 *     {"id": "STS.AK", "secret": "S2", "securityToken": "tok", "expiration": "2030-01-01T00:00:00Z"}
 *   ],
 *   "images": [
 *     {"ImageId": "m-bp1abc", "RegionId": "cn-hangzhou", "ImageName": "web-base", "ImageFamily": "web",
 *      "Status": "Available", "CreationTime": "2024-01-01T00:00:00Z", "Architecture": "x86_64",
 *      "BootMode": "BIOS", "Features": {"NvmeSupport": "supported", "ImdsSupport": "v2"},
 *      "Tags": {"Tag": [{"TagKey": "team", "TagValue": "web"}]}},
 *     {"ImageId": "m-new", "Status": "Creating", "ReadyAfterSeconds": 5},
 *     {"ImageId": "m-community", "ImageOwnerAlias": "others", "ImageOwnerId": "1000000000000002", "IsPublic": true},
 *     {"ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "ImageOwnerAlias": "system"}
 *   ],
 *   "instances": [{"InstanceId": "i-1", "RegionId": "cn-hangzhou", "ImageId": "m-bp1abc"}],
 *   "shares": {"m-bp1abc": ["1000000000000003"]},
 *   "rateLimit": 50
 * }
 * ```
 *
 * Rules and defaults:
 * - No `accessKeys` ⇒ the pair `test`/`test` is accepted, account {@link DEFAULT_ACCOUNT_ID}.
 *   A key without `accountId` belongs to that default account. A key with `securityToken` is an
 *   STS key: each request must carry the same `x-acs-security-token` (missing ⇒
 *   `InvalidSecurityToken.Malformed`, different ⇒ `InvalidSecurityToken.MismatchWithAccessKey`);
 *   after `expiration` ⇒ `InvalidSecurityToken.Expired`. A token sent for a key without one is ignored.
 * - Images use the field names of DescribeImages' `Image`. `RegionId` defaults to `cn-hangzhou`.
 *   The owner is `ImageOwnerId` (default: the default account); `ImageOwnerAlias` is written from
 *   the default account's point of view: `self` (default), `others` (another account's image;
 *   `ImageOwnerId` then defaults to {@link OTHER_ACCOUNT_ID}; with `IsPublic: true` it is a
 *   community image), `system` or `marketplace` (Alibaba-provided, never modifiable).
 * - `Status` defaults to `Available`. A `Creating`/`Waiting` image with `ReadyAfterSeconds`
 *   becomes `Available` (`Progress` `100%`) that many seconds after it was loaded or upserted.
 * - `shares` maps an image ID to the account IDs it is shared with (`IsSelfShared`, `ImageUseShared`).
 * - Instances belong to `OwnerId` (default: the default account); `Usage` of an image is
 *   `instance` when any instance in its region uses it.
 * - `rateLimit`: maximum requests per second per access key (`Throttling.User` beyond it).
 * - `rateLimitPerMinute`: maximum requests per calendar minute per access key and action, as ECS
 *   limits them (about 1000 for ModifyImageAttribute and DescribeImages); `Throttling.User` beyond,
 *   until the next minute.
 */

/** The account of the built-in `test`/`test` key and of keys without `accountId`. */
export const DEFAULT_ACCOUNT_ID = '1000000000000001';
/** The owner given to an `ImageOwnerAlias: "others"` image that names no `ImageOwnerId`. */
export const OTHER_ACCOUNT_ID = '1000000000000002';
/** The region of state entries that name none. */
export const DEFAULT_REGION_ID = 'cn-hangzhou';

/** An access key the emulator accepts. */
export interface StateAccessKey {
  /** AccessKeyId. */
  readonly id: string;
  /** AccessKeySecret (the HMAC key). */
  readonly secret: string;
  /** Account the key belongs to. @default DEFAULT_ACCOUNT_ID */
  readonly accountId?: string;
  /** When set, the key is an STS key and requests must carry this `x-acs-security-token`. */
  readonly securityToken?: string;
  /** ISO-8601 time after which the STS token is expired. */
  readonly expiration?: string;
}

/** One `Tags.Tag` entry of an image. */
export interface StateTag {
  readonly TagKey: string;
  readonly TagValue?: string;
}

/** An image, shaped like DescribeImages' `Image`, plus `RegionId` and `ReadyAfterSeconds`. */
export interface StateImage {
  readonly ImageId: string;
  /** @default DEFAULT_REGION_ID */
  readonly RegionId?: string;
  /** @default - the ImageId */
  readonly ImageName?: string;
  readonly Description?: string;
  readonly ImageFamily?: string;
  readonly ImageVersion?: string;
  /** Creating | Waiting | Available | UnAvailable | CreateFailed | Deprecated. @default Available */
  readonly Status?: string;
  /** @default - "100%" when Available, else "0%" */
  readonly Progress?: string;
  /** @default - the load time */
  readonly CreationTime?: string;
  /** i386 | x86_64 | arm64. @default x86_64 */
  readonly Architecture?: string;
  /** linux | windows. @default linux */
  readonly OSType?: string;
  readonly OSName?: string;
  readonly OSNameEn?: string;
  readonly Platform?: string;
  /** GiB. @default 40 */
  readonly Size?: number;
  /** BIOS | UEFI | UEFI-Preferred. @default BIOS */
  readonly BootMode?: string;
  /** "" or BYOL. @default "" */
  readonly LicenseType?: string;
  /** self | others | system | marketplace (default account's point of view). @default self */
  readonly ImageOwnerAlias?: string;
  /** Owner account ID (string or number). */
  readonly ImageOwnerId?: string | number;
  /** Community image (for account-owned images) or public system image. */
  readonly IsPublic?: boolean;
  readonly IsCopied?: boolean;
  readonly IsSubscribed?: boolean;
  readonly IsSupportCloudinit?: boolean;
  readonly IsSupportIoOptimized?: boolean;
  readonly LoginAsNonRootSupported?: boolean;
  readonly ProductCode?: string;
  readonly ResourceGroupId?: string;
  /** @default {NvmeSupport: "unsupported", ImdsSupport: "v1"} */
  readonly Features?: { readonly NvmeSupport?: string; readonly ImdsSupport?: string; readonly [other: string]: string | undefined };
  /** `{Tag: [...]}` as DescribeImages prints it, or a bare array. */
  readonly Tags?: { readonly Tag?: readonly StateTag[] } | readonly StateTag[];
  /** `{DiskDeviceMapping: [...]}`, passed through verbatim. */
  readonly DiskDeviceMappings?: { readonly DiskDeviceMapping?: readonly Record<string, unknown>[] };
  /** Seconds after load/upsert at which a Creating/Waiting image becomes Available. */
  readonly ReadyAfterSeconds?: number;
  /** Computed fields (Usage, IsSelfShared) are accepted in the file and ignored. */
  readonly Usage?: string;
  readonly IsSelfShared?: string;
  /** Other DescribeImages fields kept verbatim: SupplierName, SecureBootOptions, DetectionOptions, Usable. */
  readonly SupplierName?: string;
  readonly SecureBootOptions?: Record<string, unknown>;
  readonly DetectionOptions?: Record<string, unknown>;
  readonly Usable?: boolean;
}

/** An ECS instance, only as far as image usage needs. */
export interface StateInstance {
  readonly InstanceId: string;
  readonly ImageId: string;
  /** @default DEFAULT_REGION_ID */
  readonly RegionId?: string;
  /** Pending | Running | Starting | Stopping | Stopped. @default Running */
  readonly Status?: string;
  /** @default - the InstanceId */
  readonly InstanceName?: string;
  /** @default DEFAULT_ACCOUNT_ID */
  readonly OwnerId?: string;
  readonly ZoneId?: string;
  readonly InstanceType?: string;
  readonly OSType?: string;
  readonly CreationTime?: string;
}

/** The whole state file. */
export interface EmulatorState {
  readonly accessKeys?: readonly StateAccessKey[];
  readonly images?: readonly StateImage[];
  readonly instances?: readonly StateInstance[];
  /** Image ID ⇒ account IDs it is shared with. */
  readonly shares?: Readonly<Record<string, readonly string[]>>;
  /** Maximum requests per second per access key. */
  readonly rateLimit?: number;
  /** Maximum requests per calendar minute per access key and action, as ECS counts them (`Throttling.User` beyond). */
  readonly rateLimitPerMinute?: number;
}

/** One entry of the call log (`GET /__emulator/calls`). */
export interface EmulatorCall {
  /** The `x-acs-action` header ("" when absent). */
  Action: string;
  /** The decoded query parameters. */
  Params: Record<string, string>;
  /** The error code answered, or null on success. */
  Code: string | null;
}

/** A fault to inject (`POST /__emulator/faults`). */
export interface FaultSpec {
  /** Action name, or `*` for any action. */
  readonly Action: string;
  /**
   * Error code; `ConnectionReset` destroys the socket unanswered; `AnswerLost` acts on the call,
   * then destroys the socket; `StaleRead` answers with images as they were before their last
   * change (a lagging replica). Omitted ⇒ only `DelayMs` applies.
   */
  readonly Code?: string;
  /** @default - the catalogue status of Code, else 500 */
  readonly HttpStatus?: number;
  /** How many calls fail. @default 1 */
  readonly Count?: number;
  /** Matching calls to let through first (answered normally) before the fault applies. @default 0 */
  readonly After?: number;
  /** Only calls whose `ImageId` parameter is this one match. @default - any call of the action */
  readonly ImageId?: string;
  /** @default - the catalogue message of Code, else "Injected fault." */
  readonly Message?: string;
  /** Adds `x-acs-retry-after: <ms>`. */
  readonly RetryAfterMs?: number;
  /** Waits this long before answering. */
  readonly DelayMs?: number;
}

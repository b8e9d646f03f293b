import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { ATTRIBUTES } from '../../attributes';
import { ENV } from '../../protocol/environment';
import { ManagedImageError } from '../../messages/handler-errors';
import { toEcsApiError } from './api-error';
import { credentialFromEnvironment } from './credentials';
import {
  DescribeImagesQuery,
  DescribeImagesResult,
  EcsImageApi,
  ImageAttributeFields,
  ImageRecord,
  ModifyImageAttributeRequest,
  SharePermission,
} from './ecs-api';
import { parseEndpoint } from './endpoint';

/**
 * What the SDK signs with: an `@alicloud/credentials` Credential. Typed by the one method the
 * SDK's request signing calls, rather than by the SDK's own class, so that the package's
 * `./handler` types need no SDK installed (the SDK ships inside dist/handler.js).
 */
export interface SdkCredential {
  getCredential(): Promise<{
    readonly accessKeyId?: string;
    readonly accessKeySecret?: string;
    readonly securityToken?: string;
    readonly bearerToken?: string;
    readonly type?: string;
    readonly providerName?: string;
  }>;
}

export interface SdkEcsApiOptions {
  /** The region the client talks to (selects the endpoint when none is given). */
  readonly regionId: string;
  /** Endpoint with scheme, e.g. `http://127.0.0.1:8765`. @default - $ALIBABA_CLOUD_ECS_ENDPOINT, else the region's public endpoint */
  readonly endpoint?: string;
  /** @default - credentials from the environment (see credentials.ts) */
  readonly credential?: SdkCredential;
  /**
   * How long a call may take, connecting included, in milliseconds.
   *
   * The SDK's HTTP layer (httpx) passes its *connect* timeout to Node as the socket's idle
   * timeout, which then also cuts off any answer slower than it; so both SDK timeouts get this
   * one value, and the timeout in force is the one configured here.
   * @default 15000
   */
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** How long one call may take (see SdkEcsApiOptions.timeoutMs). */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The call timeout: the option, else MANAGED_IMAGE_CALL_TIMEOUT_MS, else 15 s. */
function timeoutOf(options: SdkEcsApiOptions): number {
  const fromEnv = Number((options.env ?? process.env)[ENV.callTimeoutMs]);
  return options.timeoutMs ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS);
}

function sdkClient(options: SdkEcsApiOptions): Ecs {
  const env = options.env ?? process.env;
  const endpointValue = options.endpoint ?? env[ENV.endpoint];
  const endpoint = endpointValue ? parseEndpoint(endpointValue) : undefined;
  return new Ecs(
    new $OpenApiUtil.Config({
      // The SDK's own type is the Credential class; SdkCredential is the part of it the SDK calls.
      credential: (options.credential ?? credentialFromEnvironment(env)) as $OpenApiUtil.Config['credential'],
      regionId: options.regionId,
      ...(endpoint ? { endpoint: endpoint.endpoint, protocol: endpoint.protocol } : {}),
      readTimeout: timeoutOf(options),
      connectTimeout: timeoutOf(options),
      userAgent: 'cdktf-alicloud-managed-image',
    }),
  );
}

/** The SDK names a group of nested members in camelCase: `Features` is `features`. */
const sdkGroup = (group: string) => group.charAt(0).toLowerCase() + group.slice(1);

/** The attribute fields of an SDK model, top-level members and nested groups alike. */
function attributeFields(model: object): ImageAttributeFields {
  const fields: Record<string, string | undefined> = {};
  for (const a of ATTRIBUTES) {
    const holder = (a.group ? (model as Record<string, unknown>)[sdkGroup(a.group)] : model) as Record<string, unknown> | undefined;
    const value = holder?.[a.field];
    if (typeof value === 'string') fields[a.field] = value;
  }
  return fields;
}

/** The SDK's model class for each group of a ModifyImageAttribute request. */
const MODIFY_GROUP_MODELS: Record<string, new (map: Record<string, string>) => object> = {
  Features: $Ecs.ModifyImageAttributeRequestFeatures,
};

/** ModifyImageAttributeRequest members for the given fields: top-level ones as they are, grouped ones in their model. */
function modifyMembers(r: ImageAttributeFields): Record<string, unknown> {
  const top: Record<string, string> = {};
  const groups: Record<string, Record<string, string>> = {};
  for (const a of ATTRIBUTES) {
    const value = r[a.field];
    if (value === undefined) continue;
    if (a.group) (groups[a.group] ??= {})[a.field] = value;
    else top[a.field] = value;
  }
  const nested = Object.fromEntries(Object.entries(groups).map(([g, members]) => [sdkGroup(g), new MODIFY_GROUP_MODELS[g](members)]));
  return { ...top, ...nested };
}

function toImageRecord(i: $Ecs.DescribeImagesResponseBodyImagesImage): ImageRecord {
  return {
    imageId: i.imageId ?? '',
    ...attributeFields(i),
    imageOwnerAlias: i.imageOwnerAlias,
    imageOwnerId: i.imageOwnerId === undefined ? undefined : String(i.imageOwnerId),
    isPublic: i.isPublic,
    creationTime: i.creationTime,
    tags: (i.tags?.tag ?? []).map((t) => ({ key: t.tagKey ?? '', value: t.tagValue ?? '' })),
  };
}

async function call<T>(options: SdkEcsApiOptions, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    // Our own refusals (a bad endpoint, half a credential pair) are already clear: keep them.
    if (e instanceof ManagedImageError) throw e;
    throw toEcsApiError(action, e, { timeoutMs: timeoutOf(options) });
  }
}

/** The {@link EcsImageApi} seam over the unmodified official SDK. Retries nothing: see retrying-ecs-api.ts. */
export function sdkEcsApi(options: SdkEcsApiOptions): EcsImageApi {
  let built: Ecs | undefined;
  // Built on first use, so a bad endpoint is reported by the call that needs it.
  const client = () => (built ??= sdkClient(options));
  return {
    describeImages: (q: DescribeImagesQuery): Promise<DescribeImagesResult> =>
      call(options, 'DescribeImages', async () => {
        const res = await client().describeImages(
          new $Ecs.DescribeImagesRequest({
            regionId: q.regionId,
            imageId: q.imageId,
            imageName: q.imageName,
            imageFamily: q.imageFamily,
            tag: q.tagKey !== undefined ? [new $Ecs.DescribeImagesRequestTag({ key: q.tagKey })] : undefined,
            imageOwnerAlias: q.imageOwnerAlias,
            isPublic: q.isPublic,
            status: q.status,
            pageSize: q.pageSize,
            pageNumber: q.pageNumber,
          }),
        );
        const images = (res.body?.images?.image ?? []).map(toImageRecord);
        return { images, totalCount: res.body?.totalCount ?? images.length };
      }),

    modifyImageAttribute: (r: ModifyImageAttributeRequest): Promise<string> =>
      call(options, 'ModifyImageAttribute', async () => {
        const res = await client().modifyImageAttribute(
          new $Ecs.ModifyImageAttributeRequest({ regionId: r.regionId, imageId: r.imageId, ...modifyMembers(r) }),
        );
        return res.body?.requestId ?? '';
      }),

    describeInstancesUsingImage: (regionId: string, imageId: string, limit: number): Promise<string[]> =>
      call(options, 'DescribeInstances', async () => {
        const res = await client().describeInstances(
          new $Ecs.DescribeInstancesRequest({ regionId, imageId, maxResults: Math.max(10, Math.min(limit, 100)) }),
        );
        return (res.body?.instances?.instance ?? []).map((i) => i.instanceId ?? '').slice(0, limit);
      }),

    describeImageSharePermission: (regionId: string, imageId: string): Promise<SharePermission> =>
      call(options, 'DescribeImageSharePermission', async () => {
        const res = await client().describeImageSharePermission(
          new $Ecs.DescribeImageSharePermissionRequest({ regionId, imageId, pageSize: 100 }),
        );
        return {
          accounts: (res.body?.accounts?.account ?? []).map((a) => String(a.aliyunId ?? '')),
          public: (res.body?.shareGroups?.shareGroup ?? []).some((g) => g.group === 'all'),
        };
      }),

    tagImage: (regionId: string, imageId: string, tags): Promise<void> =>
      call(options, 'TagResources', async () => {
        await client().tagResources(
          new $Ecs.TagResourcesRequest({
            regionId,
            resourceType: 'image',
            resourceId: [imageId],
            tag: tags.map((t) => new $Ecs.TagResourcesRequestTag({ key: t.key, value: t.value })),
          }),
        );
      }),

    untagImages: (regionId: string, imageIds: readonly string[], keys: readonly string[]): Promise<void> =>
      call(options, 'UntagResources', async () => {
        await client().untagResources(
          new $Ecs.UntagResourcesRequest({ regionId, resourceType: 'image', resourceId: [...imageIds], tagKey: [...keys] }),
        );
      }),
  };
}

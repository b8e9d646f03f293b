export * from './contract';
export { handler, createHandler } from './handler';
export type { HandlerDeps, ManagedImageHandler } from './handler';
export type { EcsImageApi, ImageRecord } from './ecs-api';
export { EcsApiError } from './api-error';
export { sdkEcsApi } from './sdk-ecs-api';
export type { SdkEcsApiOptions } from './sdk-ecs-api';
export { ENV } from './environment';
export { SYNC_TAG_KEY, IN_SYNC } from './sync-token';

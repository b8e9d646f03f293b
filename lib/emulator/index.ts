/**
 * A local Alibaba Cloud ECS API (2014-05-26) emulator for the image-management slice:
 * a real HTTP server the unmodified `@alicloud/ecs20140526` SDK talks to, enforcing the
 * service's own rules (signature, errors, status model, quotas). It depends on nothing outside
 * this folder, so it stays an independent oracle for client code.
 *
 * ```ts
 * const emulator = await startEmulator({ state: 'state.json' });
 * const client = new Ecs(new $OpenApi.$OpenApiUtil.Config({
 *   accessKeyId: 'test', accessKeySecret: 'test', endpoint: emulator.endpoint, protocol: 'HTTP' }));
 * ```
 */
export { startEmulator } from './server';
export type { EmulatorOptions, RunningEmulator } from './server';
export { loadState } from './state/load-state';
export { StateFileError } from './state/state-checks';
export { DEFAULT_ACCOUNT_ID, DEFAULT_REGION_ID, OTHER_ACCOUNT_ID } from './types';
export type { EmulatorCall, EmulatorState, FaultSpec, StateAccessKey, StateImage, StateInstance, StateTag } from './types';

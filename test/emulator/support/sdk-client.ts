/** Helpers driving the emulator through the real, unmodified Alibaba Cloud SDK. */
import Ecs from '@alicloud/ecs20140526';
import * as $OpenApi from '@alicloud/openapi-core';
import { RunningEmulator } from '../../../lib/emulator';

// No real identity may leak into these tests: credentials come only from the Config below.
for (const name of Object.keys(process.env)) {
  if (/^(ALIBABA_CLOUD|ALIBABACLOUD|ALICLOUD)_/.test(name)) delete process.env[name];
}
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

/** The region every test uses. */
export const REGION = 'cn-hangzhou';

/** Credentials and client options for {@link ecsClient}. */
export interface ClientOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  readTimeout?: number;
}

/** An SDK client pointed at the emulator (`test`/`test` unless told otherwise). */
export function ecsClient(emulator: RunningEmulator, options: ClientOptions = {}): Ecs {
  return new Ecs(
    new $OpenApi.$OpenApiUtil.Config({
      accessKeyId: options.accessKeyId ?? 'test',
      accessKeySecret: options.accessKeySecret ?? 'test',
      ...(options.securityToken !== undefined ? { securityToken: options.securityToken } : {}),
      ...(options.readTimeout !== undefined ? { readTimeout: options.readTimeout } : {}),
      endpoint: emulator.endpoint,
      protocol: 'HTTP',
      regionId: REGION,
    }),
  );
}

/** What the SDK's errors carry. */
export interface SdkError {
  name: string;
  code: string;
  statusCode: number;
  message: string;
  retryAfter?: number;
  data?: Record<string, unknown>;
}

/** Awaits a call that must fail, and returns the SDK error. Fails the test if it succeeds. */
export async function sdkError(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

/** Sends a control request and returns status and parsed JSON body. */
export async function control(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return { status: response.status, body: await response.json() };
}

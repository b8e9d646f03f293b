import { unknownEndpoint } from '../../messages/handler-errors';

/** The two Config fields the SDK needs to reach an endpoint. */
export interface SdkEndpoint {
  /** host[:port], no scheme: the SDK prepends the protocol itself. */
  readonly endpoint: string;
  /** `HTTP` or `HTTPS`. */
  readonly protocol: string;
}

/**
 * Turns `http://127.0.0.1:8765` (or a bare `ecs.cn-hangzhou.aliyuncs.com`, taken as HTTPS) into
 * the SDK's split form. The SDK would otherwise build `HTTPS://http://…` and fail with ENOTFOUND.
 */
export function parseEndpoint(value: string): SdkEndpoint {
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw unknownEndpoint(value);
  }
  const protocol = url.protocol.replace(':', '').toUpperCase();
  if ((protocol !== 'HTTP' && protocol !== 'HTTPS') || (url.pathname !== '/' && url.pathname !== '')) throw unknownEndpoint(value);
  return { endpoint: url.host, protocol };
}

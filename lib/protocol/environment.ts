/**
 * Environment variables the handler and CLI read. Credentials are never read into the event,
 * the synthesized configuration or the state: only from here, at run time.
 */
export const ENV = {
  /** Overrides the ECS endpoint, scheme included, e.g. `http://127.0.0.1:8765` (the emulator). */
  endpoint: 'ALIBABA_CLOUD_ECS_ENDPOINT',
  /** The Terraform alicloud provider's names; used when set, as the provider itself prefers them. */
  terraformAccessKey: 'ALICLOUD_ACCESS_KEY',
  terraformSecretKey: 'ALICLOUD_SECRET_KEY',
  terraformSecurityToken: 'ALICLOUD_SECURITY_TOKEN',
  /** Read by the @alicloud/credentials default chain. */
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
  /** Log level for stderr: `debug` | `info` | `warn` | `error` | `silent`. */
  logLevel: 'MANAGED_IMAGE_LOG_LEVEL',
  /** How long one ECS call may take, in milliseconds (a slow network); default 15000. */
  callTimeoutMs: 'MANAGED_IMAGE_CALL_TIMEOUT_MS',
  /** Where the CLI keeps its V8 code cache (default ~/.cache/cdktf-alicloud-managed-image); `off` for none. */
  cacheDir: 'MANAGED_IMAGE_CACHE_DIR',
} as const;

/** Names of variables whose values are secrets: redacted wherever text leaves the process. */
export const SECRET_ENV_NAMES: readonly string[] = [
  ENV.terraformSecretKey,
  ENV.terraformSecurityToken,
  ENV.accessKeySecret,
  ENV.securityToken,
  'ALIBABACLOUD_ACCESS_KEY_SECRET',
  'ALIBABACLOUD_SECURITY_TOKEN',
  ENV.terraformAccessKey,
  ENV.accessKeyId,
  'ALIBABACLOUD_ACCESS_KEY_ID',
];

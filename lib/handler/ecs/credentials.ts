import Credential, { Config as CredentialConfig } from '@alicloud/credentials';
import { credentialsIncomplete } from '../../messages/handler-errors';
import { ENV } from '../../protocol/environment';

/**
 * The credential the SDK signs with. The Terraform alicloud provider's variables
 * (ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY / ALICLOUD_SECURITY_TOKEN) win when set, as they do
 * in the provider, so one pipeline environment serves both; otherwise the @alicloud/credentials
 * default chain (ALIBABA_CLOUD_* variables, OIDC, profiles, ECS RAM role, credentials URI).
 *
 * The SDK does not fall back to the default chain on its own: the Credential must be passed.
 */
export function credentialFromEnvironment(env: NodeJS.ProcessEnv = process.env): Credential {
  refuseHalfPairs(env);
  const accessKeyId = env[ENV.terraformAccessKey];
  const accessKeySecret = env[ENV.terraformSecretKey];
  if (accessKeyId && accessKeySecret) {
    const securityToken = env[ENV.terraformSecurityToken];
    return new Credential(
      new CredentialConfig(
        securityToken ? { type: 'sts', accessKeyId, accessKeySecret, securityToken } : { type: 'access_key', accessKeyId, accessKeySecret },
      ),
    );
  }
  return new Credential();
}

/** The key id / secret pairs that must be set together. */
const PAIRS: readonly (readonly [string, string])[] = [
  [ENV.terraformAccessKey, ENV.terraformSecretKey],
  [ENV.accessKeyId, ENV.accessKeySecret],
];

/**
 * One half of a pair is a mistake worth naming: the default chain would skip it and report that
 * no credentials exist at all, which sends people looking in the wrong place.
 */
function refuseHalfPairs(env: NodeJS.ProcessEnv): void {
  for (const [id, secret] of PAIRS) {
    if (Boolean(env[id]) !== Boolean(env[secret])) throw credentialsIncomplete(env[id] ? id : secret, env[id] ? secret : id);
  }
}

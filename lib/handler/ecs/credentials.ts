import Credential, { Config as CredentialConfig } from '@alicloud/credentials';
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

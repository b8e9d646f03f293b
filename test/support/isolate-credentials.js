// Keep every test away from a developer's real Alibaba Cloud identity: no profile files,
// no instance-metadata lookups, only what a test puts in the environment itself.
const os = require('os');
const fs = require('fs');
const path = require('path');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-home-'));
process.env.HOME = home;
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';
for (const name of Object.keys(process.env)) {
  if (/^(ALIBABA_CLOUD|ALIBABACLOUD|ALICLOUD)_(ACCESS_KEY|SECRET|SECURITY_TOKEN|ROLE_ARN|OIDC|CREDENTIALS)/.test(name))
    delete process.env[name];
}

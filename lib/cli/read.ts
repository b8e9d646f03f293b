import { parseArgs } from 'util';
import { ATTRIBUTE_NAMES, checkAttributes, checkIdentity, fromTerraformKeys, TERRAFORM_KEYS, throwIfViolations } from '../attributes';
import { stderrLogger } from '../handler/log';
import { observeImage } from '../handler/observe';
import { DEFAULT_RETRY_POLICY, realSleep } from '../handler/retry';
import { logRetries, retryingEcsApi } from '../handler/retrying-ecs-api';
import { sdkEcsApi } from '../handler/sdk-ecs-api';
import { HELP, USAGE_ERRORS } from '../messages/cli';
import { Command } from './command';
import { parseJsonObject, readStdin, writeStdout } from './io';
import { UsageError } from './usage-error';

/**
 * `managed-image read`: Terraform's external data source protocol. A JSON object of strings on
 * stdin, a flat JSON object of strings on stdout, no side effects.
 */
export const readCommand: Command = {
  name: 'read',
  help: HELP.read,
  async run(args) {
    try {
      parseArgs({ args, allowPositionals: false, strict: true, options: {} });
    } catch (e) {
      throw new UsageError(USAGE_ERRORS.badOption('read', (e as Error).message));
    }
    const query = parseJsonObject(await readStdin(), 'query');
    for (const [key, value] of Object.entries(query)) if (typeof value !== 'string') throw new UsageError(USAGE_ERRORS.queryNotStrings(key));
    const desired = fromTerraformKeys(query);
    throwIfViolations([
      ...checkIdentity(query.region_id, query.image_id, (a) => (a === 'RegionId' ? 'region_id' : 'image_id')),
      ...checkAttributes(desired, (a) => TERRAFORM_KEYS[a as keyof typeof TERRAFORM_KEYS]),
    ]);
    const regionId = query.region_id as string;
    const api = retryingEcsApi(sdkEcsApi({ regionId }), DEFAULT_RETRY_POLICY, realSleep, logRetries(stderrLogger()));
    const seen = await observeImage(api, { regionId, imageId: query.image_id as string }, desired);
    const result: Record<string, string> = { sync_token: seen.syncToken, drifted: seen.drifted.join(','), status: seen.status };
    for (const a of ATTRIBUTE_NAMES) if (seen.current[a] !== undefined) result[`current_${TERRAFORM_KEYS[a]}`] = seen.current[a] as string;
    writeStdout(JSON.stringify(result));
    return 0;
  },
};

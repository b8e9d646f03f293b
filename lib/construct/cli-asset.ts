import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { AssetType, TerraformAsset, TerraformStack } from './cdk';
import { cliBundleMissing } from '../messages/construct';

/** Where the build leaves the bundled `managed-image` CLI (one file, no node_modules needed). */
export const CLI_BUNDLE_PATH = path.join(__dirname, '..', '..', 'dist', 'managed-image.js');

const ASSET_ID = 'ManagedImageCli';

/**
 * The CLI bundle as an asset of the stack (one copy per stack, however many images), so that
 * `cdktf.out/stacks/<stack>` is self-contained. Returns the program path for provisioners and
 * data sources, relative to the stack directory.
 */
export function cliProgramPath(scope: Construct): string {
  const stack = TerraformStack.of(scope);
  let asset = stack.node.tryFindChild(ASSET_ID) as TerraformAsset | undefined;
  if (!asset) {
    if (!fs.existsSync(CLI_BUNDLE_PATH)) throw cliBundleMissing(CLI_BUNDLE_PATH);
    asset = new TerraformAsset(stack, ASSET_ID, { path: CLI_BUNDLE_PATH, type: AssetType.FILE });
  }
  return `\${path.module}/${asset.path}`;
}

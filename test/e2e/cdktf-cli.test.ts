/*
 * The cdktf CLI in this repository (cdktf-cli is a devDependency; cdktf.json runs the basic
 * example): `cdktf synth`, then `cdktf deploy` and `cdktf destroy` on each engine against the
 * emulator. Offline, deploy and destroy need --skip-provider-lock: the CLI otherwise asks the
 * registry for every platform's provider checksums, and fails before any plan.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { image } from '../support/emulator-harness';
import { describeOnEachEngine } from '../support/e2e-tier';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..');
const CDKTF = path.join(ROOT, 'node_modules', '.bin', 'cdktf');
const IMAGE_ID = 'm-bp1cdktfcli0001';

function cdktf(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(CDKTF, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describeOnEachEngine('the cdktf CLI', (engine, tier) => {
  beforeAll(() => tier.start({ images: [image(IMAGE_ID, { ImageName: 'cli-orig' })] }));
  afterAll(() => tier.stop());

  test('synth, then deploy and destroy with --skip-provider-lock', async () => {
    const output = path.join(tier.dir, 'cdktf.out');
    const env = {
      PATH: process.env.PATH,
      HOME: tier.dir,
      CI: '1',
      CHECKPOINT_DISABLE: '1',
      TERRAFORM_BINARY_NAME: engine.bin,
      TF_CLI_CONFIG_FILE: tier.cliConfigFile,
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
      IMAGE_ID,
      RELEASE: '2026.12',
      ...tier.env(),
    };
    const synth = await cdktf(['synth', '--output', output], env);
    expect(synth.code).toBe(0);
    expect(synth.out).toContain('Generated Terraform code for the stacks: golden-image');

    const deploy = await cdktf(['deploy', '--output', output, '--auto-approve', '--skip-provider-lock'], env);
    // Not the engine's "Apply complete!" summary: the cdktf CLI, which relays the engine's output,
    // once dropped that last line from a deploy that exited 0 and applied everything (CI, OpenTofu).
    // What the deploy did is asserted instead: its exit code, the reconciler's run, the image.
    expect(deploy.code).toBe(0);
    expect(deploy.out).toMatch(/WebBase_reconciler_\w+: Creation complete/);
    expect(await tier.control.image(IMAGE_ID)).toMatchObject({ ImageName: 'web-base-2026.12', ImageFamily: 'web-base' });

    const destroy = await cdktf(['destroy', '--output', output, '--auto-approve', '--skip-provider-lock'], env);
    expect(destroy.code).toBe(0);
    // The example's deletion policy is RESTORE: the image is as it was.
    expect(await tier.control.image(IMAGE_ID)).toMatchObject({ ImageName: 'cli-orig' });
  });
});

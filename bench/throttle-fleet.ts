/*
 * 300 images applied at -parallelism=10 under ECS's per-minute limits, on a real engine against
 * the emulator: how many reconciles fail (the target is none), how many calls were refused, how
 * long it took. Two limits: ECS's documented 1000 calls a minute per action, and a tighter 250
 * that forces every process to wait across several windows (a shared account's leftover quota).
 *
 *   node -r ts-node/register/transpile-only bench/throttle-fleet.ts [--images N] [--per-minute N]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { ManagedCustomImage } from '../lib';
import { startEmulator } from '../lib/emulator';

const engines = require('../tools/engines/engines.js');

export interface FleetRow {
  readonly images: number;
  readonly perMinute: number;
  readonly retryAfterHeader: boolean;
  readonly failed: number;
  readonly converged: number;
  readonly calls: number;
  readonly refused: number;
  readonly seconds: number;
}

/** One run: synth N images that each need a rename, apply at -parallelism=10, count. */
export async function fleetRun(count: number, perMinute: number, retryAfterHeader: boolean): Promise<FleetRow> {
  const found = engines.findEngines({ log: () => undefined });
  const engine = found.engines.find((e: { name: string }) => e.name === 'opentofu') ?? found.engines[0];
  if (!engine) throw new Error(`no engine: ${found.notes.join(' ')}`);
  const ids = Array.from({ length: count }, (_, i) => `m-bp1fleet${String(i).padStart(5, '0')}`);
  const emulator = await startEmulator({
    state: { images: ids.map((id) => ({ ImageId: id, ImageName: `before-${id.slice(-5)}` })) },
    rateLimitPerMinute: perMinute,
    retryAfterHeader,
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-fleet-'));
  try {
    const app = new App({ outdir: work });
    const stack = new TerraformStack(app, 'fleet');
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    for (const id of ids)
      new ManagedCustomImage(stack, `I${id.slice(-5)}`, { regionId: 'cn-hangzhou', imageId: id, imageName: `after-${id.slice(-5)}` });
    app.synth();
    const opts = {
      cwd: path.join(work, 'stacks', 'fleet'),
      env: engines.engineEnv(found.cliConfigFile, {
        ALIBABA_CLOUD_ECS_ENDPOINT: emulator.url,
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'test',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test',
        MANAGED_IMAGE_LOG_LEVEL: 'error',
      }),
    };
    await engines.runEngine(engine, ['init', '-input=false'], opts);
    const started = Date.now();
    const apply = await engines.runEngine(engine, ['apply', '-input=false', '-auto-approve', '-parallelism=10'], opts);
    const seconds = (Date.now() - started) / 1000;
    // Every reconciler whose handler failed is one "local-exec provisioner error" in the engine's output.
    const failed = (apply.stdout.match(/Error: local-exec provisioner error/g) ?? []).length;
    const state = emulator.calls();
    const snapshot = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as {
      images: { ImageId: string; ImageName: string }[];
    };
    const images = new Map(snapshot.images.map((i) => [i.ImageId, i.ImageName]));
    const converged = ids.filter((id) => images.get(id) === `after-${id.slice(-5)}`).length;
    return {
      images: count,
      perMinute,
      retryAfterHeader,
      failed,
      converged,
      calls: state.length,
      refused: state.filter((c) => c.Code === 'Throttling.User').length,
      seconds,
    };
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function fleetTable(rows: readonly FleetRow[]): string {
  const lines = [
    '| images | limit per action | x-acs-retry-after | failed | converged | calls | refused (Throttling.User) | apply wall |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.images} | ${r.perMinute}/min | ${r.retryAfterHeader ? 'sent' : 'not sent'} | ${r.failed} ${r.failed === 0 ? '(MET)' : '(MISSED)'} | ${r.converged} | ${r.calls} | ${r.refused} | ${r.seconds.toFixed(0)} s |`,
    ),
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  void (async () => {
    const row = await fleetRun(arg('--images', 300), arg('--per-minute', 1000), process.argv.includes('--retry-after'));
    process.stdout.write(fleetTable([row]) + '\n');
    if (row.failed > 0 || row.converged !== row.images) process.exitCode = 1;
  })();
}

/*
 * Synth speed: 500 ManagedCustomImage in one stack against 500 bare terraform_data resources
 * (no validations), built and synthesized in the same process, alternating, several rounds.
 * Target: ManagedCustomImage at most 10x the bare baseline. Prints the ratio; exits 1 if missed.
 *
 *   npm run bench
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { ImdsSupport, ManagedCustomImage, NvmeSupport } from '../lib';
import { TerraformData } from '../lib/construct/terraform-data';

const COUNT = Number(process.env.BENCH_COUNT ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 10;

type Build = (stack: TerraformStack, i: number) => void;

const bare: Build = (stack, i) => {
  new TerraformData(stack, `data${i}`, { input: { image_id: `m-bp1bench${i}` }, triggersReplace: { image_name: `web-${i}` } });
};

const managed: Build = (stack, i) => {
  new ManagedCustomImage(stack, `image${i}`, {
    regionId: 'cn-hangzhou',
    imageId: `m-bp1bench${i}`,
    imageName: `web-${i}`,
    description: `Bench image ${i}`,
    imageFamily: 'bench',
    features: { imdsSupport: ImdsSupport.V2, nvmeSupport: NvmeSupport.SUPPORTED },
  });
};

function timeSynth(build: Build): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-bench-'));
  const started = process.hrtime.bigint();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  for (let i = 0; i < COUNT; i++) build(stack, i);
  app.synth();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  fs.rmSync(outdir, { recursive: true, force: true });
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm up both paths (module loading, JIT) before measuring.
timeSynth(bare);
timeSynth(managed);

const bareTimes: number[] = [];
const managedTimes: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  bareTimes.push(timeSynth(bare));
  managedTimes.push(timeSynth(managed));
}
const ratio = median(managedTimes) / median(bareTimes);
const heap = process.memoryUsage().heapUsed / 1024 / 1024;
process.stdout.write(
  [
    `synth of ${COUNT} resources, median of ${ROUNDS} rounds, same process:`,
    `  bare terraform_data:   ${median(bareTimes).toFixed(0)} ms  (${bareTimes.map((t) => t.toFixed(0)).join(', ')})`,
    `  ManagedCustomImage:    ${median(managedTimes).toFixed(0)} ms  (${managedTimes.map((t) => t.toFixed(0)).join(', ')})`,
    `  ratio: ${ratio.toFixed(2)}x (target <= ${TARGET}x) ${ratio <= TARGET ? 'MET' : 'MISSED'}`,
    `  heap used after the runs: ${heap.toFixed(0)} MB`,
    '',
  ].join('\n'),
);
if (ratio > TARGET) process.exitCode = 1;

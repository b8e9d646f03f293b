/*
 * Synth speed: N ManagedCustomImage (imageName, description, imageFamily, features) in one stack
 * against N bare terraform_data (the project's binding, no validations), built and synthesized
 * in this process, alternating, several rounds; medians of wall time (hrtime around new App ..
 * app.synth(), the cdk.tf.json and the CLI asset written to a temporary directory).
 * Targets: at most 10x bare at each N; ManagedCustomImage's time from 500 to 2000 grows at most
 * 4.4x (linear is 4x). Run with --expose-gc to collect garbage before each timed synth.
 *
 *   node --expose-gc -r ts-node/register/transpile-only bench/synth.bench.ts [N ...]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { bare, Build, managed, median, verdict } from './support/fleet';

export const TARGET_RATIO = 10;
export const TARGET_GROWTH = 4.4;
const GROWTH_FROM = 500;
const GROWTH_TO = 2000;

export interface SynthRow {
  readonly n: number;
  readonly bareMs: number;
  readonly managedMs: number;
  readonly ratio: number;
  readonly met: boolean;
}

export interface SynthResult {
  readonly rounds: number;
  readonly rows: SynthRow[];
  /** ManagedCustomImage's median at GROWTH_TO over GROWTH_FROM, when both were measured. */
  readonly growth?: { managed: number; bare: number; met: boolean };
}

const gc = (globalThis as { gc?: () => void }).gc;

function timeSynth(build: Build, n: number): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-bench-'));
  gc?.();
  const started = process.hrtime.bigint();
  const app = new App({ outdir });
  build(new TerraformStack(app, 'bench'), n);
  app.synth();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  fs.rmSync(outdir, { recursive: true, force: true });
  return ms;
}

/** Measures every N: one warm-up of each kind (module loading, JIT), then rounds alternating the two. */
export function measureSynth({ sizes = [100, 500, 2000], rounds = 5 } = {}): SynthResult {
  timeSynth(bare, sizes[0]);
  timeSynth(managed, sizes[0]);
  const samples = new Map(sizes.map((n) => [n, { bare: [] as number[], managed: [] as number[] }]));
  for (let r = 0; r < rounds; r++) {
    for (const n of sizes) {
      const s = samples.get(n)!;
      // Swap which goes first each round, so neither always runs on the other's garbage.
      const kinds = r % 2 === 0 ? (['bare', 'managed'] as const) : (['managed', 'bare'] as const);
      for (const kind of kinds) s[kind].push(timeSynth(kind === 'bare' ? bare : managed, n));
    }
  }
  const rows = sizes.map((n) => {
    const s = samples.get(n)!;
    const bareMs = median(s.bare);
    const managedMs = median(s.managed);
    return { n, bareMs, managedMs, ratio: managedMs / bareMs, met: managedMs / bareMs <= TARGET_RATIO };
  });
  const from = rows.find((r) => r.n === GROWTH_FROM);
  const to = rows.find((r) => r.n === GROWTH_TO);
  const growth = from && to ? { managed: to.managedMs / from.managedMs, bare: to.bareMs / from.bareMs } : undefined;
  return { rounds, rows, growth: growth && { ...growth, met: growth.managed <= TARGET_GROWTH } };
}

/** The target lines and the table, in Markdown. */
export function formatSynth({ rounds, rows, growth }: SynthResult): string {
  const lines = [
    `Target: synth wall time of N ManagedCustomImage at most ${TARGET_RATIO}x that of N bare terraform_data, at each N ` +
      `(median of ${rounds} alternating rounds, one process). ${verdict(rows.every((r) => r.met))}`,
    growth
      ? `Target: ManagedCustomImage synth wall time grows at most ${TARGET_GROWTH}x from N=${GROWTH_FROM} to N=${GROWTH_TO} ` +
        `(linear: 4x): ${growth.managed.toFixed(2)}x (bare terraform_data: ${growth.bare.toFixed(2)}x). ${verdict(growth.met)}`
      : `Target: growth from N=${GROWTH_FROM} to N=${GROWTH_TO}: not measured in this run.`,
    '',
    `| N | bare terraform_data | ManagedCustomImage | ratio | target <= ${TARGET_RATIO}x |`,
    '| ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) => `| ${r.n} | ${r.bareMs.toFixed(0)} ms | ${r.managedMs.toFixed(0)} ms | ${r.ratio.toFixed(2)}x | ${verdict(r.met)} |`,
    ),
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  process.stdout.write(formatSynth(measureSynth(sizes.length ? { sizes } : {})) + '\n');
}

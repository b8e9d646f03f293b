/*
 * Engine cost: `plan` and a no-op `apply` of N in-sync ManagedCustomImage against N bare
 * terraform_data (a trivial input each), on each engine. Per engine and N: its own emulator and
 * two stack directories; `init` and a first `apply` (so that everything is in sync) outside the
 * timing; then rounds alternating the two stacks (which goes first swaps each round). Measured:
 * wall time, and CPU (user+sys) and peak RSS of the engine with every process it waited for
 * (provider plugins, the `node` read and handler processes), via python3 os.wait4. The
 * emulator's own CPU is not counted. A plan must exit 0 with -detailed-exitcode (no changes)
 * and an apply must report 0 added, 0 changed, 0 destroyed, or the bench stops.
 * Target: at N=200, the managed stack's median wall time at most 4x the bare one's.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bare, Build, Emulator, Engine, fleetState, managed, median, startEmulator, synthTo, verdict } from './support/fleet';

const { runMeasured } = require('./support/rusage.js') as {
  runMeasured(argv: string[], o: { cwd: string; env: Record<string, string> }): Measured;
};

interface Measured {
  code: number;
  wallS: number;
  cpuS: number;
  rssMB: number;
  stdout: string;
  stderr: string;
}

export const TARGET_WALL_RATIO = 4;
export const TARGET_AT = 200;

type Op = 'plan' | 'apply';
const ARGS: Record<Op, string[]> = {
  plan: ['plan', '-input=false', '-detailed-exitcode', '-no-color'],
  apply: ['apply', '-input=false', '-auto-approve', '-no-color'],
};
const NO_OP = /Resources: 0 added, 0 changed, 0 destroyed/;

export interface Sample {
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMB: number;
}

export interface EngineRow {
  readonly engine: string;
  readonly n: number;
  readonly op: Op;
  readonly bare: Sample;
  readonly managed: Sample;
  readonly wallRatio: number;
  readonly cpuRatio: number;
  /** Only at N=TARGET_AT. */
  readonly met?: boolean;
}

/** Runs one engine command, throws unless it succeeded and changed nothing. */
function run(engine: Engine, op: Op | 'init' | 'first-apply', cwd: string, env: Record<string, string>): Measured {
  const args = op === 'init' ? ['init', '-input=false', '-no-color'] : ARGS[op === 'first-apply' ? 'apply' : op];
  const res = runMeasured([engine.bin, ...args], { cwd, env });
  const failed = res.code !== 0 || (op === 'apply' && !NO_OP.test(res.stdout));
  if (failed) throw new Error(`${engine.name} ${op} in ${cwd} exited ${res.code} or was not a no-op:\n${res.stdout}\n${res.stderr}`);
  return res;
}

const medianSample = (xs: Sample[]): Sample => ({
  wallS: median(xs.map((x) => x.wallS)),
  cpuS: median(xs.map((x) => x.cpuS)),
  rssMB: median(xs.map((x) => x.rssMB)),
});

async function measureOne(
  engine: Engine,
  n: number,
  rounds: number,
  cliConfigFile: string,
  log: (l: string) => void,
): Promise<EngineRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `managed-image-engine-bench-${engine.name}-`));
  let emulator: Emulator | undefined;
  try {
    emulator = await startEmulator(path.join(work, 'state.json'), fleetState(n));
    const env = emulator.env(cliConfigFile);
    const stacks: Record<'bare' | 'managed', string> = { bare: '', managed: '' };
    for (const [kind, build] of [
      ['bare', bare],
      ['managed', managed],
    ] as [keyof typeof stacks, Build][]) {
      stacks[kind] = synthTo(path.join(work, kind), build, n);
      run(engine, 'init', stacks[kind], env);
      run(engine, 'first-apply', stacks[kind], env);
    }
    const samples = { bare: { plan: [] as Sample[], apply: [] as Sample[] }, managed: { plan: [] as Sample[], apply: [] as Sample[] } };
    for (let r = 0; r < rounds; r++) {
      const kinds = r % 2 === 0 ? (['bare', 'managed'] as const) : (['managed', 'bare'] as const);
      for (const op of ['plan', 'apply'] as const) for (const kind of kinds) samples[kind][op].push(run(engine, op, stacks[kind], env));
    }
    log(`[bench] engine ${engine.name} N=${n}: ${rounds} rounds done`);
    return (['plan', 'apply'] as const).map((op) => {
      const b = medianSample(samples.bare[op]);
      const m = medianSample(samples.managed[op]);
      const wallRatio = m.wallS / b.wallS;
      const met = n === TARGET_AT ? wallRatio <= TARGET_WALL_RATIO : undefined;
      return { engine: `${engine.name} ${engine.version}`, n, op, bare: b, managed: m, wallRatio, cpuRatio: m.cpuS / b.cpuS, met };
    });
  } finally {
    emulator?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Every engine, every N (smallest first), `rounds` alternating rounds each. */
export async function measureEngines(o: {
  engines: Engine[];
  cliConfigFile: string;
  sizes?: number[];
  rounds?: number;
  log?: (line: string) => void;
}): Promise<{ rounds: number; rows: EngineRow[] }> {
  const { sizes = [1, 10, 50, 200], rounds = 5, log = () => undefined } = o;
  const rows: EngineRow[] = [];
  for (const engine of o.engines) for (const n of sizes) rows.push(...(await measureOne(engine, n, rounds, o.cliConfigFile, log)));
  return { rounds, rows };
}

/** The target line and the table, in Markdown. */
export function formatEngines({ rounds, rows }: { rounds: number; rows: EngineRow[] }): string {
  const targeted = rows.filter((r) => r.met !== undefined);
  const overall = targeted.length ? verdict(targeted.every((r) => r.met)) : `not measured in this run (no N=${TARGET_AT})`;
  const s = (x: Sample) => `${x.wallS.toFixed(2)} s / ${x.cpuS.toFixed(2)} s / ${x.rssMB.toFixed(0)} MB`;
  return [
    `Target: wall time of \`plan\` and of a no-op \`apply\` of ${TARGET_AT} in-sync ManagedCustomImage at most ${TARGET_WALL_RATIO}x ` +
      `that of ${TARGET_AT} bare terraform_data, on each engine (median of ${rounds} alternating rounds). ${overall}`,
    'Each cell: wall / CPU user+sys of the engine and every process it waited for / peak RSS of the largest of them.',
    '',
    `| engine | N | command | bare terraform_data | ManagedCustomImage | wall ratio | CPU ratio | target <= ${TARGET_WALL_RATIO}x wall |`,
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.n} | ${r.op === 'plan' ? 'plan' : 'no-op apply'} | ${s(r.bare)} | ${s(r.managed)} | ` +
        `${r.wallRatio.toFixed(2)}x | ${r.cpuRatio.toFixed(2)}x | ${r.met === undefined ? '' : verdict(r.met)} |`,
    ),
  ].join('\n');
}

/*
 * API cost: the ECS calls each engine command makes, read from the emulator's call log. For N
 * images of one region, each declared with imageName, description, imageFamily and features:
 * - first apply, every image needing one change (its name): the plan's read, ceil(N/100)
 *   DescribeImages, then per image at most DescribeImages + ModifyImageAttribute + DescribeImages
 *   (read-back) + TagResources (the drift marker);
 * - plan, all in sync: ceil(N/100) DescribeImages (the minimum) and nothing else, no write;
 * - no-op apply, all in sync: its plan's read, ceil(N/100) DescribeImages, and nothing else.
 * Deterministic (no latency, no faults, no rate limit): a missed row is a regression.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Call, Engine, fleetState, managed, startEmulator, synthTo, verdict } from './support/fleet';

const { runMeasured } = require('./support/rusage.js') as {
  runMeasured(argv: string[], o: { cwd: string; env: Record<string, string> }): { code: number; stdout: string; stderr: string };
};

export interface ApiCostRow {
  readonly engine: string;
  readonly construct: string;
  readonly n: number;
  readonly run: string;
  readonly expected: string;
  readonly actual: string;
  readonly met: boolean;
}

const count = (calls: Call[], action: string) => calls.filter((c) => c.Action === action).length;
const summary = (calls: Call[]) => {
  const actions = [...new Set(calls.map((c) => c.Action))].sort();
  const errors = calls.filter((c) => c.Code !== null).length;
  return (actions.map((a) => `${a} ${count(calls, a)}`).join(', ') || 'no call') + (errors ? `, ${errors} errors` : '');
};

/** The ids a call names (DescribeImages: a comma-separated ImageId; TagResources: ResourceId.N). */
const idsOf = (c: Call) =>
  Object.entries(c.Params)
    .filter(([k]) => k === 'ImageId' || /^ResourceId\.\d+$/.test(k))
    .flatMap(([, v]) => v.split(','));

/** In-sync runs: exactly the batched read, nothing else, no error. */
export function inSync(n: number, calls: Call[]): { expected: string; met: boolean } {
  const reads = Math.ceil(n / 100);
  const met = calls.length === reads && count(calls, 'DescribeImages') === reads && calls.every((c) => c.Code === null);
  return { expected: `DescribeImages ${reads} (ceil(N/100)), no other call, no write`, met };
}

/** The first apply: the batched read, then per image at most Describe + Modify + Describe + Tag. */
export function firstApply(n: number, calls: Call[]): { expected: string; met: boolean } {
  const reads = Math.ceil(n / 100);
  const perImage = new Map<string, Call[]>();
  for (const c of calls.slice(reads)) for (const id of idsOf(c)) (perImage.get(id) ?? perImage.set(id, []).get(id)!).push(c);
  const within = (cs: Call[]) =>
    count(cs, 'ModifyImageAttribute') === 1 &&
    count(cs, 'DescribeImages') <= 2 &&
    count(cs, 'TagResources') <= 1 &&
    cs.length === count(cs, 'ModifyImageAttribute') + count(cs, 'DescribeImages') + count(cs, 'TagResources');
  const met =
    calls.slice(0, reads).every((c) => c.Action === 'DescribeImages') &&
    calls.slice(reads).every((c) => idsOf(c).length === 1) &&
    perImage.size === n &&
    [...perImage.values()].every(within) &&
    calls.every((c) => c.Code === null);
  return {
    expected:
      `DescribeImages ${reads} (the plan's read), then per image at most DescribeImages + ModifyImageAttribute + ` +
      `DescribeImages + TagResources: DescribeImages <= ${reads + 2 * n}, ModifyImageAttribute ${n}, TagResources <= ${n}, no error`,
    met,
  };
}

function engineRun(engine: Engine, args: string[], cwd: string, env: Record<string, string>, codes = [0]): void {
  const res = runMeasured([engine.bin, ...args, '-input=false', '-no-color'], { cwd, env });
  if (!codes.includes(res.code)) throw new Error(`${engine.name} ${args.join(' ')} exited ${res.code}:\n${res.stdout}\n${res.stderr}`);
}

/** One engine, N ManagedCustomImage: first apply (one change each), then plan and a no-op apply. */
async function measureImages(engine: Engine, n: number, cliConfigFile: string): Promise<ApiCostRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `managed-image-api-bench-${engine.name}-`));
  const emulator = await startEmulator(path.join(work, 'state.json'), fleetState(n, { renamed: true }));
  try {
    const env = emulator.env(cliConfigFile);
    const dir = synthTo(path.join(work, 'managed'), managed, n);
    engineRun(engine, ['init'], dir, env);
    const rows: ApiCostRow[] = [];
    const row = (run: string, calls: Call[], judged: { expected: string; met: boolean }) =>
      rows.push({ engine: `${engine.name} ${engine.version}`, construct: 'ManagedCustomImage', n, run, actual: summary(calls), ...judged });
    const step = async (args: string[]) => {
      await emulator.clearCalls();
      engineRun(engine, args, dir, env);
      return emulator.calls();
    };
    const first = await step(['apply', '-auto-approve']);
    const renamed = (await emulator.images()).filter((i) => /^web-\d+$/.test(i.ImageName)).length;
    const judged = firstApply(n, first);
    row('first apply (one change each)', first, { ...judged, met: judged.met && renamed === n });
    for (const [run, args] of [
      ['plan (in sync)', ['plan', '-detailed-exitcode']],
      ['no-op apply (in sync)', ['apply', '-auto-approve']],
    ] as [string, string[]][]) {
      const calls = await step(args);
      row(run, calls, inSync(n, calls));
    }
    return rows;
  } finally {
    emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function measureApiCost(o: { engines: Engine[]; cliConfigFile: string; sizes?: number[] }): Promise<ApiCostRow[]> {
  const rows: ApiCostRow[] = [];
  for (const engine of o.engines) for (const n of o.sizes ?? [1, 100, 300]) rows.push(...(await measureImages(engine, n, o.cliConfigFile)));
  // ---- GoldenImageFamily: its rows go here --------------------------------------------------
  // When the GoldenImageFamily construct is added, measure a stack of one family of N images
  // the same way (first apply, plan, no-op apply) and push rows with construct: 'GoldenImageFamily'
  // and that construct's own expected calls. Until then the table says the rows are pending.
  // ---------------------------------------------------------------------------------------------
  return rows;
}

export function formatApiCost(rows: ApiCostRow[]): string {
  return [
    'Target: ECS calls (emulator call log) per plan and per no-op apply of N in-sync images in one region: ' +
      `ceil(N/100) DescribeImages and zero writes; first apply of N images needing one change each: at most ` +
      `the plan's read plus DescribeImages + ModifyImageAttribute + DescribeImages + TagResources per image. ${verdict(rows.every((r) => r.met))}`,
    '',
    '| engine | construct | N | run | EXPECTED | ACTUAL | |',
    '| --- | --- | ---: | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.engine} | ${r.construct} | ${r.n} | ${r.run} | ${r.expected} | ${r.actual} | ${verdict(r.met)} |`),
    '| | GoldenImageFamily | | (not in the library yet: its rows go here) | | | |',
  ].join('\n');
}

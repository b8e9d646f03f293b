/*
 * API cost: the ECS calls each engine command makes, read from the emulator's call log. For N
 * images of one region, each declared with imageName, description, imageFamily and features:
 * - first apply, every image needing one change (its name): the plan's read, ceil(N/100)
 *   DescribeImages, then per image at most DescribeImages + ModifyImageAttribute + DescribeImages
 *   (read-back) + TagResources (the drift marker);
 * - plan, all in sync: ceil(N/100) DescribeImages (the minimum) and nothing else, no write;
 * - no-op apply, all in sync: its plan's read, ceil(N/100) DescribeImages, and nothing else.
 * And one GoldenImageFamily of N images (oldest first, keepAvailable 2) none of which is in the
 * family yet: its first apply puts all N in, keeps the newest 2 Available and deprecates the rest
 * (see familyFirstApply for the calls that takes); then plan and no-op apply cost the same as N images.
 * Deterministic (no latency, no faults, no rate limit): a missed row is a regression.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GoldenImageFamily } from '../lib';
import { Build, Call, Engine, fleetState, managed, REGION, startEmulator, synthTo, verdict } from './support/fleet';

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

/** The family's members, oldest first, and the emulator state where none is in the family yet. */
const FAMILY = 'fleet-family';
const KEEP = 2;
const memberId = (i: number) => `m-bp1famly${String(i).padStart(5, '0')}`;
const family: Build = (stack, n) =>
  new GoldenImageFamily(stack, 'family', {
    regionId: REGION,
    family: FAMILY,
    images: Array.from({ length: n }, (_, i) => memberId(i)),
    keepAvailable: KEEP,
  });
const familyState = (n: number) => ({
  images: Array.from({ length: n }, (_, i) => ({
    ImageId: memberId(i),
    RegionId: REGION,
    ImageName: `family-member-${i}`,
    Status: 'Available',
    CreationTime: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Architecture: 'x86_64',
    BootMode: 'BIOS',
  })),
});

/**
 * A family's first apply, from the design of reconcileFamily (one handler process for the family):
 * the plan's read (ceil(N/100)); the handler's read of the members (ceil(N/100)), of the family's
 * Available images (1) and of the images carrying its drift tag (1); a share check per member to
 * deprecate (N - 2); ModifyImageAttribute once per member to put it in the family and once more per
 * member to deprecate (Status goes in a request of its own); at most one read-back each; the drift
 * tag on each member and the replaced-by/deprecated-at tags on each deprecated one. Every write
 * names one member; nothing is written twice.
 */
export function familyFirstApply(n: number, calls: Call[]): { expected: string; met: boolean } {
  const reads = Math.ceil(n / 100);
  const deprecated = Math.max(0, n - KEEP);
  const writes = calls.filter((c) => c.Action !== 'DescribeImages' && c.Action !== 'DescribeImageSharePermission');
  const met =
    count(calls, 'ModifyImageAttribute') === n + deprecated &&
    count(calls, 'DescribeImageSharePermission') === deprecated &&
    count(calls, 'DescribeImages') <= 2 * reads + 2 + n &&
    count(calls, 'TagResources') <= n + deprecated &&
    writes.every((c) => idsOf(c).length === 1) &&
    calls.length === count(calls, 'ModifyImageAttribute') + count(calls, 'DescribeImages') + count(calls, 'TagResources') + deprecated &&
    calls.every((c) => c.Code === null);
  return {
    expected:
      `ModifyImageAttribute ${n + deprecated} (N to join, N-2 to deprecate), DescribeImageSharePermission ${deprecated}, ` +
      `DescribeImages <= ${2 * reads + 2 + n}, TagResources <= ${n + deprecated}, nothing else, no error`,
    met,
  };
}

function engineRun(engine: Engine, args: string[], cwd: string, env: Record<string, string>, codes = [0]): void {
  const res = runMeasured([engine.bin, ...args, '-input=false', '-no-color'], { cwd, env });
  if (!codes.includes(res.code)) throw new Error(`${engine.name} ${args.join(' ')} exited ${res.code}:\n${res.stdout}\n${res.stderr}`);
}

/** What one construct's measurement needs: its stack, the emulator state, and how to judge the first apply. */
interface CostCase {
  readonly construct: string;
  readonly build: Build;
  readonly state: (n: number) => object;
  readonly firstRun: string;
  readonly judgeFirst: (n: number, calls: Call[]) => { expected: string; met: boolean };
  /** After the first apply, the emulator's images are as declared. */
  readonly converged: (n: number, images: Record<string, any>[]) => boolean;
}

const IMAGES_CASE: CostCase = {
  construct: 'ManagedCustomImage',
  build: managed,
  state: (n) => fleetState(n, { renamed: true }),
  firstRun: 'first apply (one change each)',
  judgeFirst: firstApply,
  converged: (n, images) => images.filter((i) => /^web-\d+$/.test(i.ImageName)).length === n,
};

const FAMILY_CASE: CostCase = {
  construct: 'GoldenImageFamily',
  build: family,
  state: familyState,
  firstRun: `first apply (all join, ${KEEP} kept, the rest deprecated)`,
  judgeFirst: familyFirstApply,
  converged: (n, images) =>
    images.filter((i) => i.ImageFamily === FAMILY).length === n &&
    images.filter((i) => i.Status === 'Deprecated').length === Math.max(0, n - KEEP),
};

/** One engine, one construct at N: first apply, then plan and a no-op apply. */
async function measureCase(engine: Engine, c: CostCase, n: number, cliConfigFile: string): Promise<ApiCostRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `managed-image-api-bench-${engine.name}-`));
  const emulator = await startEmulator(path.join(work, 'state.json'), c.state(n));
  try {
    const env = emulator.env(cliConfigFile);
    const dir = synthTo(path.join(work, 'managed'), c.build, n);
    engineRun(engine, ['init'], dir, env);
    const rows: ApiCostRow[] = [];
    const row = (run: string, calls: Call[], judged: { expected: string; met: boolean }) =>
      rows.push({ engine: `${engine.name} ${engine.version}`, construct: c.construct, n, run, actual: summary(calls), ...judged });
    const step = async (args: string[]) => {
      await emulator.clearCalls();
      engineRun(engine, args, dir, env);
      return emulator.calls();
    };
    const first = await step(['apply', '-auto-approve']);
    const judged = c.judgeFirst(n, first);
    row(c.firstRun, first, { ...judged, met: judged.met && c.converged(n, await emulator.images()) });
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

export async function measureApiCost(o: {
  engines: Engine[];
  cliConfigFile: string;
  sizes?: number[];
  familySizes?: number[];
}): Promise<ApiCostRow[]> {
  const rows: ApiCostRow[] = [];
  for (const engine of o.engines) {
    for (const n of o.sizes ?? [1, 100, 300]) rows.push(...(await measureCase(engine, IMAGES_CASE, n, o.cliConfigFile)));
    // A family holds at most 100 images.
    for (const n of o.familySizes ?? [10, 100]) rows.push(...(await measureCase(engine, FAMILY_CASE, n, o.cliConfigFile)));
  }
  return rows;
}

export function formatApiCost(rows: ApiCostRow[]): string {
  return [
    'Target: ECS calls (emulator call log) per plan and per no-op apply of N in-sync images in one region: ' +
      `ceil(N/100) DescribeImages and zero writes; first apply of N images needing one change each: at most ` +
      `the plan's read plus DescribeImages + ModifyImageAttribute + DescribeImages + TagResources per image; ` +
      `a family's first apply: the calls its design needs (familyFirstApply), one write per change. ${verdict(rows.every((r) => r.met))}`,
    '',
    '| engine | construct | N | run | EXPECTED | ACTUAL | |',
    '| --- | --- | ---: | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.engine} | ${r.construct} | ${r.n} | ${r.run} | ${r.expected} | ${r.actual} | ${verdict(r.met)} |`),
  ].join('\n');
}

/*
 * `npm run bench:scale [-- N ...]`: one stack of N in-sync ManagedCustomImage (default 1000) on
 * OpenTofu against the emulator: the first apply, a plan and a no-op apply, each with its wall
 * time, CPU, peak RSS (the engine and every process it ran) and ECS calls. The figures behind the
 * README's "Scale limits" section; minutes per run, so not part of `npm run bench`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Call, findEngines, fleetState, managed, startEmulator, synthTo } from './support/fleet';

const { runMeasured } = require('./support/rusage.js') as {
  runMeasured(
    argv: string[],
    o: { cwd: string; env: Record<string, string> },
  ): { code: number; wallS: number; cpuS: number; rssMB: number; stdout: string; stderr: string };
};

const summary = (calls: Call[]) => {
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c.Action, (counts.get(c.Action) ?? 0) + 1);
  return [...counts].map(([a, n]) => `${a} ${n}`).join(', ') || 'no call';
};

async function scale(n: number): Promise<string[]> {
  const found = findEngines();
  const engine = found.engines.find((e) => e.name === 'opentofu');
  if (!engine || !found.cliConfigFile) throw new Error(`no OpenTofu: ${found.notes.join(' ')}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-scale-'));
  const emulator = await startEmulator(path.join(work, 'state.json'), fleetState(n));
  try {
    const env = emulator.env(found.cliConfigFile);
    const synthStarted = process.hrtime.bigint();
    const dir = synthTo(path.join(work, 'out'), managed, n);
    const synthS = Number(process.hrtime.bigint() - synthStarted) / 1e9;
    const rows = [
      `| ${n} | synth (in process) | ${synthS.toFixed(1)} s | | | ${(fs.statSync(path.join(dir, 'cdk.tf.json')).size / 1e6).toFixed(1)} MB of cdk.tf.json |`,
    ];
    const run = async (label: string, args: string[], codes: number[]) => {
      await emulator.clearCalls();
      const r = runMeasured([engine.bin, ...args, '-input=false', '-no-color'], { cwd: dir, env });
      if (!codes.includes(r.code)) throw new Error(`${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
      rows.push(
        `| ${n} | ${label} | ${r.wallS.toFixed(1)} s | ${r.cpuS.toFixed(1)} s | ${r.rssMB.toFixed(0)} MB | ${summary(await emulator.calls())} |`,
      );
      process.stderr.write(`${rows[rows.length - 1]}\n`);
    };
    runMeasured([engine.bin, 'init', '-input=false'], { cwd: dir, env });
    await run('first apply (in sync, -parallelism=10)', ['apply', '-auto-approve', '-parallelism=10'], [0]);
    await run('plan (in sync)', ['plan', '-detailed-exitcode'], [0]);
    await run('no-op apply', ['apply', '-auto-approve'], [0]);
    rows.push(`| ${n} | state file | | | | ${(fs.statSync(path.join(dir, 'terraform.tfstate')).size / 1e6).toFixed(1)} MB |`);
    return rows;
  } finally {
    emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const rows: string[] = [];
  for (const n of sizes.length > 0 ? sizes : [1000]) rows.push(...(await scale(n)));
  process.stdout.write(
    [
      `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'CPU'}, Node.js ${process.version}, OpenTofu, load ${os.loadavg()[0].toFixed(2)}`,
      '',
      '| N | run | wall | CPU | peak RSS | ECS calls / size |',
      '| ---: | --- | ---: | ---: | ---: | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

void main();

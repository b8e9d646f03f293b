/*
 * Runs every benchmark, prints the tables with their targets, and (full run only) writes them
 * with a description of the machine to docs/benchmarks.md.
 *
 *   npm run bench      full: synth N=100/500/2000, CLI start, engine N=1/10/50/200 on every
 *                      engine found, API cost N=1/100/300 images and a family of 10/100 on every
 *                      engine; writes docs/benchmarks.md
 *   npm run bench:ci   fast subset: synth N=100/500, CLI start, engine N=1/50 and API cost
 *                      N=1/100 and a family of 10 on OpenTofu only; prints, writes nothing
 *
 * Exit status: 1 only if an API-cost row misses (call counts are deterministic); timing targets
 * are reported, never enforced. An engine that cannot run at all is an error.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { formatApiCost, measureApiCost } from './api-cost.bench';
import { formatEngines, measureEngines } from './engine.bench';
import { formatSynth, measureSynth } from './synth.bench';
import { findEngines, ROOT } from './support/fleet';

const cliStart = require('./cli-start.bench.js');

const CI = process.argv.includes('--ci');
const PLAN = CI
  ? {
      synth: [100, 500],
      synthRounds: 5,
      cliRounds: 7,
      engines: ['opentofu'],
      engine: [1, 50],
      engineRounds: 3,
      api: [1, 100],
      familyApi: [10],
    }
  : {
      synth: [100, 500, 2000],
      synthRounds: 5,
      cliRounds: 11,
      engines: ['opentofu', 'terraform'],
      engine: [1, 10, 50, 200],
      engineRounds: 5,
      api: [1, 100, 300],
      familyApi: [10, 100],
    };
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface CliRow {
  name: string;
  cpuS: number;
  cpuMet?: boolean;
  rssMet?: boolean;
}

/** Which CLI-start targets each environment meets, in words, from the measured rows. */
function cliStartNote(results: { environment: string; rows: CliRow[] }[]): string {
  return results
    .map(({ environment, rows }) => {
      const missed = rows.filter((r) => r.cpuMet === false || r.rssMet === false).map((r) => r.name);
      const base = rows[0].cpuS * 1000;
      return `- environment ${environment}: \`node -e 0\` takes ${base.toFixed(0)} ms of CPU; ${missed.length ? `MISSED by ${missed.join(', ')}` : 'every target MET'}.`;
    })
    .join('\n');
}

const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

function machine(engines: { name: string; version: string }[], startedAt: Date, seconds: number, loadAtStart: string): string {
  const cpus = os.cpus();
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return [
    `- date: ${startedAt.toISOString()} (run took ${seconds.toFixed(0)} s), commit ${git || 'unknown'}`,
    `- cpu: ${cpus[0]?.model ?? 'unknown'} x ${cpus.length}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- os: ${os.type()} ${os.release()} ${os.arch()}; node ${process.version}`,
    `- engines: ${engines.map((e) => `${e.name} ${e.version}`).join(', ') || 'none found'}`,
    // Other work on the machine skews timings (not call counts): the load says whether there was any.
    `- load average (1 / 5 / 15 min): ${loadAtStart} at the start, ${loadAverage()} at the end`,
  ].join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = loadAverage();
  const found = findEngines();
  const engines = found.engines.filter((e) => PLAN.engines.includes(e.name));
  if (engines.length === 0 || !found.cliConfigFile) throw new Error(`no engine to run on: ${found.notes.join(' ')}`);
  const sections: string[] = [];
  const section = (title: string, body: string) => {
    sections.push(`## ${title}\n\n${body}\n`);
    process.stdout.write(`\n## ${title}\n\n${body}\n`);
  };

  log('[bench] synth ...');
  section('a. Synth', formatSynth(measureSynth({ sizes: PLAN.synth, rounds: PLAN.synthRounds })));

  log('[bench] CLI cold start, inherited then clean environment ...');
  const starts = [];
  for (const cleanEnv of [false, true]) starts.push(await cliStart.measure({ rounds: PLAN.cliRounds, cleanEnv }));
  section(
    'b. CLI cold start',
    [
      `Target: CPU (user+sys) of each managed-image command at most ${cliStart.TARGET_CPU_RATIO}x that of \`node -e 0\`, and peak RSS ` +
        `under ${cliStart.TARGET_RSS_MB} MB (median of ${PLAN.cliRounds} alternating rounds, rusage via ${starts[0].meter}).`,
      cliStartNote(starts),
      ...starts.map((s) => `\nEnvironment ${s.environment}:\n\n${cliStart.formatTable(s)}`),
    ].join('\n'),
  );

  log('[bench] engines ...');
  section(
    'c. Engine: plan and no-op apply',
    formatEngines(
      await measureEngines({ engines, cliConfigFile: found.cliConfigFile, sizes: PLAN.engine, rounds: PLAN.engineRounds, log }),
    ),
  );

  log('[bench] API cost ...');
  const apiRows = await measureApiCost({ engines, cliConfigFile: found.cliConfigFile, sizes: PLAN.api, familySizes: PLAN.familyApi });
  section('d. API cost', formatApiCost(apiRows));

  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const about = machine(engines, startedAt, seconds, loadAtStart);
  process.stdout.write(`\n## Machine\n\n${about}\n`);
  if (!CI) {
    const header = [
      '<!-- Generated by `npm run bench` (bench/run.ts): do not edit by hand. -->',
      '',
      '# Benchmarks',
      '',
      'Generated file. To regenerate, run `npm run bench` (it overwrites this file; `npm run bench:ci` prints a subset and writes nothing).',
      'Timings are medians of alternating rounds on the machine below, not assertions; only the API-cost rows are deterministic.',
      '',
      '## Machine',
      '',
      about,
      '',
    ].join('\n');
    fs.mkdirSync(path.dirname(DOC), { recursive: true });
    fs.writeFileSync(DOC, `${header}\n${sections.join('\n')}`);
    log(`[bench] wrote ${path.relative(ROOT, DOC)}`);
  }
  if (apiRows.some((r) => !r.met)) {
    log('[bench] an API-cost row MISSED: exit 1');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  log(`bench failed: ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 2;
});

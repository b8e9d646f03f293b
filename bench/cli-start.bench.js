#!/usr/bin/env node
/*
 * Start-up cost of the bundled CLI: child CPU (user+sys) and peak RSS of `node -e 0`,
 * `managed-image --help`, `read` and an in-sync `handle` (one DescribeImages), measured side by
 * side, alternating, several rounds; medians, the ratio to `node -e 0`, and the targets
 * (at most 2x the CPU of `node -e 0`, peak RSS under 60 MB). Not a timed test: it only reports.
 *
 *   node bench/cli-start.bench.js [--bundle dist/managed-image.js] [--rounds 11]
 *
 * Node cannot read a child's rusage, so each run goes through a tiny helper: python3's
 * os.wait4 (preferred), else /usr/bin/time -f. The output says which.
 * require('./bench/cli-start.bench.js').measure(options) resolves to the rows, for docs.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const ROOT = path.resolve(__dirname, '..');
const TARGET_CPU_RATIO = 2;
const TARGET_RSS_MB = 60;
const IMAGE_ID = 'm-bp1bench0001';
const IMAGE_NAME = 'bench-image';

// Runs argv with stdin from a pipe (as Terraform's external data source gives it), stdout and
// stderr to files, and prints the child's rusage as JSON. fork+exec, then wait4 on that very pid:
// the rusage is the child's alone (ru_maxrss is in KiB on Linux).
const PY_HELPER = `
import json, os, sys
argv, env, stdin, out, err = json.loads(sys.argv[1])
data = open(stdin, 'rb').read()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    try:
        os.close(w)
        os.dup2(r, 0)
        for fd, name in ((1, out), (2, err)):
            os.dup2(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
        os.execve(argv[0], argv, env)
    finally:
        os._exit(127)
os.close(r)
os.write(w, data)  # small: fits the pipe buffer, so this never waits for the child
os.close(w)
_, status, ru = os.wait4(pid, 0)
print(json.dumps({"status": os.waitstatus_to_exitcode(status), "cpu": ru.ru_utime + ru.ru_stime, "rssKiB": ru.ru_maxrss}))
`;

/** Picks the rusage helper: python3 with os.wait4, else GNU time. */
function chooseMeter() {
  const py = spawnSync('python3', ['-c', 'import os, sys; os.wait4; os.waitstatus_to_exitcode; print(sys.executable)'], {
    encoding: 'utf8',
  });
  if (py.status === 0) return { name: 'python3 os.wait4', python: py.stdout.trim() };
  if (fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0) return { name: '/usr/bin/time -f' };
  throw new Error("cli-start bench: needs python3 (os.wait4) or GNU /usr/bin/time to read a child's rusage");
}

/** One run of argv: { status, cpu (s), rssMB }; throws if it exits non-zero. */
function measureOnce(meter, argv, { input = '', env, dir }) {
  const files = { in: path.join(dir, 'stdin'), out: path.join(dir, 'stdout'), err: path.join(dir, 'stderr'), time: path.join(dir, 'time') };
  fs.writeFileSync(files.in, input);
  let result;
  if (meter.python) {
    const res = spawnSync(meter.python, ['-c', PY_HELPER, JSON.stringify([argv, env, files.in, files.out, files.err])], {
      env,
      encoding: 'utf8',
    });
    if (res.status !== 0) throw new Error(`rusage helper failed: ${res.stderr}`);
    const r = JSON.parse(res.stdout);
    result = { status: r.status, cpu: r.cpu, rssMB: r.rssKiB / 1024 };
  } else {
    const res = spawnSync('/usr/bin/time', ['-o', files.time, '-f', '%U %S %M', ...argv], { env, input, encoding: 'utf8' });
    fs.writeFileSync(files.out, res.stdout ?? '');
    fs.writeFileSync(files.err, res.stderr ?? '');
    const [user, sys, rssKiB] = fs.readFileSync(files.time, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    result = { status: res.status, cpu: user + sys, rssMB: rssKiB / 1024 };
  }
  if (result.status !== 0) {
    throw new Error(`${argv.slice(1).join(' ')} exited ${result.status}: ${fs.readFileSync(files.err, 'utf8').trim()}`);
  }
  result.stdout = fs.readFileSync(files.out, 'utf8');
  return result;
}

/** `managed-image emulator --state FILE` as a child process; resolves once it printed its URL. */
function startEmulator(bundle, stateFile, env) {
  const child = spawn(process.execPath, [bundle, 'emulator', '--state', stateFile], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (url) => resolve({ url, stop: () => child.kill('SIGTERM') }));
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before printing its URL`)));
  });
}

// The baseline a CLI calling an API cannot go below: Node's HTTP client, one POST, a JSON answer.
const BARE_POST = `const http = require('http'); require('https'); require('crypto');
http.request(process.env.ALIBABA_CLOUD_ECS_ENDPOINT + '/?Action=DescribeImages', { method: 'POST' }, (res) => {
  let body = ''; res.on('data', (d) => (body += d)); res.on('end', () => JSON.parse(body));
}).end();`;

// Variables that would change what the CLI does (credentials, profiles, endpoints), as test/support/isolate-credentials.js.
const CREDENTIAL_VARIABLE = /^(ALIBABA_CLOUD|ALIBABACLOUD|ALICLOUD)_/;

/** The environment of every run: see the header. */
function baseEnvironment(clean, home) {
  if (clean) return { PATH: process.env.PATH, HOME: home };
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !CREDENTIAL_VARIABLE.test(k)));
  return { ...env, HOME: home };
}

/** A control endpoint of the emulator: GET or DELETE, JSON back. */
function control(url, method, pathname) {
  return new Promise((resolve, reject) => {
    const req = require('http').request(url + pathname, { method, agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.end();
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Measures the cases and resolves to { meter, rounds, node, bundle, environment,
 * rows: [{ name, cpuS, rssMB, cpuRatio, cpuMet?, rssMet? }] } (no targets on the baseline and reference rows).
 */
async function measure({ bundle = path.join(ROOT, 'dist', 'managed-image.js'), rounds = 11, cleanEnv = false } = {}) {
  bundle = path.resolve(bundle);
  if (!fs.existsSync(bundle)) throw new Error(`cli-start bench: no bundle at ${bundle} (npm run build)`);
  const meter = chooseMeter();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-cli-bench-'));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const stateFile = path.join(dir, 'state.json');
  fs.writeFileSync(
    stateFile,
    JSON.stringify({
      images: [
        { ImageId: IMAGE_ID, ImageName: IMAGE_NAME, Status: 'Available', RegionId: 'cn-hangzhou', CreationTime: '2026-01-01T00:00:00Z' },
      ],
    }),
  );
  const baseEnv = baseEnvironment(cleanEnv, home);
  const emulator = await startEmulator(bundle, stateFile, baseEnv);
  try {
    const cliEnv = {
      ...baseEnv,
      ALIBABA_CLOUD_ECS_ENDPOINT: emulator.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'test',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test',
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
    };
    const node = process.execPath;
    const cases = [
      { name: 'node -e 0', argv: [node, '-e', '0'], env: baseEnv, target: false },
      { name: 'reference: node -e, one bare HTTP POST', argv: [node, '-e', BARE_POST], env: cliEnv, target: false },
      { name: 'managed-image --help', argv: [node, bundle, '--help'], env: baseEnv },
      {
        name: 'managed-image read',
        argv: [node, bundle, 'read'],
        env: cliEnv,
        input: JSON.stringify({ region_id: 'cn-hangzhou', image_id: IMAGE_ID }),
      },
      {
        // The event as the argument, as the construct's local-exec provisioners pass it.
        name: 'managed-image handle (in sync)',
        argv: [
          node,
          bundle,
          'handle',
          JSON.stringify({
            RequestType: 'Create',
            ResourceProperties: { RegionId: 'cn-hangzhou', ImageId: IMAGE_ID, ImageName: IMAGE_NAME },
          }),
        ],
        env: cliEnv,
        check: (stdout) => JSON.parse(stdout).Data.Changes.length === 0,
      },
    ];
    // The in-sync handle must be one DescribeImages and nothing else, or it measures something else.
    await control(emulator.url, 'DELETE', '/__emulator/calls');
    measureOnce(meter, cases[cases.length - 1].argv, { env: cliEnv, dir });
    const actions = (await control(emulator.url, 'GET', '/__emulator/calls')).map((c) => c.Action);
    if (actions.join() !== 'DescribeImages') throw new Error(`the in-sync handle called ${actions.join(', ')}, not one DescribeImages`);

    const samples = cases.map(() => ({ cpu: [], rss: [] }));
    // One warm-up run each (page cache, emulator JIT), then rounds that alternate the cases.
    for (let r = -1; r < rounds; r++) {
      cases.forEach((c, i) => {
        const run = measureOnce(meter, c.argv, { input: c.input, env: c.env, dir });
        if (c.check && !c.check(run.stdout)) throw new Error(`${c.name}: unexpected output ${run.stdout}`);
        if (r >= 0) {
          samples[i].cpu.push(run.cpu);
          samples[i].rss.push(run.rssMB);
        }
      });
    }
    const baseCpu = median(samples[0].cpu);
    const rows = cases.map((c, i) => {
      const cpuS = median(samples[i].cpu);
      const rssMB = median(samples[i].rss);
      const row = { name: c.name, cpuS, rssMB, cpuRatio: cpuS / baseCpu };
      if (c.target !== false) Object.assign(row, { cpuMet: row.cpuRatio <= TARGET_CPU_RATIO, rssMet: rssMB < TARGET_RSS_MB });
      return row;
    });
    const nodeVariables = Object.keys(baseEnv).filter((k) => k.startsWith('NODE_'));
    const environment = cleanEnv
      ? 'clean (PATH, HOME)'
      : `inherited${nodeVariables.length ? ` (with ${nodeVariables.join(', ')})` : ''}, HOME temporary`;
    return { meter: meter.name, rounds, node: process.version, bundle: path.relative(process.cwd(), bundle) || bundle, environment, rows };
  } finally {
    emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows as a Markdown table. */
function formatTable({ rows }) {
  const met = (ok) => (ok === undefined ? '' : ok ? 'MET' : 'MISSED');
  const lines = [
    `| command | CPU user+sys (median) | vs node -e 0 | CPU target <= ${TARGET_CPU_RATIO}x | peak RSS (median) | RSS target < ${TARGET_RSS_MB} MB |`,
    '| --- | ---: | ---: | --- | ---: | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${(r.cpuS * 1000).toFixed(0)} ms | ${r.cpuRatio.toFixed(2)}x | ${met(r.cpuMet)} | ${r.rssMB.toFixed(1)} MB | ${met(r.rssMet)} |`,
    );
  }
  return lines.join('\n');
}

module.exports = { measure, formatTable, TARGET_CPU_RATIO, TARGET_RSS_MB };

if (require.main === module) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  measure({
    bundle: arg('--bundle'),
    rounds: arg('--rounds') ? Number(arg('--rounds')) : undefined,
    cleanEnv: process.argv.includes('--clean-env'),
  }).then(
    (result) => {
      process.stdout.write(
        `cli-start: ${result.bundle}, node ${result.node}, ${result.rounds} rounds, rusage via ${result.meter}, environment ${result.environment}\n\n`,
      );
      process.stdout.write(formatTable(result) + '\n');
    },
    (e) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}

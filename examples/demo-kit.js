// What both demos share: an engine, the embedded emulator, synthesizing an example, and running
// engine steps with a short summary. Plain CommonJS, run by node after `npm run build`.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const { findEngines, engineEnv, runEngine } = require('../tools/engines/engines.js');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'managed-image.js');
const say = (line = '') => process.stdout.write(`${line}\n`);

/** An engine to run the demo on, saying which and why. */
function pickEngine() {
  if (!fs.existsSync(cli)) throw new Error('dist/managed-image.js is missing: run "npm run build" first (npm run demo does).');
  const found = findEngines();
  for (const note of found.notes) say(`engine: ${note}`);
  if (found.engines.length === 0) throw new Error('no engine: install Go (to build OpenTofu) or put terraform on PATH.');
  say(`\nThe demo uses ${found.engines[0].name} ${found.engines[0].version}.`);
  return { engine: found.engines[0], cliConfigFile: found.cliConfigFile };
}

/** `managed-image emulator --state <file>` as a child process; resolves once it prints its URL. */
function startEmulator(stateFile) {
  const child = spawn(process.execPath, [cli, 'emulator', '--state', stateFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (url) => resolve({ url, child }));
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it started`)));
  });
}

async function emulatorState(url) {
  return (await fetch(`${url}/__emulator/state`)).json();
}

/** Synthesizes an example's main.ts into `outdir` with extra environment variables. */
function synth(mainTs, outdir, env) {
  say(`\n$ cdktf synth   (${path.relative(root, mainTs)})`);
  const res = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', mainTs], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, TS_NODE_PROJECT: path.join(root, 'tsconfig.json'), ...env },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`synth failed:\n${res.stdout}${res.stderr}`);
}

/** Synthesizes a Python example (`python main.py`) into `outdir`; `python` has the wheel installed. */
function synthPython(python, mainPy, outdir, env) {
  say(`\n$ ${path.basename(python)} ${path.relative(root, mainPy)}   (cdktf synth in Python)`);
  const res = spawnSync(python, [mainPy], {
    cwd: path.dirname(mainPy),
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    encoding: 'utf8',
  });
  if (res.error) throw new Error(`synth failed: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`synth failed:\n${res.stdout}${res.stderr}`);
}

/** The engine's environment: the emulator's endpoint and its test/test key. */
function options(cliConfigFile, stackDir, url) {
  return {
    cwd: stackDir,
    env: engineEnv(cliConfigFile, {
      ALIBABA_CLOUD_ECS_ENDPOINT: url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'test',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test',
    }),
  };
}

/** Runs one engine command, prints the lines that tell the story, and checks the exit code. */
async function step(title, engine, args, opts, expectCodes = [0]) {
  say(`\n$ ${engine.name} ${args.join(' ')}`);
  const res = await runEngine(engine, args, opts);
  const summary = res.stdout
    .split('\n')
    .filter((l) =>
      /Plan:|No changes|Apply complete|forces replacement|sync_token|Error|Guard\.|local-exec\): \{"PhysicalResourceId|differs from its declaration/.test(
        l,
      ),
    );
  for (const line of summary) say(`  ${line.trim()}`);
  if (!expectCodes.includes(res.code)) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error(`${title}: ${engine.name} exited ${res.code}`);
  }
  return res;
}

/**
 * Runs a demo: picks an engine, makes a working directory, starts the embedded emulator on
 * stateFile, then body({ engine, cliConfigFile, work, url }); stops the emulator and removes the
 * directory afterwards, whatever happened. A failure is printed as "<name> failed: ..." and sets
 * the exit code to 1.
 */
function runDemo(name, stateFile, body) {
  const run = async () => {
    const { engine, cliConfigFile } = pickEngine();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `managed-image-${name.replace(/\W+/g, '-')}-`));
    try {
      const { url, child } = await startEmulator(stateFile);
      say(`Embedded ECS emulator: ${url}   (working directory: ${work})`);
      try {
        await body({ engine, cliConfigFile, work, url });
      } finally {
        child.kill('SIGTERM');
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };
  run().catch((e) => {
    process.stderr.write(`${name} failed: ${e.message}\n`);
    process.exitCode = 1;
  });
}

module.exports = { cli, say, pickEngine, startEmulator, emulatorState, synth, synthPython, options, step, runDemo };

#!/usr/bin/env node
// `npm run demo`: the basic example end to end against the embedded ECS emulator.
// synth -> init -> plan -> apply -> plan (no changes), then shows what changed on the image.
// It finds an engine (OpenTofu built from the Go module proxy where Go is present, or `terraform`
// on PATH) and says which one it used.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const { findEngines, engineEnv, runEngine } = require('../../tools/engines/engines.js');

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'managed-image.js');
const IMAGE_ID = 'm-bp1demo0000000000001';
const say = (line = '') => process.stdout.write(`${line}\n`);

function startEmulator(stateFile) {
  const child = spawn(process.execPath, [cli, 'emulator', '--state', stateFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (url) => resolve({ url, child }));
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it started`)));
  });
}

async function imageNow(url) {
  const state = await (await fetch(`${url}/__emulator/state`)).json();
  return state.images.find((i) => i.ImageId === IMAGE_ID);
}

function attributes(image) {
  return {
    'ImageName': image.ImageName,
    'Description': image.Description,
    'ImageFamily': image.ImageFamily || '',
    'Features.NvmeSupport': image.Features && image.Features.NvmeSupport,
    'Features.ImdsSupport': image.Features && image.Features.ImdsSupport,
    'Status': image.Status,
  };
}

async function step(title, engine, args, options, expectCodes = [0]) {
  say(`\n$ ${engine.name} ${args.join(' ')}`);
  const res = await runEngine(engine, args, options);
  const summary = res.stdout
    .split('\n')
    .filter((l) =>
      /Plan:|No changes|Apply complete|forces replacement|sync_token|Error|Guard\.|local-exec\): \{"PhysicalResourceId/.test(l),
    );
  for (const line of summary) say(`  ${line.trim()}`);
  if (!expectCodes.includes(res.code)) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error(`${title}: ${engine.name} exited ${res.code}`);
  }
  return res;
}

async function main() {
  if (!fs.existsSync(cli)) throw new Error('dist/managed-image.js is missing: run "npm run build" first (npm run demo does).');
  const found = findEngines();
  for (const note of found.notes) say(`engine: ${note}`);
  if (found.engines.length === 0) throw new Error('no engine: install Go (to build OpenTofu) or put terraform on PATH.');
  const engine = found.engines[0];
  say(`\nThe demo uses ${engine.name} ${engine.version}.`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-demo-'));
  const { url, child } = await startEmulator(path.join(__dirname, 'demo-state.json'));
  say(`Embedded ECS emulator: ${url}   (working directory: ${work})`);
  try {
    const before = attributes(await imageNow(url));

    say('\n$ cdktf synth   (examples/basic/main.ts)');
    const synth = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        CDKTF_OUTDIR: path.join(work, 'cdktf.out'),
        IMAGE_ID,
        RELEASE: '2026.11',
        TS_NODE_PROJECT: path.join(root, 'tsconfig.json'),
      },
      encoding: 'utf8',
    });
    if (synth.status !== 0) throw new Error(`synth failed:\n${synth.stdout}${synth.stderr}`);
    const stackDir = path.join(work, 'cdktf.out', 'stacks', 'golden-image');
    say(`  synthesized ${path.relative(work, stackDir)}/cdk.tf.json`);

    // Credentials only in the engine's environment: the emulator accepts test/test by default.
    const options = {
      cwd: stackDir,
      env: engineEnv(found.cliConfigFile, {
        ALIBABA_CLOUD_ECS_ENDPOINT: url,
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'test',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test',
      }),
    };
    await step('init', engine, ['init', '-input=false'], options);
    await step('plan', engine, ['plan', '-input=false', '-detailed-exitcode'], options, [2]);
    await fetch(`${url}/__emulator/calls`, { method: 'DELETE' });
    await step('apply', engine, ['apply', '-input=false', '-auto-approve'], options);
    const calls = await (await fetch(`${url}/__emulator/calls`)).json();
    const final = await step('plan after apply', engine, ['plan', '-input=false', '-detailed-exitcode'], options, [0]);

    const after = attributes(await imageNow(url));
    say(`\nWhat changed on ${IMAGE_ID}:`);
    for (const key of Object.keys(before)) {
      const mark = before[key] === after[key] ? ' ' : '*';
      say(`  ${mark} ${key.padEnd(22)} ${JSON.stringify(before[key] ?? '')} -> ${JSON.stringify(after[key] ?? '')}`);
    }
    const modifies = calls.filter((c) => c.Action === 'ModifyImageAttribute');
    say(`\nECS calls during apply: ${calls.map((c) => c.Action).join(', ')}`);
    say(`ModifyImageAttribute calls: ${modifies.length}`);
    say(final.code === 0 ? 'The plan after apply is empty: the image is as declared.' : 'The plan after apply is NOT empty.');
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`demo failed: ${e.message}\n`);
  process.exitCode = 1;
});

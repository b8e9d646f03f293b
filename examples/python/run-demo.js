#!/usr/bin/env node
// The Python example end to end against the embedded ECS emulator, on a real engine:
// synth (python main.py) -> init -> plan -> apply -> plan -detailed-exitcode (must be 0).
// Also checks that the Python synth is the configuration examples/basic/main.ts synthesizes.
//
//   PYTHON=<a python with the wheel installed> node examples/python/run-demo.js
//
// `npm run test:python` builds the wheel's virtual environment and runs this (scripts/ecosystem/python.sh).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const kit = require('../demo-kit');

const IMAGE_ID = 'm-bp1demo0000000000001';
const STACK = 'golden-image';
const { say } = kit;

const stackJson = (outdir) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', STACK, 'cdk.tf.json'), 'utf8'));

async function main() {
  const python = process.env.PYTHON || 'python3';
  const { engine, cliConfigFile } = kit.pickEngine();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-python-'));
  const basic = path.join(__dirname, '..', 'basic');
  const { url, child } = await kit.startEmulator(path.join(basic, 'demo-state.json'));
  say(`Embedded ECS emulator: ${url}   (working directory: ${work})`);
  try {
    const env = { IMAGE_ID, RELEASE: '2026.11' };
    const outdir = path.join(work, 'cdktf.out');
    kit.synthPython(python, path.join(__dirname, 'main.py'), outdir, env);
    kit.synth(path.join(basic, 'main.ts'), path.join(work, 'typescript.out'), env);
    const [py, ts] = [stackJson(outdir), stackJson(path.join(work, 'typescript.out'))];
    const differing = [...new Set([...Object.keys(py), ...Object.keys(ts)])].filter((k) => JSON.stringify(py[k]) !== JSON.stringify(ts[k]));
    if (differing.length > 0) throw new Error(`the Python synth differs from examples/basic/main.ts in: ${differing.join(', ')}`);
    say('  The configuration is the one examples/basic/main.ts synthesizes, block for block.');

    const opts = kit.options(cliConfigFile, path.join(outdir, 'stacks', STACK), url);
    await kit.step('init', engine, ['init', '-input=false'], opts);
    await kit.step('plan', engine, ['plan', '-input=false', '-detailed-exitcode'], opts, [2]);
    await kit.step('apply', engine, ['apply', '-input=false', '-auto-approve'], opts);
    await kit.step('plan after apply', engine, ['plan', '-input=false', '-detailed-exitcode'], opts, [0]);
    const image = (await kit.emulatorState(url)).images.find((i) => i.ImageId === IMAGE_ID);
    const expected = { ImageName: 'web-base-2026.11', ImageFamily: 'web-base', ImdsSupport: 'v2', NvmeSupport: 'supported' };
    const actual = { ImageName: image.ImageName, ImageFamily: image.ImageFamily, ...image.Features };
    for (const [k, v] of Object.entries(expected)) if (actual[k] !== v) throw new Error(`${IMAGE_ID}: ${k} is ${actual[k]}, expected ${v}`);
    say(`\n${IMAGE_ID} is as declared in Python (${JSON.stringify(expected)}); the plan after apply is empty.`);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`python demo failed: ${e.message}\n`);
  process.exitCode = 1;
});

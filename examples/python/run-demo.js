#!/usr/bin/env node
// The Python example end to end against the embedded ECS emulator, on a real engine:
// synth (python main.py) -> init -> plan -> apply -> plan -detailed-exitcode (must be 0).
// Also checks that the Python synth is the configuration examples/basic/main.ts synthesizes, and
// what examples/python/family.py (a GoldenImageFamily from Python) synthesizes.
//
//   PYTHON=<a python with the wheel installed> node examples/python/run-demo.js
//
// `npm run test:python` builds the wheel's virtual environment and runs this (scripts/ecosystem/python.sh).
'use strict';
const fs = require('fs');
const path = require('path');
const kit = require('../demo-kit');

const IMAGE_ID = 'm-bp1demo0000000000001';
const STACK = 'golden-image';
const { say } = kit;

const stackJson = (outdir) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', STACK, 'cdk.tf.json'), 'utf8'));

const python = process.env.PYTHON || 'python3';
const basic = path.join(__dirname, '..', 'basic');

kit.runDemo('python demo', path.join(basic, 'demo-state.json'), async ({ engine, cliConfigFile, work, url }) => {
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

  // The family example: a union-typed list and a construct as a dependency, through jsii.
  const familyOut = path.join(work, 'family.out');
  kit.synthPython(python, path.join(__dirname, 'family.py'), familyOut, {});
  const family = JSON.parse(fs.readFileSync(path.join(familyOut, 'stacks', 'web-images', 'cdk.tf.json'), 'utf8'));
  const data = family.resource.terraform_data;
  const reconciler = (prefix) => data[Object.keys(data).find((k) => k.startsWith(`${prefix}_reconciler_`))];
  const web = reconciler('WebBase');
  const triggers = web.triggers_replace;
  const checks = {
    'the family waits for the ManagedCustomImage': (web.depends_on || []).some((d) => /^terraform_data\.Legacy_reconciler_/.test(d)),
    'the plain id member is in the family':
      triggers.member_0_image_id === 'm-bp1fam0000000000001' && triggers.member_0_image_family === 'web-base',
    'the GoldenImageMember keeps its own attributes':
      triggers.member_1_image_name === 'web-base-2026-11' && triggers.member_1_imds_support === 'v2',
    'keepAvailable 1 deprecates the older member':
      triggers.member_0_status === 'Deprecated' && triggers.current_image_id === 'm-bp1fam0000000000002',
    'the current image is an output': /terraform_data\.WebBase_reconciler_\w+\.output\.current_image_id/.test(
      family.output.current_image_id.value,
    ),
  };
  for (const [what, ok] of Object.entries(checks)) {
    if (!ok) throw new Error(`examples/python/family.py: not true that ${what}:\n${JSON.stringify(web, null, 2)}`);
    say(`  ok: ${what}`);
  }
});

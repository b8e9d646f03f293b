#!/usr/bin/env node
// `npm run demo`: the basic example end to end against the embedded ECS emulator.
// synth -> init -> plan -> apply -> plan (no changes), then shows what changed on the image.
// It finds an engine (OpenTofu built from the Go module proxy where Go is present, or `terraform`
// on PATH) and says which one it used.
'use strict';
const path = require('path');
const kit = require('../demo-kit');

const IMAGE_ID = 'm-bp1demo0000000000001';
const { say } = kit;

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

kit.runDemo('demo', path.join(__dirname, 'demo-state.json'), async ({ engine, cliConfigFile, work, url }) => {
  const imageNow = async () => (await kit.emulatorState(url)).images.find((i) => i.ImageId === IMAGE_ID);
  const before = attributes(await imageNow());
  kit.synth(path.join(__dirname, 'main.ts'), path.join(work, 'cdktf.out'), { IMAGE_ID, RELEASE: '2026.11' });
  const opts = kit.options(cliConfigFile, path.join(work, 'cdktf.out', 'stacks', 'golden-image'), url);
  await kit.step('init', engine, ['init', '-input=false'], opts);
  await kit.step('plan', engine, ['plan', '-input=false', '-detailed-exitcode'], opts, [2]);
  await fetch(`${url}/__emulator/calls`, { method: 'DELETE' });
  await kit.step('apply', engine, ['apply', '-input=false', '-auto-approve'], opts);
  const calls = await (await fetch(`${url}/__emulator/calls`)).json();
  const final = await kit.step('plan after apply', engine, ['plan', '-input=false', '-detailed-exitcode'], opts, [0]);

  const after = attributes(await imageNow());
  say(`\nWhat changed on ${IMAGE_ID}:`);
  for (const key of Object.keys(before)) {
    const mark = before[key] === after[key] ? ' ' : '*';
    say(`  ${mark} ${key.padEnd(22)} ${JSON.stringify(before[key] ?? '')} -> ${JSON.stringify(after[key] ?? '')}`);
  }
  say(`\nECS calls during apply: ${calls.map((c) => c.Action).join(', ')}`);
  say(`ModifyImageAttribute calls: ${calls.filter((c) => c.Action === 'ModifyImageAttribute').length}`);
  say(final.code === 0 ? 'The plan after apply is empty: the image is as declared.' : 'The plan after apply is NOT empty.');
});

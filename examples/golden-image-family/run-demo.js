#!/usr/bin/env node
// `npm run demo:family`: the golden-image family example against the embedded emulator.
// 1. the family as it is (two images); 2. a rollout: the pipeline built a third one; 3. a rollback
// to the second; after each apply the plan is empty. It prints each member's status as it goes.
'use strict';
const path = require('path');
const kit = require('../demo-kit');

const { say } = kit;
const IMAGES = ['m-bp1fam0000000000001', 'm-bp1fam0000000000002', 'm-bp1fam0000000000003'];

kit.runDemo('family demo', path.join(__dirname, 'demo-state.json'), async ({ engine, cliConfigFile, work, url }) => {
  const outdir = path.join(work, 'cdktf.out');
  const opts = kit.options(cliConfigFile, path.join(outdir, 'stacks', 'web-images'), url);
  const show = async (title) => {
    const { images } = await kit.emulatorState(url);
    say(`\n${title}:`);
    for (const id of IMAGES) {
      const i = images.find((x) => x.ImageId === id);
      say(`  ${id}  ${(i.ImageFamily || '(no family)').padEnd(10)} ${i.Status}`);
    }
  };
  const round = async (title, env) => {
    say(`\n=== ${title}`);
    kit.synth(path.join(__dirname, 'main.ts'), outdir, env);
    await kit.step('apply', engine, ['apply', '-input=false', '-auto-approve'], opts);
    await kit.step('plan after apply', engine, ['plan', '-input=false', '-detailed-exitcode'], opts, [0]);
    await show('The family now');
  };
  await show('The family before');
  kit.synth(path.join(__dirname, 'main.ts'), outdir, { FAMILY_IMAGES: IMAGES.slice(0, 2).join(',') });
  await kit.step('init', engine, ['init', '-input=false'], opts);
  await round('Govern the family as it is', { FAMILY_IMAGES: IMAGES.slice(0, 2).join(',') });
  await round('Roll out the new image', { FAMILY_IMAGES: IMAGES.join(',') });
  await round('Roll back to the previous image', { FAMILY_IMAGES: IMAGES.join(','), FAMILY_CURRENT: IMAGES[1] });
  say('\nAfter every apply the plan was empty.');
});

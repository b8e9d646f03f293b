#!/usr/bin/env node
// Removes what the build writes (compiled .js / .d.ts next to the sources in lib/, and dist/),
// so that a file moved or deleted in lib/ never leaves a stale compiled copy to be shipped.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function sweep(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sweep(full);
    else if (/\.(js|d\.ts)$/.test(entry.name)) fs.rmSync(full);
  }
}

sweep(path.join(root, 'lib'));
// The CDK Terrain flavour is only ever written by the build (scripts/cdktn-flavor.js).
fs.rmSync(path.join(root, 'lib', 'construct-cdktn'), { recursive: true, force: true });
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
// The jsii assembly is written by `npm run compile:jsii` (npm run package) from these sources.
fs.rmSync(path.join(root, '.jsii'), { force: true });

#!/usr/bin/env node
// Writes the CDK Terrain flavour of the construct layer after `tsc`: a copy of the compiled
// lib/construct in lib/construct-cdktn/ whose only difference is the framework seam (cdk.js and
// cdk.d.ts import `cdktn` instead of `cdktf`), and the entry lib/cdktn.js / lib/cdktn.d.ts
// (`cdktf-alicloud-managed-image/cdktn`). The copy sits beside lib/construct, so its relative
// imports of lib/attributes, lib/protocol, lib/messages and dist/ resolve unchanged.
//
// Fails if the seam does not import the framework exactly where expected, or if any other
// compiled file of the construct layer imports it (the seam would then not be the only one).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');
const src = path.join(lib, 'construct');
const dst = path.join(lib, 'construct-cdktn');

/** Every way a compiled file can name the framework module. */
const FRAMEWORK_IMPORT = /require\(["']cdktf["']\)|from ["']cdktf["']|import\(["']cdktf["']\)/g;

function fail(message) {
  process.stderr.write(`cdktn-flavor: ${message}\n`);
  process.exit(1);
}

/** Replaces `from` with `to` in `text`, which must contain it exactly `times` times. */
function swap(file, text, from, to, times) {
  const found = text.split(from).length - 1;
  if (found !== times) fail(`${path.relative(root, file)}: expected ${times} occurrence(s) of ${from}, found ${found}`);
  return text.split(from).join(to);
}

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(a, b);
    else if (/\.(js|d\.ts)$/.test(entry.name)) copyTree.files.push([a, b]);
  }
}
copyTree.files = [];

if (!fs.existsSync(path.join(src, 'cdk.js'))) fail('lib/construct/cdk.js is missing: run tsc first');
fs.rmSync(dst, { recursive: true, force: true });
copyTree(src, dst);

for (const [a, b] of copyTree.files) {
  let text = fs.readFileSync(a, 'utf8');
  const seam = path.dirname(a) === src && /^cdk\.(js|d\.ts)$/.test(path.basename(a));
  if (seam && a.endsWith('.js')) {
    text = swap(a, text, 'require("cdktf")', 'require("cdktn")', 1);
    // The inline source map describes the cdktf source; this file no longer matches it.
    text = text.replace(/\n\/\/# sourceMappingURL=data:[^\n]*\n?$/, '\n');
  } else if (seam) {
    text = swap(a, text, "from 'cdktf'", "from 'cdktn'", 2);
  } else if (FRAMEWORK_IMPORT.test(text)) {
    fail(`${path.relative(root, a)} imports cdktf directly: import it from lib/construct/cdk.ts, the framework seam`);
  }
  FRAMEWORK_IMPORT.lastIndex = 0;
  fs.writeFileSync(b, text);
}

// The entry: lib/index with ./construct replaced by the flavour.
const entries = [
  ['index.js', 'cdktn.js', 'require("./construct")', 'require("./construct-cdktn")'],
  ['index.d.ts', 'cdktn.d.ts', "from './construct'", "from './construct-cdktn'"],
];
for (const [from, to, a, b] of entries) {
  const file = path.join(lib, from);
  let text = swap(file, fs.readFileSync(file, 'utf8'), a, b, 1);
  if (to.endsWith('.js')) text = text.replace(/\n\/\/# sourceMappingURL=data:[^\n]*\n?$/, '\n');
  fs.writeFileSync(path.join(lib, to), text);
}
process.stderr.write(`cdktn-flavor: lib/construct-cdktn (${copyTree.files.length} files) and lib/cdktn.js\n`);

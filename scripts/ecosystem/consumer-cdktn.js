#!/usr/bin/env node
// `npm run test:consumer`: the library as a CDK Terrain user gets it. `npm pack`s the built
// library and installs it in a scratch app the way a cdktn user would (cdktn, constructs, the
// tarball; no alias, no flags), then checks that:
//   - npm installed no cdktf and exactly one cdktn, and no Alibaba SDK (it ships in the bundles);
//   - examples/basic/main.ts, with its imports turned into `cdktn` and
//     `cdktf-alicloud-managed-image/cdktn`, type-checks (strict, no skipLibCheck, node10
//     resolution as in a generated cdktn app) and synthesizes the configuration the repository's
//     cdktf build does, loading only cdktn;
//   - the ./handler and ./emulator entries load without the SDK;
//   - that stack applies on a real engine against the emulator, and the next plan is empty.
// Then the other route: an app that keeps `cdktf` imports through `npm i cdktf@npm:cdktn@...`
// installs (the peer range admits 0.24) and synthesizes the same configuration from the main entry.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const kit = require('../../examples/demo-kit');

const root = path.resolve(__dirname, '..', '..');
const CDKTN = process.env.CDKTN_VERSION || '0.24.0';
const CONSTRUCTS = process.env.CDKTN_CONSTRUCTS_VERSION || '10.7.0';
const IMAGE_ID = 'm-bp1demo0000000000001';
const STACK = 'golden-image';
const ENV = { IMAGE_ID, RELEASE: '2026.11' };
const { say } = kit;

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', ...opts, env: { ...process.env, ...opts.env } });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${res.status}\n${res.stdout}${res.stderr}`);
  return res.stdout;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
  say(`  ok: ${message}`);
}

/** Every package installed under node_modules, as [name, version, dir]. */
function installed(dir) {
  const out = [];
  const walk = (nm) => {
    if (!fs.existsSync(nm)) return;
    for (const e of fs.readdirSync(nm)) {
      if (e.startsWith('.')) continue;
      const dirs = e.startsWith('@') ? fs.readdirSync(path.join(nm, e)).map((s) => path.join(nm, e, s)) : [path.join(nm, e)];
      for (const d of dirs) {
        const pj = path.join(d, 'package.json');
        if (!fs.existsSync(pj)) continue;
        const { name, version } = JSON.parse(fs.readFileSync(pj, 'utf8'));
        out.push([name, version, d]);
        walk(path.join(d, 'node_modules'));
      }
    }
  };
  walk(path.join(dir, 'node_modules'));
  return out;
}

/** examples/basic/main.ts with its two imports replaced. */
function basicApp(framework, entry) {
  const source = fs.readFileSync(path.join(root, 'examples', 'basic', 'main.ts'), 'utf8');
  const swapped = source.replace("} from 'cdktf';", `} from '${framework}';`).replace("} from '../../lib';", `} from '${entry}';`);
  if (!swapped.includes(`from '${framework}'`) || !swapped.includes(`from '${entry}'`))
    throw new Error('examples/basic/main.ts imports changed');
  return swapped;
}

/** A scratch app: package.json, tsconfig.json (like a generated cdktn app's, but with lib checks), sources. */
function makeApp(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), version: '0.0.0', private: true }, null, 2));
  const compilerOptions = {
    target: 'ES2018',
    lib: ['es2018'],
    module: 'CommonJS',
    strict: true,
    noImplicitReturns: true,
    noUnusedLocals: true,
    declaration: true,
    skipLibCheck: false,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: Object.keys(files) }, null, 2));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
}

function npmInstall(dir, specs) {
  say(`\n$ npm install ${specs.map((s) => (s.endsWith('.tgz') ? path.basename(s) : s)).join(' ')}   (${path.basename(dir)})`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir });
}

function compile(dir) {
  say(`$ tsc -p ${path.basename(dir)}`);
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir]);
}

/** Runs the app's main.js; returns the frameworks (cdktf, cdktn) whose index was loaded. */
function synth(dir, outdir) {
  const probe = `require('./main.js');
    const loaded = Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/](cdktf|cdktn)[\\\\/]lib[\\\\/]index\\.js$/.test(k));
    process.stdout.write(JSON.stringify(loaded.map((k) => require(require('path').join(k, '..', '..', 'package.json')).name)));`;
  const out = run(process.execPath, ['-e', probe], { cwd: dir, env: { CDKTF_OUTDIR: outdir, ...ENV } });
  return JSON.parse(out);
}

const stackJson = (outdir) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', STACK, 'cdk.tf.json'), 'utf8'));

/** The blocks of two synthesized stacks that differ (the framework version in the metadata aside). */
function differences(a, b) {
  const strip = (j) => {
    const c = JSON.parse(JSON.stringify(j));
    delete c['//'].metadata.version;
    return c;
  };
  const [x, y] = [strip(a), strip(b)];
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
}

async function main() {
  for (const f of ['lib/cdktn.js', 'lib/index.js', 'dist/managed-image.js', 'dist/handler.js'])
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run "npm run build" (or "npm run package") first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'managed-image-consumer-'));
  try {
    say('$ npm pack');
    const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work, '--loglevel=error'], { cwd: root }));
    const tarball = path.join(work, filename);

    // The reference: examples/basic synthesized in the repository, on cdktf 0.21.
    const reference = path.join(work, 'reference.out');
    kit.synth(path.join(root, 'examples', 'basic', 'main.ts'), reference, ENV);

    // 1. A CDK Terrain app, installed as a cdktn user would.
    const app = path.join(work, 'cdktn-app');
    const extra = `import { App, TerraformStack } from 'cdktn';
import { GoldenImageFamily, ManagedCustomImage } from 'cdktf-alicloud-managed-image/cdktn';
import { handler } from 'cdktf-alicloud-managed-image/handler';
import { startEmulator } from 'cdktf-alicloud-managed-image/emulator';

// Typed against cdktn: dependsOn takes cdktn's ITerraformDependable, the family's ids are strings.
const stack = new TerraformStack(new App({ outdir: process.env.CDKTF_OUTDIR }), 'family');
const base = new ManagedCustomImage(stack, 'Base', { regionId: 'cn-hangzhou', imageId: 'm-bp1base0000000000001', imageFamily: 'web' });
const family = new GoldenImageFamily(stack, 'Web', {
  regionId: 'cn-hangzhou',
  family: 'web',
  images: ['m-bp1web00000000000001', { imageId: 'm-bp1web00000000000002', imageName: 'web-2' }],
  dependsOn: [base],
});
const current: string = family.currentImageId;
export const loaded = [typeof handler, typeof startEmulator, typeof current];
`;
    makeApp(app, { 'main.ts': basicApp('cdktn', 'cdktf-alicloud-managed-image/cdktn'), 'extra.ts': extra });
    npmInstall(app, [`cdktn@${CDKTN}`, `constructs@${CONSTRUCTS}`, tarball]);
    const pkgs = installed(app);
    check(!pkgs.some(([n, , d]) => n === 'cdktf' || path.basename(d) === 'cdktf'), 'npm installed no cdktf (its peer is optional)');
    const cdktns = pkgs.filter(([n]) => n === 'cdktn');
    check(cdktns.length === 1 && cdktns[0][1] === CDKTN, `exactly one framework copy: cdktn ${CDKTN}`);
    check(!pkgs.some(([n]) => n.startsWith('@alicloud/')), 'no Alibaba SDK package (it ships inside the bundles)');
    compile(app);
    check(true, 'the app type-checks against cdktn (strict, no skipLibCheck, node10 resolution)');
    const outdir = path.join(app, 'cdktf.out');
    const frameworks = synth(app, outdir);
    check(JSON.stringify(frameworks) === '["cdktn"]', `synth loaded only cdktn (loaded: ${frameworks.join(', ')})`);
    const diff = differences(stackJson(outdir), stackJson(reference));
    check(
      diff.length === 0,
      `the configuration is the cdktf build's, block for block${diff.length ? ` (differs: ${diff.join(', ')})` : ''}`,
    );
    const entries = run(process.execPath, ['-e', "process.stdout.write(JSON.stringify(require('./extra.js').loaded))"], {
      cwd: app,
      env: { CDKTF_OUTDIR: path.join(app, 'extra.out') },
    });
    check(entries === '["function","function","string"]', 'GoldenImageFamily, ./handler and ./emulator load in the app');
    const main = spawnSync(process.execPath, ['-e', "require('cdktf-alicloud-managed-image')"], { cwd: app, encoding: 'utf8' });
    check(main.status !== 0 && /Cannot find module 'cdktf'/.test(main.stderr), "the main entry needs cdktf: a cdktn app uses '/cdktn'");

    // The cdktn app's stack on a real engine.
    const { engine, cliConfigFile } = kit.pickEngine();
    const { url, child } = await kit.startEmulator(path.join(root, 'examples', 'basic', 'demo-state.json'));
    try {
      const opts = kit.options(cliConfigFile, path.join(outdir, 'stacks', STACK), url);
      await kit.step('init', engine, ['init', '-input=false'], opts);
      await kit.step('apply', engine, ['apply', '-input=false', '-auto-approve'], opts);
      await kit.step('plan after apply', engine, ['plan', '-input=false', '-detailed-exitcode'], opts, [0]);
      const image = (await kit.emulatorState(url)).images.find((i) => i.ImageId === IMAGE_ID);
      check(
        image.ImageName === 'web-base-2026.11' && image.Features.ImdsSupport === 'v2',
        'the cdktn stack applied; the next plan is empty',
      );
    } finally {
      child.kill('SIGTERM');
    }

    // 2. The alias route: an app keeping `cdktf` imports, with cdktf installed as an alias of cdktn.
    const alias = path.join(work, 'alias-app');
    makeApp(alias, { 'main.ts': basicApp('cdktf', 'cdktf-alicloud-managed-image') });
    npmInstall(alias, [`cdktf@npm:cdktn@${CDKTN}`, `constructs@${CONSTRUCTS}`, tarball]);
    const aliased = installed(alias).filter(([n]) => n === 'cdktn');
    check(
      aliased.length === 1 && path.basename(aliased[0][2]) === 'cdktf',
      'installs without ERESOLVE; cdktf is the alias of cdktn, the only copy',
    );
    compile(alias);
    const aliasOut = path.join(alias, 'cdktf.out');
    const aliasFrameworks = synth(alias, aliasOut);
    check(JSON.stringify(aliasFrameworks) === '["cdktn"]', 'synth through the main entry loaded only cdktn (under the name cdktf)');
    const aliasDiff = differences(stackJson(aliasOut), stackJson(reference));
    check(aliasDiff.length === 0, `the same configuration again${aliasDiff.length ? ` (differs: ${aliasDiff.join(', ')})` : ''}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`consumer check failed: ${e.message}\n`);
  process.exitCode = 1;
});

#!/usr/bin/env node
// Bundles the `managed-image` CLI (handler, emulator and the Alibaba SDK) into one CommonJS file
// that runs with no node_modules beside it, and the handler module alone (`dist/handler.js`, the
// package's `./handler` export) the same way: the SDK is a devDependency, shipped only inside them. esbuild warnings fail the build, as in aws-cdk's
// handler bundling: a warning in a bundle that ships inside users' stacks is a bug until shown not to be.
const esbuild = require('esbuild');
const path = require('path');
const fs = require('fs');
const { deferModules } = require('./esbuild/defer-modules');
const { ecsClientMethods } = require('./esbuild/ecs-client-methods');
const { ecsModelsBarrel } = require('./esbuild/ecs-models-barrel');
const { ecsSeamCheck } = require('./esbuild/ecs-seam-check');
const { silenceModules } = require('./esbuild/silence-modules');
const { stubModules } = require('./esbuild/stub-modules');
const DEFERRED_MODULES = require('./esbuild/deferred-modules');
const SILENCED_MODULES = require('./esbuild/silenced-modules');
const UNUSED_MODULES = require('./esbuild/unused-modules');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'dist');
const cliFile = path.join(outdir, 'managed-image.js');

// The ECS actions the bundle carries (their client methods and models): what
// lib/handler/sdk-ecs-api.ts calls, and the ones it is about to. The bundle has no other action;
// ecs-seam-check fails the build if the project's code names one.
const ECS_ACTIONS = [
  'DescribeImages',
  'ModifyImageAttribute',
  'DescribeInstances',
  'DescribeImageSharePermission',
  'TagResources',
  'UntagResources',
  'ListTagResources',
  'DescribeImageFromFamily',
];

async function main() {
  const result = await esbuild.build({
    entryPoints: {
      'managed-image': path.join(root, 'lib', 'cli', 'main.ts'),
      'handler': path.join(root, 'lib', 'handler', 'index.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'external',
    banner: { js: '#!/usr/bin/env node' },
    define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
    logLevel: 'silent',
    metafile: true,
    // Start-up cost: V8 parses the whole file at every start, and runs every module required at
    // load. So the SDK's client keeps only these actions' methods and its models barrel only their
    // models; modules its calls never run are stubs; xml2js and zlib run only when needed; `debug` is
    // silenced, as it would print the STS token. See each plugin.
    plugins: [
      ecsSeamCheck({ actions: ECS_ACTIONS }),
      ecsClientMethods({ actions: ECS_ACTIONS }),
      ecsModelsBarrel({ actions: ECS_ACTIONS }),
      stubModules(UNUSED_MODULES),
      silenceModules(SILENCED_MODULES),
      deferModules(DEFERRED_MODULES),
    ],
  });
  if (result.warnings.length > 0) {
    const text = await esbuild.formatMessages(result.warnings, { kind: 'warning' });
    process.stderr.write(text.join('\n'));
    process.stderr.write(`bundle: ${result.warnings.length} warning(s); fix them or suppress each with a comment saying why\n`);
    process.exit(1);
  }
  withCompileCache(cliFile);
  fs.chmodSync(cliFile, 0o755);
  for (const name of ['managed-image.js', 'handler.js']) {
    const bytes = fs.statSync(path.join(outdir, name)).size;
    process.stderr.write(`bundle: dist/${name} (${(bytes / 1024 / 1024).toFixed(1)} MB)\n`);
  }
}

/**
 * Rewrites the CLI bundle as the program in a string plus the launcher that compiles it with V8's
 * code cache (scripts/esbuild/compile-cache-launcher.js): still one self-contained file.
 */
function withCompileCache(file) {
  const { ENV } = require('../lib/protocol/environment');
  const [banner, ...rest] = fs.readFileSync(file, 'utf8').split('\n');
  const launcher = fs
    .readFileSync(path.join(__dirname, 'esbuild', 'compile-cache-launcher.js'), 'utf8')
    .replace("'__CACHE_DIR_VARIABLE__'", JSON.stringify(ENV.cacheDir));
  if (launcher.includes('__CACHE_DIR_VARIABLE__')) throw new Error('bundle: the launcher names its cache variable in an unexpected way');
  const program = rest.join('\n');
  const key = require('crypto').createHash('sha256').update(program).digest('hex').slice(0, 24);
  fs.writeFileSync(file, `${banner}\nvar PROGRAM = ${JSON.stringify(program)};\nvar PROGRAM_KEY = '${key}';\n${launcher}`);
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});

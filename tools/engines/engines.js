// Finds the Terraform-compatible engines to run synthesized stacks on, for the e2e tests and the
// demo: OpenTofu built by build.sh from the Go module proxy (when Go is present), and `terraform`
// when it is on PATH. Plain CommonJS with no dependencies, so the demo can use it before any build.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const BUILD_SCRIPT = path.join(__dirname, 'build.sh');

function onPath(command, env = process.env) {
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function hasGo() {
  return Boolean(onPath('go') || fs.existsSync('/usr/local/go/bin/go'));
}

function versionOf(bin) {
  const res = spawnSync(bin, ['version'], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
  });
  const match = /v?(\d+\.\d+\.\d+)/.exec(res.stdout || '');
  return match ? match[1] : undefined;
}

/**
 * Returns { engines: [{ name, bin, version }], cliConfigFile, notes }. `notes` says, in words,
 * what was found, built or left out. OpenTofu is built (about 5 minutes the first time) unless
 * `build` is false. MANAGED_IMAGE_ENGINES=opentofu|terraform narrows the choice.
 */
function findEngines({ build = true, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const wanted = (process.env.MANAGED_IMAGE_ENGINES || 'opentofu,terraform').split(',').map((s) => s.trim());
  const notes = [];
  const engines = [];
  let cliConfigFile;

  if (!hasGo()) {
    notes.push('OpenTofu and the hashicorp/external provider are built from the Go module proxy, and Go is not installed: skipped.');
  } else if (build) {
    const cacheDir = process.env.ENGINES_CACHE_DIR || path.join(__dirname, '..', '..', '.cache', 'engines');
    if (!fs.existsSync(path.join(cacheDir, 'cli.tfrc'))) {
      log('[engines] building OpenTofu and hashicorp/external from the Go module proxy (about 5 minutes, once) ...');
    }
    const res = spawnSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (res.status !== 0) throw new Error(`tools/engines/build.sh failed (exit ${res.status}); see its output above`);
    const vars = Object.fromEntries(
      res.stdout
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    cliConfigFile = vars.TF_CLI_CONFIG_FILE;
    if (wanted.includes('opentofu')) engines.push({ name: 'opentofu', bin: vars.TOFU_BIN, version: versionOf(vars.TOFU_BIN) });
  }

  const terraform = onPath('terraform');
  if (!terraform) notes.push('terraform is not on PATH: skipped.');
  else if (!cliConfigFile)
    notes.push(`terraform is on PATH (${terraform}) but the hashicorp/external mirror could not be built without Go: skipped.`);
  else if (wanted.includes('terraform')) engines.push({ name: 'terraform', bin: terraform, version: versionOf(terraform) });

  for (const e of engines) notes.push(`using ${e.name} ${e.version} (${e.bin})`);
  return { engines, cliConfigFile, notes };
}

/** The environment an engine runs with: only what it needs, plus `extra` (endpoint, credentials). */
function engineEnv(cliConfigFile, extra = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR || '/tmp',
    TF_CLI_CONFIG_FILE: cliConfigFile,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
    ...extra,
  };
}

/** Runs an engine command without blocking the event loop; resolves to { code, stdout, stderr }. */
function runEngine(engine, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(engine.bin, [...args, '-no-color'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

module.exports = { findEngines, engineEnv, runEngine };

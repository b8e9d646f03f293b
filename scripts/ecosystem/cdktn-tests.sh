#!/usr/bin/env bash
# `npm run test:cdktn`: the construct tests and the end-to-end tier once more, with CDK Terrain as
# the framework. In a scratch copy of the repository, `cdktf` is installed as an npm alias of
# cdktn (and constructs at a version cdktn accepts), so the library's sources, the tests and the
# apps they synthesize all load cdktn. The engines' cache is shared, not rebuilt.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
CDKTN_VERSION="${CDKTN_VERSION:-0.24.0}"
CONSTRUCTS_VERSION="${CDKTN_CONSTRUCTS_VERSION:-10.7.0}"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/managed-image-cdktn-XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
# The working tree as git sees it (tracked and new files, nothing ignored: no node_modules, no build).
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -f "$f" ] && [ ! -L "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf - | tar -C "$scratch" -xf -

cd "$scratch"
npm pkg set "devDependencies.cdktf=npm:cdktn@${CDKTN_VERSION}" "devDependencies.constructs=${CONSTRUCTS_VERSION}"
npm install --no-audit --no-fund --loglevel=error
node -e '
  const f = require("cdktf/package.json"), c = require("constructs/package.json");
  if (f.name !== "cdktn") { console.error(`cdktf resolves to ${f.name} ${f.version}, not cdktn`); process.exit(1); }
  console.log(`cdktf -> ${f.name} ${f.version}, constructs ${c.version}`);'
npm run build
ENGINES_CACHE_DIR="${ENGINES_CACHE_DIR:-$repo/.cache/engines}" npx jest test/construct test/e2e

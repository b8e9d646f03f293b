#!/usr/bin/env bash
# `npm run test:python`: installs the wheel `npm run package` wrote into a fresh virtual
# environment (pip brings cdktf 0.21, constructs and the jsii runtime from PyPI), then runs the
# Python example end to end on a real engine against the emulator (examples/python/run-demo.js).
set -euo pipefail
cd "$(dirname "$0")/../.."

shopt -s nullglob
wheels=(dist/jsii/python/*.whl)
if [ "${#wheels[@]}" -ne 1 ]; then
  echo "test:python: expected one wheel in dist/jsii/python (found ${#wheels[@]}): run 'npm run package' first" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/managed-image-venv-XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "${wheels[0]}"
"$work/venv/bin/python" - <<'PY'
from importlib.metadata import version
print("python packages: " + ", ".join(f"{p} {version(p)}" for p in ("cdktf-alicloud-managed-image", "cdktf", "constructs", "jsii")))
PY
PYTHON="$work/venv/bin/python" node examples/python/run-demo.js

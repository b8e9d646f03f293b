#!/usr/bin/env bash
# The ecosystem legs, run by .ci/run after the main test command (which leaves a build and the
# engines in place). Each leg is an npm script a developer can run alone:
#   package    npm run package       jsii compile (the public API must stay jsii-shaped) + Python wheel
#   api-docs   npm run docgen        API.md regenerated from the .jsii assembly; must equal the committed one
#   cdktn      npm run test:cdktn    construct tests + end-to-end tier with cdktf aliased to cdktn 0.24
#   consumer   npm run test:consumer the packed library in a scratch cdktn app: install, types, synth, apply
#   python     npm run test:python   the wheel in a venv: examples/python synth, init, apply, plan exit 0
#   node22     npm run test:node22   CLI, integration, construct tests and the e2e scenarios on Node 22
set -euo pipefail
cd "$(dirname "$0")/.."
export CI="${CI:-true}"

timings=()
leg() {
  local name="$1"
  shift
  local start=$SECONDS
  printf '\n=== ecosystem: %s: %s (%ss)\n' "$name" "$*" "$SECONDS"
  "$@"
  timings+=("$(printf '%-9s %4ss  %s' "$name" "$((SECONDS - start))" "$*")")
}

leg package npm run package
leg api-docs bash -c 'npm run docgen && git diff --exit-code -- API.md && git ls-files --error-unmatch API.md >/dev/null'
leg cdktn npm run test:cdktn
leg consumer npm run test:consumer
leg python npm run test:python
leg node22 npm run test:node22

printf '\n=== ecosystem: all legs passed (%ss)\n' "$SECONDS"
printf '  %s\n' "${timings[@]}"

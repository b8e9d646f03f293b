#!/usr/bin/env bash
# Offline smoke test of the engine kit built by tools/engines/build.sh.
# For each engine (default: the built OpenTofu, plus `terraform` if on PATH)
# runs init / plan / apply / plan (no changes) / destroy on a tiny stack using
# the hashicorp/external data source and the built-in terraform_data resource.
# When `unshare -n` works (root on Linux), everything runs with no network at
# all, which proves `init` resolves providers from the local mirror only.
#
# Usage: tools/engines/smoke.sh [ENGINE_BINARY...]
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
eval "$("${script_dir}/build.sh")"
export TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
unset TF_PLUGIN_CACHE_DIR TF_DATA_DIR

engines=("$@")
if [[ ${#engines[@]} -eq 0 ]]; then
  engines=("${TOFU_BIN}")
  if command -v terraform >/dev/null 2>&1; then engines+=("$(command -v terraform)"); fi
fi

netns=()
if command -v unshare >/dev/null 2>&1 && unshare -n true 2>/dev/null; then
  netns=(unshare -n)
else
  echo "[smoke] unshare -n unavailable: running with the network present" >&2
fi

passed=0 failed=0
check() { # name expected_rc actual_rc
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1)); echo "[smoke] ok   $1" >&2
  else failed=$((failed + 1)); echo "[smoke] FAIL $1 (exit $3, expected $2)" >&2; fi
}

for engine in "${engines[@]}"; do
  name="$(basename "${engine}")"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/engines-smoke.XXXXXX")"
  cat >"${dir}/main.tf.json" <<EOF
{
  "terraform": {
    "required_providers": {
      "external": { "source": "hashicorp/external", "version": "${EXTERNAL_PROVIDER_VERSION}" }
    }
  },
  "data": {
    "external": {
      "x": {
        "program": ["node", "-e", "process.stdin.resume();let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const q=JSON.parse(s);process.stdout.write(JSON.stringify({echo:q.a}))})"],
        "query": { "a": "hello" }
      }
    }
  },
  "resource": {
    "terraform_data": {
      "r": {
        "input": "\${data.external.x.result.echo}",
        "provisioner": [{ "local-exec": { "command": "echo created" } }]
      }
    }
  },
  "output": { "echo": { "value": "\${terraform_data.r.output}" } }
}
EOF
  run() { (cd "${dir}" && "${netns[@]}" "${engine}" "$@" -no-color) >>"${dir}/log" 2>&1; }
  set +e
  run init -input=false;                   check "${name} init" 0 $?
  run plan -input=false -detailed-exitcode; check "${name} plan (changes)" 2 $?
  run apply -input=false -auto-approve;     check "${name} apply" 0 $?
  out="$(cd "${dir}" && "${engine}" output -raw echo 2>/dev/null)"
  [[ "${out}" == "hello" ]];                check "${name} output echo=hello" 0 $?
  grep -q 'created' "${dir}/log";           check "${name} local-exec ran" 0 $?
  run plan -input=false -detailed-exitcode; check "${name} plan (no changes)" 0 $?
  run destroy -input=false -auto-approve;   check "${name} destroy" 0 $?
  set -e
  echo "[smoke] ${name}: log in ${dir}/log" >&2
done

echo "smoke: ${passed} passed, ${failed} failed"
[[ ${failed} -eq 0 ]]

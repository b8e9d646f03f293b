#!/usr/bin/env bash
# Build the offline Terraform-compatible engine kit used by the e2e tests and
# the demo: OpenTofu (from source) plus the hashicorp/external provider laid
# out as an unpacked filesystem mirror, and a CLI config that points both
# OpenTofu and Terraform at that mirror. Everything comes from the Go module
# proxy; see tools/engines/README.md.
#
# stdout: shell-sourceable KEY=VALUE lines only.  Progress goes to stderr.
# Usage:  eval "$(tools/engines/build.sh)"
set -euo pipefail

OPENTOFU_VERSION="${OPENTOFU_VERSION:-v1.12.6}"     # go.mod: go 1.26.6
EXTERNAL_PROVIDER_VERSION="1.2.0"                   # only version the proxy serves
OPENTOFU_MODULE="github.com/opentofu/opentofu"
EXTERNAL_MODULE="github.com/terraform-providers/terraform-provider-external"

log() { printf '[engines] %s\n' "$*" >&2; }
die() { printf '[engines] ERROR: %s\n' "$*" >&2; exit 1; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"
cache_dir="${ENGINES_CACHE_DIR:-${repo_root}/.cache/engines}"
mkdir -p "${cache_dir}"
cache_dir="$(cd "${cache_dir}" && pwd)"

tofu_dir="${cache_dir}/opentofu-${OPENTOFU_VERSION}"
tofu_bin="${tofu_dir}/tofu"
mirror_dir="${cache_dir}/mirror"
cli_config="${cache_dir}/cli.tfrc"

# Serialise concurrent runs (e.g. parallel test workers) on the same cache.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${cache_dir}/.lock"
  flock 9
fi

find_go() {
  if command -v go >/dev/null 2>&1; then command -v go
  elif [[ -x /usr/local/go/bin/go ]]; then echo /usr/local/go/bin/go
  else return 1
  fi
}

go_env_setup() {
  GO="$(find_go)" || die "Go is required to build the engines (not found on PATH nor at /usr/local/go/bin/go)"
  # Never download a Go toolchain; build with what is installed.
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false
  unset GOOS GOARCH   # build for this machine
}

# GOOS_GOARCH of this machine, as Terraform/OpenTofu name platforms.
host_platform() {
  local g
  if g="$(find_go)"; then
    printf '%s_%s\n' "$("${g}" env GOHOSTOS)" "$("${g}" env GOHOSTARCH)"
    return
  fi
  local os arch
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64|amd64) arch=amd64 ;;
    aarch64|arm64) arch=arm64 ;;
    i?86) arch=386 ;;
    armv*) arch=arm ;;
    *) arch="$(uname -m)" ;;
  esac
  printf '%s_%s\n' "${os}" "${arch}"
}

# Download MODULE@VERSION through the Go module proxy and print its read-only
# source directory in the module cache.
module_dir() {
  local json dir
  json="$(cd "${work}" && "${GO}" mod download -json "$1@$2")" \
    || die "go mod download $1@$2 failed: ${json}"
  dir="$(printf '%s\n' "${json}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -n "${dir}" && -d "${dir}" ]] || die "no source dir for $1@$2: ${json}"
  printf '%s\n' "${dir}"
}

work=""
cleanup() { if [[ -n "${work}" ]]; then chmod -R u+w "${work}" 2>/dev/null || true; rm -rf "${work}"; fi; }
trap cleanup EXIT
make_work() {
  if [[ -z "${work}" ]]; then
    work="$(mktemp -d "${TMPDIR:-/tmp}/engines-build.XXXXXX")"
  fi
}

tofu_version() {
  # Ignore any ambient CLI config (a missing one only adds a warning).
  TF_CLI_CONFIG_FILE= TERRAFORM_CONFIG= CHECKPOINT_DISABLE=1 "${tofu_bin}" version 2>&1
}
tofu_ok() {
  local out
  [[ -x "${tofu_bin}" ]] || return 1
  out="$(tofu_version)" || return 1
  grep -qx "OpenTofu ${OPENTOFU_VERSION}" <<<"${out}"
}

build_tofu() {
  if tofu_ok; then
    log "OpenTofu ${OPENTOFU_VERSION}: cached at ${tofu_bin}"
    return
  fi
  go_env_setup; make_work
  local start=${SECONDS} src
  log "OpenTofu ${OPENTOFU_VERSION}: downloading source via the Go module proxy"
  src="$(module_dir "${OPENTOFU_MODULE}" "${OPENTOFU_VERSION}")"
  # `go install module@version` refuses modules whose go.mod has replace
  # directives (OpenTofu replaces hcl/v2), so build inside a copy of the module
  # with its own go.mod/go.sum, the way the release pipeline does.
  local need have
  need="$(sed -n 's/^go \([0-9.]*\).*/\1/p' "${src}/go.mod")"
  have="$("${GO}" env GOVERSION | sed 's/^go//')"
  if [[ -n "${need}" && "$(printf '%s\n%s\n' "${need}" "${have}" | sort -V | head -n1)" != "${need}" ]]; then
    die "OpenTofu ${OPENTOFU_VERSION} needs Go >= ${need} (have ${have}); install a newer Go or run with OPENTOFU_VERSION=v1.10.10 (needs Go 1.24.13)"
  fi
  cp -R "${src}" "${work}/opentofu"
  chmod -R u+w "${work}/opentofu"
  log "OpenTofu ${OPENTOFU_VERSION}: compiling (takes several minutes on 2 cores)"
  mkdir -p "${tofu_dir}"
  (cd "${work}/opentofu" && "${GO}" build -mod=readonly -trimpath \
      -ldflags "-s -w -X 'github.com/opentofu/opentofu/version.dev=no'" \
      -o "${tofu_bin}.tmp" ./cmd/tofu) >&2
  mv -f "${tofu_bin}.tmp" "${tofu_bin}"
  tofu_ok || die "built ${tofu_bin} but 'tofu version' does not report ${OPENTOFU_VERSION}: $(tofu_version)"
  log "OpenTofu ${OPENTOFU_VERSION}: built in $((SECONDS - start))s"
}

build_external() {
  local platform target_tf target_tofu name start src
  platform="$(host_platform)"
  name="terraform-provider-external_v${EXTERNAL_PROVIDER_VERSION}"
  target_tf="${mirror_dir}/registry.terraform.io/hashicorp/external/${EXTERNAL_PROVIDER_VERSION}/${platform}/${name}"
  target_tofu="${mirror_dir}/registry.opentofu.org/hashicorp/external/${EXTERNAL_PROVIDER_VERSION}/${platform}/${name}"
  if [[ ! -x "${target_tf}" ]]; then
    go_env_setup; make_work
    start=${SECONDS}
    log "hashicorp/external ${EXTERNAL_PROVIDER_VERSION}: downloading source via the Go module proxy"
    # v2.x is not served by the proxy (its go.mod path lacks /v2); v1.2.0 is,
    # under its original module path.
    src="$(module_dir "${EXTERNAL_MODULE}" "v${EXTERNAL_PROVIDER_VERSION}")"
    cp -R "${src}" "${work}/external"
    chmod -R u+w "${work}/external"
    # vendor/ only holds modules.txt in the module zip; drop it. The go.mod has
    # no `go` line; pin the language version of its era (Go 1.11/1.12) so the
    # code compiles with the semantics it was written for and go.mod/go.sum
    # are complete as shipped (so -mod=readonly works, no edits, no replaces).
    rm -rf "${work}/external/vendor"
    if ! grep -q '^go ' "${work}/external/go.mod"; then
      printf '\ngo 1.12\n' >>"${work}/external/go.mod"
    fi
    log "hashicorp/external ${EXTERNAL_PROVIDER_VERSION}: compiling"
    mkdir -p "$(dirname "${target_tf}")"
    (cd "${work}/external" && "${GO}" build -mod=readonly -trimpath -ldflags "-s -w" \
        -o "${target_tf}.tmp" .) >&2
    mv -f "${target_tf}.tmp" "${target_tf}"
    log "hashicorp/external ${EXTERNAL_PROVIDER_VERSION}: built in $((SECONDS - start))s"
  else
    log "hashicorp/external ${EXTERNAL_PROVIDER_VERSION}: cached at ${target_tf}"
  fi
  # Terraform looks the provider up as registry.terraform.io/hashicorp/external,
  # OpenTofu as registry.opentofu.org/hashicorp/external: mirror both.
  if [[ ! -x "${target_tofu}" ]] || ! cmp -s "${target_tf}" "${target_tofu}"; then
    mkdir -p "$(dirname "${target_tofu}")"
    ln -f "${target_tf}" "${target_tofu}" 2>/dev/null || cp -f "${target_tf}" "${target_tofu}"
  fi
}

write_cli_config() {
  local tmp="${cli_config}.tmp.$$"
  cat >"${tmp}" <<EOF
# Generated by tools/engines/build.sh -- do not edit.
# Resolves hashicorp/external from the local unpacked mirror for both
# Terraform (registry.terraform.io) and OpenTofu (registry.opentofu.org), so
# 'init' needs no network. terraform_data is built in and needs no provider.
provider_installation {
  filesystem_mirror {
    path    = "${mirror_dir}"
    include = ["registry.terraform.io/hashicorp/external", "registry.opentofu.org/hashicorp/external"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/external", "registry.opentofu.org/hashicorp/external"]
  }
}
EOF
  if cmp -s "${tmp}" "${cli_config}" 2>/dev/null; then rm -f "${tmp}"; else mv -f "${tmp}" "${cli_config}"; fi
}

build_tofu
build_external
write_cli_config

printf 'TOFU_BIN=%q\n' "${tofu_bin}"
printf 'EXTERNAL_PROVIDER_VERSION=%q\n' "${EXTERNAL_PROVIDER_VERSION}"
printf 'TF_CLI_CONFIG_FILE=%q\n' "${cli_config}"

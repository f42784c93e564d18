#!/usr/bin/env bash
# End-to-end tests of the Neovim plugin (editors/nvim) with Neovim 0.11.4:
#   lsp_test.lua    vim.lsp.config/vim.lsp.enable with lsp/onrecord.lua, in a
#                   workspace that is a git repository;
#   setup_test.lua  require('onrecord').setup{}, in a workspace marked by
#                   onrecord.toml, once as on 0.11 and once through the path
#                   for Neovim 0.10 and earlier (vim.lsp.start).
#
# Env: ONRECORD_BIN (default <repo>/target/release/onrecord),
#      NVIM (default: the one tests/e2e/nvim/install.sh installs),
#      E2E_KEEP=1 keeps the temporary workspaces.
# Prints PASS:/FAIL: lines; exits non-zero on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
bin=${ONRECORD_BIN:-$repo/target/release/onrecord}
nvim=${NVIM:-$repo/target/e2e/nvim/venv/bin/nvim}
want_version="NVIM v0.11.4"

setup_fail() {
  echo "FAIL: nvim: setup: $1"
  echo "0 passed, 1 failed"
  exit 1
}
[ -x "$bin" ] || setup_fail "no server binary at $bin (build it, or set ONRECORD_BIN)"
bin=$(readlink -f "$bin")
[ -x "$nvim" ] || setup_fail "no nvim at $nvim (run tests/e2e/nvim/install.sh)"
version=$("$nvim" --version 2>/dev/null | head -n 1)
[ "$version" = "$want_version" ] || setup_fail "$nvim is '$version', not $want_version"
command -v git >/dev/null || setup_fail "git is not installed (run tests/e2e/nvim/install.sh)"

base=$(mktemp -d /tmp/onrecord-e2e-nvim.XXXXXX)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null; fi
  if [ "${E2E_KEEP:-}" = 1 ]; then echo "# kept $base" >&2; else rm -rf "$base"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0
failed=0

# run NAME SCRIPT WORKSPACE [VAR=VALUE...]: one headless Neovim.
run() {
  local name=$1 script=$2 ws=$3
  shift 3
  local state=$base/state-$name
  mkdir -p "$state/tmp"
  # A process session of its own (setsid) (and servers started with detached = false), so
  # that Neovim and its server end together, whatever happens.
  env TMPDIR="$state/tmp" \
    XDG_CONFIG_HOME="$state/config" XDG_DATA_HOME="$state/data" \
    XDG_STATE_HOME="$state/state" XDG_CACHE_HOME="$state/cache" \
    ONRECORD_BIN="$bin" E2E_REPO="$repo" E2E_WORKSPACE="$ws" E2E_PREFIX="$name" "$@" \
    setsid timeout -k 5 120 "$nvim" --headless --clean -u NONE -i NONE -n \
    -c "luafile $here/$script" -c "cquit 101" >"$state/out" 2>"$state/err" </dev/null &
  pid=$!
  wait "$pid"
  local rc=$?
  kill -KILL -- "-$pid" 2>/dev/null
  pid=
  cat "$state/out"
  local p f
  p=$(grep -c '^PASS: ' "$state/out")
  f=$(grep -c '^FAIL: ' "$state/out")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    if [ "$rc" -eq 124 ]; then why="timed out after 120 s"; else why="nvim exited with $rc"; fi
    echo "FAIL: $name: run: $why"
    f=1
  fi
  if [ "$rc" -eq 0 ] && [ "$p" -eq 0 ]; then
    echo "FAIL: $name: run: no test ran"
    f=1
  fi
  if [ "$f" -ne 0 ]; then
    {
      echo "# $name: nvim messages (last 20 lines):"
      tail -n 20 "$state/err" | awk '{ print "#   " $0 }'
      if [ -f "$state/state/nvim/lsp.log" ]; then
        echo "# $name: lsp.log (last 20 lines):"
        tail -n 20 "$state/state/nvim/lsp.log" | awk '{ print "#   " $0 }'
      fi
    } >&2
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

# A workspace: a copy of test-corpus/ (drafts included; drafts/ is not part
# of the corpus by default) and a root marker.
workspace() {
  local ws=$base/$1
  mkdir -p "$ws"
  cp -r "$repo/test-corpus" "$ws/"
  echo "$ws"
}

ws=$(workspace ws-git)
git -C "$ws" init -q
run nvim lsp_test.lua "$ws"

ws=$(workspace ws-toml)
printf '[check]\nmin_words = 4\n' >"$ws/onrecord.toml"
run nvim-setup setup_test.lua "$ws"

ws=$(workspace ws-toml-legacy)
printf '[check]\nmin_words = 4\n' >"$ws/onrecord.toml"
run nvim-setup-legacy setup_test.lua "$ws" E2E_LEGACY=1

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

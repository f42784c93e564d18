#!/usr/bin/env bash
# End-to-end tests of the Neovim plugin (editors/nvim) with Neovim 0.11.4:
#   lsp_test.lua    vim.lsp.config/vim.lsp.enable with lsp/onrecord.lua, in a
#                   workspace that is a git repository;
#   setup_test.lua  require('onrecord').setup{}, in a workspace marked by
#                   onrecord.toml, once as on 0.11 and once through the path
#                   for Neovim 0.10 and earlier (vim.lsp.start).
#
# Env: NVIM (default: the one tests/e2e/nvim/install.sh installs), and
#      see ../lib.sh.
# Prints PASS:/FAIL: lines; exits non-zero on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
suite=nvim
# shellcheck source=../lib.sh
. "$here/../lib.sh"
nvim=${NVIM:-$repo/target/e2e/nvim/venv/bin/nvim}
want_version="NVIM v0.11.4"

[ -x "$nvim" ] || setup_fail "no nvim at $nvim (run tests/e2e/nvim/install.sh)"
version=$("$nvim" --version 2>/dev/null | head -n 1)
[ "$version" = "$want_version" ] || setup_fail "$nvim is '$version', not $want_version"
command -v git >/dev/null || setup_fail "git is not installed (run tests/e2e/nvim/install.sh)"

# run NAME SCRIPT WORKSPACE [VAR=VALUE...]: one headless Neovim.
run() {
  local name=$1 script=$2 ws=$3
  shift 3
  local state=$base/state-$name
  mkdir -p "$state/tmp"
  e2e_run "$name" 120 "$state" env TMPDIR="$state/tmp" \
    XDG_CONFIG_HOME="$state/config" XDG_DATA_HOME="$state/data" \
    XDG_STATE_HOME="$state/state" XDG_CACHE_HOME="$state/cache" \
    ONRECORD_BIN="$bin" E2E_REPO="$repo" E2E_WORKSPACE="$ws" E2E_PREFIX="$name" "$@" \
    "$nvim" --headless --clean -u NONE -i NONE -n \
    -c "luafile $here/$script" -c "cquit 101"
  if [ "$e2e_failed" -ne 0 ] && [ -f "$state/state/nvim/lsp.log" ]; then
    echo "# $name: lsp.log (last 20 lines):" >&2
    tail -n 20 "$state/state/nvim/lsp.log" | awk '{ print "#   " $0 }' >&2
  fi
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

e2e_end

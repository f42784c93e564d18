#!/usr/bin/env bash
# End-to-end test of onrecord with Emacs and eglot (see test.el): a third
# client, configured with the snippet of editors/README.md.
#
# Env: see ../lib.sh.
# Prints PASS:/FAIL: lines; exits non-zero on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
suite=emacs
# shellcheck source=../lib.sh
. "$here/../lib.sh"
command -v emacs >/dev/null || setup_fail "emacs is not installed (run tests/e2e/emacs/install.sh)"
command -v git >/dev/null || setup_fail "git is not installed (run tests/e2e/emacs/install.sh)"

ws=$base/ws
mkdir -p "$ws" "$base/bin" "$base/home" "$base/tmp"
cp -r "$repo/test-corpus" "$ws/"
git -C "$ws" init -q
# The snippet runs `onrecord serve`: the binary under test is `onrecord` on
# the PATH.
ln -s "$bin" "$base/bin/onrecord"

export TMPDIR=$base/tmp HOME=$base/home PATH=$base/bin:$PATH
export E2E_REPO=$repo E2E_WORKSPACE=$ws E2E_ONRECORD_ON_PATH=$base/bin/onrecord

e2e_run emacs 120 "$base" emacs --batch -l "$here/test.el"
e2e_end

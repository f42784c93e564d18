#!/usr/bin/env bash
# End-to-end test of onrecord with Emacs and eglot (see test.el): a third
# client, configured with the snippet of editors/README.md.
#
# Env: ONRECORD_BIN (default <repo>/target/release/onrecord),
#      E2E_KEEP=1 keeps the temporary workspace.
# Prints PASS:/FAIL: lines; exits non-zero on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
bin=${ONRECORD_BIN:-$repo/target/release/onrecord}

setup_fail() {
  echo "FAIL: emacs: setup: $1"
  echo "0 passed, 1 failed"
  exit 1
}
[ -x "$bin" ] || setup_fail "no server binary at $bin (build it, or set ONRECORD_BIN)"
bin=$(readlink -f "$bin")
command -v emacs >/dev/null || setup_fail "emacs is not installed (run tests/e2e/emacs/install.sh)"
command -v git >/dev/null || setup_fail "git is not installed (run tests/e2e/emacs/install.sh)"

base=$(mktemp -d /tmp/onrecord-e2e-emacs.XXXXXX)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null; fi
  if [ "${E2E_KEEP:-}" = 1 ]; then echo "# kept $base" >&2; else rm -rf "$base"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ws=$base/ws
mkdir -p "$ws" "$base/bin" "$base/home" "$base/tmp"
cp -r "$repo/test-corpus" "$ws/"
git -C "$ws" init -q
# The snippet runs `onrecord serve`: the binary under test is `onrecord` on
# the PATH.
ln -s "$bin" "$base/bin/onrecord"

export TMPDIR=$base/tmp HOME=$base/home PATH=$base/bin:$PATH
export E2E_REPO=$repo E2E_WORKSPACE=$ws E2E_ONRECORD_ON_PATH=$base/bin/onrecord

# A process session of its own (setsid), so that the server and anything else Emacs starts
# can be ended with it.
setsid timeout -k 5 120 emacs --batch -l "$here/test.el" \
  >"$base/out" 2>"$base/err" </dev/null &
pid=$!
wait "$pid"
rc=$?
kill -KILL -- "-$pid" 2>/dev/null
pid=

cat "$base/out"
passed=$(grep -c '^PASS: ' "$base/out")
failed=$(grep -c '^FAIL: ' "$base/out")
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  if [ "$rc" -eq 124 ]; then why="timed out after 120 s"; else why="emacs exited with $rc"; fi
  echo "FAIL: emacs: run: $why"
  failed=1
fi
if [ "$rc" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "FAIL: emacs: run: no test ran"
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  echo "# emacs stderr (last 30 lines):" >&2
  tail -n 30 "$base/err" | awk '{ print "#   " $0 }' >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

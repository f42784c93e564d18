#!/usr/bin/env bash
# Tests the Helix and Zed snippets of editors/README.md (see
# check_snippets.py): each snippet is parsed as its editor would, and the
# command it gives is started and spoken to over the Language Server
# Protocol, with `onrecord` on the PATH being the binary under test.
#
# Env: ONRECORD_BIN (default <repo>/target/release/onrecord),
#      E2E_KEEP=1 keeps the temporary workspace.
# Prints PASS:/FAIL: lines; exits non-zero on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
bin=${ONRECORD_BIN:-$repo/target/release/onrecord}

setup_fail() {
  echo "FAIL: snippets: setup: $1"
  echo "0 passed, 1 failed"
  exit 1
}
[ -x "$bin" ] || setup_fail "no server binary at $bin (build it, or set ONRECORD_BIN)"
bin=$(readlink -f "$bin")
python3 -c 'import sys, tomllib' 2>/dev/null || setup_fail "python3 3.11 or later is needed (tomllib)"

base=$(mktemp -d /tmp/onrecord-e2e-snippets.XXXXXX)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null; fi
  if [ "${E2E_KEEP:-}" = 1 ]; then echo "# kept $base" >&2; else rm -rf "$base"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ws=$base/ws
mkdir -p "$ws" "$base/bin" "$base/tmp"
cp -r "$repo/test-corpus" "$ws/"
git -C "$ws" init -q 2>/dev/null || true
ln -s "$bin" "$base/bin/onrecord"
export TMPDIR=$base/tmp PATH=$base/bin:$PATH PYTHONDONTWRITEBYTECODE=1

setsid timeout -k 5 180 python3 "$here/check_snippets.py" "$repo" "$ws" \
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
  if [ "$rc" -eq 124 ]; then why="timed out after 180 s"; else why="exited with $rc"; fi
  echo "FAIL: snippets: run: $why"
  failed=1
fi
if [ "$rc" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "FAIL: snippets: run: no test ran"
  failed=1
fi
if [ "$failed" -ne 0 ] && [ -s "$base/err" ]; then
  echo "# stderr (last 30 lines):" >&2
  tail -n 30 "$base/err" | awk '{ print "#   " $0 }' >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

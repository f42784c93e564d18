# Shared by the suites' test.sh (sourced, after `set -uo pipefail` and with
# `repo` and `suite` set): the server binary, a scratch folder removed on
# exit, and running one test program in a process group of its own.
#
# Env: ONRECORD_BIN (default <repo>/target/release/onrecord),
#      E2E_KEEP=1 keeps the scratch folder.

passed=0
failed=0
e2e_pid=

# setup_fail REASON: the suite cannot run at all.
setup_fail() {
  echo "FAIL: $suite: setup: $1"
  echo "0 passed, 1 failed"
  exit 1
}

bin=${ONRECORD_BIN:-$repo/target/release/onrecord}
[ -x "$bin" ] || setup_fail "no server binary at $bin (build it, or set ONRECORD_BIN)"
bin=$(readlink -f "$bin")

base=$(mktemp -d "/tmp/onrecord-e2e-$suite.XXXXXX")
e2e_cleanup() {
  if [ -n "$e2e_pid" ]; then kill -KILL -- "-$e2e_pid" 2>/dev/null; fi
  if [ "${E2E_KEEP:-}" = 1 ]; then echo "# kept $base" >&2; else rm -rf "$base"; fi
}
trap e2e_cleanup EXIT
trap 'exit 130' INT TERM

# e2e_run NAME SECONDS DIR COMMAND...: runs COMMAND with DIR/out and DIR/err
# as its output, in a process group of its own (setsid), so that it and
# everything it starts (the server) end together, whatever happens. Prints
# its PASS:/FAIL: lines, a FAIL when it died or ran no test, and adds to
# `passed` and `failed`. Sets `e2e_failed` to this run's failures.
e2e_run() {
  local name=$1 secs=$2 dir=$3
  shift 3
  setsid timeout -k 5 "$secs" "$@" >"$dir/out" 2>"$dir/err" </dev/null &
  e2e_pid=$!
  wait "$e2e_pid"
  local rc=$? p f why
  kill -KILL -- "-$e2e_pid" 2>/dev/null
  e2e_pid=
  cat "$dir/out"
  p=$(grep -c '^PASS: ' "$dir/out")
  f=$(grep -c '^FAIL: ' "$dir/out")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    if [ "$rc" -eq 124 ]; then why="timed out after $secs s"; else why="exited with $rc"; fi
    echo "FAIL: $name: run: $why"
    f=1
  fi
  if [ "$rc" -eq 0 ] && [ "$p" -eq 0 ]; then
    echo "FAIL: $name: run: no test ran"
    f=1
  fi
  if [ "$f" -ne 0 ] && [ -s "$dir/err" ]; then
    echo "# $name: stderr (last 30 lines):" >&2
    tail -n 30 "$dir/err" | awk '{ print "#   " $0 }' >&2
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  e2e_failed=$f
}

# e2e_end: the closing count; the exit status says whether all passed.
e2e_end() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

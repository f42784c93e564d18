#!/usr/bin/env bash
# End-to-end tests of the VS Code extension (editors/vscode) in a real VS
# Code: code-server, driven by headless Chromium.
#
#   tests/e2e/vscode/install.sh   # once: code-server, Chromium, node modules
#   tests/e2e/vscode/test.sh
#
# 1. Packs the extension with the server program bundled (npm run package;
#    the program is $ONRECORD_BIN, default target/release/onrecord).
# 2. Makes a workspace from test-corpus/ (drafts included) in a temporary
#    folder, installs the .vsix into a temporary extensions folder and
#    starts code-server on it.
# 3. suite: opens the workbench with the unpacked .vsix as the extension
#    under development and suite/index.js as its tests, which run in the
#    extension host on the real API.
# 4. ui: opens a plain window on a copy of the workspace (the installed
#    .vsix), opens the draft, hovers a quotation and saves a screenshot to
#    $ONRECORD_E2E_SCREENSHOT (default $TMPDIR/onrecord-hover.png; set it to
#    editors/vscode/images/hover.png to refresh the README's picture).
#
# Prints `PASS: name` or `FAIL: name: reason` per test and a closing
# `N passed, M failed` line; exits 1 when a test failed. code-server and
# Chromium run in their own process groups and are stopped on every exit.
# The temporary folder is removed after a clean run and kept (its path is
# printed) after a failure: code-server.log and console.log are there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
ext_src="$repo/editors/vscode"
ONRECORD_BIN="${ONRECORD_BIN:-$repo/target/release/onrecord}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
screenshot="${ONRECORD_E2E_SCREENSHOT:-${TMPDIR:-/tmp}/onrecord-hover.png}"
only="${ONRECORD_E2E_ONLY:-}" # suite or ui: run only that part
code_server="$here/node_modules/.bin/code-server"
started_at=$(date +%s)

say() { printf '%s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - started_at )) s"; }
die() {
  say "FAIL: setup: $*"
  say "0 passed, 1 failed"
  exit 1
}

case "$ONRECORD_BIN" in /*) ;; *) ONRECORD_BIN="$PWD/$ONRECORD_BIN" ;; esac
[ -x "$ONRECORD_BIN" ] || die "no server program at $ONRECORD_BIN (cargo build --release, or set ONRECORD_BIN)"
[ -x "$code_server" ] || die "code-server is not installed: run tests/e2e/vscode/install.sh"
[ -d "$ext_src/node_modules" ] || die "editors/vscode has no node_modules: run tests/e2e/vscode/install.sh"
[ -x "$CHROMIUM" ] || die "no Chromium at $CHROMIUM: run tests/e2e/vscode/install.sh"
command -v curl >/dev/null || die "curl is needed"
command -v python3 >/dev/null || die "python3 is needed"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/onrecord-vscode-e2e.XXXXXX")"
cs_pid=""
chrome_pid=""
child=""
failed=0
passed=0

# Stops a process group: TERM, then KILL after 5 s.
stop_group() {
  local pgid="$1"
  [ -n "$pgid" ] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

# The script's own output, for messages from a trap that runs while a
# redirected command is waited for.
exec 3>&1 4>&2

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  exec 1>&3 2>&4
  [ -z "$child" ] || kill -TERM "$child" 2>/dev/null || true
  stop_group "$chrome_pid"
  stop_group "$cs_pid"
  if [ "$rc" -eq 0 ] && [ -z "${ONRECORD_E2E_KEEP:-}" ]; then
    rm -rf "$tmp"
  else
    say "logs kept in $tmp (code-server.log, console.log, chromium.log)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background and waits for it, so that a signal to
# this script is handled at once (bash runs traps only between commands).
run() {
  local rc=0
  "$@" &
  child=$!
  wait "$child" || rc=$?
  child=""
  return "$rc"
}

# Counts the PASS/FAIL lines of a file and prints them.
tally() {
  local line
  while IFS= read -r line; do
    case "$line" in
      PASS:*) passed=$((passed + 1)); say "$line" ;;
      FAIL:*) failed=$((failed + 1)); say "$line" ;;
    esac
  done < "$1"
}

# 0. The extension's own unit tests (settings mapping, server lookup).
if run env -C "$ext_src" timeout 300 npm test > "$tmp/unit.log" 2>&1; then
  say "PASS: extension unit tests ($(grep -m1 '^# pass' "$tmp/unit.log" | cut -d' ' -f3) passed)"
  passed=$((passed + 1))
else
  tail -n 30 "$tmp/unit.log"
  say "FAIL: extension unit tests: see above"
  failed=$((failed + 1))
fi

# 1. The package, with the server inside.
say "== packaging the extension with $ONRECORD_BIN"
vsix="$tmp/onrecord.vsix"
if ! run env -C "$ext_src" ONRECORD_BIN="$ONRECORD_BIN" timeout 300 npm run --silent package -- --out "$vsix" > "$tmp/package.log" 2>&1; then
  tail -n 30 "$tmp/package.log"
  die "npm run package failed"
fi
say "PASS: npm run package ($(du -h "$vsix" | cut -f1) .vsix, $(elapsed))"
passed=$((passed + 1))

# The unpacked package is the extension under development for the suite.
python3 - "$vsix" "$tmp/dev" <<'PY'
import os, sys, zipfile
vsix, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(vsix) as z:
    for info in z.infolist():
        if not info.filename.startswith('extension/'):
            continue
        path = z.extract(info, dest)
        mode = (info.external_attr >> 16) & 0o777
        if mode:
            os.chmod(path, mode)
PY
dev_ext="$tmp/dev/extension"

# 2. Workspaces, settings, the installed package, code-server.
mkdir -p "$tmp/ws" "$tmp/ws-ui" "$tmp/user-data/User" "$tmp/extensions" "$tmp/chromium"
cp -r "$repo/test-corpus" "$tmp/ws/"
cp -r "$repo/test-corpus" "$tmp/ws-ui/"
cat > "$tmp/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.commandCenter.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "files.hotExit": "off",
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "window.commandCenter": false
}
JSON
export XDG_CONFIG_HOME="$tmp/xdg-config" XDG_DATA_HOME="$tmp/xdg-data" XDG_CACHE_HOME="$tmp/xdg-cache"
export ONRECORD_E2E_RESULTS="$tmp/results.txt" ONRECORD_E2E_SERVER="$ONRECORD_BIN"
: > "$ONRECORD_E2E_RESULTS"

say "== installing the .vsix into code-server"
if ! run timeout 120 "$code_server" --install-extension "$vsix" \
  --extensions-dir "$tmp/extensions" --user-data-dir "$tmp/user-data" > "$tmp/install-extension.log" 2>&1 \
  || ! grep -q 'was successfully installed' "$tmp/install-extension.log"; then
  cat "$tmp/install-extension.log"
  die "code-server --install-extension failed"
fi
installed="$(ls -d "$tmp/extensions"/onrecord.onrecord-* 2>/dev/null | head -n 1)"
[ -x "$installed/server/onrecord" ] || die "the installed extension has no runnable server/onrecord"
say "PASS: code-server --install-extension ($(basename "$installed"), $(elapsed))"
passed=$((passed + 1))

say "== starting code-server"
setsid "$code_server" --bind-addr 127.0.0.1:0 --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$tmp/user-data" --extensions-dir "$tmp/extensions" \
  "$tmp/ws" < /dev/null > "$tmp/code-server.log" 2>&1 &
cs_pid=$!
port=""
for _ in $(seq 600); do
  port="$(sed -n 's#.*HTTP server listening on http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$tmp/code-server.log" | head -n 1)"
  [ -n "$port" ] && break
  kill -0 "$cs_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { cat "$tmp/code-server.log"; die "code-server did not start"; }
url="http://127.0.0.1:$port"
healthy=""
for _ in $(seq 300); do
  if curl -sf --max-time 2 "$url/healthz" > /dev/null; then healthy=1; break; fi
  sleep 0.2
done
[ -n "$healthy" ] || { cat "$tmp/code-server.log"; die "$url/healthz does not answer"; }

setsid "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-crash-reporter --disable-dev-shm-usage --window-size=1280,800 \
  --user-data-dir="$tmp/chromium" --remote-debugging-address=127.0.0.1 --remote-debugging-port=0 \
  about:blank < /dev/null > "$tmp/chromium.log" 2>&1 &
chrome_pid=$!
cdp=""
for _ in $(seq 300); do
  [ -s "$tmp/chromium/DevToolsActivePort" ] && cdp="$(head -n 1 "$tmp/chromium/DevToolsActivePort")"
  [ -n "$cdp" ] && break
  kill -0 "$chrome_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$cdp" ] || { tail -n 20 "$tmp/chromium.log"; die "Chromium did not start"; }
say "code-server at $url, Chromium DevTools on port $cdp ($(elapsed))"

# 3. The tests inside the extension host.
run_suite() {
  say "== extension host tests (suite/index.js)"
  local rc=0 planned ran
  run timeout 300 node "$here/driver.mjs" suite --cdp "$cdp" --url "$url" --folder "$tmp/ws" \
    --dev-ext "$dev_ext" --tests "$here/suite/index.js" --timeout 240 \
    --log "$tmp/console.log" > "$tmp/suite.out" 2>&1 || rc=$?
  tally "$ONRECORD_E2E_RESULTS"
  tally "$tmp/suite.out"
  planned="$(sed -n 's/^PLAN: \([0-9]*\).*/\1/p' "$ONRECORD_E2E_RESULTS" | head -n 1)"
  ran="$(grep -c -E '^(PASS|FAIL): ' "$ONRECORD_E2E_RESULTS" || true)"
  if [ -z "$planned" ] || [ "$ran" -ne "$planned" ]; then
    say "FAIL: extension host tests: $ran of ${planned:-?} tests reported"
    failed=$((failed + 1))
  fi
  if [ "$rc" -ne 0 ] && ! grep -q '^FAIL' "$ONRECORD_E2E_RESULTS" "$tmp/suite.out"; then
    say "FAIL: extension host tests: the driver exited with $rc"
    sed -n '1,20p' "$tmp/suite.out"
    failed=$((failed + 1))
  fi
  say "(suite done, $(elapsed))"
}

# 4. What a person sees, with the installed package.
run_ui() {
  say "== ui test (installed .vsix)"
  local rc=0
  mkdir -p "$(dirname "$screenshot")"
  run timeout 240 node "$here/driver.mjs" ui --cdp "$cdp" --url "$url" --folder "$tmp/ws-ui" \
    --screenshot "$screenshot" --shots "$tmp" --log "$tmp/console.log" > "$tmp/ui.out" 2>&1 || rc=$?
  tally "$tmp/ui.out"
  if [ "$rc" -ne 0 ] && ! grep -q '^FAIL' "$tmp/ui.out"; then
    say "FAIL: ui: the driver exited with $rc"
    sed -n '1,20p' "$tmp/ui.out"
    failed=$((failed + 1))
  fi
  if [ "$rc" -eq 0 ]; then say "screenshot: $screenshot"; fi
}

[ "$only" = ui ] || run_suite
[ "$only" = suite ] || run_ui

say "== done in $(elapsed)"
say "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

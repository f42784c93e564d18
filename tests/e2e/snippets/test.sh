#!/usr/bin/env bash
# Tests the Helix and Zed snippets of editors/README.md (see
# check_snippets.py): each snippet is parsed as its editor would, and the
# command it gives is started and spoken to over the Language Server
# Protocol, with `onrecord` on the PATH being the binary under test.
#
# Env: see ../lib.sh.
# Prints PASS:/FAIL: lines; exits non-zero on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
suite=snippets
# shellcheck source=../lib.sh
. "$here/../lib.sh"
python3 -c 'import sys, tomllib' 2>/dev/null || setup_fail "python3 3.11 or later is needed (tomllib)"

ws=$base/ws
mkdir -p "$ws" "$base/bin" "$base/tmp"
cp -r "$repo/test-corpus" "$ws/"
git -C "$ws" init -q 2>/dev/null || true
ln -s "$bin" "$base/bin/onrecord"
export TMPDIR=$base/tmp PATH=$base/bin:$PATH PYTHONDONTWRITEBYTECODE=1

e2e_run snippets 180 "$base" python3 "$here/check_snippets.py" "$repo" "$ws"
e2e_end

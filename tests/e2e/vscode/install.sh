#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests need; safe to run again (each
# step is skipped when already done):
#
# - Debian packages: Chromium, ripgrep (code-server's search uses it),
#   libkrb5-dev (code-server builds the kerberos module), fonts, curl.
# - editors/vscode/node_modules (npm ci): the extension's build tools.
# - tests/e2e/vscode/node_modules (npm ci): code-server 4.100.3 (the newest
#   that runs on Node 20) and playwright-core, pinned by package-lock.json.
#
# code-server's install builds native modules against the local Node
# headers and runs the postinstall of @vscode/ripgrep, which would download
# a ripgrep release: its download cache is seeded with Debian's rg first.
# Everything lands in the repository (node_modules/) and in $TMPDIR (/tmp).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
ext_src="$repo/editors/vscode"
tmpdir="${TMPDIR:-/tmp}"
started_at=$(date +%s)

say() { printf '%s\n' "$*"; }
step_time() { say "   ($(( $(date +%s) - $1 )) s)"; }

# 1. Debian packages.
# shellcheck source=../apt.sh
. "$here/../apt.sh"
t=$(date +%s)
apt_ensure --with-recommends chromium ripgrep libkrb5-dev fonts-dejavu-core curl
step_time "$t"

# npm's download cache stays inside the repository's build folder.
export npm_config_cache="${npm_config_cache:-$repo/target/e2e/npm-cache}"

# 2. The extension's build tools.
# Reinstalls only when package-lock.json changed since the last install.
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.onrecord-installed"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    say "== npm ci in ${dir#"$repo"/}: up to date"
    return 0
  fi
  say "== npm ci in ${dir#"$repo"/}"
  local t
  t=$(date +%s)
  (cd "$dir" && timeout 1800 npm ci --no-audit --no-fund)
  echo "$want" > "$stamp"
  step_time "$t"
}

npm_ci "$ext_src"

# 3. code-server and playwright-core.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) rg_target="" ;;
esac
# The names @vscode/ripgrep 1.15.11 (code-server 4.100.3) looks for: a
# tarball holding `rg` at its root, in os.tmpdir()/vscode-ripgrep-cache-VERSION.
rg_cache="$tmpdir/vscode-ripgrep-cache-1.15.11"
rg_tarball="$rg_cache/ripgrep-v13.0.0-10-$rg_target.tar.gz"
if [ -n "$rg_target" ] && [ ! -s "$rg_tarball" ]; then
  say "== seeding $rg_tarball with $(command -v rg)"
  mkdir -p "$rg_cache"
  rg_dir="$(mktemp -d "$tmpdir/onrecord-rg.XXXXXX")"
  cp "$(command -v rg)" "$rg_dir/rg"
  tar -czf "$rg_tarball.part" -C "$rg_dir" rg
  mv "$rg_tarball.part" "$rg_tarball"
  rm -rf "$rg_dir"
fi

# code-server's postinstall refuses to run as root without unsafe-perm, and
# its nested installs must not stop to ask.
export npm_config_yes=true npm_config_unsafe_perm=true
# Native modules build against the installed Node's headers, not downloaded ones.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
npm_ci "$here"

say "== versions"
for m in code-server playwright-core; do
  say "   $m $(node -p "require('$here/node_modules/$m/package.json').version")"
done
say "   $(/usr/bin/chromium --version 2>/dev/null)"
say "== install done in $(( $(date +%s) - started_at )) s"

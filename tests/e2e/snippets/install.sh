#!/usr/bin/env bash
# The snippet tests need only Python 3.11 or later (tomllib, json) and git;
# neither Helix nor Zed can be installed from the package registries this
# project uses. Idempotent: installs nothing when both are there.
set -euo pipefail
missing=()
python3 -c 'import tomllib' 2>/dev/null || missing+=(python3)
command -v git >/dev/null || missing+=(git)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "python3 $(python3 -c 'import platform; print(platform.python_version())') and git are installed"
  exit 0
fi
# shellcheck source=../apt.sh
. "$(dirname "$0")/../apt.sh"
apt_ensure "${missing[@]}"
python3 -c 'import tomllib'

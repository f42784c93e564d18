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
export DEBIAN_FRONTEND=noninteractive
timeout 300 apt-get update -qq
timeout 900 apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"
python3 -c 'import tomllib'

#!/usr/bin/env bash
# Installs what tests/e2e/emacs/test.sh needs, from Debian's packages:
# Emacs (emacs-nox), eglot (elpa-eglot), markdown-mode (elpa-markdown-mode)
# and git. Idempotent: apt runs only when a package is missing.
set -euo pipefail
packages=(emacs-nox elpa-eglot elpa-markdown-mode git)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "installed: ${packages[*]}"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
timeout 300 apt-get update -qq
timeout 900 apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"
emacs --version | head -n 1

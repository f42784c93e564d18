#!/usr/bin/env bash
# Installs what tests/e2e/emacs/test.sh needs, from Debian's packages:
# Emacs (emacs-nox), eglot (elpa-eglot), markdown-mode (elpa-markdown-mode)
# and git. Idempotent: apt runs only when a package is missing.
set -euo pipefail
# shellcheck source=../apt.sh
. "$(dirname "$0")/../apt.sh"
apt_ensure emacs-nox elpa-eglot elpa-markdown-mode git
emacs --version | head -n 1

# Shared by the suites' install.sh (sourced): Debian packages, installed
# only when missing.

# apt_ensure [--with-recommends] PACKAGE...: installs the packages that are
# not installed yet (without the packages they only recommend, unless
# asked), each apt step under a timeout, as root or through sudo. Retries
# the install: apt can lose its downloaded packages between two dpkg runs.
apt_ensure() {
  local p missing=() recommends=--no-install-recommends
  if [ "${1:-}" = --with-recommends ]; then
    recommends=--install-recommends
    shift
  fi
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "installed: $*"
    return 0
  fi
  echo "apt: installing ${missing[*]}"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  local attempt
  for attempt in 1 2 3; do
    if timeout 900 $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
      "$recommends" "${missing[@]}"; then
      return 0
    fi
    echo "apt-get install failed (attempt $attempt)"
  done
  return 1
}

# Sourced by scripts/test.sh: installs (as root, on Debian) and starts what the tests need.
# Each later need (RabbitMQ, Chromium) adds its block here, so that the one test command keeps working on a
# fresh machine.
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Need root to install: $*" >&2
    return 1
  fi
  if [ -z "${_apt_updated:-}" ]; then
    apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null && _apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}
:

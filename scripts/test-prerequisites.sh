# Sourced by scripts/test.sh: installs (as root, on Debian) and starts what the tests need, and stops it at exit.
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

# RabbitMQ and Redis for the integration tests, Python for the script runner's, chromium for the portal's: a private broker and server on loopback (scripts/test-services.sh).
missing=()
command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Python 3 (standard library only) for the script runner's tests.
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# Debian's chromium for the portal's end-to-end tests (Playwright drives it; it never downloads a browser).
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  apt_install "${missing[@]}"
fi
"$root/scripts/test-services.sh" start && trap '"$root/scripts/test-services.sh" stop' EXIT

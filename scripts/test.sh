#!/usr/bin/env bash
# Runs every GovDoorplate test. Installs what the tests need first, so that a fresh machine
# needs nothing else: PostgreSQL's server binaries (the tests start a private cluster from them), Chromium and the
# Node packages of the conformance tests.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

# PostgreSQL 15 server binaries (initdb, pg_ctl, postgres); no cluster is started here.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL server binaries from Debian's packages..."
  apt_install postgresql
fi

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser of its own), and a CJK
# font so that the screenshots kept as test artifacts show the Chinese page.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages..."
  apt_install chromium
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  apt_install fonts-noto-cjk
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Microsoft's Direct Line client for the conformance tests (Web Chat for the page is installed by the build).
if [ ! -d Bot.Tests/Conformance/node_modules ]; then
  (cd Bot.Tests/Conformance && npm ci --no-audit --no-fund)
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test GovDoorplate.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line over all test assemblies.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"

#!/usr/bin/env bash
# Runs every ENOE test: data (real SQLite), components (bUnit), HTTP (WebApplicationFactory) and
# end-to-end journeys in Debian's Chromium (Playwright) with axe-core accessibility checks.
# Installs Chromium and axe-core when they are missing.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Data").
# The last line is always: tests: N passed, M failed
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the end-to-end tests..."
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi || { echo "Could not install chromium (apt-get install chromium)." >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# axe-core, for the accessibility checks of the end-to-end tests (pinned in its package.json).
if [ ! -f Enoe.Tests/EndToEnd/axe/node_modules/axe-core/axe.min.js ]; then
    echo "Installing axe-core for the accessibility checks..."
    npm install --prefix Enoe.Tests/EndToEnd/axe --no-audit --no-fund --silent \
        || { echo "Could not install axe-core (npm install)." >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

results=TestResults
rm -rf "$results"
dotnet test Enoe.Tests --nologo --logger "trx;LogFileName=enoe.trx" --results-directory "$results" "$@"
status=$?

trx="$results/enoe.trx"
if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    failed=$(( ${failed:-0} + ${errors:-0} ))
else
    passed=0 failed=1 # the build or the test host failed before any result was written
fi
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "tests: ${passed:-0} passed, ${failed} failed"
exit "$status"

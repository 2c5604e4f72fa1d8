#!/usr/bin/env bash
# Runs every ENOE test: data (real SQLite), components (bUnit), HTTP (WebApplicationFactory) and
# end-to-end journeys in Debian's Chromium (Playwright) with axe-core accessibility checks; then the data
# tests again on PostgreSQL (a server the tests start themselves from Debian's package).
# Installs Chromium, PostgreSQL and axe-core when they are missing.
# Extra arguments go to both `dotnet test` runs (e.g. ./test.sh --filter "FullyQualifiedName~Booking").
# The last line is always: tests: N passed, M failed
set -uo pipefail
cd "$(dirname "$0")"

install() { # Debian packages, as root or through sudo
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
        || { echo "Could not install $* (apt-get install $*)." >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
}
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the end-to-end tests..."
    install chromium
fi
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
    || [ ! -f "$(ls -d /usr/share/postgresql/*/extension | tail -1)/unaccent.control" ]; then
    echo "Installing Debian's postgresql for the data tests on PostgreSQL..."
    install postgresql postgresql-contrib
fi

# axe-core, for the accessibility checks of the end-to-end tests (pinned in its package.json).
if [ ! -f Enoe.Tests/EndToEnd/axe/node_modules/axe-core/axe.min.js ]; then
    echo "Installing axe-core for the accessibility checks..."
    npm install --prefix Enoe.Tests/EndToEnd/axe --no-audit --no-fund --silent \
        || { echo "Could not install axe-core (npm install)." >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

results=TestResults
rm -rf "$results"
passed=0 failed=0 status=0

# Adds one run's counters (from its trx file) to the totals; a run that wrote none counts as one failure.
count() {
    local trx="$results/$1.trx" run_status=$2 counters p f e
    if [ -f "$trx" ]; then
        counters=$(grep -o '<Counters [^>]*>' "$trx")
        p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
        f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
        e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
        f=$(( ${f:-0} + ${e:-0} ))
    else
        p=0 f=1 # the build or the test host failed before any result was written
    fi
    [ "$run_status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
    passed=$(( passed + ${p:-0} )) failed=$(( failed + f ))
    [ "$run_status" -ne 0 ] && status=$run_status
}

dotnet test Enoe.Tests --nologo --logger "trx;LogFileName=sqlite.trx" --results-directory "$results" "$@"
count sqlite $?

# The data tests once more, on PostgreSQL (tests of SQLite's own file and migration steps left out).
only_data="FullyQualifiedName~Enoe.Tests.Data.&Database!=SqliteOnly"
filter="$only_data" args=()
while [ $# -gt 0 ]; do # an extra --filter narrows this pass too
    if [ "$1" = "--filter" ] && [ $# -gt 1 ]; then filter="($2)&$only_data"; shift 2; else args+=("$1"); shift; fi
done
ENOE_TEST_DATABASE=PostgreSQL dotnet test Enoe.Tests --nologo --no-build --filter "$filter" \
    --logger "trx;LogFileName=postgresql.trx" --results-directory "$results" "${args[@]}"
count postgresql $?

echo "tests: ${passed} passed, ${failed} failed"
exit "$status"

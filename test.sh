#!/usr/bin/env bash
# Runs every ENOE test: data (real SQLite), components (bUnit), HTTP (WebApplicationFactory) and
# end-to-end journeys in Debian's Chromium (Playwright) with axe-core accessibility checks; then the data
# tests again on PostgreSQL (a server the tests start themselves from Debian's package).
# The directory tests start their own OpenLDAP (slapd) and the sign-in tests their own OpenID Connect provider
# (npm's oidc-provider on Node), the single sign-on journey its own Apaches with mod_auth_cas and mod_auth_openidc.
# Installs Chromium, PostgreSQL, Redis, nginx, Apache with mod_auth_cas and mod_auth_openidc, slapd, axe-core and
# oidc-provider when missing.
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
if [ ! -x /usr/bin/redis-server ]; then
    echo "Installing Debian's redis-server for the several-instances tests..."
    install redis-server
fi
if [ ! -x /usr/sbin/nginx ]; then
    echo "Installing Debian's nginx for the several-instances test (the proxy of deploy/)..."
    install nginx-light
    # The package starts a server on port 80; the test starts its own on a free loopback port.
    pkill -x nginx 2>/dev/null || true
fi
if [ ! -f /usr/lib/apache2/modules/mod_auth_cas.so ] || [ ! -f /usr/lib/apache2/modules/mod_auth_openidc.so ]; then
    echo "Installing Debian's apache2, libapache2-mod-auth-cas and libapache2-mod-auth-openidc (real single sign-on" \
        "clients for the tests)..."
    install apache2 libapache2-mod-auth-cas libapache2-mod-auth-openidc
    # The package starts a server on port 80; the test starts its own on a free loopback port.
    pkill -x apache2 2>/dev/null || true
fi
if [ ! -x /usr/sbin/slapd ] || ! command -v ldapadd >/dev/null; then
    echo "Installing Debian's slapd and ldap-utils for the directory tests..."
    install slapd ldap-utils
fi

# axe-core, for the accessibility checks of the end-to-end tests (pinned in its package.json).
if [ ! -f Enoe.Tests/EndToEnd/axe/node_modules/axe-core/axe.min.js ]; then
    echo "Installing axe-core for the accessibility checks..."
    npm install --prefix Enoe.Tests/EndToEnd/axe --no-audit --no-fund --silent \
        || { echo "Could not install axe-core (npm install)." >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# oidc-provider, the OpenID Connect provider standing in for Entra ID and ÉduConnect (pinned in its package.json).
if [ ! -d Enoe.Tests/EndToEnd/oidc/node_modules/oidc-provider ]; then
    echo "Installing oidc-provider for the external sign-in tests..."
    npm install --prefix Enoe.Tests/EndToEnd/oidc --no-audit --no-fund --silent \
        || { echo "Could not install oidc-provider (npm install)." >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
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

# Extra arguments: a --filter narrows both passes; the rest goes to dotnet test as given.
user_filter="" args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --filter) user_filter="${2:-}"; shift 2 ;;
        --filter=*) user_filter="${1#--filter=}"; shift ;;
        --no-build) shift ;; # both passes run on the one build below
        *) args+=("$1"); shift ;;
    esac
done

# One build for both passes: a failed build must not run whatever binaries an earlier build left.
if ! dotnet build Enoe.Tests --nologo -v quiet; then
    echo "tests: 0 passed, 1 failed"
    exit 1
fi

filter=() ; [ -n "$user_filter" ] && filter=(--filter "$user_filter")
dotnet test Enoe.Tests --nologo --no-build "${filter[@]}" --logger "trx;LogFileName=sqlite.trx" \
    --results-directory "$results" "${args[@]}"
count sqlite $?

# The data tests once more, on PostgreSQL, with the tests elsewhere that make a database of their own and say
# [Trait("Database", "Both")] (tests of SQLite's own file and migration steps left out).
only_data="(FullyQualifiedName~Enoe.Tests.Data.|Database=Both)&Database!=SqliteOnly"
ENOE_TEST_DATABASE=PostgreSQL dotnet test Enoe.Tests --nologo --no-build \
    --filter "${user_filter:+($user_filter)&}$only_data" \
    --logger "trx;LogFileName=postgresql.trx" --results-directory "$results" "${args[@]}"
count postgresql $?
# Unfiltered, the pass must have run the data tests: a renamed namespace would otherwise pass with 0.
if [ -z "$user_filter" ] && ! grep -q '<Counters total="[1-9]' "$results/postgresql.trx" 2>/dev/null; then
    echo "The PostgreSQL pass ran no test." >&2
    failed=$(( failed + 1 )) status=1
fi

echo "tests: ${passed} passed, ${failed} failed"
exit "$status"

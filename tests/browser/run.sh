#!/bin/bash
# run.sh - the browser tests of the web application (tests/browser/
# spoor.test.mjs): a demo database, `spoor serve` on a free port, and
# playwright-core driving Debian's Chromium or Firefox ESR headless
# against it.
#
# usage: bash run.sh <spoor-binary> <tests-dir> [chromium|firefox]
#
# playwright-core and axe-core (exact versions of package-lock.json) are
# installed with `npm ci` once into SPOOR_BROWSER_NPM_DIR (default
# build/npm-browser), again only when the lock file changes
# (scripts/node.sh ci); playwright never downloads a browser (Firefox is
# driven over WebDriver BiDi).
#
# Node.js: playwright-core 1.64 needs Node 20 or newer. The tests run on
# the node that scripts/node.sh prints: the system's when it is new
# enough, else (Debian 12 ships Node 18) an exact Node 24 that it
# installs from the npm registry into build/node with the system's npm.
# npm itself may be Debian's npm 9.
# Screenshots and the axe report go to browser-artifacts/<browser>/ next
# to the spoor binary (build/<preset>/).
SPOOR=$1
TESTS=$2
BROWSER=${3:-chromium}
[ -n "$SPOOR" ] && [ -x "$SPOOR" ] && [ -d "$TESTS" ] ||
	{ echo "usage: bash run.sh <spoor> <tests-dir> [chromium|firefox]" >&2; exit 2; }
TESTS=$(cd "$TESTS" && pwd)
. "$TESTS/cli/lib.sh"

case $BROWSER in
chromium) EXE=${SPOOR_CHROMIUM:-/usr/bin/chromium} PKG=chromium ;;
firefox) EXE=${SPOOR_FIREFOX:-/usr/bin/firefox-esr} PKG=firefox-esr ;;
*) echo "run.sh: unknown browser '$BROWSER' (chromium or firefox)" >&2; exit 2 ;;
esac
[ -x "$EXE" ] || { echo "run.sh: $EXE is missing (scripts/deps.sh installs $PKG)" >&2; exit 2; }

# node.sh reports its own failures (npm's error lines, status and log)
NODE=$(bash "$TESTS/../scripts/node.sh") || { echo "FAIL: no Node.js to run the browser tests with" >&2; exit 1; }
echo "browser ($BROWSER): $NODE, Node $("$NODE" --version)"
ART=$(cd "$(dirname "$SPOOR")" && pwd)/browser-artifacts/$BROWSER
NPM=${SPOOR_BROWSER_NPM_DIR:-$TESTS/../build/npm-browser}
# one installer at a time (the debug and asan suites share the directory)
bash "$TESTS/../scripts/node.sh" ci "$TESTS/browser" "$NPM" ||
	{ echo "FAIL: playwright-core and axe-core are not installed" >&2; exit 1; }
mkdir -p "$ART" || exit 2
NPM=$(cd "$NPM" && pwd)
rm -f "$ART"/*.png "$ART"/axe.json

tmp=$(mktemp -d) || exit 2
# the test imports its packages from a directory below node_modules'
# one; a directory of its own, so that parallel suites never see a
# half-copied file
run=$(mktemp -d "$NPM/run.XXXXXX") || exit 2
cp "$TESTS/browser/spoor.test.mjs" "$run/" || exit 2
pid=
cleanup() {
	stop_server "$pid"
	rm -rf "$tmp" "$run"
}
trap cleanup EXIT
export SPOOR_AUTH_KOSTEN=test
PW=browser-wachtwoord-1
"$SPOOR" demo --db "$tmp/b.db" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
"$SPOOR" serve --db "$tmp/b.db" --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
for _ in $(seq 1 300); do
	grep -q "luistert op" "$tmp/serve.out" 2>/dev/null && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.05
done
URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/serve.out")
[ -n "$URL" ] || { echo "FAIL: server did not start: $(cat "$tmp/serve.err")"; exit 1; }

SPOOR_URL=$URL SPOOR_PW=$PW SPOOR_ARTIFACTS=$ART SPOOR_BROWSER=$BROWSER SPOOR_BROWSER_EXE=$EXE \
	timeout -k 10 300 "$NODE" --test --test-reporter=spec "$run/spoor.test.mjs"
rc=$?
stop_server "$pid"
src=$?
pid=
if [ "$src" -ne 0 ]; then
	echo "FAIL: the server did not stop cleanly (status $src): $(tail -5 "$tmp/serve.err")"
	[ "$rc" -eq 0 ] && rc=1
fi
echo "browser ($BROWSER): screenshots and axe report in $ART"
exit "$rc"

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
# build/npm-browser), again only when the lock file changes; playwright
# never downloads a browser (Firefox is driven over WebDriver BiDi).
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
for c in node npm flock; do
	command -v "$c" >/dev/null || { echo "run.sh: $c is missing (scripts/deps.sh installs it)" >&2; exit 2; }
done

ART=$(cd "$(dirname "$SPOOR")" && pwd)/browser-artifacts/$BROWSER
NPM=${SPOOR_BROWSER_NPM_DIR:-$TESTS/../build/npm-browser}
mkdir -p "$NPM" "$ART" || exit 2
NPM=$(cd "$NPM" && pwd)
rm -f "$ART"/*.png "$ART"/axe.json

# one installer at a time (the debug and asan suites share the directory)
(
	flock 9
	want=$(sha256sum "$TESTS/browser/package-lock.json" | cut -d' ' -f1)
	if [ "$(cat "$NPM/.lock.sha256" 2>/dev/null)" != "$want" ] ||
		[ ! -d "$NPM/node_modules/playwright-core" ] || [ ! -d "$NPM/node_modules/axe-core" ]; then
		cp "$TESTS/browser/package.json" "$TESTS/browser/package-lock.json" "$NPM/" &&
		(cd "$NPM" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >npm.log 2>&1) ||
			{ echo "run.sh: npm ci failed: $(tail -5 "$NPM/npm.log")" >&2; exit 1; }
		echo "$want" >"$NPM/.lock.sha256"
	fi
	# the test imports its packages from the directory it lives in
	cp "$TESTS/browser/spoor.test.mjs" "$NPM/"
) 9>"$NPM.lock" || exit 1

tmp=$(mktemp -d) || exit 2
pid=
cleanup() {
	stop_server "$pid"
	rm -rf "$tmp"
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
	timeout -k 10 300 node --test --test-reporter=spec "$NPM/spoor.test.mjs"
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

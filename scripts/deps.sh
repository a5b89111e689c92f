#!/usr/bin/env bash
# Installs the Debian 12 packages a make target needs, but only those
# that are missing. Works as root; uses sudo otherwise.
#
#   scripts/deps.sh [run]   building and running spoor (make run, make install)
#   scripts/deps.sh test    also the test tools (make test): cmocka,
#                           valgrind, clang's sanitizer runtime, PostgreSQL
#                           15 (throwaway clusters only), Chromium, Firefox
#                           ESR, Node.js and npm, curl, openssl, systemd
#   scripts/deps.sh lint    also cppcheck and clang-tidy (make lint)
#   scripts/deps.sh fuzz    also clang and its fuzzer runtime (make fuzz)
#   scripts/deps.sh bench   also wrk and PostgreSQL 15 (make bench)
#
# Installing PostgreSQL creates no system cluster: Debian's postinst
# would make and start "15 main" on port 5432, which spoor never uses (its
# tests start their own clusters, scripts/pg.sh), so create_main_cluster
# is switched off for that one install and restored afterwards.
set -euo pipefail

mode=${1:-run}
run=(build-essential cmake pkg-config libjansson-dev libsqlite3-dev libpq-dev
     libmicrohttpd-dev libsodium-dev libzip-dev nettle-dev
     libqrencode-dev)
case $mode in
run) pkgs=("${run[@]}") ;;
test) pkgs=("${run[@]}" libcmocka-dev valgrind clang libclang-rt-14-dev sqlite3
	    postgresql-15 curl openssl gnutls-bin util-linux python3 python3-jsonschema chromium
	    firefox-esr fonts-liberation systemd groff-base man-db) ;;
lint) pkgs=("${run[@]}" libcmocka-dev cppcheck clang-tidy) ;;
fuzz) pkgs=("${run[@]}" clang libclang-rt-14-dev) ;;
bench) pkgs=("${run[@]}" libcmocka-dev postgresql-15 wrk curl python3) ;;
*) echo "scripts/deps.sh: onbekende keuze '$mode' (run, test, lint, fuzz of bench)" >&2
   exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
# Node.js and npm run the API tests' OpenAPI validator and the browser
# tests (playwright-core drives the chromium and firefox-esr packages
# above; it never downloads a browser). Any Node.js counts here: when it
# is older than the tests need (Debian 12 ships 18), scripts/node.sh
# brings a newer one from the npm registry.
if [ "$mode" = test ]; then
	command -v node >/dev/null 2>&1 || missing+=(nodejs)
	command -v npm >/dev/null 2>&1 || missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "scripts/deps.sh ($mode): installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=()
elif command -v sudo >/dev/null 2>&1; then
	SUDO=(sudo)
else
	echo "scripts/deps.sh: root of sudo nodig om te installeren: ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt_install() {
	local log
	log=$(mktemp)
	if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@" >"$log" 2>&1; then
		echo "scripts/deps.sh: apt-get install $* mislukte:" >&2
		grep -E '^(E:|W:|dpkg:|Err)' "$log" >&2 || tail -20 "$log" >&2
		rm -f "$log"
		exit 1
	fi
	rm -f "$log"
}
"${SUDO[@]}" apt-get update -qq

pg=
rest=()
for p in "${missing[@]}"; do
	if [ "$p" = postgresql-15 ]; then pg=1; else rest+=("$p"); fi
done
[ ${#rest[@]} -eq 0 ] || apt_install "${rest[@]}"
if [ -n "$pg" ]; then
	conf=/etc/postgresql-common/createcluster.conf
	apt_install postgresql-common
	old=$("${SUDO[@]}" pg_conftool "$conf" show -bs create_main_cluster 2>/dev/null || true)
	"${SUDO[@]}" pg_conftool "$conf" set create_main_cluster off
	rc=0
	( apt_install postgresql-15 ) || rc=$?
	if [ -n "$old" ]; then
		"${SUDO[@]}" pg_conftool "$conf" set create_main_cluster "$old"
	else
		"${SUDO[@]}" pg_conftool "$conf" remove create_main_cluster
	fi
	[ "$rc" -eq 0 ] || exit "$rc"
fi

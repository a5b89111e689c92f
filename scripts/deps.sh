#!/usr/bin/env bash
# Installs the Debian 12 packages spoor needs to build, test and run,
# but only when one is missing. Works as root; uses sudo otherwise.
#   scripts/deps.sh          build + test dependencies
#   scripts/deps.sh --bench  also what bench/run.sh needs
set -euo pipefail

pkgs=(build-essential cmake pkg-config libjansson-dev libcmocka-dev
      valgrind clang libclang-rt-14-dev cppcheck clang-tidy
      libsqlite3-dev sqlite3 libpq-dev postgresql-15 libmicrohttpd-dev
      libsodium-dev curl util-linux python3 chromium firefox-esr fonts-liberation)
if [ "${1:-}" = "--bench" ]; then
	pkgs+=(wrk)
fi

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
# Node.js and npm run the API tests' OpenAPI validator and the browser
# tests (playwright-core drives the chromium and firefox-esr packages
# above; it never downloads a browser). A Node.js from elsewhere
# (nodesource) counts.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "scripts/deps.sh: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=()
elif command -v sudo >/dev/null 2>&1; then
	SUDO=(sudo)
else
	echo "scripts/deps.sh: need root or sudo to install: ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

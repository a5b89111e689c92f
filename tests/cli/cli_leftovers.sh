#!/bin/bash
# cli_leftovers.sh - scripts/leftovers.sh, the check make test runs after
# each phase: a command that leaves a `spoor serve` or a scripts/pg.sh
# cluster running fails it, and the message names the pid, the command
# line, the test and how to stop it; a command that stops everything
# passes, with its own exit status; the server of `make run` (database in
# build/run/) and what ran before the snapshot are not reported. And
# scripts/pg.sh: a start interrupted by SIGTERM leaves no cluster behind.
#
# usage: bash cli_leftovers.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_leftovers.sh <spoor> <tests-dir>" >&2; exit 2; }
# absolute: one server runs in another directory
SPOOR=$(cd "$(dirname "$SPOOR")" && pwd)/$(basename "$SPOOR")
if [ -n "${SPOOR_VALGRIND:-}" ]; then
	echo "0 passed, 0 failed (skipped under valgrind: it tests scripts)"
	exit 0
fi
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PG="$TESTS/../scripts/pg.sh"
# a copy of the script in a tree of its own, so that its build/run/ is
# $tmp/build/run and not the developer's
mkdir -p "$tmp/tree/scripts" "$tmp/tree/build/run" "$tmp/elders"
cp "$TESTS/../scripts/leftovers.sh" "$tmp/tree/scripts/" || exit 2
LO=(bash "$tmp/tree/scripts/leftovers.sh")
export SPOOR_LEFTOVERS_WAIT=1
export SPOOR_AUTH_KOSTEN=test
U=
cleanup() {
	local f
	# servers started by a child shell: not ours to wait for
	for f in "$tmp"/pid.*; do
		[ -f "$f" ] && stop_other "$(cat "$f")"
	done
	[ -n "$U" ] && bash "$PG" stop "$U" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

# stop_other PID: SIGTERM to a server this shell did not start, and wait
# (60 s at most) until it is gone
stop_other() {
	local p=$1
	[ -n "$p" ] || return 0
	kill "$p" 2>/dev/null || return 0
	for _ in $(seq 1 600); do
		kill -0 "$p" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -9 "$p" 2>/dev/null
}

"$SPOOR" demo --db "$tmp/l.db" --wachtwoord demo-wachtwoord-1 >/dev/null 2>"$tmp/err" ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/err")"; exit 1; }
cp "$tmp/l.db" "$tmp/tree/build/run/spoor.db"

# sh -c "$SERVE" sh SPOOR DB PIDFILE: starts a server, waits until it
# listens and leaves it running, its pid in PIDFILE
SERVE='"$1" serve --db "$2" --listen 127.0.0.1:0 >"$3.out" 2>&1 &
echo $! >"$3"
i=0
until grep -q "luistert op" "$3.out" 2>/dev/null || [ $i -ge 300 ]; do sleep 0.1; i=$((i + 1)); done'
lo_run() { "${LO[@]}" run "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

# nothing left: status 0 and silence; the command's own status passes
lo_run true
[ "$rc" = 0 ] && [ ! -s "$tmp/err" ] && ok || nok "run true: exit $rc: $(cat "$tmp/err")"
lo_run sh -c 'exit 3'
[ "$rc" = 3 ] && ok || nok "run with a command that fails: exit $rc, want 3"

# a server left running: status 1, named with pid, command line and test
lo_run sh -c "$SERVE" sh "$SPOOR" "$tmp/l.db" "$tmp/pid.a"
P=$(cat "$tmp/pid.a" 2>/dev/null)
[ "$rc" = 1 ] && ok || nok "a server left running: exit $rc, want 1"
grep -q "^  spoor pid $P: .*spoor serve --db $tmp/l.db" "$tmp/err" && ok || nok "the message names pid $P and the command line: $(cat "$tmp/err")"
grep -q "^    left by: tests/cli/cli_leftovers.sh$" "$tmp/err" && ok || nok "the message names the test: $(cat "$tmp/err")"
grep -q "^    stop it: kill $P$" "$tmp/err" && ok || nok "the message says how to stop it: $(cat "$tmp/err")"

# ...which a later run does not report (it did not start it), nor a
# check against a snapshot taken while it ran; a plain check does (the
# checks without run may see the servers of tests running alongside:
# only this server is looked for in their output)
lo_run true
[ "$rc" = 0 ] && ok || nok "another run reports a server it did not start: $(cat "$tmp/err")"
"${LO[@]}" snapshot "$tmp/snap"
"${LO[@]}" check "$tmp/snap" 2>"$tmp/err"
grep -q "spoor pid $P:" "$tmp/err" && nok "check reports a server from before the snapshot: $(cat "$tmp/err")" || ok
"${LO[@]}" check 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ] && grep -q "spoor pid $P:" "$tmp/err" && ok || nok "a plain check misses server $P: exit $rc"
stop_other "$P"
rm -f "$tmp/pid.a"

# started after the snapshot: reported
"${LO[@]}" snapshot "$tmp/snap"
sh -c "$SERVE" sh "$SPOOR" "$tmp/l.db" "$tmp/pid.b"
P=$(cat "$tmp/pid.b" 2>/dev/null)
"${LO[@]}" check "$tmp/snap" 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ] && grep -q "spoor pid $P:" "$tmp/err" && ok || nok "check misses server $P, started after the snapshot: exit $rc"
stop_other "$P"
rm -f "$tmp/pid.b"
"${LO[@]}" check "$tmp/snap" 2>"$tmp/err"
grep -q "spoor pid $P:" "$tmp/err" && nok "stopped, still reported: $(cat "$tmp/err")" || ok
"${LO[@]}" check "$tmp/nosnap" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] && ok || nok "a missing snapshot: exit $rc, want 2"

# the server of `make run`: its database in build/run/, as a relative
# path from the tree (--db) and as $SPOOR_DB
lo_run sh -c "cd \"\$4\" || exit 1
$SERVE" sh "$SPOOR" build/run/spoor.db "$tmp/pid.c" "$tmp/tree"
[ "$rc" = 0 ] && grep -q "luistert op" "$tmp/pid.c.out" && ok || nok "the make run server (--db) is reported: $(cat "$tmp/err" "$tmp/pid.c.out")"
stop_other "$(cat "$tmp/pid.c" 2>/dev/null)"
rm -f "$tmp/pid.c"
lo_run sh -c 'cd "$3" || exit 1
SPOOR_DB=build/run/spoor.db "$1" serve --listen 127.0.0.1:0 >"$2.out" 2>&1 &
echo $! >"$2"
i=0
until grep -q "luistert op" "$2.out" 2>/dev/null || [ $i -ge 300 ]; do sleep 0.1; i=$((i + 1)); done' \
	sh "$SPOOR" "$tmp/pid.d" "$tmp/tree"
[ "$rc" = 0 ] && grep -q "luistert op" "$tmp/pid.d.out" && ok || nok "the make run server (SPOOR_DB) is reported: $(cat "$tmp/err" "$tmp/pid.d.out")"
stop_other "$(cat "$tmp/pid.d" 2>/dev/null)"
rm -f "$tmp/pid.d"

# PostgreSQL: a cluster left running is reported with the way to stop it
if [ -x /usr/lib/postgresql/15/bin/initdb ] || [ -n "${PGBIN:-}" ]; then
	"${LO[@]}" run bash "$PG" start >"$tmp/uri" 2>"$tmp/err"
	rc=$?
	U=$(cat "$tmp/uri")
	dir=${U#*host=}
	dir=${dir%%&*}
	[ "$rc" = 1 ] && ok || nok "a cluster left running: exit $rc, want 1"
	grep -q "^  PostgreSQL pid [0-9]* (and [0-9]* child processes): .* -D $dir/data " "$tmp/err" && ok ||
		nok "the message names the postmaster: $(cat "$tmp/err")"
	grep -q "^    left by: tests/cli/cli_leftovers.sh$" "$tmp/err" && ok || nok "the message names the test: $(cat "$tmp/err")"
	grep -qF "    stop it: bash scripts/pg.sh stop '$U'" "$tmp/err" && ok || nok "the message says how to stop it: $(cat "$tmp/err")"
	bash "$PG" stop "$U" && ok || nok "pg.sh stop $U"
	U=
	[ ! -e "$dir" ] && ok || nok "$dir left after pg.sh stop"

	# pg.sh run and start interrupted by SIGTERM at some moment of the
	# start: nothing left, whichever step it hit
	for d in 0.2 1; do
		for mode in run start; do
			if [ "$mode" = run ]; then
				"${LO[@]}" run bash -c 'bash "$1" run sleep 60 >/dev/null 2>&1 & sleep "$2"; kill -TERM $!; wait $!; exit 0' \
					sh "$PG" "$d" 2>"$tmp/err"
			else
				"${LO[@]}" run bash -c 'bash "$1" start >/dev/null 2>&1 & sleep "$2"; kill -TERM $!; wait $!; exit 0' \
					sh "$PG" "$d" 2>"$tmp/err"
			fi
			rc=$?
			[ "$rc" = 0 ] && ok || nok "pg.sh $mode interrupted after $d s left something: $(cat "$tmp/err")"
		done
	done
else
	echo "PostgreSQL part skipped: no /usr/lib/postgresql/15/bin/initdb"
fi

report

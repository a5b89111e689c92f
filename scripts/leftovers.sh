#!/usr/bin/env bash
# scripts/leftovers.sh - fails when a test left a spoor process or a
# PostgreSQL cluster of scripts/pg.sh running; make test wraps each test
# phase in `scripts/leftovers.sh run`.
#
#   scripts/leftovers.sh [check]        what runs now
#   scripts/leftovers.sh snapshot FILE  record what runs now (before tests)
#   scripts/leftovers.sh check FILE     what runs now and is not in FILE
#   scripts/leftovers.sh run CMD...     CMD, then a check of what CMD
#                                       started: exits with CMD's status,
#                                       or 1 when CMD passed but left
#                                       something running
#
# Exit status 0: nothing left; 1: something left, listed on stderr with
# its pid, command line, the test that probably started it and how to
# stop it; 2: wrong use.
#
# What counts as left behind:
# - a spoor process: its executable is build/*/spoor of this tree, or its
#   command line is `spoor serve ...` (any spoor binary), or valgrind
#   running a spoor binary;
# - a PostgreSQL cluster of scripts/pg.sh: a postmaster whose data
#   directory lies in a directory under /tmp marked .spoor-pg (or in a
#   /tmp/spoor-pg.* directory removed under it), or such a marked
#   directory left without its server.
# What does not count:
# - the server of `make run`, whenever it was started: a spoor process
#   whose database lies in build/run/ of this tree. No test uses that
#   directory (each makes its own with mktemp -d), so the rule hides no
#   test's server. A `make run` with RUN_DB elsewhere is only left alone
#   when it was running before the snapshot.
# - what the snapshot FILE lists: processes by pid and start time (a
#   reused pid is not taken for the old process), clusters also by their
#   directory;
# - with run: a process that CMD did not start. run puts a token into
#   CMD's environment (SPOOR_LEFTOVERS_RUN), which every process it starts
#   inherits, and counts only processes that carry it (or whose
#   environment it may not read and that were not running before), so
#   neither older processes nor another test run on the same machine
#   make it fail;
# - zombies, and whatever ends within SPOOR_LEFTOVERS_WAIT seconds
#   (default 5): a test's cleanup may have just killed a server that is
#   still exiting when ctest returns.
#
# The test named is SPOOR_TEST from the process's environment (exported
# by tests/cli/lib.sh and inherited by servers, valgrind and PostgreSQL)
# or the starter that scripts/pg.sh wrote into a cluster's marker file.
# Another user's environment is readable by root only; then the working
# directory is the hint (ctest runs a test in build/<preset>/tests).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
RUN_DIR=$ROOT/build/run
MERK=.spoor-pg

gebruik() {
	echo "usage: scripts/leftovers.sh [check [FILE]] | snapshot FILE | run CMD..." >&2
	exit 2
}

# envvar PID NAME: print the value of NAME in the environment of PID;
# fails when it is not set there or the environment is unreadable.
envvar() {
	local e
	while IFS= read -r -d '' e; do
		case $e in
		"$2="*)
			printf '%s' "${e#*=}"
			return 0
			;;
		esac
	done 2>/dev/null <"/proc/$1/environ"
	return 1
}

# starter DIR: who started the cluster in DIR, from its marker file.
starter() {
	local s
	s=$(sed -n 's/^gestart door: //p' "$1/$MERK" 2>/dev/null | head -n 1)
	printf '%s' "${s:-unknown}"
}

# The records of one scan, in parallel arrays: the keys a snapshot knows
# it by (separated by ';'), one line saying what it is, one line for who
# left it and one for how to stop it.
R_KEYS=()
R_WHAT=()
R_WHO=()
R_STOP=()
# a process's SPOOR_LEFTOVERS_RUN: "-" when unset, "?" when its environment
# is unreadable; empty for a directory
R_RUN=()
# every marker directory seen, for the snapshot
MARKERS=()

# record KEYS WHAT WHO STOP [PID]
record() {
	local run=
	R_KEYS+=("$1")
	R_WHAT+=("$2")
	R_WHO+=("$3")
	R_STOP+=("$4")
	if [ -n "${5:-}" ]; then
		if ! { : <"/proc/$5/environ"; } 2>/dev/null; then
			run=?
		else
			run=$(envvar "$5" SPOOR_LEFTOVERS_RUN) || run=-
		fi
	fi
	R_RUN+=("$run")
}

scan() {
	local -A exe=() cwd=() ppid=() start=() pm_dir=() pm_key=() pm_what=()
	local path t p d stat rest a0 e a i db conf test dir children m spoor
	local -a args f
	R_KEYS=() R_WHAT=() R_WHO=() R_STOP=() R_RUN=() MARKERS=()

	# one find for every executable and working directory link
	while IFS=$'\t' read -r path t; do
		p=${path#/proc/}
		p=${p%%/*}
		t=${t% (deleted)}
		case $path in
		*/exe) exe[$p]=$t ;;
		*/cwd) cwd[$p]=$t ;;
		esac
	done < <(find /proc/[0-9]*/exe /proc/[0-9]*/cwd -maxdepth 0 -printf '%p\t%l\n' 2>/dev/null)

	for d in /proc/[0-9]*; do
		p=${d#/proc/}
		[ "$p" = "$$" ] || [ "$p" = "$BASHPID" ] && continue
		read -r stat 2>/dev/null <"$d/stat" || continue
		# the fields after "(comm)": state ppid ... starttime (22nd)
		rest=${stat##*) }
		read -r -a f <<<"$rest"
		[ "${f[0]}" = Z ] && continue
		ppid[$p]=${f[1]}
		start[$p]=${f[19]}
		mapfile -d '' -t args 2>/dev/null <"$d/cmdline" || continue
		[ "${#args[@]}" -gt 0 ] || continue
		a0=${args[0]##*/}
		e=${exe[$p]:-}

		# a postmaster: the only postgres process with -D in its argv
		if [ "${e##*/}" = postgres ] || [ "$a0" = postgres ]; then
			for ((i = 1; i < ${#args[@]}; i++)); do
				[ "${args[i]}" = -D ] || continue
				dir=${args[i + 1]:-}
				dir=${dir%/}
				dir=${dir%/*}
				if [ -f "$dir/$MERK" ] || [[ $dir == /tmp/spoor-pg.* ]]; then
					pm_dir[$p]=$dir
					pm_key[$p]="proc $p ${start[$p]};dir $dir"
					pm_what[$p]="${args[*]}"
				fi
				break
			done
			continue
		fi

		spoor=0
		case $e in
		"$ROOT"/build/spoor | "$ROOT"/build/*/spoor) spoor=1 ;;
		esac
		[ "$a0" = spoor ] && [ "${args[1]:-}" = serve ] && spoor=1
		if [[ $a0 == valgrind* || $e == */valgrind/* ]]; then
			# the first argument that is no option is the program
			for a in "${args[@]:1}"; do
				case $a in -*) continue ;; esac
				[ "${a##*/}" = spoor ] && spoor=1
				break
			done
		fi
		[ "$spoor" = 1 ] || continue

		# the database as spoor finds it (docs/configuration.md): --db,
		# else db of the configuration file (--config, else
		# $SPOOR_CONFIG, else /etc/spoor/spoor.conf), else $SPOOR_DB,
		# else spoor.db in its working directory
		db=
		conf=
		for ((i = 1; i < ${#args[@]}; i++)); do
			case ${args[i]} in
			--db) db=${args[i + 1]:-} ;;
			--db=*) db=${args[i]#--db=} ;;
			--config) conf=${args[i + 1]:-} ;;
			--config=*) conf=${args[i]#--config=} ;;
			esac
		done
		[ -n "$conf" ] || conf=$(envvar "$p" SPOOR_CONFIG) || conf=
		[ -n "$conf" ] || conf=/etc/spoor/spoor.conf
		case $conf in /*) ;; *) conf=${cwd[$p]:-/unknown}/$conf ;; esac
		[ -n "$db" ] || db=$(sed -n 's/^[[:space:]]*db[[:space:]]*=[[:space:]]*//p' "$conf" 2>/dev/null | tail -n 1)
		db=${db%"${db##*[![:space:]]}"}
		[ -n "$db" ] || db=$(envvar "$p" SPOOR_DB) || db=
		[ -n "$db" ] || db=spoor.db
		case $db in
		postgres:* | postgresql:* | /*) ;;
		*) db=${cwd[$p]:-/unknown}/$db ;;
		esac
		case $db in
		postgres:* | postgresql:*) ;;
		*) db=$(realpath -m -- "$db") ;;
		esac
		# the server of `make run`
		case $db in "$RUN_DIR"/*) continue ;; esac

		test=$(envvar "$p" SPOOR_TEST) || test=
		case $test:$db in
		:*host=/tmp/spoor-pg.*)
			dir=${db#*host=}
			dir=${dir%%&*}
			[ -f "$dir/$MERK" ] && test="$(starter "$dir") (who started its database)"
			;;
		esac
		[ -n "$test" ] || test="unknown (working directory ${cwd[$p]:-unknown})"
		record "proc $p ${start[$p]}" "spoor pid $p: ${args[*]}" "$test" "kill $p" "$p"
	done

	for p in "${!pm_dir[@]}"; do
		dir=${pm_dir[$p]}
		children=0
		for d in "${!ppid[@]}"; do
			[ "${ppid[$d]}" = "$p" ] && children=$((children + 1))
		done
		test=$(envvar "$p" SPOOR_TEST) || test=
		[ -n "$test" ] || test=$(starter "$dir")
		if [ -f "$dir/$MERK" ]; then
			record "${pm_key[$p]}" "PostgreSQL pid $p (and $children child processes): ${pm_what[$p]}" "$test" \
				"bash scripts/pg.sh stop 'postgresql:///spoor_test?host=$dir&user=postgres'" "$p"
		else
			record "${pm_key[$p]}" "PostgreSQL pid $p (and $children child processes), its directory $dir removed: ${pm_what[$p]}" \
				"$test" "kill -QUIT $p" "$p"
		fi
	done

	for m in /tmp/*/"$MERK"; do
		[ -f "$m" ] || continue
		dir=${m%/"$MERK"}
		MARKERS+=("dir $dir")
		for p in "${!pm_dir[@]}"; do
			[ "${pm_dir[$p]}" = "$dir" ] && continue 2
		done
		record "dir $dir" "PostgreSQL cluster directory $dir, its server not running" "$(starter "$dir")" \
			"bash scripts/pg.sh stop 'postgresql:///spoor_test?host=$dir&user=postgres'"
	done
}

snapshot() {
	local k
	scan
	{
		for k in "${R_KEYS[@]}"; do tr ';' '\n' <<<"$k"; done
		for k in "${MARKERS[@]}"; do printf '%s\n' "$k"; done
	} | sort -u
}

# check [FILE [RUN]]: exit status 0 when nothing runs that FILE does not
# list; with RUN, processes count only when they carry it (or their
# environment is unreadable)
check() {
	local snap=${1:-} tok=${2:-} round rounds i k new known
	local -A old=()
	if [ -n "$snap" ]; then
		[ -r "$snap" ] || { echo "leftovers.sh: no snapshot $snap (run: scripts/leftovers.sh snapshot $snap)" >&2; exit 2; }
		while IFS= read -r k; do old[$k]=1; done <"$snap"
	fi
	rounds=$((2 * ${SPOOR_LEFTOVERS_WAIT:-5}))
	[ "$rounds" -ge 1 ] || rounds=1
	for round in $(seq 1 "$rounds"); do
		scan
		new=()
		for i in "${!R_KEYS[@]}"; do
			case $tok:${R_RUN[$i]} in
			:* | *:"$tok" | *:\? | *:) ;;
			*) continue ;; # started by something else
			esac
			known=0
			while IFS= read -r k; do
				[ -n "${old[$k]:-}" ] && known=1
			done < <(tr ';' '\n' <<<"${R_KEYS[$i]}")
			[ "$known" = 1 ] || new+=("$i")
		done
		[ "${#new[@]}" -gt 0 ] || return 0
		[ "$round" -lt "$rounds" ] && sleep 0.5
	done
	{
		echo "leftovers.sh: FAIL: ${#new[@]} spoor process(es) or PostgreSQL cluster(s) left running by the tests:"
		for i in "${new[@]}"; do
			echo "  ${R_WHAT[$i]}"
			echo "    left by: ${R_WHO[$i]}"
			echo "    stop it: ${R_STOP[$i]}"
		done
	} >&2
	return 1
}

case ${1:-check} in
check)
	[ $# -le 2 ] || gebruik
	check "${2:-}"
	;;
snapshot)
	[ $# -eq 2 ] || gebruik
	snapshot >"$2" || { echo "leftovers.sh: cannot write $2" >&2; exit 2; }
	;;
run)
	shift
	[ $# -ge 1 ] || gebruik
	snap=$(mktemp) || exit 2
	trap 'rm -f "$snap"' EXIT
	snapshot >"$snap"
	SPOOR_LEFTOVERS_RUN=${snap##*/}
	export SPOOR_LEFTOVERS_RUN
	"$@"
	rc=$?
	check "$snap" "$SPOOR_LEFTOVERS_RUN"
	c=$?
	[ "$rc" -ne 0 ] && exit "$rc"
	exit "$c"
	;;
*)
	gebruik
	;;
esac

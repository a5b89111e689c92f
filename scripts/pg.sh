#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: unix socket only, trust
# authentication, no fsync, in a fresh directory under /tmp.
#
#   scripts/pg.sh start          start one; print its libpq URI (one line)
#   scripts/pg.sh stop URI       stop it and remove its directory
#   scripts/pg.sh run CMD...     start one, run CMD with SPOOR_PG_URL set,
#                                stop it (also on failure or interrupt) and
#                                exit with CMD's status
#
# initdb refuses to run as root, so as root the server runs as the user
# postgres (runuser); as anyone else it runs as that user.
#
# The marker file .spoor-pg in the directory says who started the cluster
# (SPOOR_TEST, which tests/cli/lib.sh exports, else the caller's command
# line): scripts/leftovers.sh names it when a test leaves a cluster
# running. A cluster is only ever removed after its server has ended.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DBNAAM=spoor_test
MERK=.spoor-pg # marks a directory this script made, before rm -rf

fout() {
	echo "pg.sh: $*" >&2
	exit 1
}

# Run a server command as the cluster's owner, from inside its directory
# (postgres may not be allowed to read the caller's working directory).
als_eigenaar() {
	local dir=$1
	shift
	if [ "$(id -u)" -eq 0 ]; then
		(cd "$dir" && runuser -u postgres -- "$@")
	else
		(cd "$dir" && "$@")
	fi
}

# The socket directory of a URI made by start: the value of host=.
dir_van() {
	local uri=$1 dir
	case $uri in
	*\?host=* | *\&host=*) ;;
	*) fout "geen host= in '$uri'" ;;
	esac
	dir=${uri#*host=}
	dir=${dir%%&*}
	[ -f "$dir/$MERK" ] || fout "'$dir' is geen cluster van pg.sh"
	printf '%s\n' "$dir"
}

# Whether PID is the postmaster of the cluster in DIR (a stale
# postmaster.pid may name a pid that now belongs to something else).
postmaster_van() {
	local pid=$1 dir=$2 cmd
	[ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
	cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
	case $cmd in
	*" -D $dir/data "*) return 0 ;;
	esac
	return 1
}

opruimen() {
	local dir=$1 pid=
	if [ -z "$dir" ] || [ ! -f "$dir/$MERK" ]; then
		fout "'$dir' is geen cluster van pg.sh"
	fi
	if [ -f "$dir/data/postmaster.pid" ]; then
		pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
		als_eigenaar "$dir" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate \
			-w stop >"$dir/stop.log" 2>&1 || true
	fi
	# pg_ctl can fail (a timeout, a damaged data directory): then the
	# postmaster is killed, never left running without its directory
	if postmaster_van "$pid" "$dir"; then
		echo "pg.sh: pg_ctl stop liet PostgreSQL (pid $pid) in $dir draaien; gestopt met SIGKILL" >&2
		kill -KILL "$pid" 2>/dev/null || true
		for _ in $(seq 1 100); do
			postmaster_van "$pid" "$dir" || break
			sleep 0.1
		done
		if postmaster_van "$pid" "$dir"; then
			cat "$dir/stop.log" >&2 || true
			fout "PostgreSQL (pid $pid) stopt niet; $dir blijft staan"
		fi
	fi
	rm -rf -- "$dir"
}

# The EXIT trap of start and run: removes what start made so far (a
# signal right after mktemp leaves a directory without a marker; rmdir
# removes it only while it is still empty).
weg() {
	[ -n "$dir" ] || return 0
	if [ ! -e "$dir/$MERK" ]; then
		rmdir -- "$dir" 2>/dev/null || true
		return 0
	fi
	opruimen "$dir"
}

# A signal while start runs is acted on once it returns: untrapped, bash
# would run the EXIT trap at once and remove the directory while initdb
# or pg_ctl, its foreground child, goes on in it (and may leave a
# directory or a server behind); trapped, it waits for the child.
sig=
vang() {
	trap 'sig=130' INT
	trap 'sig=143' TERM
}

# Who starts a cluster, for the marker file.
wie() {
	if [ -n "${SPOOR_TEST:-}" ]; then
		printf '%s\n' "$SPOOR_TEST"
	else
		ps -o args= -p "$PPID" 2>/dev/null || echo onbekend
	fi
}

# start WHO: a new cluster; sets dir (as soon as it exists, so that a
# trap of the caller can remove it) and uri. Runs in the caller's shell.
dir=
uri=
start() {
	[ -x "$PGBIN/initdb" ] || fout "$PGBIN/initdb ontbreekt (postgresql-15)"
	# short path: a unix socket path must stay under 107 bytes
	dir=$(mktemp -d /tmp/spoor-pg.XXXXXX)
	printf 'gestart door: %s\n' "$1" >"$dir/$MERK"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R postgres:postgres "$dir"
	fi
	if ! als_eigenaar "$dir" "$PGBIN/initdb" -D "$dir/data" -U postgres \
		-A trust -E UTF8 --locale=C.UTF-8 --no-sync \
		>"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		opruimen "$dir"
		dir=
		fout "initdb mislukt"
	fi
	if ! als_eigenaar "$dir" "$PGBIN/pg_ctl" -D "$dir/data" \
		-l "$dir/server.log" -w -t 30 \
		-o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >"$dir/pg_ctl.log" 2>&1; then
		cat "$dir/pg_ctl.log" "$dir/server.log" >&2 || true
		opruimen "$dir"
		dir=
		fout "server start mislukt"
	fi
	if ! als_eigenaar "$dir" "$PGBIN/createdb" -h "$dir" -U postgres \
		"$DBNAAM" >"$dir/createdb.log" 2>&1; then
		cat "$dir/createdb.log" >&2
		opruimen "$dir"
		dir=
		fout "createdb mislukt"
	fi
	uri=$(printf 'postgresql:///%s?host=%s&user=postgres' "$DBNAAM" "$dir")
}

case ${1:-} in
start)
	[ $# -eq 1 ] || fout "gebruik: pg.sh start"
	# removed when the start fails or is interrupted; once its URI is
	# printed the cluster belongs to the caller (pg.sh stop URI)
	trap weg EXIT
	vang
	start "$(wie)"
	[ -z "$sig" ] || exit "$sig"
	# a caller that is gone cannot stop the cluster: then it is removed
	trap '' PIPE
	printf '%s\n' "$uri" || exit 1
	dir=
	;;
stop)
	[ $# -eq 2 ] || fout "gebruik: pg.sh stop URI"
	dir=$(dir_van "$2")
	opruimen "$dir"
	;;
run)
	shift
	[ $# -ge 1 ] || fout "gebruik: pg.sh run CMD..."
	# the trap before the start: an interrupt while the cluster starts
	# leaves nothing behind either
	trap weg EXIT
	vang
	start "${SPOOR_TEST:-pg.sh run $*}"
	[ -z "$sig" ] || exit "$sig"
	# CMD runs in the background so that a signal is handled at once
	# (bash runs traps only after a foreground child ends); stdin is
	# passed on explicitly, background jobs would get /dev/null
	SPOOR_PG_URL=$uri "$@" <&0 &
	kind=$!
	trap 'kill -TERM "$kind" 2>/dev/null; wait "$kind"; exit 130' INT
	trap 'kill -TERM "$kind" 2>/dev/null; wait "$kind"; exit 143' TERM
	if [ -n "$sig" ]; then
		kill -TERM "$kind" 2>/dev/null
		wait "$kind"
		exit "$sig"
	fi
	set +e
	wait "$kind"
	rc=$?
	set -e
	exit "$rc"
	;;
*)
	fout "gebruik: pg.sh start | stop URI | run CMD..."
	;;
esac

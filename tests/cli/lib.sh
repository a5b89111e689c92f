# lib.sh - shared by the command-line test scripts that start a server.
#
# SPOOR_TEST names the sourcing script (the last three parts of its path,
# e.g. tests/cli/cli_pg2.sh) in the environment of everything it starts,
# servers and scripts/pg.sh clusters included, so that
# scripts/leftovers.sh can say which test left a process running.
export SPOOR_TEST="${0#"${0%/*/*/*}/"}"

# stop_server PID: SIGTERM, then wait up to 60 s for the process to end.
# A server that does not stop is killed with SIGKILL and the function
# returns 124, so a shutdown hang fails the test instead of the whole run.
# Otherwise it returns the server's exit status.
stop_server() {
	local p=$1 i
	[ -n "$p" ] || return 0
	kill "$p" 2>/dev/null || { wait "$p" 2>/dev/null; return $?; }
	for i in $(seq 1 600); do
		kill -0 "$p" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$p" 2>/dev/null; then
		echo "stop_server: $p did not stop within 60 s of SIGTERM" >&2
		kill -9 "$p" 2>/dev/null
		wait "$p" 2>/dev/null
		return 124
	fi
	wait "$p" 2>/dev/null
}

# server_said FILE: the last three lines a server wrote to FILE (its
# stderr) without its request log, for a failure message.
server_said() {
	grep -v '^ts=' "$1" 2>/dev/null | tail -n 3
}

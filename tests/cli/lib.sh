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

# --- checks ---------------------------------------------------------
# Every script counts its checks in pass and fail and ends with
# `report NAME`; a failed check says FAIL and why on stderr.
pass=0
fail=0
ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
# report [NAME]: the counts; the exit status is 0 when nothing failed.
report() {
	echo "${1:+$1: }$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# --- a server -------------------------------------------------------
# start_server [-n NAME] [-p VAR] [-a] [-k] [-L] [SERVE-ARGS...]:
# "$SPOOR" serve SERVE-ARGS --listen 127.0.0.1:0 (a free port; -L: no
# --listen, the arguments or the configuration name the address) in the
# background, stdout into $tmp/NAME.out and stderr into $tmp/NAME.err
# (NAME: serve; -a appends to the .err file). Waits up to 60 s for the
# line that says where it listens, then sets URL (scheme, host and port)
# and the variable VAR (default pid) to the server's pid, which the
# script's cleanup trap passes to stop_server. Assignments before the
# call (SPOOR_NU=... start_server) reach the server's environment.
# A server that does not start ends the script with a FAIL (exit 1);
# with -k, URL is empty and the status 1.
start_server() {
	# _ss_: not to shadow the caller's variable VAR
	local _ss_naam=serve _ss_var=pid _ss_app=0 _ss_door=0 _ss_listen=1 _ss_pid
	# its own flags first (getopts would take serve's --db for one)
	while [ $# -gt 0 ]; do
		case $1 in
		-n) _ss_naam=$2; shift 2 ;;
		-p) _ss_var=$2; shift 2 ;;
		-a) _ss_app=1; shift ;;
		-k) _ss_door=1; shift ;;
		-L) _ss_listen=0; shift ;;
		*) break ;;
		esac
	done
	[ "$_ss_listen" = 1 ] && set -- "$@" --listen 127.0.0.1:0
	: >"$tmp/$_ss_naam.out"
	if [ "$_ss_app" = 1 ]; then
		"$SPOOR" serve "$@" >"$tmp/$_ss_naam.out" 2>>"$tmp/$_ss_naam.err" &
	else
		"$SPOOR" serve "$@" >"$tmp/$_ss_naam.out" 2>"$tmp/$_ss_naam.err" &
	fi
	_ss_pid=$!
	printf -v "$_ss_var" %s "$_ss_pid"
	# up to 60 s: under valgrind the server starts slowly
	for _ in $(seq 1 1200); do
		grep -q "luistert op" "$tmp/$_ss_naam.out" 2>/dev/null && break
		kill -0 "$_ss_pid" 2>/dev/null || break
		sleep 0.05
	done
	URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/$_ss_naam.out")
	[ -n "$URL" ] && return 0
	[ "$_ss_door" = 1 ] && return 1
	echo "FAIL: server $_ss_naam did not start: $(server_said "$tmp/$_ss_naam.err")"
	exit 1
}

# --- requests -------------------------------------------------------
# A client WHO keeps its session in the cookie jar $tmp/jar.WHO and its
# CSRF token in $tmp/csrf.WHO (sent as X-CSRF-Token when it exists);
# WHO "" sends no cookie. With IF_MATCH_PUT set, every PUT sends
# If-Match: $IF_MATCH_PUT (cli_etag.sh tests the header itself).
#
# api WHO METHOD PATH [curl args...]: one request to $URL; the status in
# $code, the body in $tmp/body, the headers in $tmp/hdr.
api() {
	local wie=$1 m=(-X "$2") p=$3
	shift 3
	# curl -X HEAD would wait for the body that Content-Length announces
	[ "${m[1]}" = HEAD ] && m=(-I)
	local args=(-s -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' "${m[@]}")
	if [ -n "$wie" ]; then
		args+=(-b "$tmp/jar.$wie" -c "$tmp/jar.$wie")
		[ -f "$tmp/csrf.$wie" ] && args+=(-H "X-CSRF-Token: $(cat "$tmp/csrf.$wie")")
	fi
	[ -n "${IF_MATCH_PUT:-}" ] && [ "${m[1]}" = PUT ] && args+=(-H "If-Match: $IF_MATCH_PUT")
	code=$(curl "${args[@]}" "$@" "$URL$p")
}
# api_json WHO METHOD PATH BODY [curl args...]: api with a JSON body
api_json() {
	local wie=$1 m=$2 p=$3 b=$4
	shift 4
	api "$wie" "$m" "$p" -H 'Content-Type: application/json' --data-binary "$b" "$@"
}
# req WHO METHOD PATH [BODY [curl args...]]: api, with BODY (when not
# empty) as JSON
req() {
	local wie=$1 m=$2 p=$3 body=${4:-}
	shift 3
	[ $# -gt 0 ] && shift
	if [ -n "$body" ]; then
		api_json "$wie" "$m" "$p" "$body" "$@"
	else
		api "$wie" "$m" "$p" "$@"
	fi
}
# login WHO NAME PASSWORD: a new session for WHO (its jar and CSRF token
# replaced); the status in $code, the CSRF token stored on a 200
login() {
	rm -f "$tmp/jar.$1" "$tmp/csrf.$1"
	api_json "$1" POST /api/v1/sessie "{\"gebruikersnaam\":\"$2\",\"wachtwoord\":\"$3\"}"
	[ "$code" = 200 ] && jq_ 'd["csrf"]' >"$tmp/csrf.$1"
}

# login_rol NAME [PASSWORD]: login NAME NAME PASSWORD (default $PW), a
# check that it answered 200
login_rol() {
	login "$1" "$1" "${2:-$PW}"
	want 200 "login $1"
}
# want CODE WHAT: the last status is CODE
want() { [ "$code" = "$1" ] && ok || nok "$2: HTTP $code, want $1: $(head -c 300 "$tmp/body")"; }
body_has() { grep -qF -- "$1" "$tmp/body" && ok || nok "$2: body lacks '$1': $(head -c 300 "$tmp/body")"; }
body_lacks() { grep -qF -- "$1" "$tmp/body" && nok "$2: body has '$1'" || ok; }
body_is() { [ "$(cat "$tmp/body")" = "$1" ] && ok || nok "$2: body '$(head -c 300 "$tmp/body")', want '$1'"; }
# jq_ PYTHON-EXPR: the expression over the JSON body d, printed
jq_() { python3 -c "import json,sys; d=json.load(open('$tmp/body')); print($1)"; }
# hdr NAME: the value of response header NAME (every one, in order)
hdr() { tr -d '\r' <"$tmp/hdr" | sed -n "s/^$1: //Ip"; }

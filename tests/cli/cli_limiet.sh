#!/bin/bash
# cli_limiet.sh - the login limiter shared through the database (issue
# 12): two `spoor serve` on one database, SQLite and (when not under
# valgrind) PostgreSQL. Failures on server A hold the same name on server
# B for the address that failed, a clean address still logs in with the
# right password there, the counts survive a restart of both, an address
# spraying names over both servers is held after 50 failures in all, and
# the database holds no name or address in plain text.
#
# usage: bash cli_limiet.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_limiet.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_limiet.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "cli_limiet.sh: python3 missing" >&2; exit 2; }
PG="$TESTS/../scripts/pg.sh"
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pa=
pb=
U=
cleanup() {
	stop_server "$pa"
	stop_server "$pb"
	[ -n "$U" ] && bash "$PG" stop "$U" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
export SPOOR_AUTH_KOSTEN=test
PW=demo-wachtwoord-1

# login_op URL ADDRESS NAME PASSWORD: one login from ADDRESS; sets $code
login_op() {
	code=$(curl -s -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' --interface "$2" \
		-H 'Content-Type: application/json' \
		--data-binary "{\"gebruikersnaam\":\"$3\",\"wachtwoord\":\"$4\"}" "$1/api/v1/sessie")
}
# beide DB: servers A and B on DB; sets UA, UB, pa, pb
beide() {
	start_server -n a -p pa --db "$1" --threads 2
	UA=$URL
	start_server -n b -p pb --db "$1" --threads 2
	UB=$URL
}
stop_beide() {
	stop_server "$pa" && ok || nok "$1: server A did not stop cleanly: $(server_said "$tmp/a.err")"
	stop_server "$pb" && ok || nok "$1: server B did not stop cleanly: $(server_said "$tmp/b.err")"
	pa=
	pb=
}

# ronde LABEL DB: the checks on one database
ronde() {
	local l=$1 db=$2 i k
	"$SPOOR" init --db "$db" >/dev/null 2>"$tmp/err" || { nok "$l: init: $(cat "$tmp/err")"; return; }
	"$SPOOR" demo --db "$db" --wachtwoord "$PW" >/dev/null 2>"$tmp/err" || { nok "$l: demo: $(cat "$tmp/err")"; return; }
	beide "$db"

	# five failures for one name on A ...
	for i in 1 2 3 4 5; do
		login_op "$UA" 127.0.0.5 adviseur "fout-wachtwoord-$i"
		[ "$code" = 401 ] || break
	done
	[ "$code" = 401 ] && ok || nok "$l: failure $i on A: HTTP $code, want 401"
	# ... hold it on B for the address that failed, right password or not
	login_op "$UB" 127.0.0.5 adviseur "$PW"
	[ "$code" = 429 ] && ok || nok "$l: B after five failures on A, same address: HTTP $code, want 429 (counts not shared?)"
	grep -qi '^retry-after: 1[0-5]$' <(tr -d '\r' <"$tmp/hdr") && ok ||
		nok "$l: Retry-After on B: '$(tr -d '\r' <"$tmp/hdr" | sed -n 's/^retry-after: //Ip')', want the first delay (15 s, a few less)"

	# both servers stop; a new one still holds the name
	stop_beide "$l"
	beide "$db"
	login_op "$UA" 127.0.0.5 adviseur "$PW"
	[ "$code" = 429 ] && ok || nok "$l: after a restart of both servers: HTTP $code, want 429 (counts forgotten)"
	login_op "$UB" 127.0.0.5 adviseur "$PW"
	[ "$code" = 429 ] && ok || nok "$l: restarted B: HTTP $code, want 429"

	# the real user from an address without failures gets in, on either
	login_op "$UB" 127.0.0.6 adviseur "$PW"
	[ "$code" = 200 ] && ok || nok "$l: the held name from a clean address on B: HTTP $code, want 200: $(head -c 200 "$tmp/body")"
	# that success forgot the name's failures for every server
	login_op "$UA" 127.0.0.5 adviseur "$PW"
	[ "$code" = 200 ] && ok || nok "$l: after the success on B, the name on A: HTTP $code, want 200"

	# one address spraying names over both servers: 50 failures in all,
	# then it is held on both, also for a right password
	k=0
	for i in $(seq 1 25); do
		login_op "$UA" 127.0.0.7 "sproei-a-$i" fout
		[ "$code" = 401 ] && k=$((k + 1))
		login_op "$UB" 127.0.0.7 "sproei-b-$i" fout
		[ "$code" = 401 ] && k=$((k + 1))
	done
	[ "$k" = 50 ] && ok || nok "$l: 50 sprayed failures, $k answered 401"
	login_op "$UA" 127.0.0.7 casemanager "$PW"
	[ "$code" = 429 ] && ok || nok "$l: the spraying address on A after 50 failures over A and B: HTTP $code, want 429"
	login_op "$UB" 127.0.0.7 werkgever "$PW"
	[ "$code" = 429 ] && ok || nok "$l: the spraying address on B: HTTP $code, want 429"
	login_op "$UB" 127.0.0.8 werkgever "$PW"
	[ "$code" = 200 ] && ok || nok "$l: another address on B: HTTP $code, want 200"
	stop_beide "$l"
}

ronde sqlite "$tmp/s.db"
# no name nor address in the clear: keys are SHA-256 hex
n=$(python3 - "$tmp/s.db" <<'PY'
import re, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT soort, sleutel FROM aanmeldfout").fetchall()
bad = [s for _, s in rows if not re.fullmatch("[0-9a-f]{64}", s)]
print(len(rows), len(bad))
PY
)
[ "${n% *}" -ge 2 ] && [ "${n#* }" = 0 ] && ok || nok "rows of aanmeldfout (count, not hashed): $n"

if [ -n "${SPOOR_VALGRIND:-}" ]; then
	echo "cli_limiet: PostgreSQL round skipped under valgrind"
elif U=$(bash "$PG" start 2>"$tmp/pg.err"); then
	ronde postgresql "$U"
else
	U=
	nok "no PostgreSQL cluster: $(tail -n 3 "$tmp/pg.err")"
fi

report cli_limiet

#!/bin/bash
# cli_dos.sh - denial of service without logging in (issue 12), on
# loopback: a body is not read before the caller is known (150 half-sent
# 20 MiB uploads: the server's memory stays put, each is refused at once,
# a probe is answered); the login body is capped small; 520 trickling
# connections from one address hold only max_verbindingen_per_adres of
# them, a probe from another address is answered, and the kept ones are
# cut at the header deadline although a byte comes every second; 1,000
# trickling connections from 63 addresses are all held while a probe is
# answered (the server raises its descriptor limit for them, and lowers
# its connection limit to fit a hard limit it cannot raise); a login
# flood is answered 503 with Retry-After beyond the argon2id gate while a
# probe is answered; a name held by growing delays still logs in with the
# right password from an address that has not failed. Figures and method:
# docs/security.md.
#
# usage: bash cli_dos.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pid=
cleanup() {
	stop_server "$pid"
	rm -rf "$tmp"
}
trap cleanup EXIT
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_dos.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_dos.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "cli_dos.sh: python3 missing" >&2; exit 2; }
DOS="python3 $TESTS/cli/dos.py"
DB=$tmp/dos.db
PW=demo-wachtwoord-1
PER_ADRES=16
# growth of the server's resident memory allowed while 150 uploads wait
# (before the fix each had 1 MiB buffered: about 150 MiB)
RSS_GROEI_MAX_KIB=32768

# val KEY: the figure KEY=... of the last dos.py line in $out
val() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$out"; }

# the users' hashes at the test cost (cheap logins), the server at the
# normal cost: an unknown name costs a real argon2id hash (the flood)
SPOOR_AUTH_KOSTEN=test "$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
cat >"$tmp/spoor.conf" <<EOF
db = $DB
listen = 127.0.0.1:0
threads = 2
max_verbindingen_per_adres = $PER_ADRES
request_log = off
EOF
start_server -L --config "$tmp/spoor.conf"
PORT=${URL##*:}
# the process whose memory counts: the server itself, also under a
# wrapper (valgrind) that execs it
SPID=$pid

# --- a body is read only for a known caller ---------------------------
out=$($DOS kop "$PORT")
[ "$(val status)" = 401 ] && ok ||
	nok "headers of a 20 MiB upload without a session: $out, want 401 before any body byte"
login cm casemanager "$PW"
CSRF=$(cat "$tmp/csrf.cm" 2>/dev/null)
[ -n "$CSRF" ] && ok || nok "casemanager login: $(head -c 200 "$tmp/body")"
printf '%%PDF-1.4 klein\n' >"$tmp/a.pdf"
api cm POST "/api/v1/dossiers/D-DEMO-001/documenten?naam=a.pdf&zichtbaarheid=algemeen" \
	-H 'Content-Type: application/pdf' --data-binary @"$tmp/a.pdf"
[ "$code" = 201 ] && ok || nok "an upload with a session: HTTP $code, want 201: $(head -c 200 "$tmp/body")"
# a session cookie without the CSRF token is refused before the body too
SESSIE=$(awk '$6 == "spoor_sessie" { print $7 }' "$tmp/jar.cm")
out=$($DOS kop "$PORT" "Cookie: spoor_sessie=$SESSIE"$'\r\n')
[ "$(val status)" = 403 ] && ok || nok "session without CSRF token, 20 MiB declared: $out, want 403"
# the login body: 4 KiB before anyone is known
head -c 5000 /dev/zero | tr '\0' 'x' >"$tmp/5k"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Content-Type: application/json' \
	--data-binary @"$tmp/5k" "$URL/api/v1/sessie")
[ "$code" = 413 ] && ok || nok "a 5000-byte login body: HTTP $code, want 413"
# a path that exists for no method reads no large body either
head -c 8192 /dev/zero >"$tmp/8k"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' --data-binary @"$tmp/8k" "$URL/api/v1/bestaat-niet")
[ "$code" = 413 ] && ok || nok "8 KiB to an unknown path: HTTP $code, want 413"

out=$($DOS halfupload "$PORT" "$SPID")
echo "halfupload: $out"
groei=$(val groei_kib)
[ -n "$groei" ] && [ "$groei" -lt "$RSS_GROEI_MAX_KIB" ] && ok ||
	nok "150 half-sent uploads: RSS grew $groei KiB, ceiling $RSS_GROEI_MAX_KIB KiB ($out)"
[ "$(val probe)" = 200 ] && ok || nok "probe during the half-sent uploads: $out"
grep -Eq '(^|,)0:' <<<"$(val andere)" && nok "uploads left waiting for their body: $out" || ok

# --- slow connections -------------------------------------------------
out=$($DOS trickle "$PORT" 520)
echo "trickle: $out"
[ "$(val gehouden)" = "$PER_ADRES" ] && ok ||
	nok "520 connections from 127.0.0.1: kept $(val gehouden), want $PER_ADRES ($out)"
[ "$(val probe)" = 200 ] && ok || nok "probe from 127.0.0.2 while 127.0.0.1 trickles: $out"
# cut by the 20 s header deadline, not the 30 s idle timeout (a byte
# came every second): all gone within 30 s
[ "$(val nog_open)" = 0 ] && [ "$(val afgekapt_na_s)" -lt 30 ] && ok ||
	nok "trickling connections not cut at the header deadline: $out"
out=$($DOS probe "$PORT" 127.0.0.1)
[ "$(val probe)" = 200 ] && ok || nok "127.0.0.1 is served again after its connections were cut: $out"

# --- a login flood ----------------------------------------------------
# (up to three rounds: the requests must reach both worker threads at
# once for the gate to be full, which the kernel's accept order decides)
for _ in 1 2 3; do
	out=$($DOS flood "$PORT")
	echo "flood: $out"
	[ -n "$(val n503+retry)" ] && break
done
[ "$(val probe)" = 200 ] && ok || nok "probe during the login flood: $out"
n503=$(val n503+retry)
n401=$(val n401)
# Under valgrind one argon2id hash at the normal cost takes seconds, so
# queued connections run into the header deadline (answered with nothing)
# and the mix of 401 and 503 says nothing about the gate: there only the
# probe counts (the gate itself is checked in test_auth under memcheck).
if [ -z "${SPOOR_VALGRIND:-}" ]; then
	[ -n "$n503" ] && [ "$n503" -ge 1 ] && ok || nok "16 logins at once: none answered 503 with Retry-After ($out)"
	[ -n "$n401" ] && [ "$n401" -ge 1 ] && [ "$((n401 + ${n503:-0}))" = 16 ] && ok ||
		nok "16 logins at once: want 401 (checked) or 503 (gate full) only: $out"
fi

# --- growing delays that do not lock the real user out -----------------
login_van() { # login_van ADDRESS PASSWORD: sets $code
	code=$(curl -s -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' --interface "$1" \
		-H 'Content-Type: application/json' \
		--data-binary "{\"gebruikersnaam\":\"adviseur\",\"wachtwoord\":\"$2\"}" "$URL/api/v1/sessie")
}
for i in 1 2 3 4 5 6; do
	login_van 127.0.0.5 "fout-wachtwoord-$i"
done
[ "$code" = 429 ] && ok || nok "sixth failure in a row from one address: HTTP $code, want 429"
login_van 127.0.0.5 "$PW"
[ "$code" = 429 ] && ok || nok "the failing address with the right password: HTTP $code, want 429"
grep -qi '^retry-after: [0-9]' "$tmp/hdr" && ok || nok "Retry-After on 429"
login_van 127.0.0.6 "$PW"
[ "$code" = 200 ] && ok || nok "the held name from a clean address with the right password: HTTP $code, want 200: $(head -c 200 "$tmp/body")"

# --- a probe answered while 1,000 trickle -----------------------------
# 63 addresses of 127.0.1.x, at most PER_ADRES each: the per-address
# limit holds none back, so the server itself must hold all 1,000 (the
# default max_verbindingen, 2048, with its descriptor limit raised from
# the usual 1,024) and still answer. Before: 512 connections in all, the
# rest waited in the listen queue, the probe went unanswered. (After the
# login checks: under valgrind the aftermath of 1,000 connections would
# still keep the argon2id gate busy there.)
out=$($DOS trickle "$PORT" 1000 63 "$SPID")
echo "trickle 1000: $out"
[ "$(val gehouden)" = 1000 ] && [ "$(val geweigerd)" = 0 ] && ok ||
	nok "1,000 connections from 63 addresses: kept $(val gehouden), refused $(val geweigerd) ($out)"
[ "$(val probe)" = 200 ] && ok || nok "probe from 127.0.0.2 while 1,000 trickle: $out"
[ "$(val nog_open)" = 0 ] && [ "$(val afgekapt_na_s)" -lt 30 ] && ok ||
	nok "1,000 trickling connections not cut at the header deadline: $out"

stop_server "$pid"
src=$?
pid=
[ "$src" -eq 0 ] && ok || nok "server stops cleanly (exit $src): $(server_said "$tmp/serve.err")"

# --- a descriptor limit that cannot be raised -------------------------
# a hard limit of 512: max_verbindingen is lowered to fit, said on
# stderr, and the server serves (the subshell's limit is the server's)
( ulimit -n 512 && start_server -k -n klein -L --config "$tmp/spoor.conf" &&
	out=$($DOS probe "${URL##*:}" 127.0.0.2) && echo "$out" >"$tmp/klein.probe"; stop_server "$pid" )
grep -Eq "max_verbindingen 2048 verlaagd tot [0-9]+: de bestandslimiet \(RLIMIT_NOFILE\) is [0-9]+" "$tmp/klein.err" && ok ||
	nok "a hard limit of 512 descriptors: no lowered max_verbindingen said: $(server_said "$tmp/klein.err")"
grep -q "probe=200" "$tmp/klein.probe" 2>/dev/null && ok || nok "the server under a limit of 512 answers: $(cat "$tmp/klein.probe" 2>/dev/null)"

report cli_dos

#!/bin/bash
# cli_pg2.sh - two `spoor serve` processes on one PostgreSQL database
# under concurrent writes to the same cases: every acknowledged entry is
# stored exactly once, the entry numbers of each case stay unique and
# gapless (no lost update), and the audit chain, appended by both
# processes, verifies. Also the API on PostgreSQL as such: login, a
# filtered read, a write.
#
# usage: bash cli_pg2.sh <spoor-binary-or-wrapper> <tests-dir>
# Starts its own throwaway PostgreSQL 15 cluster (scripts/pg.sh). Skipped
# under valgrind (the memory checks run on SQLite in the other suites).
SPOOR=$1
TESTS=$2
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_pg2.sh <spoor> <tests-dir>" >&2; exit 2; }
if [ -n "${SPOOR_VALGRIND:-}" ]; then
	echo "0 passed, 0 failed (skipped under valgrind)"
	exit 0
fi
PG="$TESTS/../scripts/pg.sh"
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pids=()  # the servers, in this shell: the cleanup and the stop checks use them
wpids=() # the writers
U=
cleanup() {
	local p
	for p in "${wpids[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do stop_server "$p"; done
	[ -n "$U" ] && bash "$PG" stop "$U" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
export SPOOR_AUTH_KOSTEN=test
PW=demo-wachtwoord-1

U=$(bash "$PG" start) || { echo "FAIL: no PostgreSQL cluster"; exit 1; }
"$SPOOR" init --db "$U" >/dev/null 2>"$tmp/err" && ok || nok "init on PostgreSQL: $(cat "$tmp/err")"
"$SPOOR" demo --db "$U" --wachtwoord "$PW" >/dev/null 2>"$tmp/err" && ok || nok "demo on PostgreSQL: $(cat "$tmp/err")"

# start N: server N in the background; sets URL (empty when it did not
# start). Called directly, never as $(start N): in a command substitution
# the pid would be recorded in a subshell, and neither the cleanup nor the
# stop checks would see the server.
start() {
	local p
	start_server -k -n "serve.$1" -p p --db "$U" --threads 2
	pids+=("$p")
}
start 1
URL1=$URL
start 2
URL2=$URL
[ "${#pids[@]}" -eq 2 ] && ok || nok "the cleanup knows ${#pids[@]} servers, want 2"
[ -n "$URL1" ] && [ -n "$URL2" ] && ok || { nok "two servers: $(cat "$tmp"/serve.*.err)"; report; exit 1; }

# one session, used on both servers (sessions live in the database)
URL=$URL1
login cm casemanager "$PW"
csrf=$(cat "$tmp/csrf.cm" 2>/dev/null)
[ -n "$csrf" ] && ok || nok "login on server 1: $(cat "$tmp/body")"
URL=$URL2
api cm GET /api/v1/ik
[ "$code" = 200 ] && ok || nok "the session of server 1 works on server 2: $code"

# the employer's view on PostgreSQL has no medical entry either
login wg werkgever "$PW"
api wg GET /api/v1/dossiers/D-DEMO-021
cp "$tmp/body" "$tmp/d21"
grep -q '"dossier_id":"D-DEMO-021"' "$tmp/d21" && ok || nok "werkgever reads D-DEMO-021 on PostgreSQL"
grep -q "Spreekuur bedrijfsarts" "$tmp/d21" && nok "werkgever got a medical entry on PostgreSQL" || ok

# 6 writers, alternating servers, all on the same two cases
writer() {
	local w=$1 i url code
	for i in $(seq 1 40); do
		url=$URL1
		[ $(((w + i) % 2)) -eq 0 ] && url=$URL2
		code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar.cm" -H "X-CSRF-Token: $csrf" \
			-H 'Content-Type: application/json' \
			--data-binary "{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":\"w$w-$i\"}" \
			"$url/api/v1/dossiers/D-DEMO-00$((1 + w % 2))/gebeurtenissen")
		if [ "$code" = 201 ]; then echo "w$w-$i" >>"$tmp/ack.$w"; else echo "$code" >>"$tmp/fout.$w"; fi
	done
}
for w in 1 2 3 4 5 6; do
	writer "$w" &
	wpids+=($!)
done
wait "${wpids[@]}"
wpids=()
sleep 0.5
cat "$tmp"/ack.* 2>/dev/null | sort >"$tmp/ack"
n=$(wc -l <"$tmp/ack")
[ "$n" -eq 240 ] && ok || nok "all 240 concurrent writes acknowledged, got $n (errors: $(cat "$tmp"/fout.* 2>/dev/null | sort | uniq -c | tr '\n' ' '))"

# what the database holds: export both cases through the command line
for d in D-DEMO-001 D-DEMO-002; do
	"$SPOOR" export --db "$U" "$d" >"$tmp/$d.json" 2>"$tmp/err" || nok "export $d: $(cat "$tmp/err")"
done
python3 - "$tmp" >"$tmp/stored" <<'EOF' || nok "reading the exports"
import json, sys
t = sys.argv[1]
for d in ("D-DEMO-001", "D-DEMO-002"):
    doc = json.load(open(f"{t}/{d}.json"))
    for g in doc["gebeurtenissen"]:
        if g.get("tekst", "").startswith("w"):
            print(g["tekst"])
EOF
sort -o "$tmp/stored" "$tmp/stored"
[ "$(comm -23 "$tmp/ack" "$tmp/stored" | wc -l)" -eq 0 ] && ok || nok "acknowledged writes missing: $(comm -23 "$tmp/ack" "$tmp/stored" | head -3)"
[ "$(uniq -d "$tmp/stored" | wc -l)" -eq 0 ] && ok || nok "entries stored twice"
ids=$(python3 -c "
import json
bad = 0
for d in ('D-DEMO-001', 'D-DEMO-002'):
    ids = [g['id'] for g in json.load(open('$tmp/' + d + '.json'))['gebeurtenissen'] if 'id' in g]
    bad += len(ids) - len(set(ids))
print(bad)")
[ "$ids" = 0 ] && ok || nok "$ids duplicate entry ids"
for i in "${!pids[@]}"; do
	p=${pids[$i]}
	kill -0 "$p" 2>/dev/null && ok || nok "server $((i + 1)) (pid $p) ended before the stop: $(server_said "$tmp/serve.$((i + 1)).err")"
	stop_server "$p"
	s=$?
	unset "pids[$i]" # stopped: the cleanup must not signal a reused pid
	[ "$s" -eq 0 ] && ok || nok "server $((i + 1)) (pid $p) stops cleanly on SIGTERM (exit $s): $(server_said "$tmp/serve.$((i + 1)).err")"
done
"$SPOOR" audit verify --db "$U" >"$tmp/audit" 2>&1 && ok || nok "audit chain from two processes: $(cat "$tmp/audit")"
grep -q "auditlog intact" "$tmp/audit" && ok || nok "audit verify output: $(cat "$tmp/audit")"

report

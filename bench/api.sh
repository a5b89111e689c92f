#!/usr/bin/env bash
# bench/api.sh - the server budgets of architecture §8 (make bench-api):
#
#   1. server start to first answer, and idle RSS;
#   2. GET /api/v1/dossiers/{id}/tijdlijn with wrk on loopback
#      (BENCH_CONN connections, default 32; BENCH_SECONDS, default 10);
#   3. GET /api/v1/dossiers for a casemanager with BENCH_CASES cases
#      (default 10000), server time from curl's time_starttransfer: the
#      first call after the start (every summary computed) and the best
#      of 5 after it (summaries from the cache, src/app/gcache.h);
#   4. the mixed workload of issue 13 (bench/mix.lua): 80 % reads and
#      20 % appends over BENCH_CONN connections, 2 x MIX_SECONDS.
#
# BENCH_ALLEEN_MIX=1 runs only step 4; SPOOR_BIN=path measures that binary
# (e.g. a build of an older commit) instead of building build/release.
# Release build; first on SQLite, then (unless BENCH_PG=0) on a throwaway
# PostgreSQL 15 from scripts/pg.sh (which runs without fsync). Nothing
# here is a test: the figures go into docs/performance.md by hand, with
# the machine.
set -euo pipefail

cd "$(dirname "$0")/.."
CONN=${BENCH_CONN:-32}
SECS=${BENCH_SECONDS:-10}
CASES=${BENCH_CASES:-10000}
export SPOOR_AUTH_KOSTEN=test

# SPOOR_BIN: measure another build (an older commit, side by side)
if [ -n "${SPOOR_BIN:-}" ]; then
	S=$SPOOR_BIN
else
	cmake --preset release >/dev/null
	cmake --build build/release -j"${JOBS:-2}" --target spoor >/dev/null
	S=$PWD/build/release/spoor
fi
tmp=$(mktemp -d)
pid=
PGURL=
opruimen() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	[ -n "$PGURL" ] && bash scripts/pg.sh stop "$PGURL" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap opruimen EXIT
PW=bench-wachtwoord-1

# BENCH_CASES more cases for WG-1 (the casemanager sees all employers)
python3 bench/gen_cases.py "$tmp/gen" "$CASES"

ms() { echo "$1 * 1000" | bc; }

meet() {
	local DB=$1 naam=$2 t0 t1 t cookie best
	echo "== $naam"
	"$S" demo --db "$DB" --wachtwoord "$PW" >/dev/null
	t0=$(date +%s.%N)
	find "$tmp/gen" -name '*.json' -print0 | xargs -0 -n 1000 "$S" import --db "$DB" >/dev/null
	t1=$(date +%s.%N)
	echo "import: $CASES cases in $(echo "$t1 - $t0" | bc) s"

	# 1. start to first answer, idle RSS
	t0=$(date +%s%N)
	"$S" serve --db "$DB" --listen 127.0.0.1:0 --threads 2 >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	until grep -q "luistert op" "$tmp/out" 2>/dev/null; do sleep 0.001; done
	URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/out")
	until curl -s -o /dev/null "$URL/api/v1/openapi.json"; do sleep 0.001; done
	t1=$(date +%s%N)
	echo "start to first answer: $(( (t1 - t0) / 1000000 )) ms"
	echo "idle RSS: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status)"

	curl -s -c "$tmp/jar" -o "$tmp/login" -H 'Content-Type: application/json' \
		--data-binary "{\"gebruikersnaam\":\"casemanager\",\"wachtwoord\":\"$PW\"}" "$URL/api/v1/sessie"
	cookie=$(awk '$6 == "spoor_sessie" {print $7}' "$tmp/jar")

	# 2. GET timeline
	echo "wrk: GET tijdlijn, $CONN connections, ${SECS}s"
	wrk -t2 -c"$CONN" -d"${SECS}s" --latency -H "Cookie: spoor_sessie=$cookie" \
		"$URL/api/v1/dossiers/D-DEMO-021/tijdlijn?peildatum=2026-06-01" |
		grep -E "Requests/sec|50%|90%|99%|Non-2xx|requests in"
	echo "RSS after load: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status)"

	# 3. dashboard: cold (first call), then warm
	echo "dashboard of a casemanager with $((CASES + 30)) cases:"
	t=$(curl -s -o "$tmp/lijst" -w '%{time_starttransfer}' -b "$tmp/jar" "$URL/api/v1/dossiers")
	echo "  first call (every summary computed): $(ms "$t") ms"
	best=
	for _ in 1 2 3 4 5; do
		t=$(curl -s -o "$tmp/lijst" -w '%{time_starttransfer}' -b "$tmp/jar" "$URL/api/v1/dossiers")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
	done
	echo "  after it, best of 5: $(ms "$best") ms to first byte; $(python3 -c "import json; print(json.load(open('$tmp/lijst'))['totaal'])") cases"
	t=$(curl -s -o "$tmp/lijst" -w '%{time_starttransfer}' -b "$tmp/jar" \
		"$URL/api/v1/dossiers?sorteer=risico&filter=te_laat&pagina=3")
	echo "  sorted by risk, overdue only, page 3: $(ms "$t") ms"
	echo "RSS after the dashboard: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status)"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	pid=
}

# 4. the mixed workload of an office (bench/mix.lua): 80 % reads, 20 %
# appends over $CONN connections, two consecutive runs of MIX_SECONDS
# (default 60) on a new database with the demo and MIX_CASES (default
# 200) cases, so the second run meets the cases the first one grew.
mix() {
	local DB=$1 naam=$2 csrf cookie ronde
	echo "== $naam: mixed workload, $CONN connections, 2 x ${MIX_SECONDS}s"
	"$S" demo --db "$DB" --wachtwoord "$PW" >/dev/null
	find "$tmp/mix" -name '*.json' -print0 | xargs -0 -n 1000 "$S" import --db "$DB" >/dev/null
	"$S" serve --db "$DB" --listen 127.0.0.1:0 >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	until grep -q "luistert op" "$tmp/out" 2>/dev/null; do sleep 0.01; done
	URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/out")
	curl -s -c "$tmp/jar" -o "$tmp/login" -H 'Content-Type: application/json' \
		--data-binary "{\"gebruikersnaam\":\"casemanager\",\"wachtwoord\":\"$PW\"}" "$URL/api/v1/sessie"
	cookie=$(awk '$6 == "spoor_sessie" {print $7}' "$tmp/jar")
	csrf=$(python3 -c "import json; print(json.load(open('$tmp/login'))['csrf'])")
	for ronde in 1 2; do
		echo "run $ronde:"
		COOKIE=$cookie CSRF=$csrf MIX_CASES=$MIX_CASES wrk -t2 -c"$CONN" \
			-d"${MIX_SECONDS}s" --latency -s bench/mix.lua "$URL" |
			grep -E "Requests/sec|50%|90%|99%|Non-2xx|requests in"
	done
	echo "entries per case after the runs: $(curl -s -b "$tmp/jar" "$URL/api/v1/dossiers/B-00000" |
		python3 -c 'import json,sys; print(len(json.load(sys.stdin)["gebeurtenissen"]))')"
	echo "RSS after the mix: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status)"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	pid=
}

MIX_SECONDS=${MIX_SECONDS:-60}
MIX_CASES=${MIX_CASES:-200}
python3 bench/gen_cases.py "$tmp/mix" "$MIX_CASES"

if [ "${BENCH_ALLEEN_MIX:-0}" != 1 ]; then
	meet "$tmp/bench.db" "SQLite"
fi
mix "$tmp/mix.db" "SQLite"
if [ "${BENCH_PG:-1}" != 0 ]; then
	PGURL=$(bash scripts/pg.sh start)
	if [ "${BENCH_ALLEEN_MIX:-0}" != 1 ]; then
		meet "$PGURL" "PostgreSQL 15 (throwaway cluster, fsync off)"
	fi
	bash scripts/pg.sh stop "$PGURL" >/dev/null 2>&1
	PGURL=$(bash scripts/pg.sh start)
	mix "$PGURL" "PostgreSQL 15 (throwaway cluster, fsync off)"
fi

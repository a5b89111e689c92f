#!/usr/bin/env bash
# bench/api.sh - the server budgets of architecture §8 (make bench-api):
#
#   1. server start to first answer, and idle RSS;
#   2. GET /api/v1/dossiers/{id}/tijdlijn with wrk on loopback
#      (BENCH_CONN connections, default 32; BENCH_SECONDS, default 10);
#   3. GET /api/v1/dossiers for a casemanager with BENCH_CASES cases
#      (default 10000), server time from curl's time_starttransfer,
#      best of 5.
#
# Release build, SQLite. Nothing here is a test: the figures go into
# docs/performance.md by hand, with the machine.
set -euo pipefail

cd "$(dirname "$0")/.."
CONN=${BENCH_CONN:-32}
SECS=${BENCH_SECONDS:-10}
CASES=${BENCH_CASES:-10000}
export SPOOR_AUTH_KOSTEN=test

cmake --preset release >/dev/null
cmake --build build/release -j"${JOBS:-2}" --target spoor >/dev/null
S=$PWD/build/release/spoor
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
DB=$tmp/bench.db
PW=bench-wachtwoord-1

"$S" demo --db "$DB" --wachtwoord "$PW" >/dev/null
# BENCH_CASES more cases for WG-1 (the casemanager sees all employers)
python3 - "$tmp/gen" "$CASES" <<'EOF'
import json, os, sys, datetime
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
base = datetime.date(2025, 1, 6)
for i in range(n):
    d0 = base + datetime.timedelta(days=i % 700)
    doc = {"formaat": "spoor-dossier/1", "dossier_id": "B-%05d" % i,
           "werkgever": {"id": "WG-1", "naam": "Bakkerij de Korenschoof B.V.", "eigenrisicodrager_wga": False},
           "werknemer": {"id": "BW-%05d" % i, "naam": "Werknemer %05d" % i},
           "dienstverband": {"begindatum": "2015-03-01", "einddatum": None, "soort": "onbepaalde_tijd",
                             "uren_per_week": 36, "maandloon_cent": 300000},
           "vangnet": None,
           "verzuim": [{"datum": d0.isoformat(), "soort": "ziek", "percentage": 100}],
           "gebeurtenissen": [{"soort": "probleemanalyse", "datum": (d0 + datetime.timedelta(days=40)).isoformat()},
                              {"soort": "plan_van_aanpak", "datum": (d0 + datetime.timedelta(days=55)).isoformat(),
                               "casemanager": "M. Bakker"}]}
    with open(os.path.join(out, "%05d.json" % i), "w") as f:
        json.dump(doc, f)
EOF
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
	grep -E "Requests/sec|50%|99%|Non-2xx|requests in"
echo "RSS after load: $(awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status)"

# 3. dashboard
echo "dashboard of a casemanager with $((CASES + 30)) cases (best of 5):"
best=
for _ in 1 2 3 4 5; do
	t=$(curl -s -o "$tmp/lijst" -w '%{time_starttransfer}' -b "$tmp/jar" "$URL/api/v1/dossiers")
	if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
echo "  $(echo "$best * 1000" | bc) ms to first byte; $(python3 -c "import json; print(json.load(open('$tmp/lijst'))['totaal'])") cases"

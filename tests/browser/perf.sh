#!/bin/bash
# perf.sh - first-render figures of the web application with many cases
# (docs/web.md, "Speed"). Not part of ctest: a measurement, not a test.
#
# usage: bash tests/browser/perf.sh <spoor-binary> [cases]   (default 10000)
#
# A demo database plus N synthetic cases of employer WG-1 (as bench/api.sh
# makes them), `spoor serve`, then tests/browser/perf.mjs in headless
# Chromium as the casemanager, who sees all of them.
set -euo pipefail
SPOOR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
N=${2:-10000}
HERE=$(cd "$(dirname "$0")" && pwd)
TESTS=$(dirname "$HERE")
. "$TESTS/cli/lib.sh"
NODE=$(bash "$TESTS/../scripts/node.sh")
NPM=${SPOOR_BROWSER_NPM_DIR:-$TESTS/../build/npm-browser}
bash "$TESTS/../scripts/node.sh" ci "$HERE" "$NPM"
tmp=$(mktemp -d)
pid=
trap 'stop_server "$pid"; rm -rf "$tmp"' EXIT
export SPOOR_AUTH_KOSTEN=test
PW=perf-wachtwoord-1
"$SPOOR" demo --db "$tmp/p.db" --wachtwoord "$PW" >/dev/null
python3 - "$tmp/gen" "$N" <<'PY'
import json, os, sys, datetime
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
base = datetime.date(2025, 1, 6)
for i in range(n):
    d0 = base + datetime.timedelta(days=i % 700)
    doc = {"formaat": "spoor-dossier/1", "dossier_id": "P-%05d" % i,
           "werkgever": {"id": "WG-1", "naam": "Bakkerij de Korenschoof B.V.", "eigenrisicodrager_wga": False},
           "werknemer": {"id": "PW-%05d" % i, "naam": "Werknemer %05d" % i},
           "dienstverband": {"begindatum": "2015-03-01", "einddatum": None, "soort": "onbepaalde_tijd",
                             "uren_per_week": 36, "maandloon_cent": 300000},
           "vangnet": None,
           "verzuim": [{"datum": d0.isoformat(), "soort": "ziek", "percentage": 100}],
           "gebeurtenissen": [{"soort": "probleemanalyse", "datum": (d0 + datetime.timedelta(days=40)).isoformat()},
                              {"soort": "plan_van_aanpak", "datum": (d0 + datetime.timedelta(days=55)).isoformat(),
                               "casemanager": "M. Bakker"}]}
    with open(os.path.join(out, "%05d.json" % i), "w") as f:
        json.dump(doc, f)
PY
find "$tmp/gen" -name '*.json' -print0 | xargs -0 -n 1000 "$SPOOR" import --db "$tmp/p.db" >/dev/null
"$SPOOR" serve --db "$tmp/p.db" --listen 127.0.0.1:0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
until grep -q "luistert op" "$tmp/out" 2>/dev/null; do sleep 0.05; done
URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/out")
cp "$HERE/perf.mjs" "$NPM/"
echo "perf: $((N + 30)) cases for the casemanager; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
SPOOR_URL=$URL SPOOR_PW=$PW "$NODE" "$NPM/perf.mjs"

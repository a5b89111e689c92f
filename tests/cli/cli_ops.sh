#!/bin/bash
# cli_ops.sh - what an operator sees of `spoor serve` (docs/operations.md)
# on a demo database: /healthz and /readyz (also turning not ready when
# the schema is not this binary's), /metrics from loopback with counters
# that move by route pattern, the 404 of an unknown path for any other
# address, database errors counted, and a request log with one logfmt
# line per request whose id is the X-Request-Id header and which holds no
# case id, user name, password, token, BSN or query after a login, a BSN
# change and a case read; --geen-requestlog writes none.
#
# usage: bash cli_ops.sh <spoor-binary-or-wrapper> <tests-dir>
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
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_ops.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_ops.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/ops.db
PW=demo-wachtwoord-1
BSN=111222333 # passes the eleven-test
T=D-DEMO-001

# start [serve options...]: sets pid and URL
start() {
	start_server --db "$DB" "$@"
}

# req METHOD PATH [curl args...]: api (lib.sh) with the jar of the
# casemanager (once logged in)
req() { api cm "$@"; }
hdr() { tr -d '\r' <"$tmp/hdr" | sed -n "s/^$1: //Ip" | head -1; }
# metric NAME-WITH-LABELS: its value in the last scrape, 0 when absent
metric() { awk -v k="$1" 'index($0, k " ") == 1 { v = $NF } END { print v + 0 }' "$tmp/metrics"; }
scrape() { req GET /metrics; want 200 "metrics from 127.0.0.1"; cp "$tmp/body" "$tmp/metrics"; }

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
# one worker, which opens its connection at the first request below: a
# worker that first opened it while the schema is changed further down
# would refuse the database for good
start --threads 1

# --- probes ---
req GET /healthz
want 200 "healthz"
[ "$(cat "$tmp/body")" = ok ] && ok || nok "healthz body: $(cat "$tmp/body")"
req HEAD /healthz
want 200 "HEAD healthz"
req GET /readyz
want 200 "readyz"
[ "$(cat "$tmp/body")" = ok ] && ok || nok "readyz body: $(cat "$tmp/body")"
# a schema newer than the binary: not ready, with a short reason
python3 -c "import sqlite3; c = sqlite3.connect('$DB'); c.execute('INSERT INTO schema_versie VALUES (9999)'); c.commit()"
req GET /readyz
want 503 "readyz with a newer schema"
grep -q '"code":"niet_gereed"' "$tmp/body" && grep -q schemaversie "$tmp/body" && ok ||
	nok "readyz 503 body: $(cat "$tmp/body")"
python3 -c "import sqlite3; c = sqlite3.connect('$DB'); c.execute('DELETE FROM schema_versie WHERE versie = 9999'); c.commit()"
req GET /readyz
want 200 "readyz again"

# --- metrics ---
scrape
grep -q '^content-type: text/plain; version=0.0.4' <(tr -d '\r' <"$tmp/hdr" | tr 'A-Z' 'a-z') && ok ||
	nok "metrics content type: $(hdr Content-Type)"
grep -q '^# TYPE spoor_http_request_duration_seconds histogram$' "$tmp/metrics" && ok || nok "histogram TYPE line"
grep -q '^# TYPE spoor_audit_queue_depth gauge$' "$tmp/metrics" && ok || nok "audit queue gauge"
grep -q '^# TYPE spoor_appends_total counter$' "$tmp/metrics" && ok || nok "appends counter (group commit, SQLite)"
grep -q '^spoor_cache_hits_total [0-9]' "$tmp/metrics" && ok || nok "cache hits"
[ "$(metric 'spoor_http_requests_total{route="GET /readyz",status="5xx"}')" = 1 ] && ok || nok "readyz 503 counted under its pattern"
[ "$(metric 'spoor_http_requests_total{route="GET /healthz",status="2xx"}')" = 2 ] && ok || nok "healthz GET and HEAD counted"
TL='route="GET /api/v1/dossiers/{id}/tijdlijn"'
voor=$(metric "spoor_http_requests_total{$TL,status=\"2xx\"}")
hvoor=$(metric "spoor_http_request_duration_seconds_count{$TL}")

# log in, give the employee a BSN, read the case and its timeline
login cm casemanager "$PW"
want 200 "login"
CSRF=$(cat "$tmp/csrf.cm")
TOKEN=$(awk '$6 == "spoor_sessie" {print $7}' "$tmp/jar.cm")
[ -n "$TOKEN" ] || nok "session cookie"
req PUT /api/v1/werknemers/WN-001 -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' -H 'If-Match: *' \
	--data-binary "{\"naam\":\"S. de Vries\",\"geboortedatum\":\"1980-02-03\",\"bsn\":\"$BSN\"}"
want 200 "set a BSN"
req GET "/api/v1/dossiers/$T"
want 200 "case read"
grep -q "$BSN" "$tmp/body" && ok || nok "the casemanager sees the BSN"
req GET "/api/v1/dossiers/$T/tijdlijn?peildatum=2026-06-01"
want 200 "timeline"
RID=$(hdr X-Request-Id)
[[ "$RID" =~ ^[0-9a-f]{16}$ ]] && ok || nok "X-Request-Id: '$RID'"

scrape
[ "$(metric "spoor_http_requests_total{$TL,status=\"2xx\"}")" = $((voor + 1)) ] && ok ||
	nok "timeline counter $voor -> $(metric "spoor_http_requests_total{$TL,status=\"2xx\"}")"
[ "$(metric "spoor_http_request_duration_seconds_count{$TL}")" = $((hvoor + 1)) ] && ok || nok "timeline histogram count"
[ "$(metric "spoor_http_request_duration_seconds_bucket{$TL,le=\"+Inf\"}")" = $((hvoor + 1)) ] && ok || nok "timeline +Inf bucket"
grep -q 'route="GET /api/v1/dossiers/{id}",status="2xx"' "$tmp/metrics" && ok || nok "case read under its pattern"
grep -q "$T" "$tmp/metrics" && nok "a case id in the metrics" || ok

# a database error: the session table gone for a moment
python3 -c "import sqlite3; c = sqlite3.connect('$DB'); c.execute('ALTER TABLE sessie RENAME TO sessie_weg'); c.commit()"
req GET /api/v1/ik
want 500 "request with the session table gone"
python3 -c "import sqlite3; c = sqlite3.connect('$DB'); c.execute('ALTER TABLE sessie_weg RENAME TO sessie'); c.commit()"
req GET /api/v1/ik
want 200 "session table back"
scrape
[ "$(metric spoor_db_errors_total)" = 1 ] && ok || nok "db errors: $(metric spoor_db_errors_total), want 1"

# another address than the allow list: the answer of an unknown path
req GET /api/v1/bestaat-niet
cp "$tmp/body" "$tmp/onbekend"
code404=$code
if curl -s --interface 127.0.0.2 -o /dev/null "$URL/healthz" 2>/dev/null; then
	req GET /metrics --interface 127.0.0.2
	want "$code404" "metrics from 127.0.0.2"
	cmp -s "$tmp/body" "$tmp/onbekend" && ok || nok "metrics from 127.0.0.2: $(cat "$tmp/body")"
else
	echo "cli_ops.sh: no 127.0.0.2 on this machine, allow-list check skipped" >&2
fi

# --- the request log ---
L=$tmp/serve.err
grep '^ts=' "$L" >"$tmp/log"
[ "$(wc -l <"$tmp/log")" -ge 15 ] && ok || nok "request log lines: $(wc -l <"$tmp/log")"
bad=$(grep -Ev '^ts=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z id=[0-9a-f]{16} method=[A-Z]+ route="[^"]+" status=[0-9]{3} dur_ms=[0-9]+\.[0-9]{3} bytes=[0-9]+$' "$tmp/log")
[ -z "$bad" ] && ok || nok "log lines not in the format: $bad"
grep -q "^ts=[^ ]* id=$RID method=GET $TL status=200 " "$tmp/log" && ok ||
	nok "no log line with id $RID for the timeline: $(grep tijdlijn "$tmp/log")"
[ "$(grep -c " id=$RID " "$tmp/log")" = 1 ] && ok || nok "request id $RID not unique in the log"
grep -q 'method=HEAD route="GET /healthz" status=200 .* bytes=0$' "$tmp/log" && ok || nok "HEAD logged under the GET route"
for s in "$T" D-DEMO WN-001 casemanager "$PW" "$BSN" "$TOKEN" "$CSRF" peildatum bestaat-niet 'S. de Vries' 127.0.0.1; do
	grep -qF -- "$s" "$tmp/log" && nok "request log contains '$s': $(grep -F -- "$s" "$tmp/log" | head -2)" || ok
done

stop_server "$pid" && ok || nok "server stops cleanly on SIGTERM: $(tail -3 "$L")"
pid=

# --- without the log ---
start --geen-requestlog
req GET /healthz
want 200 "healthz without log"
RID=$(hdr X-Request-Id)
[[ "$RID" =~ ^[0-9a-f]{16}$ ]] && ok || nok "X-Request-Id without log: '$RID'"
stop_server "$pid" && ok || nok "second server stops cleanly"
pid=
grep -q '^ts=' "$tmp/serve.err" && nok "--geen-requestlog still logs: $(head -2 "$tmp/serve.err")" || ok

report cli_ops

#!/bin/bash
# cli_audit.sh - issue 12: the access log, the audit chain head and the
# password rules, through the real binary.
#
# - GET /dossiers/{id}/toegang is paged (pagina, per_pagina up to 500,
#   van/tot), newest first, with "volgende"; wrong parameters are 400 with
#   the parameter's name;
# - repeated reads of one case by one user fold into one record (aantal);
# - a read of medical content is in the database when its answer has
#   arrived: reads of ten cases, then kill -9, and all ten are there;
# - spoor audit head prints "VOLGNR HASH TIJD" and moves after a read;
#   spoor audit verify --kop finds a cut-off tail that a rebuilt head
#   hides from the plain verify;
# - passwords: common ones, the own name, the old one as the new and a
#   length counted in bytes are refused (API and spoor user add); the
#   demo password spoor-demo-2026 passes.
#
# usage: bash cli_audit.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_audit.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_audit.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "cli_audit.sh: sqlite3 missing (scripts/deps.sh test installs it)" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pid=
sqpid=
cleanup() {
	stop_server "$pid"
	if [ -n "$sqpid" ]; then
		exec 9>&-
		kill "$sqpid" 2>/dev/null
		wait "$sqpid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/audit.db
PW=spoor-demo-2026

start() {
	start_server -a --db "$DB"
	rm -f "$tmp"/jar.* "$tmp"/csrf.*
}
head_() { "$SPOOR" audit head --db "$DB" 2>"$tmp/head.err"; }

# the demo password passes the rules
"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 &&
	ok || { echo "FAIL: spoor demo --wachtwoord $PW: $(cat "$tmp/demo.out")"; exit 1; }

# --- spoor audit head ---------------------------------------------------
h0=$(head_)
[[ "$h0" =~ ^[0-9]+\ [0-9a-f]{64}\ [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]] &&
	ok || nok "audit head: '$h0' $(cat "$tmp/head.err")"
"$SPOOR" audit verify --db "$DB" --kop "$h0" >"$tmp/v.out" 2>&1 && grep -q "vastgelegde hash" "$tmp/v.out" &&
	ok || nok "verify --kop of the current head: $(cat "$tmp/v.out")"
"$SPOOR" audit verify --db "$DB" --kop "12 nee" >/dev/null 2>"$tmp/v.err"
[ $? = 2 ] && grep -q "VOLGNR HASH" "$tmp/v.err" && ok || nok "verify --kop garbage: $(cat "$tmp/v.err")"

start
login_rol bedrijfsarts
login_rol werknemer
login_rol beheerder
login_rol casemanager

# a medical read moves the head
req bedrijfsarts GET /api/v1/dossiers/D-DEMO-021
want 200 "bedrijfsarts reads D-DEMO-021"
h1=$(head_)
[ "${h1%% *}" -gt "${h0%% *}" ] && [ "$h1" != "$h0" ] && ok || nok "audit head after a read: '$h0' -> '$h1'"

# --- folding -------------------------------------------------------------
for _ in 1 2 3 4 5; do
	req bedrijfsarts GET /api/v1/dossiers/D-DEMO-021
	want 200 "bedrijfsarts reads again"
done
h2=$(head_)
[ "${h2%% *}" = "${h1%% *}" ] && ok || nok "five more reads folded: head '$h1' -> '$h2'"
req werknemer GET "/api/v1/dossiers/D-DEMO-021/toegang?per_pagina=500"
want 200 "werknemer reads the access log"
[ "$(jq_ 'sum(1 for x in d["toegang"] if x["gebruiker"] == "bedrijfsarts" and x["actie"] == "dossier lezen")')" = 1 ] &&
	ok || nok "one record for six reads: $(head -c 600 "$tmp/body")"
[ "$(jq_ '[x["aantal"] for x in d["toegang"] if x["gebruiker"] == "bedrijfsarts" and x["actie"] == "dossier lezen"][0]')" = 6 ] &&
	ok || nok "aantal 6: $(head -c 600 "$tmp/body")"
"$SPOOR" audit verify --db "$DB" >"$tmp/v.out" 2>&1 && ok || nok "chain after folding: $(cat "$tmp/v.out")"

# --- paging --------------------------------------------------------------
# a few more records of other kinds in D-DEMO-021's log
req casemanager GET /api/v1/dossiers/D-DEMO-021
req casemanager GET /api/v1/dossiers/D-DEMO-021/tijdlijn
req bedrijfsarts GET /api/v1/dossiers/D-DEMO-021/tijdlijn
req beheerder GET "/api/v1/dossiers/D-DEMO-021/toegang?per_pagina=500"
want 200 "beheerder reads the whole log"
cp "$tmp/body" "$tmp/alles"
n=$(jq_ 'len(d["toegang"])')
[ "$n" -ge 5 ] && ok || nok "at least 5 records, got $n"
[ "$(jq_ 'd["volgende"], d["pagina"], d["per_pagina"]')" = "False 1 500" ] && ok || nok "page fields: $(head -c 300 "$tmp/body")"
[ "$(jq_ 'all(d["toegang"][i]["tijd"] >= d["toegang"][i+1]["tijd"] for i in range(len(d["toegang"])-1))')" = True ] &&
	ok || nok "newest first"
req beheerder GET "/api/v1/dossiers/D-DEMO-021/toegang?per_pagina=2"
want 200 "page 1 of 2"
[ "$(jq_ 'len(d["toegang"]), d["volgende"]')" = "2 True" ] && ok || nok "per_pagina=2: $(head -c 300 "$tmp/body")"
p1=$(jq_ 'd["toegang"]')
req beheerder GET "/api/v1/dossiers/D-DEMO-021/toegang?per_pagina=2&pagina=2"
p2=$(jq_ 'd["toegang"]')
# the beheerder's reads of the log are records of their own: compare
# with the whole log read before them, shifted by the reads since
python3 - "$tmp/alles" "$p1" "$p2" <<'EOF' && ok || nok "pages 1 and 2 continue each other"
import ast, json, sys
alles = json.load(open(sys.argv[1]))["toegang"]
p1, p2 = ast.literal_eval(sys.argv[2]), ast.literal_eval(sys.argv[3])
# each page read adds (or folds into) a beheerder record at the top
rest = [x for x in p1 + p2 if not (x["gebruiker"] == "beheerder" and x["actie"] == "toegangslog lezen")]
want = [x for x in alles if not (x["gebruiker"] == "beheerder" and x["actie"] == "toegangslog lezen")]
sys.exit(0 if rest == want[:len(rest)] and len(rest) >= 2 else 1)
EOF
req beheerder GET "/api/v1/dossiers/D-DEMO-021/toegang?pagina=1000"
want 200 "a page past the end"
[ "$(jq_ 'len(d["toegang"]), d["volgende"]')" = "0 False" ] && ok || nok "past the end: $(head -c 300 "$tmp/body")"
vandaag=$(date +%F)
gisteren=$(date -d yesterday +%F)
req beheerder GET "/api/v1/dossiers/D-DEMO-021/toegang?van=$vandaag&tot=$vandaag&per_pagina=500"
want 200 "today"
[ "$(jq_ 'len(d["toegang"])')" -ge "$n" ] && ok || nok "today holds every record: $(head -c 300 "$tmp/body")"
req beheerder GET "/api/v1/dossiers/D-DEMO-021/toegang?tot=$gisteren"
want 200 "until yesterday"
[ "$(jq_ 'len(d["toegang"])')" = 0 ] && ok || nok "nothing before today: $(head -c 300 "$tmp/body")"
for q in "per_pagina=501:per_pagina" "per_pagina=0:per_pagina" "pagina=0:pagina" "pagina=x:pagina" \
	"van=2026-13-01:van" "tot=gisteren:tot" "van=$vandaag&tot=$gisteren:tot"; do
	req beheerder GET "/api/v1/dossiers/D-DEMO-021/toegang?${q%:*}"
	want 400 "toegang?${q%:*}"
	[ "$(jq_ 'd["fout"]["veld"]')" = "${q##*:}" ] && ok || nok "toegang?${q%:*}: veld: $(head -c 300 "$tmp/body")"
done

# --- medical reads are stored before the answer ---------------------------
# While another process holds SQLite's write lock no audit record can be
# stored: a read of medical content is refused (503, nothing of the case
# sent), a read without medical content is answered (its record waits in
# the queue). Before, both were answered, and a kill -9 in that state lost
# the record of the medical read.
mkfifo "$tmp/sq"
sqlite3 "$DB" <"$tmp/sq" >"$tmp/sq.out" 2>&1 &
sqpid=$!
exec 9>"$tmp/sq"
echo "BEGIN IMMEDIATE; SELECT 'vast';" >&9
for _ in $(seq 1 200); do grep -q vast "$tmp/sq.out" && break; sleep 0.05; done
grep -q vast "$tmp/sq.out" && ok || nok "sqlite3 holds the write lock: $(cat "$tmp/sq.out")"
req bedrijfsarts GET /api/v1/dossiers/D-DEMO-012/tijdlijn
want 503 "medical read while the audit log cannot be written"
grep -q '"code":"bezet"' "$tmp/body" && ! grep -q "D-DEMO-012" "$tmp/body" && ok ||
	nok "503 without content: $(head -c 300 "$tmp/body")"
req casemanager GET /api/v1/dossiers/D-DEMO-012/tijdlijn
want 200 "a read without medical content is queued and answered"
echo "ROLLBACK;" >&9
exec 9>&-
wait "$sqpid"
sqpid=

req bedrijfsarts GET "/api/v1/dossiers?pagina=1"
jq_ '"\n".join(x["dossier_id"] for x in d["dossiers"][:10])' >"$tmp/ids"
[ "$(wc -l <"$tmp/ids")" = 10 ] && ok || nok "ten cases for the bedrijfsarts: $(head -c 300 "$tmp/body")"
for z in $(cat "$tmp/ids"); do
	req bedrijfsarts GET "/api/v1/dossiers/$z/tijdlijn"
	[ "$code" = 200 ] || nok "tijdlijn $z: HTTP $code"
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=
for z in $(cat "$tmp/ids"); do
	k=$(sqlite3 "$DB" "SELECT count(*) FROM audit a, dossier d WHERE a.dossier_id = d.id AND d.extern_id = '$z' AND a.gebruiker = 'bedrijfsarts' AND a.actie = 'tijdlijn lezen'")
	[ "$k" = 1 ] && ok || nok "after kill -9: the read of $z's medical content is recorded ($k)"
done
"$SPOOR" audit verify --db "$DB" >"$tmp/v.out" 2>&1 && ok || nok "chain after kill -9: $(cat "$tmp/v.out")"

# --- the anchor: a cut-off tail with a rebuilt head -----------------------
h3=$(head_)
n3=${h3%% *}
sqlite3 "$DB" "DELETE FROM audit WHERE volgnr = $n3; UPDATE audit_kop SET volgnr = $((n3 - 1)), hash = (SELECT hash FROM audit WHERE volgnr = $((n3 - 1)))"
"$SPOOR" audit verify --db "$DB" >/dev/null 2>&1 && ok || nok "plain verify cannot see a tail cut with its head"
"$SPOOR" audit verify --db "$DB" --kop "$h3" >"$tmp/v.out" 2>&1
[ $? = 1 ] && grep -q "GEWIJZIGD: record $n3" "$tmp/v.out" && ok || nok "verify --kop sees the cut: $(cat "$tmp/v.out")"

# --- passwords ------------------------------------------------------------
start
login_rol beheerder
nieuw() {
	req beheerder POST /api/v1/gebruikers "{\"gebruikersnaam\":\"$1\",\"naam\":\"$2\",\"wachtwoord\":\"$3\"}"
}
nieuw piet "Piet de Vries" "Password123"
want 422 "a common password"
[ "$(jq_ 'd["fout"]["veld"]')" = '$.wachtwoord' ] && grep -q "veelgebruikte" "$tmp/body" && ok || nok "common: $(cat "$tmp/body")"
nieuw piet "Piet de Vries" "wachtwoord2026"
want 422 "a common Dutch password"
nieuw piet "Piet de Vries" "x-PIET-zomer-2026"
want 422 "the user name in the password"
grep -q "uw naam" "$tmp/body" && ok || nok "name: $(cat "$tmp/body")"
nieuw piet "Piet de Vries" "hallo-pietdevries-1"
want 422 "the display name in the password"
nieuw piet "Piet de Vries" "ééééé"
want 422 "five characters in ten bytes"
grep -q "te kort" "$tmp/body" && ok || nok "length: $(cat "$tmp/body")"
nieuw piet "Piet de Vries" "€€€€€€€€€€"
want 201 "ten characters"
login_rol piet "€€€€€€€€€€"
req piet POST /api/v1/ik/wachtwoord '{"oud":"€€€€€€€€€€","nieuw":"€€€€€€€€€€"}'
want 422 "the old password as the new"
[ "$(jq_ 'd["fout"]["veld"]')" = '$.nieuw' ] && grep -q "gelijk aan het huidige" "$tmp/body" && ok || nok "old as new: $(cat "$tmp/body")"
req piet POST /api/v1/ik/wachtwoord '{"oud":"€€€€€€€€€€","nieuw":"Piet-was-hier-77"}'
want 422 "the own name as the new"
req piet POST /api/v1/ik/wachtwoord '{"oud":"€€€€€€€€€€","nieuw":"qwertyuiop"}'
want 422 "a common password as the new"
req piet POST /api/v1/ik/wachtwoord '{"oud":"€€€€€€€€€€","nieuw":"lange-zomer-aan-zee"}'
want 200 "a good new password"
stop_server "$pid" && ok || nok "server stops cleanly: $(server_said "$tmp/serve.err")"
pid=

"$SPOOR" user add --db "$DB" kees --rol casemanager --werkgever WG-1 --wachtwoord qwertyuiop >"$tmp/u.out" 2>&1
[ $? != 0 ] && grep -q "veelgebruikte" "$tmp/u.out" && ok || nok "user add, common: $(cat "$tmp/u.out")"
"$SPOOR" user add --db "$DB" kees --rol casemanager --werkgever WG-1 --wachtwoord kees-zomer-2026 >"$tmp/u.out" 2>&1
[ $? != 0 ] && grep -q "naam" "$tmp/u.out" && ok || nok "user add, own name: $(cat "$tmp/u.out")"
"$SPOOR" user add --db "$DB" kees --rol casemanager --werkgever WG-1 --wachtwoord "ééééé" >"$tmp/u.out" 2>&1
[ $? != 0 ] && grep -q "te kort" "$tmp/u.out" && ok || nok "user add, 5 characters: $(cat "$tmp/u.out")"
"$SPOOR" user add --db "$DB" kees --rol casemanager --werkgever WG-1 --wachtwoord lange-zomer-aan-zee >"$tmp/u.out" 2>&1 &&
	ok || nok "user add, a good password: $(cat "$tmp/u.out")"

report

#!/bin/bash
# cli_etag.sh - consistency and no oracles (issue 12) over the API on a
# demo database:
#
# - every whole-object write (PUT /werkgevers/{id}, /werknemers/{id},
#   /dossiers/{id}/dienstverband) needs the ETag of the version it
#   replaces in If-Match: 428 without one, 412 with a stale one, each
#   with the stored object ("huidig") and its ETag, nothing written; the
#   lost update of two editors who read the same version is refused;
#   422 and 404 come before 428; If-Match: * overwrites on purpose;
# - GET of the three objects gives the ETag the PUT wants, to the same
#   callers (404 for an employer the caller does not see);
# - entry ids spoor assigns are random (E and 16 base32 digits), tell
#   nothing of how many entries the case has, and an imported case whose
#   ids are the ones a counter would choose (E1..E3000) cannot steer them;
# - document ids are random too (below 2^53) and listed in stored order.
#
# usage: bash cli_etag.sh <spoor-binary-or-wrapper> <tests-dir>
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
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_etag.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_etag.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "cli_etag.sh: sqlite3 missing (scripts/deps.sh installs it)" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/e.db
PW=demo-wachtwoord-1
Z=D-DEMO-021

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
start_server --db "$DB"

etag_ok() { [[ "$1" =~ ^\"[0-9a-f]{32}\"$ ]] && ok || nok "$2: ETag '$1' is not a quoted 32-digit hex string"; }

for r in beheerder casemanager werkgever leidinggevende bedrijfsarts; do
	login_rol "$r"
done

# check_object NAME GET-PATH PUT-PATH BODY-A BODY-B BODY-BAD FIELD-EXPR VALUE-A VALUE-B
# FIELD-EXPR: Python over the object d (GET answer or "huidig")
check_object() {
	local n=$1 g=$2 p=$3 a=$4 b=$5 bad=$6 fx=$7 va=$8 vb=$9 e0 e1 e2 before
	api werkgever GET "$g"
	want 200 "$n: GET"
	e0=$(hdr ETag)
	etag_ok "$e0" "$n: GET"
	[ "$(jq_ 'd["etag"]')" = "$e0" ] && ok || nok "$n: the body's etag is the ETag header"
	before=$(cat "$tmp/body")

	# no If-Match: 428 with the stored object, nothing written
	api_json werkgever PUT "$p" "$a"
	want 428 "$n: PUT without If-Match"
	body_has '"code":"voorwaarde_vereist"' "$n: 428 code"
	body_has '"veld":"If-Match"' "$n: 428 names If-Match"
	[ "$(hdr ETag)" = "$e0" ] && ok || nok "$n: 428 carries the current ETag"
	[ "$(jq_ "(lambda d: $fx)(d['huidig'])")" = "$(echo "$before" | python3 -c "import json,sys; d=json.load(sys.stdin); print($fx)")" ] &&
		ok || nok "$n: 428 shows the stored object: $(head -c 300 "$tmp/body")"
	api werkgever GET "$g"
	[ "$(hdr ETag)" = "$e0" ] && ok || nok "$n: a 428 wrote nothing"

	# a bad body is 422 before the 428 (the form's field first)
	api_json werkgever PUT "$p" "$bad"
	want 422 "$n: bad body without If-Match"

	# two editors read e0; the first writes A
	api_json werkgever PUT "$p" "$a" -H "If-Match: $e0"
	want 200 "$n: PUT with the current ETag"
	e1=$(hdr ETag)
	etag_ok "$e1" "$n: PUT answer"
	[ "$e1" != "$e0" ] && ok || nok "$n: the ETag changes with the object"
	[ "$(jq_ "$fx")" = "$va" ] && ok || nok "$n: PUT answer has the new value: $(head -c 300 "$tmp/body")"
	# the second, still holding e0, would overwrite A with B: 412
	api_json casemanager PUT "$p" "$b" -H "If-Match: $e0"
	want 412 "$n: stale PUT (the lost update)"
	body_has '"code":"gewijzigd"' "$n: 412 code"
	[ "$(hdr ETag)" = "$e1" ] && ok || nok "$n: 412 carries the current ETag ($(hdr ETag), want $e1)"
	[ "$(jq_ "(lambda d: $fx)(d['huidig'])")" = "$va" ] && ok ||
		nok "$n: 412 shows the newer value: $(head -c 300 "$tmp/body")"
	api werkgever GET "$g"
	[ "$(jq_ "$fx")" = "$va" ] && [ "$(hdr ETag)" = "$e1" ] && ok || nok "$n: the first editor's change survives"
	# a weak or garbled tag is not the current version either
	api_json casemanager PUT "$p" "$b" -H "If-Match: W/$e1"
	want 412 "$n: weak ETag"
	# with the new ETag the second editor may write B
	api_json casemanager PUT "$p" "$b" -H "If-Match:  $e1 "
	want 200 "$n: PUT with the refreshed ETag"
	e2=$(hdr ETag)
	[ "$(jq_ "$fx")" = "$vb" ] && ok || nok "$n: second write: $(head -c 300 "$tmp/body")"
	# If-Match: * overwrites whatever is stored, on purpose
	api_json casemanager PUT "$p" "$a" -H 'If-Match: *'
	want 200 "$n: If-Match: *"
	[ "$(hdr ETag)" = "$e1" ] && ok || nok "$n: same content, same ETag ($(hdr ETag), want $e1)"
	[ "$e2" != "$e1" ] && ok || nok "$n: B has its own ETag"
}

check_object werkgever /api/v1/werkgevers/WG-1 /api/v1/werkgevers/WG-1 \
	'{"naam":"Bakkerij A","eigenrisicodrager_wga":true}' \
	'{"naam":"Bakkerij B","eigenrisicodrager_wga":false}' \
	'{"naam":7}' 'd["naam"]' 'Bakkerij A' 'Bakkerij B'
check_object werknemer /api/v1/werknemers/WN-021 /api/v1/werknemers/WN-021 \
	'{"naam":"Y. van der Meer-A","geboortedatum":"1980-02-28"}' \
	'{"naam":"Y. van der Meer-B","geboortedatum":"1980-02-28"}' \
	'{"naam":"X","geboortedatum":"1980-02-30"}' 'd["naam"]' 'Y. van der Meer-A' 'Y. van der Meer-B'
check_object dienstverband "/api/v1/dossiers/$Z/dienstverband" "/api/v1/dossiers/$Z/dienstverband" \
	'{"begindatum":"2012-05-01","soort":"onbepaalde_tijd","functie":"bakker A"}' \
	'{"begindatum":"2012-05-01","soort":"onbepaalde_tijd","functie":"bakker B"}' \
	'{"begindatum":"2012-05-01","soort":"flex"}' 'd["dienstverband"].get("functie")' 'bakker A' 'bakker B'

# 404 before 428: an unknown id or another employer's
api_json werkgever PUT /api/v1/werkgevers/WG-9 '{"naam":"X"}'
want 404 "PUT unknown employer without If-Match"
api_json werkgever PUT /api/v1/werknemers/WN-999 '{"naam":"X"}'
want 404 "PUT unknown employee without If-Match"
api_json werkgever PUT /api/v1/dossiers/D-NIET/dienstverband '{"begindatum":"2012-05-01","soort":"onbepaalde_tijd"}'
want 404 "PUT dienstverband of an unknown case without If-Match"
# GET of one object: the callers who see it, 404 for others
api werkgever GET /api/v1/werkgevers/WG-2
want 404 "werkgever of WG-1 reads WG-2"
api beheerder GET /api/v1/werkgevers/WG-2
want 200 "beheerder reads WG-2"
api bedrijfsarts GET /api/v1/werknemers/WN-021
[ "$code" = 403 ] || [ "$code" = 404 ] && ok || nok "bedrijfsarts reads the employee record: HTTP $code"
api bedrijfsarts GET "/api/v1/dossiers/$Z/dienstverband"
want 200 "a party of the case reads its dienstverband"
api werkgever GET /api/v1/dossiers/D-NIET/dienstverband
want 404 "dienstverband of an unknown case"
# the lists carry the same ETags
api werkgever GET /api/v1/werkgevers
[ "$(jq_ '[w["etag"] for w in d["werkgevers"] if w["id"] == "WG-1"][0]')" = "$(api werkgever GET /api/v1/werkgevers/WG-1; hdr ETag)" ] &&
	ok || nok "GET /werkgevers lists the ETag of GET /werkgevers/WG-1"

# --- entry ids -------------------------------------------------------
ids=()
for i in 1 2 3; do
	api_json casemanager POST "/api/v1/dossiers/$Z/gebeurtenissen" "{\"soort\":\"contact\",\"datum\":\"2026-06-0$i\"}"
	want 201 "append $i"
	ids+=("$(jq_ 'd["id"]')")
done
for x in "${ids[@]}"; do
	[[ "$x" =~ ^E[0-9a-hjkmnp-tv-z]{16}$ ]] && ok || nok "entry id '$x' is not E and 16 base32 digits"
done
[ "$(printf '%s\n' "${ids[@]}" | sort -u | wc -l)" = 3 ] && ok || nok "three distinct ids: ${ids[*]}"
n=$(sqlite3 "$DB" "SELECT count(*) FROM gebeurtenis g JOIN dossier d ON d.id = g.dossier_id WHERE d.extern_id = '$Z'")
for x in "${ids[@]}"; do
	[[ "$x" != "E$n" && "$x" != "E$((n - 1))" && "$x" != "E$((n - 2))" ]] && ok ||
		nok "entry id $x is the case's entry count"
done

# an imported case whose entries use the ids a counter would try: the
# append is answered with a fresh random id
python3 - "$tmp/gemaakt.json" <<'EOF'
import json, sys
d = {"formaat": "spoor-dossier/1", "dossier_id": "D-GEMAAKT",
     "werkgever": {"id": "WG-1", "naam": "Bakkerij A", "eigenrisicodrager_wga": True},
     "werknemer": {"id": "WN-GEMAAKT", "naam": "G. Maakt"},
     "dienstverband": {"begindatum": "2020-01-01", "einddatum": None, "soort": "onbepaalde_tijd"},
     "vangnet": None,
     "verzuim": [{"datum": "2026-01-05", "soort": "ziek", "percentage": 100}],
     "gebeurtenissen": [{"soort": "contact", "datum": "2026-01-06", "id": "E%d" % i}
                        for i in range(1, 3001)]}
json.dump(d, open(sys.argv[1], "w"))
EOF
api casemanager POST /api/v1/dossiers -H 'Content-Type: application/json' --data-binary @"$tmp/gemaakt.json"
want 201 "import of a case with entries E1..E3000"
api_json casemanager POST /api/v1/dossiers/D-GEMAAKT/gebeurtenissen '{"soort":"contact","datum":"2026-01-07"}'
want 201 "append to the crafted case"
x=$(jq_ 'd["id"]')
[[ "$x" =~ ^E[0-9a-hjkmnp-tv-z]{16}$ ]] && ok || nok "append to the crafted case: id '$x'"

# --- document ids -----------------------------------------------------
# random too: the next number told how many documents (of every class,
# case and employer) were stored before
dids=()
for i in 1 2; do
	printf 'verslag %s\n' "$i" >"$tmp/d$i.txt"
	api casemanager POST "/api/v1/dossiers/$Z/documenten?naam=verslag-$i.txt&zichtbaarheid=algemeen" \
		-H 'Content-Type: text/plain' --data-binary @"$tmp/d$i.txt"
	want 201 "upload $i"
	dids+=("$(jq_ 'd["id"]')")
done
[ "${dids[0]}" -gt 1000000 ] && [ "${dids[1]}" -gt 1000000 ] && [ "${dids[1]}" != $((dids[0] + 1)) ] && ok ||
	nok "document ids look counted: ${dids[*]}"
[ "${dids[0]}" -lt 9007199254740992 ] && [ "${dids[1]}" -lt 9007199254740992 ] && ok ||
	nok "document ids beyond 2^53 (inexact in JavaScript): ${dids[*]}"
api casemanager GET "/api/v1/dossiers/$Z/documenten/${dids[1]}"
want 200 "download by the random id"
api casemanager GET "/api/v1/dossiers/$Z/documenten"
[ "$(jq_ '[x["naam"] for x in d["documenten"]][-2:]')" = "['verslag-1.txt', 'verslag-2.txt']" ] && ok ||
	nok "documents listed in the order stored: $(head -c 300 "$tmp/body")"

stop_server "$pid"
src=$?
pid=
[ "$src" -eq 0 ] && ok || nok "server stops cleanly on SIGTERM (exit $src): $(server_said "$tmp/serve.err")"
"$SPOOR" audit verify --db "$DB" >"$tmp/audit" 2>&1 && ok || nok "audit chain intact: $(cat "$tmp/audit")"

report

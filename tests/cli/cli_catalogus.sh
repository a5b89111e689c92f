#!/bin/bash
# cli_catalogus.sh - GET /api/v1/catalogus (issue 13), the words of core
# that the web app renders, over a demo database:
#
# - served without a login, the same bytes for every caller (anonymous,
#   casemanager, werknemer, a bearer token): nothing in it depends on who
#   asks, and it carries no case data (no name, BSN, case id, entry text
#   or user of the database);
# - its exact shape: the keys, a milestone, a finding, the roles of the
#   access table, vangnet, a group of event types, an Atw remark; valid
#   against the Catalogus schema of docs/openapi.json;
# - cacheable: a quoted ETag of 32 hex digits, Cache-Control: no-cache,
#   If-None-Match answered with 304 and no body (also weak, in a list and
#   "*"), a stale one with 200; HEAD works, POST is 405; every other
#   answer keeps Cache-Control: no-store.
#
# usage: bash cli_catalogus.sh <spoor-binary-or-wrapper> <tests-dir>
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
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_catalogus.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_catalogus.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "cli_catalogus.sh: sqlite3 missing (scripts/deps.sh installs it)" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/c.db
PW=demo-wachtwoord-1

pass=0
fail=0
ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
"$SPOOR" serve --db "$DB" --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
for _ in $(seq 1 600); do
	grep -q "luistert op" "$tmp/serve.out" 2>/dev/null && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.05
done
URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/serve.out")
[ -n "$URL" ] || { echo "FAIL: server did not start: $(server_said "$tmp/serve.err")"; exit 1; }

# req WHO METHOD PATH [curl args...]: WHO's cookie jar and CSRF token
# ("" none); the status in $code, the body in $tmp/body, the headers in
# $tmp/hdr
req() {
	local wie=$1 m=(-X "$2") p=$3
	shift 3
	# curl -X HEAD would wait for the body that Content-Length announces
	[ "${m[1]}" = HEAD ] && m=(-I)
	local args=(-s -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' "${m[@]}")
	rm -f "$tmp/body" # curl writes no file for an answer without a body
	if [ -n "$wie" ]; then
		args+=(-b "$tmp/jar.$wie" -c "$tmp/jar.$wie")
		[ -f "$tmp/csrf.$wie" ] && args+=(-H "X-CSRF-Token: $(cat "$tmp/csrf.$wie")")
	fi
	code=$(curl "${args[@]}" "$@" "$URL$p")
}
json() {
	local wie=$1 m=$2 p=$3 b=$4
	shift 4
	req "$wie" "$m" "$p" -H 'Content-Type: application/json' --data-binary "$b" "$@"
}
want() { [ "$code" = "$1" ] && ok || nok "$2: HTTP $code, want $1: $(head -c 300 "$tmp/body")"; }
jq_() { python3 -c "import json,sys; d=json.load(open('$tmp/body')); print($1)"; }
hdr() { tr -d '\r' <"$tmp/hdr" | sed -n "s/^$1: //Ip"; }

# py EXPR: a Python expression over the catalogue c, printed
py() { python3 -c "import json; c=json.load(open('$tmp/cat.json')); print($1)"; }
# eq WHAT GOT WANT
eq() { [ "$2" = "$3" ] && ok || nok "$1: got '$2', want '$3'"; }

# --- without a login ---
req "" GET /api/v1/catalogus
want 200 "catalogue without a login"
cp "$tmp/body" "$tmp/cat.json"
etag=$(hdr ETag)
[[ "$etag" =~ ^\"[0-9a-f]{32}\"$ ]] && ok || nok "ETag '$etag' is not a quoted 32-digit hex string"
eq "Cache-Control" "$(hdr Cache-Control)" "no-cache"
eq "Content-Type" "$(hdr Content-Type)" "application/json; charset=utf-8"
[ -z "$(hdr Set-Cookie)" ] && ok || nok "the catalogue sets a cookie"

# --- the exact shape ---
eq "keys" "$(py 'sorted(c)')" "['atw', 'bevindingen', 'bij', 'conclusies', 'contractsoorten', 'ernst', 'formaat', 'gebeurtenissoorten', 'instrumenten', 'klassen', 'mijlpalen', 'modules', 'rollen', 'soortgroepen', 'statussen', 'uitkomsten', 'vangnet', 'verzuimsoorten']"
eq "formaat" "$(py 'c["formaat"]')" "spoor-catalogus/1"
eq "first milestone" "$(py 'json.dumps(c["mijlpalen"][0], ensure_ascii=False)')" \
	'{"id": "probleemanalyse", "titel": "Probleemanalyse", "soort": "actie", "kort": "PA", "uitleg": "De bedrijfsarts maakt de probleemanalyse uiterlijk in de zesde ziekteweek (ziektedag 43).", "regel": "R-TL-3", "bron": "Regeling procesgang art. 2 lid 2", "atw": "regeling"}'
eq "milestone ids" "$(py '" ".join(m["id"] for m in c["mijlpalen"])')" \
	"probleemanalyse plan_van_aanpak evaluatie melding_42e_week melding_vangnet melding_einde_dienstverband eerstejaarsevaluatie start_tweede_spoor actueel_oordeel eindevaluatie re_integratieverslag wia_aanvraag einde_minimumloongrens vervroegde_iva_uiterlijk melding_42e_week_grens wia_brief_uwv besluit_loonsanctie_uiterlijk einde_wachttijd einde_opzegverbod einde_loonsanctie"
eq "a moment" "$(py '[(m["soort"], m["titel"], m["kort"]) for m in c["mijlpalen"] if m["id"] == "einde_wachttijd"]')" \
	"[('moment', 'Laatste dag wachttijd en loon', '104w')]"
eq "finding EJE_ONTBREEKT" "$(py '[(b["titel"], b["ernst"], b["regel"], sorted(b)) for b in c["bevindingen"] if b["id"] == "EJE_ONTBREEKT"]')" \
	"[('Eerstejaarsevaluatie ontbreekt', 'hoog', 'R-TL-10', ['bron', 'ernst', 'herstel', 'id', 'regel', 'titel'])]"
eq "every finding has a title" "$(py 'all(b["titel"] and b["titel"] != b["id"] for b in c["bevindingen"])')" True
eq "statuses" "$(py '[(s["id"], s["titel"]) for s in c["statussen"]][:3]')" \
	"[('op_tijd', 'Op tijd gedaan'), ('te_laat', 'Te laat gedaan'), ('verlopen', 'Verlopen')]"
eq "ernst" "$(py '" ".join(e["id"] + "=" + e["titel"] for e in c["ernst"])')" "info=Info laag=Laag midden=Midden hoog=Hoog"
eq "roles" "$(py '" ".join(r["id"] for r in c["rollen"])')" \
	"beheerder casemanager werkgever leidinggevende bedrijfsarts arbeidsdeskundige loopbaancoach werknemer adviseur"
eq "role words" "$(py '[r["titel"] for r in c["rollen"]][4]')" "Bedrijfsarts"
eq "classes" "$(py 'json.dumps(c["klassen"][2], ensure_ascii=False)')" \
	'{"id": "vertrouwelijk", "titel": "Vertrouwelijk", "uitleg": "alleen loopbaancoach en werknemer"}'
eq "vangnet" "$(py '[(v["id"], v["titel"]) for v in c["vangnet"]]')" \
	"[('', 'Geen vangnet'), ('zwangerschap', 'Zwangerschap'), ('orgaandonatie', 'Orgaandonatie'), ('no_risk', 'No-riskpolis')]"
eq "verzuimsoorten" "$(py '[v["titel"] for v in c["verzuimsoorten"]]')" "['Ziek', 'Hersteld', 'Zwangerschapsverlof']"
eq "group Overig" "$(py 'json.dumps(c["soortgroepen"][-1])')" \
	'{"titel": "Overig", "soorten": ["contact", "einde_dienstverband", "melding_einde_dienstverband"]}'
eq "every event type in one group" "$(py 'sorted(s for g in c["soortgroepen"] for s in g["soorten"]) == sorted(s["id"] for s in c["gebeurtenissoorten"])')" True
eq "Atw lang" "$(py '[a["opmerking"] for a in c["atw"] if a["id"] == "lang"][0]')" \
	"geen verschuiving: termijn langer dan 12 weken (Atw art. 4); meld uiterlijk op de werkdag ervoor (UWV aanvaardt in de praktijk ook de eerste werkdag erna)"
eq "Atw geen" "$(py '[a["opmerking"] for a in c["atw"] if a["id"] == "geen"][0]')" "None"
# the same texts as the timeline of the command line
eq "tijdlijn titles" "$(py '[m["titel"] for m in c["mijlpalen"] if m["id"] == "wia_aanvraag"][0]')" "WIA-aanvraag werknemer"

# valid against the Catalogus schema of docs/openapi.json
python3 - "$TESTS/../docs/openapi.json" "$tmp/cat.json" >"$tmp/val" 2>&1 <<'EOF' && ok || nok "schema: $(tail -n 3 "$tmp/val")"
import json, sys
import jsonschema
api = json.load(open(sys.argv[1]))
schema = api["components"]["schemas"]["Catalogus"]
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
assert "/api/v1/catalogus" in api["paths"]
EOF

# --- no case data, the same for everyone ---
sqlite3 "$DB" "SELECT naam FROM werknemer UNION ALL SELECT extern_id FROM werknemer UNION ALL
	SELECT bsn FROM werknemer WHERE bsn IS NOT NULL UNION ALL SELECT naam FROM werkgever UNION ALL
	SELECT extern_id FROM werkgever UNION ALL SELECT extern_id FROM dossier UNION ALL
	SELECT weergavenaam FROM gebruiker UNION ALL SELECT json_extract(gegevens, '$.tekst') FROM gebeurtenis
	WHERE json_extract(gegevens, '$.tekst') IS NOT NULL" >"$tmp/zaak"
[ "$(wc -l <"$tmp/zaak")" -gt 20 ] && ok || nok "the demo has case data to look for: $(wc -l <"$tmp/zaak") values"
n=0
while IFS= read -r v; do
	[ -n "$v" ] || continue
	grep -qF -- "\"$v\"" "$tmp/cat.json" && { nok "case data in the catalogue: '$v'"; n=$((n + 1)); }
	grep -qF -- "$v" "$tmp/cat.json" && [ ${#v} -gt 12 ] && { nok "case text in the catalogue: '$v'"; n=$((n + 1)); }
done <"$tmp/zaak"
[ "$n" = 0 ] && ok
for r in casemanager werknemer; do
	json "$r" POST /api/v1/sessie "{\"gebruikersnaam\":\"$r\",\"wachtwoord\":\"$PW\"}"
	want 200 "login $r"
	jq_ 'd["csrf"]' >"$tmp/csrf.$r"
	req "$r" GET /api/v1/catalogus
	want 200 "catalogue for $r"
	cmp -s "$tmp/body" "$tmp/cat.json" && ok || nok "$r gets other bytes than an anonymous caller"
	eq "ETag for $r" "$(hdr ETag)" "$etag"
done
json casemanager POST /api/v1/tokens '{"naam":"catalogus","alleen_lezen":true}'
want 201 "token"
tok=$(jq_ 'd["token"]')
req "" GET /api/v1/catalogus -H "Authorization: Bearer $tok"
want 200 "catalogue with a token"
cmp -s "$tmp/body" "$tmp/cat.json" && ok || nok "a token gets other bytes"

# --- caching ---
req "" GET /api/v1/catalogus -H "If-None-Match: $etag"
want 304 "If-None-Match with the ETag"
[ ! -s "$tmp/body" ] && ok || nok "a 304 has no body: $(head -c 100 "$tmp/body")"
eq "ETag of the 304" "$(hdr ETag)" "$etag"
eq "Cache-Control of the 304" "$(hdr Cache-Control)" "no-cache"
req "" GET /api/v1/catalogus -H "If-None-Match: W/$etag"
want 304 "a weak If-None-Match"
req "" GET /api/v1/catalogus -H "If-None-Match: \"0123\", $etag"
want 304 "If-None-Match with a list"
req "" GET /api/v1/catalogus -H "If-None-Match: *"
want 304 "If-None-Match: *"
req "" GET /api/v1/catalogus -H 'If-None-Match: "00000000000000000000000000000000"'
want 200 "a stale ETag"
cmp -s "$tmp/body" "$tmp/cat.json" && ok || nok "a stale ETag gets the catalogue"
req "" GET /api/v1/catalogus -H "If-None-Match: ${etag%?}"
want 200 "a cut-off ETag"
req "" HEAD /api/v1/catalogus
want 200 "HEAD"
eq "ETag of HEAD" "$(hdr ETag)" "$etag"
json "" POST /api/v1/catalogus '{}'
want 405 "POST"
eq "Cache-Control of other answers" "$(hdr Cache-Control)" "no-store"
req casemanager GET /api/v1/ik
want 200 "ik"
eq "Cache-Control of /ik" "$(hdr Cache-Control)" "no-store"
req "" GET /api/v1/catalogus/x
want 404 "a path below the catalogue"

stop_server "$pid"
src=$?
pid=
[ "$src" -eq 0 ] && ok || nok "server stops cleanly on SIGTERM (exit $src): $(server_said "$tmp/serve.err")"
echo "cli_catalogus: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

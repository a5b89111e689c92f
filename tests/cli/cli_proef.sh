#!/bin/bash
# cli_proef.sh - the dry run of a verzuim mutation (issue 13) over a demo
# database at a fixed day (SPOOR_NU), so every date is exact:
#
# - POST /api/v1/dossiers/{id}/verzuim/proef: a relapse within 28 days
#   joins (sick day 151 of D-DEMO-010, the wachttijd 21 days later), one
#   28 days after the recovery starts a new geval, a recovery gives the
#   last sick day and the date from which a relapse is a new geval; the
#   exact JSON, valid against the Proef schema of docs/openapi.json;
# - the refusals of POST .../verzuim: 422 with the JSON path (a date not
#   after the last mutation, a missing percentage, no JSON, no object),
#   403 for a role in the case that may not record verzuim, 404 for a
#   case the caller has no role in or that does not exist, 401 without a
#   login, 403 without the CSRF token;
# - nothing is stored: the case's versie (behind its ETags) and its mutations
#   are the same after every dry run;
# - GET .../verzuim/proef: the verloop for every role in the case (the
#   werknemer too), valid against the Verloop schema.
#
# usage: bash cli_proef.sh <spoor-binary-or-wrapper> <tests-dir>
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
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_proef.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_proef.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "cli_proef.sh: sqlite3 missing (scripts/deps.sh installs it)" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
# 2026-05-28: the demo's cases are dated from this day
export SPOOR_NU=1780000000
DB=$tmp/p.db
PW=demo-wachtwoord-1

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
start_server --db "$DB"

# eq WHAT GOT WANT
eq() { [ "$2" = "$3" ] && ok || nok "$1: got '$2', want '$3'"; }
# valid SCHEMA WHAT [KEY]: the body (or its member KEY) is valid against
# components.schemas.SCHEMA
valid() {
	python3 - "$TESTS/../docs/openapi.json" "$1" "$tmp/body" "${3:-}" >"$tmp/val" 2>&1 <<'PY' && ok || nok "$2: schema $1: $(tail -n 3 "$tmp/val")"
import json, sys
import jsonschema
api = json.load(open(sys.argv[1]))
schema = {"$ref": "#/components/schemas/" + sys.argv[2],
          "components": api["components"]}
d = json.load(open(sys.argv[3]))
jsonschema.Draft202012Validator(schema).validate(d[sys.argv[4]] if sys.argv[4] else d)
PY
}
# same_json WHAT PYTHON-VALUE: the body without the week lists equals it
same_json() {
	python3 - "$tmp/body" "$2" >"$tmp/cmp" 2>&1 <<'PY' && ok || nok "$1: $(cat "$tmp/cmp")"
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("voor", "na", "verloop"):
    if isinstance(d.get(k), dict):
        d[k].pop("weken", None)
want = eval(sys.argv[2])
if d != want:
    print("got", json.dumps(d, sort_keys=True), "want", json.dumps(want, sort_keys=True))
    sys.exit(1)
PY
}
# fout STATUS CODE VELD WHAT: the last answer is that error
fout() {
	want "$1" "$4"
	eq "$4: code" "$(jq_ 'd["fout"]["code"]')" "$2"
	eq "$4: veld" "$(jq_ 'd["fout"].get("veld")')" "$3"
}
# versie ID: the versie of case ID (raised by every write; its ETags
# derive from it)
versie() {
	sqlite3 "$DB" "SELECT versie FROM dossier WHERE extern_id = '$1'"
}
mutaties() {
	sqlite3 "$DB" "SELECT count(*) FROM verzuim v JOIN dossier d ON d.id = v.dossier_id WHERE d.extern_id = '$1'"
}

P10=/api/v1/dossiers/D-DEMO-010/verzuim/proef
P21=/api/v1/dossiers/D-DEMO-021/verzuim/proef
login_rol casemanager; mv "$tmp/jar.casemanager" "$tmp/jar.cm"; mv "$tmp/csrf.casemanager" "$tmp/csrf.cm"
login_rol werkgever
login_rol werknemer
login_rol beheerder

e10=$(versie D-DEMO-010)
e21=$(versie D-DEMO-021)
[ -n "$e10" ] && ok || nok "the case has a versie"
n10=$(mutaties D-DEMO-010)
eq "D-DEMO-010: ziek, hersteld" "$n10" 2

# --- the 28-day rule (R-AGG-1/2): D-DEMO-010 is sick from 2025-11-30 to
# 2026-04-28 (150 days) and recovered on 2026-04-29 ---
VOOR10='{"eerste_ziektedag": "2025-11-30", "open": False, "geval_nr": 1, "gevallen": 1, "laatste_ziektedag": "2026-04-28", "einde_wachttijd": "2027-11-27"}'
req cm POST "$P10" '{"datum":"2026-05-20","soort":"ziek","percentage":100}'
want 200 "relapse after 21 fit days"
valid Proef "relapse"
same_json "relapse: joins, sick day 151, the wachttijd 21 days later" \
	"{'mutatie': {'datum': '2026-05-20', 'soort': 'ziek', 'percentage': 100}, 'voor': $VOOR10, 'na': {'eerste_ziektedag': '2025-11-30', 'open': True, 'geval_nr': 1, 'gevallen': 1, 'laatste_ziektedag': None, 'einde_wachttijd': '2027-12-18'}, 'ziektedag': 151, 'ziekteweek': 22, 'samengeteld': True, 'nieuw_geval': False, 'nieuw_geval_vanaf': None}"
eq "relapse: 104 weeks" "$(jq_ 'len(d["na"]["weken"])')" 104
eq "relapse: week 1 ends on sick day 7" "$(jq_ 'd["na"]["weken"][0]')" 2025-12-06
eq "relapse: week 22 ends on sick day 154" "$(jq_ 'd["na"]["weken"][21]')" 2026-05-23
eq "relapse: week 104 is the end of the wachttijd" "$(jq_ 'd["na"]["weken"][103]')" 2027-12-18
eq "before: week 104 projected without the gap" "$(jq_ 'd["voor"]["weken"][103]')" 2027-11-27

req cm POST "$P10" '{"datum":"2026-05-27","soort":"ziek","percentage":60}'
want 200 "relapse after 28 fit days"
same_json "28 fit days: a new geval" \
	"{'mutatie': {'datum': '2026-05-27', 'soort': 'ziek', 'percentage': 60}, 'voor': $VOOR10, 'na': {'eerste_ziektedag': '2026-05-27', 'open': True, 'geval_nr': 2, 'gevallen': 2, 'laatste_ziektedag': None, 'einde_wachttijd': '2028-05-23'}, 'ziektedag': 1, 'ziekteweek': 1, 'samengeteld': False, 'nieuw_geval': True, 'nieuw_geval_vanaf': None}"
eq "new geval: week 1" "$(jq_ 'd["na"]["weken"][0]')" 2026-06-02

# a recovery of D-DEMO-021 (sick since 2025-03-02): the last sick day's
# number, and from when a relapse is a new geval
req werkgever POST "$P21" '{"datum":"2026-05-01","soort":"hersteld"}'
want 200 "recovery"
valid Proef "recovery"
same_json "recovery: sick day 425, a new geval from 2026-05-29" \
	"{'mutatie': {'datum': '2026-05-01', 'soort': 'hersteld'}, 'voor': {'eerste_ziektedag': '2025-03-02', 'open': True, 'geval_nr': 1, 'gevallen': 1, 'laatste_ziektedag': None, 'einde_wachttijd': '2027-02-27'}, 'na': {'eerste_ziektedag': '2025-03-02', 'open': False, 'geval_nr': 1, 'gevallen': 1, 'laatste_ziektedag': '2026-04-30', 'einde_wachttijd': '2027-02-27'}, 'ziektedag': 425, 'ziekteweek': 61, 'samengeteld': False, 'nieuw_geval': False, 'nieuw_geval_vanaf': '2026-05-29'}"

# --- the refusals of the append ---
req cm POST "$P10" '{"datum":"2026-04-29","soort":"ziek","percentage":100}'
fout 422 ongeldig '$.datum' "a date not after the last mutation"
eq "its reason" "$(jq_ 'd["fout"]["bericht"]')" "mutaties moeten op datum oplopen (vorige: 2026-04-29)"
req cm POST "$P10" '{"datum":"2026-05-20","soort":"ziek"}'
fout 422 ongeldig '$.percentage' "ziek without a percentage"
req cm POST "$P10" '{"datum":"2026-05-20","soort":"hersteld","percentage":50}'
fout 422 ongeldig '$.percentage' "a percentage with hersteld"
req cm POST "$P10" '{"datum":"2026-05-20","soort":"beter"}'
fout 422 ongeldig '$.soort' "an unknown soort"
req cm POST "$P10" '{"datum":"2026-05-20","soort":"ziek","percentage":100,"x":1}'
fout 422 ongeldig '$.x' "an unknown key"
req cm POST "$P10" '[1]'
fout 422 ongeldig '$' "not an object"
req cm POST "$P10" '{"datum":'
fout 422 ongeldig None "no JSON"
# the same answers as the append itself
req cm POST /api/v1/dossiers/D-DEMO-010/verzuim '{"datum":"2026-04-29","soort":"ziek","percentage":100}'
fout 422 ongeldig '$.datum' "the append refuses alike"

req werknemer POST "$P21" '{"datum":"2026-05-01","soort":"hersteld"}'
fout 403 verboden None "werknemer: may not record verzuim"
eq "its reason" "$(jq_ 'd["fout"]["bericht"]')" "uw rol mag geen verzuim vastleggen"
req werkgever POST "$P10" '{"datum":"2026-05-20","soort":"hersteld"}'
fout 404 niet_gevonden None "werkgever of WG-1: another employer's case"
req werknemer POST "$P10" '{"datum":"2026-05-20","soort":"hersteld"}'
fout 404 niet_gevonden None "werknemer: a case without a role"
req beheerder POST "$P10" '{"datum":"2026-05-20","soort":"hersteld"}'
fout 404 niet_gevonden None "beheerder: reads no case"
req cm POST /api/v1/dossiers/D-GEEN/verzuim/proef '{"datum":"2026-05-20","soort":"hersteld"}'
fout 404 niet_gevonden None "no such case"
req "" POST "$P10" '{"datum":"2026-05-20","soort":"hersteld"}'
want 401 "without a login"
mv "$tmp/csrf.cm" "$tmp/csrf.cm.weg"
req cm POST "$P10" '{"datum":"2026-05-20","soort":"hersteld"}'
want 403 "a session cookie without the CSRF token"
mv "$tmp/csrf.cm.weg" "$tmp/csrf.cm"

# --- the week axis without a mutation: every role in the case ---
req werknemer GET "$P21"
want 200 "werknemer: the verloop of his case"
valid Verloop "verloop" verloop
same_json "verloop of D-DEMO-021" \
	"{'verloop': {'eerste_ziektedag': '2025-03-02', 'open': True, 'geval_nr': 1, 'gevallen': 1, 'laatste_ziektedag': None, 'einde_wachttijd': '2027-02-27'}}"
eq "verloop: week 13" "$(jq_ 'd["verloop"]["weken"][12]')" 2025-05-31
req werknemer GET "$P10"
fout 404 niet_gevonden None "werknemer: the verloop of another case"
req "" GET "$P10"
want 401 "verloop without a login"

# --- nothing stored ---
eq "D-DEMO-010: the same versie" "$(versie D-DEMO-010)" "$e10"
eq "D-DEMO-021: the same versie" "$(versie D-DEMO-021)" "$e21"
eq "D-DEMO-010: the same mutations" "$(mutaties D-DEMO-010)" "$n10"
eq "D-DEMO-021: one mutation" "$(mutaties D-DEMO-021)" 1
eq "a dry run is audited as a read" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE actie = 'verzuim proef' AND gebruiker = 'casemanager'")" 1

report cli_proef

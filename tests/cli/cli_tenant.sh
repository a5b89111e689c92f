#!/bin/bash
# cli_tenant.sh - tenant isolation and grant scopes over the API and the
# command line (issue 12), on a demo database with a second employer's
# werkgever ("aanvaller", werkgever of WG-2) added:
#
# - an import for WG-2 naming WG-1's employee id makes WG-2's own
#   employee and leaves WG-1's (name, BSN) alone; WG-2 cannot read it;
# - a BSN another employee of the same employer has is 409 on its field;
# - a werkgever cannot import medisch or vertrouwelijk entries (403 with
#   the JSON path, nothing stored), and every imported entry has the
#   importer as auteur, whatever the document says;
# - an import with another employer's case id is the 404 of a read;
# - grant scopes of architecture §6 when granted (API and `spoor user
#   add`) and when used (grants written into the database by hand);
# - a beheerder never holds a case role; a grant is in the audit log and,
#   for one case, in that case's access log.
#
# usage: bash cli_tenant.sh <spoor-binary-or-wrapper> <tests-dir>
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
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_tenant.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_tenant.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "cli_tenant.sh: sqlite3 missing (scripts/deps.sh installs it)" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/t.db
PW=demo-wachtwoord-1
PW2=Vlinder-kast-93-Regen

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }

# --- spoor user add: the scopes of §6 --------------------------------
useradd() { "$SPOOR" user add --db "$DB" "$@" >"$tmp/ua.out" 2>&1; }
useradd aanvaller --rol werkgever --werkgever WG-2 --naam "A. Valler" --wachtwoord "$PW2" ||
	nok "user add aanvaller: $(cat "$tmp/ua.out")"
for r in werknemer adviseur loopbaancoach arbeidsdeskundige; do
	useradd "org-$r" --rol "$r" --werkgever WG-1 --wachtwoord "$PW2" &&
		nok "user add: $r organisation-wide accepted" ||
		{ grep -q "per dossier" "$tmp/ua.out" && ok || nok "user add $r: $(cat "$tmp/ua.out")"; }
done
[ "$(sqlite3 "$DB" "SELECT count(*) FROM gebruiker WHERE naam LIKE 'org-%'")" = 0 ] && ok ||
	nok "a refused user add left a user behind"
useradd beheerder --rol bedrijfsarts --werkgever WG-1 &&
	nok "user add: the beheerder became bedrijfsarts" ||
	{ grep -q "beheerder" "$tmp/ua.out" && ok || nok "user add beheerder: $(cat "$tmp/ua.out")"; }
useradd bedrijfsarts --rol beheerder && nok "user add: the bedrijfsarts became beheerder" || ok
useradd coach2 --rol loopbaancoach --dossier D-DEMO-021 --wachtwoord "$PW2" ||
	nok "user add coach2 for one case: $(cat "$tmp/ua.out")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit a JOIN dossier d ON d.id = a.dossier_id WHERE d.extern_id = 'D-DEMO-021' AND a.actie = 'toekenning: loopbaancoach aan coach2'")" = 1 ] &&
	ok || nok "the per-case grant of user add is in the case's audit records"

# --- grants that should never have been stored grant nothing ------------
# (an older spoor, a hand-made row): an organisation-wide werknemer, and
# a beheerder with a bedrijfsarts grant
useradd orgwn --rol werknemer --dossier D-DEMO-001 --wachtwoord "$PW2" || nok "user add orgwn"
sqlite3 "$DB" "UPDATE toekenning SET dossier_id = NULL, werkgever_id = (SELECT id FROM werkgever WHERE extern_id = 'WG-1') WHERE gebruiker_id = (SELECT id FROM gebruiker WHERE naam = 'orgwn');
INSERT INTO toekenning (gebruiker_id, rol, werkgever_id) SELECT g.id, 'bedrijfsarts', w.id FROM gebruiker g, werkgever w WHERE g.naam = 'beheerder' AND w.extern_id = 'WG-1';" ||
	nok "sqlite3 grants"

start_server --db "$DB"

# req USER METHOD PATH [BODY]: req of lib.sh; PUTs overwrite (If-Match: *,
# cli_etag.sh tests the header)
IF_MATCH_PUT='*'
ndossiers() { sqlite3 "$DB" "SELECT count(*) FROM dossier"; }
for u in beheerder werkgever bedrijfsarts werknemer; do login "$u" "$u" "$PW" || nok "login $u: $(cat "$tmp/body")"; done
for u in aanvaller orgwn; do login "$u" "$u" "$PW2" || nok "login $u: $(cat "$tmp/body")"; done

# A case file for employer WG-2 (the attacker's), with the given
# dossier_id, werknemer object and entries.
doc() {
	printf '{"formaat":"spoor-dossier/1","dossier_id":"%s","werkgever":{"id":"WG-2","naam":"Bouwbedrijf Jansen"},"werknemer":%s,"dienstverband":{"begindatum":"2015-03-01","soort":"onbepaalde_tijd"},"vangnet":null,"verzuim":[{"datum":"2026-01-12","soort":"ziek","percentage":100}],"gebeurtenissen":[%s]}' "$1" "$2" "$3"
}

# --- an import never reaches another employer's employee -----------
req werkgever PUT /api/v1/werknemers/WN-021 '{"naam":"Y. van der Meer","geboortedatum":"1980-02-28","bsn":"111222333"}'
want 200 "WG-1 gives its employee WN-021 a BSN"
req aanvaller POST /api/v1/dossiers "$(doc D-AANVAL-1 '{"id":"WN-021","naam":"Overschreven","geboortedatum":"1990-01-01","bsn":"111222333"}' '')"
want 201 "WG-2 imports its own WN-021 (another administration, same BSN allowed)"
req werkgever GET /api/v1/dossiers/D-DEMO-021
want 200 "WG-1 reads its case"
body_has '"naam":"Y. van der Meer","geboortedatum":"1980-02-28","bsn":"111222333"' "WG-1's employee unchanged by WG-2's import"
body_lacks Overschreven "WG-1's case does not show WG-2's data"
req aanvaller GET /api/v1/dossiers/D-DEMO-021
want 404 "WG-2 does not read WG-1's case"
req aanvaller GET /api/v1/dossiers/D-AANVAL-1
want 200 "WG-2 reads its own case"
body_has '"naam":"Overschreven"' "WG-2's case has its own employee"
req aanvaller PUT /api/v1/werknemers/WN-021 '{"naam":"Weer overschreven","bsn":"111222333"}'
want 200 "WG-2 changes its own WN-021"
req werkgever GET /api/v1/dossiers/D-DEMO-021
body_has '"naam":"Y. van der Meer"' "WG-1's WN-021 unchanged by WG-2's PUT"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM werknemer WHERE extern_id = 'WN-021'")" = 2 ] && ok ||
	nok "two employees WN-021, one per employer"

# a BSN another employee of the same employer has
n=$(ndossiers)
req aanvaller POST /api/v1/dossiers "$(doc D-AANVAL-2 '{"id":"WN-900","naam":"Ander","bsn":"111222333"}' '')"
want 409 "a second employee of WG-2 with the same BSN"
body_has '"veld":"$.werknemer.bsn"' "the BSN refusal names the field"
body_has 'BSN' "the BSN refusal says what"
[ "$(ndossiers)" = "$n" ] && ok || nok "the refused import stored a case"
req werkgever PUT /api/v1/werknemers/WN-001 '{"naam":"S. de Vries","bsn":"111222333"}'
want 409 "PUT gives a second employee of WG-1 the BSN of WN-021"
body_has '"veld":"$.bsn"' "the PUT refusal names the field"

# --- imports follow the class rules of every write ---------------------
n=$(ndossiers)
req aanvaller POST /api/v1/dossiers "$(doc D-AANVAL-3 '{"id":"WN-901","naam":"B"}' '{"soort":"contact","datum":"2026-01-20"},{"soort":"contact","datum":"2026-01-21","zichtbaarheid":"medisch","tekst":"vervalst","auteur":"dr. K. Arts"}')"
want 403 "a werkgever imports a medical entry"
body_has '"veld":"$.gebeurtenissen[1].zichtbaarheid"' "the refusal names the entry's class"
req aanvaller POST /api/v1/dossiers "$(doc D-AANVAL-4 '{"id":"WN-902","naam":"C"}' '{"soort":"contact","datum":"2026-01-21","zichtbaarheid":"vertrouwelijk","tekst":"vervalst"}')"
want 403 "a werkgever imports a confidential entry"
body_has '"veld":"$.gebeurtenissen[0].zichtbaarheid"' "the refusal names the confidential entry"
[ "$(ndossiers)" = "$n" ] && ok || nok "a refused import stored a case"
req aanvaller POST /api/v1/dossiers "$(doc D-AANVAL-5 '{"id":"WN-903","naam":"D"}' '{"soort":"contact","datum":"2026-01-21","tekst":"van de arts","auteur":"dr. K. Arts"}')"
want 201 "a general entry with a forged auteur is imported"
req bedrijfsarts GET /api/v1/dossiers/D-AANVAL-5
want 200 "the bedrijfsarts reads the imported case"
body_has '"auteur":"A. Valler"' "the imported entry's auteur is the importer"
body_lacks 'dr. K. Arts' "the forged auteur is gone"

# --- another employer's case id: the 404 of a read ---------------------
req aanvaller GET /api/v1/dossiers/D-DEMO-001
cp "$tmp/body" "$tmp/lees.404"
req aanvaller POST /api/v1/dossiers "$(doc D-DEMO-001 '{"id":"WN-904","naam":"E"}' '')"
want 404 "an import with WG-1's case id"
cmp -s "$tmp/body" "$tmp/lees.404" && ok || nok "import and read answer alike: $(cat "$tmp/body") / $(cat "$tmp/lees.404")"
req aanvaller POST /api/v1/dossiers "$(doc D-AANVAL-1 '{"id":"WN-021","naam":"Overschreven"}' '')"
want 409 "an import with one's own existing case id"
body_has '"veld":"$.dossier_id"' "the 409 names the field"

# --- grant scopes through the API --------------------------------------
for r in werknemer adviseur loopbaancoach arbeidsdeskundige; do
	req beheerder POST /api/v1/toekenningen "{\"gebruikersnaam\":\"coach2\",\"rol\":\"$r\",\"werkgever\":\"WG-1\"}"
	want 422 "organisation-wide $r granted"
	body_has '"veld":"$.werkgever"' "the $r refusal names the field"
done
req beheerder POST /api/v1/toekenningen '{"gebruikersnaam":"beheerder","rol":"bedrijfsarts","werkgever":"WG-1"}'
want 409 "the beheerder grants himself bedrijfsarts"
body_has '"veld":"$.rol"' "the refusal names the role"
req beheerder POST /api/v1/toekenningen '{"gebruikersnaam":"bedrijfsarts","rol":"beheerder"}'
want 409 "the bedrijfsarts made beheerder"
req beheerder POST /api/v1/toekenningen '{"gebruikersnaam":"coach2","rol":"adviseur","dossier":"D-DEMO-021"}'
want 201 "a per-case grant"
req werknemer GET /api/v1/dossiers/D-DEMO-021/toegang
want 200 "the werknemer reads his access log"
body_has 'toekenning: adviseur aan coach2' "the grant is in the case's access log"
body_has 'toekenning: loopbaancoach aan coach2' "the user add grant is in the case's access log"

# --- grants that count nowhere -----------------------------------------
req orgwn GET /api/v1/dossiers
want 200 "an organisation-wide werknemer lists cases"
[ "$(python3 -c "import json; print(len(json.load(open('$tmp/body'))['dossiers']))" 2>/dev/null)" = 0 ] && ok ||
	nok "an organisation-wide werknemer sees no case: $(head -c 300 "$tmp/body")"
for z in D-DEMO-001 D-DEMO-021; do
	req orgwn GET "/api/v1/dossiers/$z"
	want 404 "an organisation-wide werknemer reads $z"
	req beheerder GET "/api/v1/dossiers/$z"
	want 404 "a beheerder with a bedrijfsarts grant reads $z"
done
req orgwn GET /api/v1/ik
body_lacks '"werknemer"' "an organisation-wide werknemer holds no role"
req orgwn GET /api/v1/werkgevers
want 200 "an organisation-wide werknemer lists employers"
[ "$(python3 -c "import json; print(len(json.load(open('$tmp/body'))['werkgevers']))" 2>/dev/null)" = 0 ] && ok ||
	nok "an organisation-wide werknemer sees no employer: $(head -c 300 "$tmp/body")"

"$SPOOR" audit verify --db "$DB" >"$tmp/verify.out" 2>&1 && ok || nok "audit verify: $(cat "$tmp/verify.out")"
stop_server "$pid" || nok "server exit status $?: $(server_said "$tmp/serve.err")"
pid=
report cli_tenant

#!/bin/bash
# cli_store.sh - the database commands end to end on SQLite: init (and
# its idempotence), import (all or nothing, errors with file and JSON
# path), export filtered per role (architecture §6: the employer never
# receives a medical or confidential entry), user add, audit verify (and
# its detection of tampering), backup.
#
# usage: bash cli_store.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_store.sh <spoor> <tests-dir>" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/s.db

ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
run() { "$SPOOR" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
want_rc() { [ "$rc" -eq "$1" ] && ok || nok "$2: exit $rc, want $1: $(head -c 300 "$tmp/err")"; }
has() { grep -qF -- "$1" "$tmp/out" && ok || nok "$2: stdout lacks '$1'"; }
lacks() { grep -qF -- "$1" "$tmp/out" && nok "$2: stdout has '$1'" || ok; }
err_is() { [ "$(cat "$tmp/err")" = "$1" ] && ok || nok "$2: stderr '$(cat "$tmp/err")', want '$1'"; }
count() { sqlite3 "$DB" "SELECT count(*) FROM $1"; }

# A case with one entry of each class; the medical and confidential
# texts must never reach the employer.
cat >"$tmp/d1.json" <<'EOF'
{"formaat":"spoor-dossier/1","dossier_id":"D-1",
 "werkgever":{"id":"WG-1","naam":"Bakkerij","eigenrisicodrager_wga":false},
 "werknemer":{"id":"WN-1","naam":"S. de Vries","bsn":"111222333"},
 "dienstverband":{"begindatum":"2015-03-01","einddatum":null,"soort":"onbepaalde_tijd",
   "uren_per_week":38,"maandloon_cent":312500},
 "vangnet":null,
 "verzuim":[{"datum":"2026-01-12","soort":"ziek","percentage":100}],
 "gebeurtenissen":[
  {"soort":"probleemanalyse","datum":"2026-02-20","benutbare_mogelijkheden":true},
  {"soort":"contact","datum":"2026-02-21","zichtbaarheid":"medisch","tekst":"MEDISCH-GEHEIM burn-out"},
  {"soort":"contact","datum":"2026-02-22","zichtbaarheid":"vertrouwelijk","tekst":"COACH-GEHEIM"},
  {"soort":"plan_van_aanpak","datum":"2026-03-02","casemanager":"M. Bakker"}]}
EOF
sed 's/"D-1"/"D-2"/; s/"WG-1","naam":"Bakkerij"/"WG-2","naam":"Garage"/; s/"WN-1"/"WN-2"/' \
	"$tmp/d1.json" >"$tmp/d2.json"

# --- init ---
run init --db "$DB"
want_rc 0 "init"
has "schemaversie 0 -> " "init reports the upgrade"
run init --db "$DB"
want_rc 0 "init again"
has "al bij" "init is idempotent"
run import --db "$tmp/leeg.db" "$tmp/d1.json"
want_rc 2 "import before init"
grep -qF "spoor init" "$tmp/err" && ok || nok "import before init names 'spoor init': $(cat "$tmp/err")"

# --- import ---
run import --db "$DB" "$tmp/d1.json" "$tmp/d2.json"
want_rc 0 "import two cases"
[ "$(count dossier)" = 2 ] && ok || nok "2 cases stored"
[ "$(count gebeurtenis)" = 8 ] && ok || nok "8 entries stored"
run import --db "$DB" "$tmp/d1.json"
want_rc 2 "import twice"
err_is "spoor: $tmp/d1.json: \$.dossier_id: er bestaat al een dossier 'D-1'" "duplicate case"
[ "$(count gebeurtenis)" = 8 ] && ok || nok "nothing half-written after the refusal"
sed 's/"D-1"/"D-3"/; s/"2026-02-20"/"2026-02-30"/' "$tmp/d1.json" >"$tmp/bad.json"
run import --db "$DB" "$tmp/bad.json"
want_rc 2 "import a bad date"
err_is "spoor: $tmp/bad.json: \$.gebeurtenissen[0].datum: ongeldige datum '2026-02-30' (bestaat niet of ligt buiten 1900..2199)" "bad date named with its path"
# a correction in another class than the entry it corrects
sed 's/"D-1"/"D-4"/; s/"tekst":"COACH-GEHEIM"}/"tekst":"COACH-GEHEIM","id":"c1"},{"soort":"contact","datum":"2026-02-23","corrigeert":"c1"}/' \
	"$tmp/d1.json" >"$tmp/corr.json"
run import --db "$DB" "$tmp/corr.json"
want_rc 2 "correction changes class"
grep -qF '$.gebeurtenissen[3].zichtbaarheid' "$tmp/err" && ok || nok "correction class path: $(cat "$tmp/err")"
[ "$(count dossier)" = 2 ] && ok || nok "still 2 cases"

# --- export ---
run export --db "$DB" D-1
want_rc 0 "export whole"
cmp -s "$tmp/out" <("$SPOOR" export --db "$DB" D-1 2>/dev/null) && ok || nok "export is stable"
has "MEDISCH-GEHEIM" "full export has the medical entry"
# the full export reads back as the same case (round trip)
"$SPOOR" tijdlijn "$tmp/d1.json" --peildatum 2026-06-01 --json >"$tmp/t1" 2>&1
cp "$tmp/out" "$tmp/e1.json"
"$SPOOR" tijdlijn "$tmp/e1.json" --peildatum 2026-06-01 --json >"$tmp/t2" 2>&1
cmp -s "$tmp/t1" "$tmp/t2" && ok || nok "exported case gives the same timeline"
for rol in werkgever leidinggevende casemanager arbeidsdeskundige adviseur; do
	run export --db "$DB" --rol "$rol" D-1
	want_rc 0 "export --rol $rol"
	lacks "MEDISCH-GEHEIM" "$rol export"
	lacks "COACH-GEHEIM" "$rol export"
	has '"plan_van_aanpak"' "$rol export keeps algemeen"
	case $rol in
	werkgever | casemanager) has '"bsn":"111222333"' "$rol export has the BSN" ;;
	*) lacks "111222333" "$rol export: no BSN" ;;
	esac
done
run export --db "$DB" --rol bedrijfsarts D-1
has "MEDISCH-GEHEIM" "bedrijfsarts reads medisch"
lacks "COACH-GEHEIM" "bedrijfsarts export"
run export --db "$DB" --rol loopbaancoach D-1
lacks "MEDISCH-GEHEIM" "coach export"
has "COACH-GEHEIM" "coach reads vertrouwelijk"
lacks "111222333" "coach export: no BSN"
run export --db "$DB" --rol werknemer D-1
has "MEDISCH-GEHEIM" "werknemer reads his medisch"
has "COACH-GEHEIM" "werknemer reads his vertrouwelijk"
has '"bsn":"111222333"' "werknemer export has his BSN"
run export --db "$DB" --rol beheerder D-1
want_rc 2 "beheerder reads no case content"

run export --db "$DB" --rol baas D-1
want_rc 2 "unknown role"
err_is "spoor: --rol: onbekende rol 'baas'" "unknown role message"
run export --db "$DB" D-9
want_rc 2 "export of a missing case"
err_is "spoor: export: geen dossier 'D-9'" "missing case message"

# --- users ---
run user add --db "$DB" jan --rol casemanager --werkgever WG-1 --wachtwoord geheim-wachtwoord
want_rc 0 "user add"
has "gebruiker jan: rol casemanager bij werkgever WG-1" "user add output"
run user add --db "$DB" jan --rol casemanager --werkgever WG-2
want_rc 0 "second grant for jan"
lacks "wachtwoord:" "existing user keeps his password"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM toekenning t, gebruiker g WHERE g.naam='jan' AND t.gebruiker_id=g.id")" = 2 ] &&
	ok || nok "jan has two grants"
run user add --db "$DB" piet --rol loopbaancoach --dossier D-1
want_rc 0 "user add with a chosen password"
grep -qE '^wachtwoord: [a-z2-9]{16}$' "$tmp/out" && ok || nok "chosen password printed"
grep -q '^\$argon2id\$' <(sqlite3 "$DB" "SELECT wachtwoord_hash FROM gebruiker WHERE naam='piet'") &&
	ok || nok "argon2id hash stored"
sqlite3 "$DB" "SELECT wachtwoord_hash FROM gebruiker" | grep -q "$(sed -n 's/^wachtwoord: //p' "$tmp/out")" &&
	nok "plain password stored" || ok
run user add --db "$DB" kees --rol werkgever
want_rc 2 "werkgever needs a scope"
run user add --db "$DB" kees --rol casemanager --werkgever WG-9
want_rc 2 "unknown employer"
err_is "spoor: user add: werkgever 'WG-9' bestaat niet" "unknown employer message"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM gebruiker WHERE naam='kees'")" = 0 ] && ok || nok "no user left behind"
run user add --db "$DB" 'Kees!' --rol beheerder
want_rc 2 "bad user name"
run user add --db "$DB" kees --rol beheerder --wachtwoord kort
want_rc 2 "short password"

# --- audit ---
run audit verify --db "$DB"
want_rc 0 "audit intact"
n=$(count audit)
has "auditlog intact: $n records" "audit count"
sqlite3 "$DB" "UPDATE audit SET actie='niets' WHERE volgnr=2"
run audit verify --db "$DB"
want_rc 1 "tampered audit"
has "de keten breekt bij record 2" "first bad record named"
cp "$DB" "$tmp/kopie-bron.db"

# --- backup ---
run backup --db "$DB" "$tmp/b.db"
want_rc 0 "backup"
[ "$(sqlite3 "$tmp/b.db" "SELECT count(*) FROM gebeurtenis")" = 8 ] && ok || nok "backup holds the entries"
run backup --db "$DB" "$tmp/b.db"
want_rc 2 "backup refuses to overwrite"

# werkgever.eigenrisicodrager_zw (issue 14, R-ZW-3) survives the store:
# a case ill out of service of an eigenrisicodrager ZW owes no RIV, the
# stored case computes the same, and the export carries the key.
sed 's/"WG-20","naam": "Uitzend- en Detacheringsbureau Noord B.V.",/"WG-20","naam": "Uitzend- en Detacheringsbureau Noord B.V.", "eigenrisicodrager_zw": true,/; s/"WG-20", "naam"/"WG-20", "eigenrisicodrager_zw": true, "naam"/' \
	"$TESTS/data/voorbeelden/ziek-uit-dienst.json" >"$tmp/zw.json"
grep -q '"eigenrisicodrager_zw": true' "$tmp/zw.json" && ok || nok "test file has eigenrisicodrager_zw"
run import --db "$DB" "$tmp/zw.json"
want_rc 0 "import eigenrisicodrager_zw"
run export --db "$DB" ZW-38-2
want_rc 0 "export eigenrisicodrager_zw"
has '"eigenrisicodrager_zw":true' "export keeps eigenrisicodrager_zw"
cp "$tmp/out" "$tmp/zw-export.json"
"$SPOOR" tijdlijn "$tmp/zw.json" --peildatum 2025-04-22 --json >"$tmp/t1" 2>&1
"$SPOOR" tijdlijn "$tmp/zw-export.json" --peildatum 2025-04-22 --json >"$tmp/t2" 2>&1
cmp -s "$tmp/t1" "$tmp/t2" && ok || nok "stored eigenrisicodrager_zw case gives the same timeline"
grep -qE '"id":"re_integratieverslag","soort":"actie","uiterlijk":"[0-9-]*","status":"niet_van_toepassing"' "$tmp/t2" && ok || nok "no RIV for an eigenrisicodrager ZW: $(cat "$tmp/t2")"
[ "$(sqlite3 "$DB" "SELECT eigenrisicodrager_zw FROM werkgever WHERE extern_id = 'WG-20'")" = 1 ] && ok || nok "column eigenrisicodrager_zw stored"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/bash
# cli_param.sh - parameter rows a beheerder stores in a running
# installation: `spoor parameters` (lijst, zet, wis) and the API
# (GET /api/v1/parameters, PUT and DELETE /api/v1/parameters/{tabel}/{datum})
# on a demo database; the wage of a stored case follows, a cached result is
# not served stale, a change by another process reaches the server within
# a few seconds, others than the beheerder get 403, bad input 422 with the
# JSON path, a removed row lets the compiled row apply again, and the
# audit log holds every change. Then on PostgreSQL (not under valgrind):
# two servers on one database, a change through one reaches the other
# within a few seconds (docs/store.md, "Parameters").
#
# usage: bash cli_param.sh <spoor-binary-or-wrapper> <tests-dir>
#
# data/param/wml-2027.json: ill from Mon 2026-07-06, 40 hours a week,
# maandloon EUR 3.000: dagloon 300000 x 12 / 261 = 13793, 70 % = 9655. The
# first 52 weeks (to 2027-07-04) have the WML floor of WML/h x 40 / 5, never
# above the dagloon. The compiled wml_uur is 'onbekend' from 2027-01-01, so
# 2027-01-01..07-04 (131 working days) uses the last known 1471: 11768 a
# day, 1541608 in all. With a stored 1500 it is 12000 (1572000), with 1600
# 12800 (1676800).
#
# data/param/jeugd-2027.json (the youth scale, R-PAY-3, table wml_jeugd):
# born 2009-06-01, ill from Mon 2026-11-02, 16 hours, maandloon EUR 500:
# dagloon 2299, 70 % = 1609. The compiled 2027 percentages of 16-20 are
# 'onbekend': 17 keeps 39,5 % (1471 x 39,5 % = 581; x 16 / 5 = 1859, voorlopig)
# and the gap is reported. A stored 45 % for 17 from 2027-01-01: 662 an hour,
# 2118 a day from 2027-01-01; with 62,5 % for 18 as well no wml_jeugd gap is
# left (from 2027-06-01 the floor 919 x 16 / 5 = 2941 is capped at the wage).
SPOOR=$1
TESTS=$2
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pid=
pid2=
U=
cleanup() {
	stop_server "$pid"
	stop_server "$pid2"
	[ -n "$U" ] && bash "$TESTS/../scripts/pg.sh" stop "$U" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
F=$TESTS/data/param/wml-2027.json
[ -n "$SPOOR" ] && [ -f "$F" ] || { echo "usage: bash cli_param.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_param.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/param.db
PW=demo-wachtwoord-1

run() { "$SPOOR" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
has() { grep -qF -- "$1" "$tmp/out" && ok || nok "$2: stdout lacks '$1': $(head -c 400 "$tmp/out")"; }
lacks() { grep -qF -- "$1" "$tmp/out" && nok "$2: stdout has '$1'" || ok; }
err_has() { grep -qF -- "$1" "$tmp/err" && ok || nok "$2: stderr lacks '$1': $(cat "$tmp/err")"; }
rc_is() { [ "$rc" = "$1" ] && ok || nok "$2: exit $rc, want $1 ($(head -c 300 "$tmp/err"))"; }

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
run import --db "$DB" "$F"
rc_is 0 "import the case"

# --- the command line ---
run loon "$F" --peildatum 2026-12-07
rc_is 0 "loon with the compiled tables"
has "2027-01-01..2027-07-04 26-52          131 minimumloon                € 117,68" "2027 on the last known WML"
has "parameter 'wml_uur' is onbekend vanaf 2027-01-01" "the 2027 gap is reported"

run parameters --db "$DB"
rc_is 0 "parameters lijst"
has "Parametertabellen (versie 0, 0 opgeslagen rijen)" "nothing stored"
has "  2027-01-01        onbekend  ingebouwd   Indexatie 1-1-2027" "the compiled 2027 row"

run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 1500 --bron "Stcrt. test 1" --gebruiker casemanager
rc_is 2 "zet by a casemanager"
err_has "'casemanager' is geen beheerder" "only a beheerder"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 1500 --bron "Stcrt. test 1" --gebruiker niemand
rc_is 2 "zet by an unknown user"
err_has "geen actieve gebruiker 'niemand'" "unknown user named"
run parameters zet --db "$DB" --tabel wml --vanaf 2027-01-01 --cent 1500 --bron b --gebruiker beheerder
rc_is 2 "unknown table"
err_has "--tabel: onbekende tabel" "unknown table named"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-02-30 --cent 1500 --bron b --gebruiker beheerder
rc_is 2 "bad date"
err_has "--vanaf: ongeldige datum '2027-02-30'" "bad date named"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent -5 --bron b --gebruiker beheerder
rc_is 2 "negative amount"
err_has "--cent: verwacht een bedrag in centen" "negative amount named"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 15000 --bron b --gebruiker beheerder
rc_is 2 "absurd amount"
err_has "--cent: bedrag in centen van 1 tot en met 10000" "absurd amount named"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 1500 --bron "" --gebruiker beheerder
rc_is 2 "empty source"
err_has "--bron: bron ontbreekt" "empty source named"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 1500 --onbekend --bron b --gebruiker beheerder
rc_is 2 "both --cent and --onbekend"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 1500 --bron b
rc_is 2 "without --gebruiker"
run parameters weg --db "$DB"
rc_is 2 "unknown subcommand"
err_has "onbekende opdracht 'weg'" "unknown subcommand named"
run parameters --db "$DB" --bogus
rc_is 2 "unknown option"

run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 1500 --bron "Stcrt. test 1" --gebruiker beheerder
rc_is 0 "zet by the beheerder"
has "parameter wml_uur vanaf 2027-01-01 gezet (parameterversie 1)" "zet reports the version"
run parameters --db "$DB"
has "  2027-01-01       € 15,00  opgeslagen  Stcrt. test 1 (beheerder, " "lijst shows the stored row"
run loon "$F" --peildatum 2026-12-07 --db "$DB"
rc_is 0 "loon --db"
has "2027-01-01..2027-07-04 26-52          131 minimumloon                € 120,00" "loon --db uses the stored row"
lacks "parameter 'wml_uur' is onbekend vanaf 2027-01-01" "no 2027 WML gap with the stored row"
run loon "$F" --peildatum 2026-12-07
has "€ 117,68" "loon without --db keeps the compiled tables"
run parameters wis --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --gebruiker beheerder
rc_is 0 "wis"
has "gewist (parameterversie 2)" "wis reports the version"
run parameters wis --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --gebruiker beheerder
rc_is 2 "wis of a row that is not there"
err_has "geen opgeslagen rij wml_uur vanaf 2027-01-01" "nothing to remove"
run loon "$F" --peildatum 2026-12-07 --db "$DB"
has "€ 117,68" "after wis the compiled row applies again"
run parameters --help
rc_is 0 "parameters --help"
has "spoor parameters zet" "help shows zet"

# --- the API ---
# serve DB NAME: starts a server; sets $spid and $URL
serve() {
	start_server -n "serve.$2" -p spid --db "$1"
}
serve "$DB" sqlite
pid=$spid

# the daily amount of the period from 2027-01-01 in the loon of the case
loon2027() {
	req casemanager GET "/api/v1/dossiers/T-PARAM-2027/loon?peildatum=2026-12-07"
	want 200 "loon $1"
	jq_ '[p["verschuldigd_dag_cent"] for p in d["perioden"] if p["van"] == "2027-01-01"][0]'
}
hits() {
	curl -s "$URL/metrics" | awk '$1 == "spoor_cache_hits_total" { print $2 }'
}

login_rol beheerder
login_rol casemanager
req beheerder POST /api/v1/toekenningen '{"gebruikersnaam":"casemanager","rol":"casemanager","dossier":"T-PARAM-2027"}'
want 201 "grant the case to the casemanager"

[ "$(loon2027 first)" = 11768 ] && ok || nok "API loon 2027 on the compiled tables: $(head -c 300 "$tmp/body")"
h0=$(hits)
[ "$(loon2027 again)" = 11768 ] && ok || nok "API loon 2027 again"
[ "$(hits)" -gt "$h0" ] && ok || nok "the second loon came from the cache ($h0 -> $(hits))"
# the exposure of the sanction year 2028-07-03..2029-07-01: 70 % of the
# dagloon below the maximum dagloon, 260 days: 9655 x 260
toets() {
	req casemanager GET "/api/v1/dossiers/T-PARAM-2027/toets?peildatum=2026-12-07"
	want 200 "toets $1"
	jq_ 'd["loonsanctie_blootstelling_cent"]'
}
[ "$(toets first)" = 2510300 ] && ok || nok "toets exposure: $(head -c 300 "$tmp/body")"
h0=$(hits)
[ "$(toets again)" = 2510300 ] && ok || nok "toets exposure again"
[ "$(hits)" -gt "$h0" ] && ok || nok "the second toets came from the cache"

req casemanager GET /api/v1/parameters
want 200 "GET parameters by a casemanager"
body_has '"tabel":"wml_uur","eenheid":"cent per uur"' "parameters: the WML table"
body_has '{"ingangsdatum":"2027-01-01","waarde_cent":null,"bron":"Indexatie 1-1-2027' "parameters: the compiled 2027 row"
body_has '"herkomst":"ingebouwd"' "parameters: herkomst"
req "" GET /api/v1/parameters
want 401 "GET parameters without a login"

# others than the beheerder: 403 with the error document
req casemanager PUT /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":1500,"bron":"b"}'
want 403 "PUT by a casemanager"
body_is '{"fout":{"code":"verboden","bericht":"alleen een beheerder wijzigt de parametertabellen"}}' "403 document"
req casemanager DELETE /api/v1/parameters/wml_uur/2027-01-01
want 403 "DELETE by a casemanager"

# bad input: 422 with the path of the field
bad() { # PATH BODY VELD WHAT
	req beheerder PUT "$1" "$2"
	want 422 "$4"
	[ "$(jq_ 'd["fout"]["veld"]')" = "$3" ] && ok || nok "$4: veld $(head -c 300 "$tmp/body"), want $3"
}
bad /api/v1/parameters/wml/2027-01-01 '{"waarde_cent":1500,"bron":"b"}' '$.tabel' "unknown table"
bad /api/v1/parameters/wml_uur/2027-02-30 '{"waarde_cent":1500,"bron":"b"}' '$.ingangsdatum' "bad date"
bad /api/v1/parameters/wml_uur/1999-01-01 '{"waarde_cent":1500,"bron":"b"}' '$.ingangsdatum' "date out of range"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":-5,"bron":"b"}' '$.waarde_cent' "negative amount"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":15000,"bron":"b"}' '$.waarde_cent' "absurd amount"
bad /api/v1/parameters/maximumdagloon/2027-01-01 '{"waarde_cent":100001,"bron":"b"}' '$.waarde_cent' "absurd dagloon"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":15.5,"bron":"b"}' '$.waarde_cent' "fractional amount"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"bron":"b"}' '$.waarde_cent' "missing amount"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":1500,"bron":""}' '$.bron' "empty source"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":1500}' '$.bron' "missing source"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":1500,"bron":"b","x":1}' '$.x' "unknown field"
bad /api/v1/parameters/wml_uur/2027-01-01 '[1]' '$' "not an object"
[ "$(loon2027 "after refused writes")" = 11768 ] && ok || nok "refused writes changed nothing"

# set: the next loon and toets use it (the cached ones are not served)
req beheerder PUT /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":1500,"bron":"Stcrt. test 2"}'
want 200 "PUT by the beheerder"
body_has '"waarde_cent":1500,"bron":"Stcrt. test 2","versie":3' "PUT answer"
[ "$(loon2027 "after PUT")" = 12000 ] && ok || nok "API loon 2027 after PUT: $(head -c 300 "$tmp/body")"
# a maximum dagloon of EUR 100 from 2028: the sanction year costs 70 %
# of 10000 a day, 7000 x 260; the cached toets is not served
req beheerder PUT /api/v1/parameters/maximumdagloon/2028-01-01 '{"waarde_cent":10000,"bron":"test"}'
want 200 "PUT maximumdagloon"
[ "$(toets "after PUT")" = 1820000 ] && ok || nok "toets exposure after PUT: $(head -c 300 "$tmp/body")"
req beheerder DELETE /api/v1/parameters/maximumdagloon/2028-01-01
want 200 "DELETE maximumdagloon"
[ "$(toets "after DELETE")" = 2510300 ] && ok || nok "toets exposure after DELETE"
req casemanager GET /api/v1/parameters
body_has '{"ingangsdatum":"2027-01-01","waarde_cent":1500,"bron":"Stcrt. test 2","herkomst":"opgeslagen","gebruiker":"beheerder","vastgelegd":"' "GET parameters: the stored row"
body_has '"vervangt":{"waarde_cent":null,"bron":"Indexatie 1-1-2027' "GET parameters: what it replaces"
body_has '"versie":5' "GET parameters: version"

# another process changes the row: the server follows within seconds
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --cent 1600 --bron "Stcrt. test 3" --gebruiker beheerder
rc_is 0 "zet while the server runs"
v=
for _ in $(seq 1 100); do
	v=$(loon2027 "after the other process")
	[ "$v" = 12800 ] && break
	sleep 0.1
done
[ "$v" = 12800 ] && ok || nok "the server did not take the other process's row within 10 s ($v)"

# delete: the compiled row applies again
req beheerder DELETE /api/v1/parameters/wml_uur/2027-01-01
want 200 "DELETE by the beheerder"
body_has '"versie":7' "DELETE answer"
[ "$(loon2027 "after DELETE")" = 11768 ] && ok || nok "API loon 2027 after DELETE"
req beheerder DELETE /api/v1/parameters/wml_uur/2027-01-01
want 404 "DELETE of a row that is not there"
req beheerder DELETE /api/v1/parameters/wml_uur/2027-13-01
want 422 "DELETE with a bad date"

stop_server "$pid" && ok || nok "server stopped with $? ($(server_said "$tmp/serve.sqlite.err"))"
pid=

# every change is in the audit chain
run audit verify --db "$DB"
rc_is 0 "audit verify"
n=$(python3 -c "
import sqlite3; c = sqlite3.connect('$DB')
print(c.execute(\"SELECT count(*) FROM audit WHERE actie LIKE 'parameter %'\").fetchone()[0])")
[ "$n" = 7 ] && ok || nok "7 parameter changes in the audit log, got $n"

# --- the youth scale: table wml_jeugd, a stored row per age ---
J=$TESTS/data/param/jeugd-2027.json
run import --db "$DB" "$J"
rc_is 0 "import the youth case"
run loon "$J" --peildatum 2026-12-07 --db "$DB"
rc_is 0 "youth loon on the compiled scale"
has "2026-11-02..2027-05-31 1-31           151 minimumjeugdloon 39,5%      € 18,59" "17 on the last known 39,5 %"
has "parameter 'wml_jeugd' is onbekend vanaf 2027-01-01" "the 2027 scale gap is reported"
run parameters --db "$DB"
has "wml_jeugd (promille van het minimumuurloon per leeftijd; opslaan als wml_jeugd_L)" "lijst shows the youth scale"
has "  2019-07-01  18 jaar     50,0%  ingebouwd   Besluit minimumjeugdloonregeling art. 2 lid 1" "lijst: a compiled percentage with its source"
has "  2027-01-01  17 jaar  onbekend  ingebouwd   Voorgenomen wijziging" "lijst: a compiled 'onbekend'"
run parameters zet --db "$DB" --tabel wml_jeugd_14 --vanaf 2027-01-01 --promille 300 --bron b --gebruiker beheerder
rc_is 2 "no stored row below 15"
err_has "--tabel: onbekende tabel (wml_uur, maximumdagloon of wml_jeugd_15 tot en met wml_jeugd_22)" "youth table range named"
run parameters zet --db "$DB" --tabel wml_jeugd_17 --vanaf 2027-01-01 --cent 450 --bron b --gebruiker beheerder
rc_is 2 "--cent for a percentage"
err_has "--cent: tabel wml_jeugd_17 gebruikt --promille" "unit named"
run parameters zet --db "$DB" --tabel wml_uur --vanaf 2027-01-01 --promille 450 --bron b --gebruiker beheerder
rc_is 2 "--promille for an amount"
err_has "--promille: tabel wml_uur gebruikt --cent" "unit named for wml_uur"
run parameters zet --db "$DB" --tabel wml_jeugd_17 --vanaf 2027-01-01 --promille 1001 --bron b --gebruiker beheerder
rc_is 2 "above 100 %"
err_has "--promille: promille van het minimumuurloon van 1 tot en met 1000" "above 100 % named"
run parameters zet --db "$DB" --tabel wml_jeugd_17 --vanaf 2027-01-01 --promille 450 --bron "Stb. test" --gebruiker beheerder
rc_is 0 "zet a youth percentage"
has "parameter wml_jeugd_17 vanaf 2027-01-01 gezet (parameterversie 8)" "zet reports the version"
run parameters --db "$DB"
has "  2027-01-01  17 jaar     45,0%  opgeslagen  Stb. test (beheerder, " "lijst shows the stored percentage"
has "  2027-01-01  18 jaar  onbekend  ingebouwd" "the other ages unchanged"
run loon "$J" --peildatum 2026-12-07 --db "$DB"
has "2026-11-02..2026-12-31 1-9             44 minimumjeugdloon 39,5%      € 18,59" "2026 unchanged"
has "2027-01-01..2027-05-31 9-31           107 minimumjeugdloon 45,0%      € 21,18" "loon --db uses the stored percentage"
has "parameter 'wml_jeugd' is onbekend vanaf 2027-01-01" "18 still has its gap"

serve "$DB" jeugd
pid=$spid
rm -f "$tmp"/jar.* "$tmp"/csrf.*
login_rol beheerder
login_rol casemanager
req casemanager GET /api/v1/parameters
want 200 "GET parameters with the youth scale"
body_has '"tabel":"wml_jeugd","eenheid":"promille van het minimumuurloon per leeftijd"' "API: the youth table"
body_has '{"ingangsdatum":"2027-01-01","leeftijd":17,"waarde_promille":450,"bron":"Stb. test","herkomst":"opgeslagen","gebruiker":"beheerder"' "API: the stored percentage"
body_has '"vervangt":{"waarde_promille":null,"bron":"Voorgenomen wijziging' "API: what it replaces"
body_has '{"ingangsdatum":"2019-07-01","leeftijd":16,"waarde_promille":345,"bron":"Besluit minimumjeugdloonregeling art. 2 lid 1' "API: a compiled percentage"
bad /api/v1/parameters/wml_jeugd_14/2027-01-01 '{"waarde_promille":300,"bron":"b"}' '$.tabel' "youth: age below 15"
bad /api/v1/parameters/wml_jeugd_018/2027-01-01 '{"waarde_promille":300,"bron":"b"}' '$.tabel' "youth: age with a zero"
bad /api/v1/parameters/wml_jeugd_18/2027-01-01 '{"waarde_cent":625,"bron":"b"}' '$.waarde_cent' "youth: an amount in cents"
bad /api/v1/parameters/wml_jeugd_18/2027-01-01 '{"waarde_promille":1001,"bron":"b"}' '$.waarde_promille' "youth: above 100 %"
bad /api/v1/parameters/wml_jeugd_18/2027-01-01 '{"bron":"b"}' '$.waarde_promille' "youth: missing percentage"
bad /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_promille":625,"bron":"b"}' '$.waarde_promille' "a percentage for wml_uur"
req beheerder PUT /api/v1/parameters/wml_jeugd_18/2027-01-01 '{"waarde_promille":625,"bron":"Stb. test 2"}'
want 200 "PUT a youth percentage"
body_is '{"tabel":"wml_jeugd_18","ingangsdatum":"2027-01-01","waarde_promille":625,"bron":"Stb. test 2","versie":9}' "PUT answer for the youth scale"
stop_server "$pid" && ok || nok "server stopped with $? ($(server_said "$tmp/serve.jeugd.err"))"
pid=
run loon "$J" --peildatum 2026-12-07 --db "$DB"
has "2027-06-01..2027-10-31 31-52          109 minimumjeugdloon 62,5%      € 22,99" "18 with 62,5 % is capped at the wage"
lacks "parameter 'wml_jeugd' is onbekend" "no youth gap left"
run parameters wis --db "$DB" --tabel wml_jeugd_17 --vanaf 2027-01-01 --gebruiker beheerder
rc_is 0 "wis a youth percentage"
run loon "$J" --peildatum 2026-12-07 --db "$DB"
has "2026-11-02..2027-05-31 1-31           151 minimumjeugdloon 39,5%      € 18,59" "after wis 17 is back on 39,5 %"
n=$(python3 -c "
import sqlite3; c = sqlite3.connect('$DB')
print(c.execute(\"SELECT count(*) FROM audit WHERE actie LIKE 'parameter %jeugd%'\").fetchone()[0])")
[ "$n" = 3 ] && ok || nok "3 youth parameter changes in the audit log, got $n"
n=$(python3 -c "
import sqlite3; c = sqlite3.connect('$DB')
print(c.execute(\"SELECT count(*) FROM audit WHERE actie = 'parameter zetten: wml_jeugd_18 vanaf 2027-01-01 = 625 promille (bron: Stb. test 2)'\").fetchone()[0])")
[ "$n" = 1 ] && ok || nok "the audit record names the age, the percentage and the source"

# --- PostgreSQL: two servers on one database ---
if [ -n "${SPOOR_VALGRIND:-}" ]; then
	echo "cli_param: the PostgreSQL part is skipped under valgrind"
elif ! U=$(bash "$TESTS/../scripts/pg.sh" start); then
	U=
	nok "no PostgreSQL cluster (scripts/pg.sh start)"
else
	"$SPOOR" demo --db "$U" --wachtwoord "$PW" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	rc_is 0 "demo on PostgreSQL"
	run import --db "$U" "$F"
	rc_is 0 "import on PostgreSQL"
	serve "$U" pg1
	pid=$spid
	URL1=$URL
	serve "$U" pg2
	pid2=$spid
	URL2=$URL
	rm -f "$tmp"/jar.* "$tmp"/csrf.*
	URL=$URL1
	login_rol beheerder
	login_rol casemanager
	req beheerder POST /api/v1/toekenningen '{"gebruikersnaam":"casemanager","rol":"casemanager","dossier":"T-PARAM-2027"}'
	want 201 "PostgreSQL: grant the case"
	# the session lives in the database: the same cookie works on both
	URL=$URL2
	[ "$(loon2027 "PostgreSQL, server 2")" = 11768 ] && ok || nok "PostgreSQL server 2: compiled tables"
	[ "$(loon2027 "PostgreSQL, server 2 again")" = 11768 ] && ok || nok "PostgreSQL server 2: cached"
	URL=$URL1
	req beheerder PUT /api/v1/parameters/wml_uur/2027-01-01 '{"waarde_cent":1500,"bron":"Stcrt. test pg"}'
	want 200 "PostgreSQL: PUT on server 1"
	[ "$(loon2027 "PostgreSQL, server 1 after PUT")" = 12000 ] && ok || nok "PostgreSQL server 1 at once"
	URL=$URL2
	v=
	for _ in $(seq 1 100); do
		v=$(loon2027 "PostgreSQL, server 2 after PUT")
		[ "$v" = 12000 ] && break
		sleep 0.1
	done
	[ "$v" = 12000 ] && ok || nok "PostgreSQL server 2 did not follow within 10 s ($v)"
	req casemanager GET /api/v1/parameters
	body_has '"herkomst":"opgeslagen","gebruiker":"beheerder"' "PostgreSQL: server 2 lists the row"
	run parameters wis --db "$U" --tabel wml_uur --vanaf 2027-01-01 --gebruiker beheerder
	rc_is 0 "PostgreSQL: wis on the command line"
	for _ in $(seq 1 100); do
		v=$(loon2027 "PostgreSQL, server 2 after wis")
		[ "$v" = 11768 ] && break
		sleep 0.1
	done
	[ "$v" = 11768 ] && ok || nok "PostgreSQL server 2 did not follow the wis within 10 s ($v)"
	run audit verify --db "$U"
	rc_is 0 "PostgreSQL: audit verify"
	stop_server "$pid" && ok || nok "PostgreSQL server 1 stopped with $? ($(server_said "$tmp/serve.pg1.err"))"
	pid=
	stop_server "$pid2" && ok || nok "PostgreSQL server 2 stopped with $? ($(server_said "$tmp/serve.pg2.err"))"
	pid2=
	bash "$TESTS/../scripts/pg.sh" stop "$U" >/dev/null 2>&1 && ok || nok "pg.sh stop"
	U=
fi

report cli_param

#!/bin/bash
# cli_tijdlijn.sh - `spoor tijdlijn` end to end (architecture §5, §5.1):
# the spoor-tijdlijn/1 document byte for byte for rule book examples 1, 6
# and 8b, the Dutch table, help texts and exit status 2 on usage errors.
#
# usage: bash cli_tijdlijn.sh <spoor-binary-or-wrapper> <tests-dir>
#
# The golden files in <tests-dir>/data/golden were checked by hand against
# rule book §7 (every date) and architecture §5.1 (keys, key order,
# statuses); tests/unit/test_voorbeelden.c asserts the same dates through
# the library.
SPOOR=$1
TESTS=$2
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

if [ -z "$SPOOR" ] || [ ! -d "$TESTS/data/golden" ]; then
	echo "usage: bash cli_tijdlijn.sh <spoor> <tests-dir>" >&2
	exit 2
fi

ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
run() {
	"$SPOOR" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
expect_rc() { [ "$rc" -eq "$1" ] && ok || nok "$2: exit $rc, want $1"; }
expect_out() { grep -q -- "$1" "$tmp/out" && ok || nok "$2: stdout lacks '$1'"; }
golden() { # name args...
	local name=$1
	shift
	run "$@"
	expect_rc 0 "golden $name"
	if diff -u "$TESTS/data/golden/$name.json" "$tmp/out" >"$tmp/diff"; then
		ok
	else
		nok "golden $name differs:"
		cat "$tmp/diff" >&2
	fi
	[ -s "$tmp/err" ] && nok "golden $name: stderr not empty" || ok
}
usage_error() { # description args...: exit 2, one line "spoor: ...", no stdout
	local what=$1
	shift
	run "$@"
	expect_rc 2 "$what"
	[ -s "$tmp/out" ] && nok "$what: stdout not empty" || ok
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || nok "$what: stderr has $(wc -l <"$tmp/err") lines"
	grep -q '^spoor: ' "$tmp/err" && ok || nok "$what: stderr: $(cat "$tmp/err")"
}

V=$TESTS/data/voorbeelden

# the contract document, byte for byte (compact, one line)
golden voorbeeld-01 tijdlijn --eerste-ziektedag 2025-01-06 --peildatum 2025-03-01 --json
golden voorbeeld-06 tijdlijn "$V/voorbeeld-06.json" --peildatum 2025-06-01 --json
golden voorbeeld-08b tijdlijn "$V/voorbeeld-08b.json" --peildatum 2027-01-20 --json
# issue 14 (docs/rules.md, R-ZW-2, R-ZW-3): rule book example 12b, a
# pregnancy from Saturday 2025-12-27: the vangnet report of ZW 38a lid 3 is
# due D+42 = Saturday 2026-02-07, extended to Monday 02-09 (Atw art. 1);
# and a fixed-term contract ending on Easter Monday 2025-04-21 while ill
# since 2025-01-06: report on Thursday 04-17 (Goede Vrijdag is an Atw
# holiday), the RIV with it, the opzegverbod and later actions lapse.
golden voorbeeld-12b tijdlijn "$V/voorbeeld-12b.json" --peildatum 2026-02-01 --json
golden ziek-uit-dienst tijdlijn "$V/ziek-uit-dienst.json" --peildatum 2025-04-22 --json
[ "$(wc -l <"$TESTS/data/golden/voorbeeld-01.json")" -eq 1 ] && ok || nok "json is not one line"
# argument order does not matter
run tijdlijn --json --peildatum 2025-03-01 --eerste-ziektedag 2025-01-06
diff -q "$TESTS/data/golden/voorbeeld-01.json" "$tmp/out" >/dev/null && ok || nok "option order changes output"

# the Dutch table: date with weekday, label, status, rule and source
run tijdlijn --eerste-ziektedag 2025-01-06 --peildatum 2025-03-01
expect_rc 0 "table"
expect_out "2025-02-17" "table PA date"
expect_out "Probleemanalyse" "table PA label"
expect_out "verlopen" "table status"
expect_out "R-TL-3" "table rule"
expect_out "Regeling procesgang art. 2 lid 2" "table source"
expect_out "42e-weekmelding UWV" "table 42e label"
expect_out "2025-10-27" "table 42e date"
grep -q -E '(^|[^a-z])ma( |$)' "$tmp/out" && ok || nok "table lacks weekday 'ma'"
expect_out "2027-01-06" "table opzegverbod"
# example 5: the PA on Koningsdag is flagged, not moved
run tijdlijn --eerste-ziektedag 2026-03-16 --peildatum 2026-03-16
expect_rc 0 "table ex5"
expect_out "2026-04-27" "ex5 PA not shifted"
expect_out "Koningsdag" "ex5 holiday flag"
# example 6 through the file: the interruption is shown
run tijdlijn "$V/voorbeeld-06.json" --peildatum 2025-06-01
expect_rc 0 "table ex6"
expect_out "2025-04-06" "ex6 PA"
expect_out "2027-02-20" "ex6 end of wachttijd"
# the vangnet report and its Atw extension in the table
run tijdlijn "$V/voorbeeld-12b.json" --peildatum 2026-02-01
expect_rc 0 "table ex12b"
expect_out "ma 2026-02-09 \*  Ziekmelding vangnet UWV" "ex12b vangnet report extended"
expect_out "de termijn eindigde op zaterdag 2026-02-07 en loopt door tot de eerstvolgende werkdag (Atw art. 1 lid 1)" "ex12b Atw remark"
expect_out "UWV aanvaardt in de praktijk ook de eerste werkdag erna" "42e-weekmelding practice"
expect_out "Eerste dag opzegging mogelijk" "opzegverbod named as a first day"
expect_out "Laatste dag wachttijd en loon" "wachttijd named as a last day"
# ziek uit dienst in the table and the toets
run tijdlijn "$V/ziek-uit-dienst.json" --peildatum 2025-04-22
expect_rc 0 "table ziek uit dienst"
expect_out "Ziek uit dienst: het dienstverband eindigt tijdens de ziekte; meld dat uiterlijk do 2025-04-17 bij UWV" "ziek uit dienst line"
expect_out "do 2025-04-17    Re-integratieverslag .*R-ZW-3   Ziektewet art. 38 lid 2" "RIV with the report"
run toets "$V/ziek-uit-dienst.json" --peildatum 2025-04-22 --json --strict
expect_rc 1 "toets ziek uit dienst --strict"
expect_out '"id":"RIV_EINDE_DIENSTVERBAND_ONTBREEKT","ernst":"hoog","regel":"R-ZW-3"' "toets RIV at the end"
expect_out '"id":"MELDING_EINDE_DIENSTVERBAND_ONTBREEKT","ernst":"midden"' "toets report missing"
# the same case as a vangnet case (pregnancy): ZW 38 lid 4 leaves out the
# report of lid 2, the RIV at the end stays (issue 14)
sed 's/"vangnet": null/"vangnet": "zwangerschap"/' "$V/ziek-uit-dienst.json" >"$tmp/vangnet-uit-dienst.json"
run tijdlijn "$tmp/vangnet-uit-dienst.json" --peildatum 2025-04-22
expect_rc 0 "table vangnet ziek uit dienst"
expect_out "Ziek uit dienst: het dienstverband eindigt tijdens de ziekte. Latere acties van de werkgever vervallen; de melding bij UWV is die van de vangnetregeling (Ziektewet art. 38 lid 4 en 38a lid 3, R-ZW-3)." "vangnet ziek uit dienst line"
expect_out "do 2025-04-17    Ziekmelding einde dienstverband UWV  n.v.t." "no ZW 38 lid 2 report in vangnet"
run toets "$tmp/vangnet-uit-dienst.json" --peildatum 2025-04-22 --json
expect_out '"id":"RIV_EINDE_DIENSTVERBAND_ONTBREEKT"' "vangnet: RIV at the end"
grep -q MELDING_EINDE_DIENSTVERBAND "$tmp/out" && nok "vangnet: no report finding" || ok
run toets "$V/voorbeeld-12b.json" --peildatum 2026-02-10 --json
expect_out '"id":"MELDING_VANGNET_ONTBREEKT","ernst":"midden","regel":"R-ZW-2","bron":"Ziektewet art. 38a lid 3 en lid 8"' "toets vangnet report"

# help, in Dutch
run --help
expect_rc 0 "--help"
expect_out "tijdlijn" "--help lists tijdlijn"
run help tijdlijn
expect_rc 0 "help tijdlijn"
expect_out "--eerste-ziektedag" "help tijdlijn options"
expect_out "peildatum" "help tijdlijn peildatum"

# usage errors: exit 2, one line on stderr, nothing on stdout
usage_error "no arguments" tijdlijn
usage_error "unknown option" tijdlijn --eerste-ziektedag 2025-01-06 --onzin
usage_error "bad peildatum" tijdlijn --eerste-ziektedag 2025-01-06 --peildatum 2025-02-30
usage_error "bad eerste ziektedag" tijdlijn --eerste-ziektedag 06-01-2025
usage_error "file and --eerste-ziektedag" tijdlijn "$V/voorbeeld-06.json" --eerste-ziektedag 2025-01-06
usage_error "missing file" tijdlijn "$tmp/bestaat-niet.json"
grep -q 'bestaat-niet.json' "$tmp/err" && ok || nok "missing file not named: $(cat "$tmp/err")"
usage_error "unknown command" tijdlijnen
usage_error "missing option value" tijdlijn --eerste-ziektedag

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

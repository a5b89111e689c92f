#!/bin/bash
# cli_loon.sh - `spoor loon` end to end: the Dutch period table with euro
# amounts, the spoor-loon/1 document, help, and exit 2 on bad input.
#
# usage: bash cli_loon.sh <spoor-binary-or-wrapper> <tests-dir>
#
# gemengd.json: ill from 2025-01-06, maandloon EUR 3.000, no hours (so no
# WML floor can be applied): dagloon 300000 x 12 / 261 = 13793 cent,
# 70 % = 9655 cent a working day = EUR 2.099,96 a month (x 21,75, half up).
# 2025-01-06..2025-12-31 has 258 working days: 2.490.990 cent. The sanction
# year 2027-01-04..2028-01-02 has 260: EUR 25.103,00.
#
# Golden (issue 14, R-PAY-3 youth minimum wage, R-PAY-1 partial resumption):
# data/loon/jong-21.json, born 2004-09-15, ill from Mon 2025-08-04, 24 hours
# a week, maandloon EUR 1.566: dagloon 156600 x 12 / 261 = 7200 exactly, 70 %
# = 5040. The contract ends 2026-03-31 (bepaalde tijd), so the wage does too.
#   2025-08-04..09-14, 20 years: 1440 x 80 % = 1152 per hour; x 24 / 5 =
#     5529.6 -> 5530 > 5040; Aug 4-29 = 20 + Sep 1-12 = 10 working days:
#     30 x 5530 = 165900; a month 5530 x 21,75 = 120277.5 -> 120278.
#   2025-09-15..12-31, 21 (the birthday splits the period): 1440 x 24 / 5 =
#     6912; 12 + 23 + 20 + 23 = 78 days: 539136; a month 150336.
#   2026-01-01..03-31: 1471 x 24 / 5 = 7060.8 -> 7061; 22 + 20 + 22 = 64
#     days: 451904; a month 7061 x 21,75 = 153576.75 -> 153577.
#   Total 165900 + 539136 + 451904 = 1156940 (EUR 11.569,40); no sanction
#   year after the end of the contract. From 2025-11-03 he works 50 %:
#   the remark says spoor still pays 70 % of the full wage (R-PAY-1).
SPOOR=$1
TESTS=$2
F=$TESTS/data/toets/gemengd.json
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
[ -f "$F" ] || { echo "usage: bash cli_loon.sh <spoor> <tests-dir>" >&2; exit 2; }

ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
run() { "$SPOOR" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
has() { grep -qF -- "$1" "$tmp/out" && ok || nok "$2: stdout lacks '$1'"; }

run loon "$F"
[ "$rc" -eq 0 ] && ok || nok "loon: exit $rc"
has "Dagloon € 137,93" "dagloon"
has "€ 96,55" "day amount"
has "€ 2.099,96" "month amount"
has "€ 24.909,90" "period total"
has "€ 25.103,00" "loonsanctie exposure"
has "maximumdagloon" "gap reported"
# no uren_per_week: one warning line, naming the field, and still exit 0
[ "$(cat "$tmp/err")" = "spoor: waarschuwing: $F: \$.dienstverband.uren_per_week ontbreekt; de minimumloongrens van de eerste 52 weken is niet toegepast" ] &&
	ok || nok "loon: missing-hours warning: $(cat "$tmp/err")"

run loon "$F" --json
[ "$rc" -eq 0 ] && ok || nok "loon --json: exit $rc"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && ok || nok "loon --json: not one line"
has '{"formaat":"spoor-loon/1","dossier_id":"T-TOETS-1","dagloon_cent":13793,"perioden":[{"van":"2025-01-06","tot_en_met":"2025-12-31","week_van":1,"week_tot_en_met":52,"loonsanctie":false,"werkdagen":258,"wettelijk_dag_cent":9655,' "json head"
has '"verschuldigd_maand_cent":209996,' "json month"
has '"totaal_cent":2490990,' "json period total"
has '"loonsanctie_blootstelling_cent":2510300' "json exposure"

# goldens: the JSON document and the Dutch table, byte for byte
J=$TESTS/data/loon/jong-21.json
for g in json txt; do
	if [ "$g" = json ]; then run loon "$J" --peildatum 2026-12-01 --json
	else run loon "$J" --peildatum 2026-12-01; fi
	[ "$rc" -eq 0 ] && ok || nok "golden loon-jong-21.$g: exit $rc"
	diff -u "$TESTS/data/golden/loon-jong-21.$g" "$tmp/out" >"$tmp/diff" &&
		ok || { nok "golden loon-jong-21.$g differs:"; cat "$tmp/diff" >&2; }
	[ -s "$tmp/err" ] && nok "golden loon-jong-21.$g: stderr not empty" || ok
done
# the golden holds the hand-computed total above
grep -qF '"totaal_loondoorbetaling_cent":1156940' \
	"$TESTS/data/golden/loon-jong-21.json" && ok || nok "golden total"

# no birth date: the adult rate is assumed, and the output says so
sed 's/, "geboortedatum": "2004-09-15"//' "$J" >"$tmp/geen-geb.json"
run loon "$tmp/geen-geb.json" --peildatum 2026-12-01
[ "$rc" -eq 0 ] && ok || nok "loon without birth date: exit $rc"
# 2025-08-04: the adult 6912 instead of 5530
has "2025-08-04..2025-12-31 1-22           108 minimumloon" "adult period"
has "€ 69,12" "adult rate"
has "Let op (R-PAY-3, BW 7:629 lid 1; WML art. 8 lid 3): Het dossier heeft geen geboortedatum" "birth date warning"
run loon "$tmp/geen-geb.json" --peildatum 2026-12-01 --json
has '"code":"GEBOORTEDATUM_ONBEKEND","regel":"R-PAY-3"' "json birth date warning"

run help loon
[ "$rc" -eq 0 ] && ok || nok "help loon: exit $rc"
has "spoor loon DOSSIER.json" "help loon usage"

for bad in "$TESTS/data/toets/ongeldig-soort.json" "$tmp/geen.json"; do
	run loon "$bad"
	[ "$rc" -eq 2 ] && ok || nok "loon $bad: exit $rc, want 2"
	[ -s "$tmp/out" ] && nok "loon $bad: stdout not empty" || ok
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || nok "loon $bad: stderr lines"
done
run loon "$F" --onzin
[ "$rc" -eq 2 ] && ok || nok "loon --onzin: exit $rc"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

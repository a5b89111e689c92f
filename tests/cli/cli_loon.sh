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

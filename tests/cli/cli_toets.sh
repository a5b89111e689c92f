#!/bin/bash
# cli_toets.sh - `spoor toets` end to end (architecture §5, §5.2):
# the Dutch report ordered by ernst, the spoor-toets/1 document, --strict,
# exit status 2 with one "spoor: ..." line on bad input, `spoor help toets`.
#
# usage: bash cli_toets.sh <spoor-binary-or-wrapper> <tests-dir>
#
# Case files in <tests-dir>/data/toets. gemengd.json: ill from 2025-01-06
# (rule book example 1 dates): PA on 2025-02-19 (due D+42 = 2025-02-17, so
# 2 days late), PvA 2025-03-01 without casemanager (due 2025-02-19 + 14 =
# 2025-03-05, in time; next evaluation 2025-03-01 + 42 = 2025-04-12), no
# 42e-weekmelding (due D+294 = 2025-10-27, 81-week line D+565 =
# 2026-07-25), no EJE (due D+363 = 2026-01-04). Maandloon EUR 3.000:
# dagloon 13793 cent, 70 % = 9655 cent x 260 working days of the sanction
# year = 2.510.300 cent = EUR 25.103,00 (R-PAY-1, R-LS-4).

SPOOR=$1
TESTS=$2
DATA=$TESTS/data/toets
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

if [ -z "$SPOOR" ] || [ ! -d "$DATA" ]; then
	echo "usage: bash cli_toets.sh <spoor> <tests-dir>" >&2
	exit 2
fi

ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# run ARGS...: stdout in $tmp/out, stderr in $tmp/err, status in $rc
run() {
	"$SPOOR" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

expect_rc() { # want description
	if [ "$rc" -eq "$1" ]; then ok; else
		nok "$2: exit $rc, expected $1 (stderr: $(head -c 300 "$tmp/err"))"
	fi
}

has() { # file literal-text description
	if grep -qF -- "$2" "$1"; then ok; else
		nok "$3: '$2' not in output"
	fi
}

# line number of the first line containing text (0 when absent)
line_of() {
	local n
	n=$(grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1)
	echo "${n:-0}"
}

# A bad-input run: exit 2, nothing on stdout, one line "spoor: ..." on
# stderr that contains each further argument.
expect_invoer() { # description needle... (after run)
	local desc=$1 needle
	shift
	expect_rc 2 "$desc"
	if [ -s "$tmp/out" ]; then nok "$desc: stdout not empty"; else ok; fi
	if [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	    grep -q '^spoor: ' "$tmp/err"; then ok; else
		nok "$desc: stderr is not one 'spoor: ' line: $(cat "$tmp/err")"
	fi
	for needle in "$@"; do
		has "$tmp/err" "$needle" "$desc (stderr)"
	done
}

have_jq=0
have_py=0
command -v jq >/dev/null 2>&1 && have_jq=1
command -v python3 >/dev/null 2>&1 && have_py=1

# json_ok FILE description: the document parses (jq and/or python3)
json_ok() {
	local parsed=0
	if [ $have_jq -eq 1 ]; then
		if jq -e . "$1" >/dev/null 2>&1; then ok; else
			nok "$2: jq cannot parse the output"
		fi
		parsed=1
	fi
	if [ $have_py -eq 1 ]; then
		if python3 -m json.tool "$1" >/dev/null 2>&1; then ok; else
			nok "$2: python3 -m json.tool cannot parse the output"
		fi
		parsed=1
	fi
	[ $parsed -eq 1 ] || echo "note: neither jq nor python3: JSON not parsed" >&2
}

# jval FILE JQ-EXPR PY-EXPR: one value as compact text; the python
# expression sees the document as d
jval() {
	if [ $have_jq -eq 1 ]; then
		jq -c "$2" "$1"
	elif [ $have_py -eq 1 ]; then
		python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(json.dumps(eval(sys.argv[2]), separators=(",", ":"), ensure_ascii=False))' "$1" "$3"
	else
		echo "SKIP"
	fi
}

jcheck() { # file jq-expr py-expr want description
	local got
	got=$(jval "$1" "$2" "$3")
	if [ "$got" = "SKIP" ]; then
		echo "note: skipped (no jq/python3): $5" >&2
	elif [ "$got" = "$4" ]; then ok; else
		nok "$5: got $got, expected $4"
	fi
}

# --- spoor help toets ------------------------------------------------------
run help toets
expect_rc 0 "spoor help toets"
for t in "spoor toets" "--peildatum" "--json" "--strict"; do
	has "$tmp/out" "$t" "spoor help toets"
done
cp "$tmp/out" "$tmp/help"
run toets --help
expect_rc 0 "spoor toets --help"
if cmp -s "$tmp/out" "$tmp/help"; then ok; else
	nok "spoor toets --help differs from spoor help toets"
fi

# --- human report, ordered by ernst ------------------------------------------
run toets "$DATA/gemengd.json" --peildatum 2026-01-05
expect_rc 0 "toets gemengd 2026-01-05 (no --strict)"
# 2026-01-05 is a Monday (2026-01-01 is a Thursday)
has "$tmp/out" "peildatum ma 2026-01-05" "report header with weekday"
has "$tmp/out" "T-TOETS-1" "report names the dossier"
has "$tmp/out" "Risico op een loonsanctie: HOOG" "report risico"
has "$tmp/out" "€ 25.103,00" "report loonsanctie exposure (R-LS-4)"
for d in 2026-01-04 2025-10-27 2026-07-25 2025-02-17 2025-02-19 2025-03-01 \
    2025-04-12; do
	has "$tmp/out" "$d" "report names date"
done
if [ "$(grep -c 'Herstel: ' "$tmp/out")" -eq 5 ]; then ok; else
	nok "report: expected 5 'Herstel:' lines"
fi
# hoog before midden before laag, then UWV's order within an ernst
prev=0
for id in EJE_ONTBREEKT MELDING_42_ONTBREEKT PA_TE_LAAT GEEN_CASEMANAGER \
    EVALUATIE_ACHTERSTALLIG; do
	n=$(line_of "$tmp/out" "$id")
	if [ "$n" -gt "$prev" ]; then ok; else
		nok "report order: $id at line $n, not after line $prev"
	fi
	prev=$n
done
h=$(grep -n '^HOOG ' "$tmp/out" | tail -n 1 | cut -d: -f1)
m1=$(grep -n '^MIDDEN ' "$tmp/out" | head -n 1 | cut -d: -f1)
m2=$(grep -n '^MIDDEN ' "$tmp/out" | tail -n 1 | cut -d: -f1)
l=$(grep -n '^LAAG ' "$tmp/out" | head -n 1 | cut -d: -f1)
if [ -n "$h" ] && [ -n "$m1" ] && [ -n "$l" ] && [ "$h" -lt "$m1" ] &&
    [ "$m2" -lt "$l" ]; then ok; else
	nok "report: HOOG lines must precede MIDDEN lines, MIDDEN before LAAG"
fi
grep -q '^HOOG   EJE_ONTBREEKT' "$tmp/out" && ok ||
	nok "report: EJE_ONTBREEKT not labelled HOOG (R-TL-10)"
grep -q '^MIDDEN MELDING_42_ONTBREEKT' "$tmp/out" && ok ||
	nok "report: MELDING_42_ONTBREEKT not labelled MIDDEN before the 81-week line"

# --- --strict ---------------------------------------------------------------
run toets "$DATA/gemengd.json" --peildatum 2026-01-05 --strict
expect_rc 1 "--strict with a hoog finding"
has "$tmp/out" "EJE_ONTBREEKT" "--strict still prints the report"
# the day before: the EJE is due on 2026-01-04 itself, nothing hoog
run toets "$DATA/gemengd.json" --peildatum 2026-01-04 --strict
expect_rc 0 "--strict on the EJE due date (only midden/laag)"
has "$tmp/out" "Risico op een loonsanctie: MIDDEN" "risico MIDDEN on 2026-01-04"
run toets "$DATA/gemengd.json" --peildatum 2025-10-28 --strict
expect_rc 0 "--strict with midden and laag findings only"
has "$tmp/out" "MELDING_42_ONTBREEKT" "42e-weekmelding missing on 2025-10-28"
run toets "$DATA/gemengd.json" --peildatum 2025-03-06 --strict
expect_rc 0 "--strict with laag findings only"
has "$tmp/out" "Risico op een loonsanctie: LAAG" "risico LAAG on 2025-03-06"
run toets "$DATA/schoon.json" --peildatum 2025-03-01 --strict
expect_rc 0 "--strict without findings"
has "$tmp/out" "Geen bevindingen" "clean case"
has "$tmp/out" "Risico op een loonsanctie: LAAG" "clean case risico"

# --- --json ------------------------------------------------------------------
run toets "$DATA/gemengd.json" --peildatum 2026-01-05 --json
expect_rc 0 "--json"
cp "$tmp/out" "$tmp/g.json"
if [ "$(wc -l <"$tmp/g.json")" -eq 1 ]; then ok; else
	nok "--json: not one compact line"
fi
json_ok "$tmp/g.json" "--json gemengd"
jcheck "$tmp/g.json" 'keys_unsorted' 'list(d.keys())' \
	'["formaat","peildatum","risico","bevindingen","loonsanctie_blootstelling_cent"]' \
	"spoor-toets/1 top-level keys in contract order"
jcheck "$tmp/g.json" '[.bevindingen[] | keys_unsorted] | unique' \
	'[list(x) for x in {tuple(b.keys()) for b in d["bevindingen"]}]' \
	'[["id","ernst","regel","bron","toelichting","herstel"]]' \
	"every bevinding has the contract keys in order"
jcheck "$tmp/g.json" '.formaat' 'd["formaat"]' '"spoor-toets/1"' "formaat"
jcheck "$tmp/g.json" '.peildatum' 'd["peildatum"]' '"2026-01-05"' "peildatum"
jcheck "$tmp/g.json" '.risico' 'd["risico"]' '"hoog"' "risico"
jcheck "$tmp/g.json" '[.bevindingen[].id]' '[b["id"] for b in d["bevindingen"]]' \
	'["EJE_ONTBREEKT","MELDING_42_ONTBREEKT","PA_TE_LAAT","GEEN_CASEMANAGER","EVALUATIE_ACHTERSTALLIG"]' \
	"finding ids, by ernst then UWV's order"
jcheck "$tmp/g.json" '[.bevindingen[].ernst]' '[b["ernst"] for b in d["bevindingen"]]' \
	'["hoog","midden","laag","laag","laag"]' "finding ernst"
jcheck "$tmp/g.json" '[.bevindingen[].regel]' '[b["regel"] for b in d["bevindingen"]]' \
	'["R-TL-10","R-TL-8","R-TL-3","R-TL-5","R-TL-7"]' "finding rules"
jcheck "$tmp/g.json" '[.bevindingen[] | (.toelichting|length > 0) and (.herstel|length > 0) and (.bron|length > 0)] | all' \
	'all(len(b["toelichting"]) > 0 and len(b["herstel"]) > 0 and len(b["bron"]) > 0 for b in d["bevindingen"])' \
	'true' "every finding explains, cites and remedies"
jcheck "$tmp/g.json" '.bevindingen[0].toelichting | contains("2026-01-04")' \
	'"2026-01-04" in d["bevindingen"][0]["toelichting"]' 'true' \
	"EJE explanation names its due date"
jcheck "$tmp/g.json" '.loonsanctie_blootstelling_cent' \
	'd["loonsanctie_blootstelling_cent"]' '2510300' \
	"loonsanctie exposure 9655 x 260 cent"

run toets "$DATA/gemengd.json" --peildatum 2026-01-05 --json --strict
expect_rc 1 "--json --strict with a hoog finding"
cp "$tmp/out" "$tmp/s.json"
json_ok "$tmp/s.json" "--json --strict"
if cmp -s "$tmp/s.json" "$tmp/g.json"; then ok; else
	nok "--strict changes the JSON document"
fi

run toets "$DATA/schoon.json" --peildatum 2025-03-01 --json
expect_rc 0 "--json clean case"
cp "$tmp/out" "$tmp/c.json"
json_ok "$tmp/c.json" "--json clean case"
jcheck "$tmp/c.json" '.bevindingen' 'd["bevindingen"]' '[]' "no findings"
jcheck "$tmp/c.json" '.risico' 'd["risico"]' '"laag"' "clean risico"
jcheck "$tmp/c.json" '.loonsanctie_blootstelling_cent' \
	'd["loonsanctie_blootstelling_cent"]' 'null' "no maandloon: null"

# --peildatum defaults to today
before=$(date +%F)
run toets "$DATA/schoon.json" --json
after=$(date +%F)
expect_rc 0 "--json without --peildatum"
cp "$tmp/out" "$tmp/t.json"
got=$(jval "$tmp/t.json" '.peildatum' 'd["peildatum"]')
if [ "$got" = "SKIP" ] || [ "$got" = "\"$before\"" ] ||
    [ "$got" = "\"$after\"" ]; then ok; else
	nok "default peildatum $got is not today ($before)"
fi

# --- bad input: exit 2 --------------------------------------------------------
run toets "$DATA/ongeldig-soort.json" --peildatum 2025-03-01
expect_invoer "unknown event soort" "ongeldig-soort.json" \
	'$.gebeurtenissen[1].soort'
run toets "$DATA/ongeldig-soort.json" --peildatum 2025-03-01 --strict
expect_rc 2 "bad input with --strict is 2, not 1"
run toets "$DATA/ongeldig-correctie.json" --peildatum 2025-03-01
expect_invoer "corrigeert names no earlier id" "ongeldig-correctie.json" \
	'$.gebeurtenissen[1].corrigeert'
run toets "$DATA/schoon.json" --peildatum 2025-02-30
expect_invoer "impossible peildatum" "2025-02-30"
run toets "$DATA/schoon.json" --peildatum 1-3-2025
expect_invoer "peildatum not YYYY-MM-DD" "1-3-2025"
run toets "$DATA/schoon.json" --peildatum
expect_invoer "--peildatum without a value"
run toets "$DATA/bestaat-niet.json" --peildatum 2025-03-01
expect_invoer "missing file" "bestaat-niet.json"
run toets
expect_invoer "no case file"
run toets "$DATA/schoon.json" "$DATA/gemengd.json"
expect_invoer "two case files"
run toets "$DATA/schoon.json" --onbekend
expect_invoer "unknown option" "--onbekend"
printf '{"formaat":' >"$tmp/kapot.json"
run toets "$tmp/kapot.json" --peildatum 2025-03-01
expect_invoer "truncated JSON" "kapot.json"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

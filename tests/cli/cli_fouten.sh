#!/bin/bash
# cli_fouten.sh - malformed input: every bad case file, bad option or bad
# path gives exit status exactly 2, exactly one line on stderr of the form
# "spoor: <file>: <JSON path>: <reason>" (architecture §4: errors "name the
# JSON path and the reason"; §5: "2 on bad input or usage, with one line
# `spoor: <what is wrong>` on stderr naming file, JSON path and reason"),
# and nothing on stdout.
#
# usage: bash cli_fouten.sh <spoor-binary-or-wrapper> <tests-dir>
#
# Each case runs ONE command (tijdlijn, toets and loon take turns, so each
# command sees every kind of error somewhere) and the cases run a few at a
# time in parallel, so the suite stays well under 20 s when every call runs
# under valgrind (about 0.8 s per call). CLI_FOUTEN_JOBS overrides the
# parallelism.
SPOOR=$1
[ -n "$SPOOR" ] || { echo "usage: bash cli_fouten.sh <spoor> <tests-dir>" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/res" "$tmp/in" || exit 2

par=${CLI_FOUTEN_JOBS:-$(nproc 2>/dev/null || echo 2)}
[ "$par" -gt 4 ] && par=4
[ "$par" -lt 1 ] && par=1
seq_no=0

# Under valgrind (the tests/cli/valgrind-spoor.sh wrapper reads
# $SPOOR_VALGRIND) the cases marked "x" are skipped: they refine cases that
# still run, and every call costs almost a second there.
x() {
	[ -n "${SPOOR_VALGRIND:-}" ] && return 0
	"$@"
}

# A valid document with parts replaced: doc VERZUIM GEBEURTENISSEN [EXTRA]
doc() {
	printf '{"formaat":"spoor-dossier/1","dossier_id":"F-1",'
	printf '"werkgever":{"id":"W","naam":"W"},"werknemer":{"id":"N","naam":"N"},'
	printf '"dienstverband":{"begindatum":"2015-01-01","soort":"onbepaalde_tijd",'
	printf '"uren_per_week":38,"maandloon_cent":300000},"vangnet":null,'
	printf '"verzuim":[%s],"gebeurtenissen":[%s]%s}\n' "$1" "$2" "${3:-}"
}
Z='{"datum":"2025-01-06","soort":"ziek","percentage":100}'
EV='{"soort":"evaluatie","datum":"2025-02-03"}'

# check NAME WANTPATH WORD -- ARGS...
# Runs "$SPOOR" ARGS in the background; the file is ARGS[1]. Checks: exit 2;
# empty stdout; exactly one stderr line; that line starts with
# "spoor: FILE: " (or just "spoor: " when FILE is "-"), followed directly by
# "WANTPATH: " when WANTPATH is not empty; it contains WORD when not empty.
# Results go to $tmp/res/NNN, one "ok" or "FAIL: ..." line per assertion.
check() {
	local name=$1 want=$2 word=$3 file=$4
	shift 5
	seq_no=$((seq_no + 1))
	while [ "$(jobs -rp | wc -l)" -ge "$par" ]; do
		wait -n
	done
	run_one "$name" "$want" "$word" "$file" "$@" \
		>"$tmp/res/$(printf '%03d' "$seq_no")" 2>&1 &
}
run_one() {
	local name=$1 want=$2 word=$3 file=$4 rc n line pre o e
	shift 4
	o="$tmp/res/$name.out" e="$tmp/res/$name.err"
	"$SPOOR" "$@" >"$o" 2>"$e"
	rc=$?
	name="$name ($*)"
	[ "$rc" -eq 2 ] && echo ok || echo "FAIL: $name: exit $rc, want 2"
	[ -s "$o" ] && echo "FAIL: $name: stdout not empty: $(head -c 200 "$o")" || echo ok
	n=$(wc -l <"$e")
	[ "$n" -eq 1 ] && echo ok ||
		echo "FAIL: $name: $n lines on stderr, want 1: $(head -c 300 "$e")"
	line=$(head -n 1 "$e")
	if [ "$file" = "-" ]; then
		pre="spoor: "
	else
		pre="spoor: $file: "
	fi
	[ -n "$want" ] && pre="$pre$want: "
	[[ $line == "$pre"* ]] && echo ok ||
		echo "FAIL: $name: stderr does not start with '$pre': '$line'"
	if [ -n "$word" ]; then
		[[ $line == *"$word"* ]] && echo ok ||
			echo "FAIL: $name: '$word' not in: '$line'"
	fi
}
# bad NAME CMD WANTPATH WORD VERZUIM GEBEURTENISSEN [EXTRA]
bad() {
	local f="$tmp/in/$1.json"
	doc "$5" "$6" "${7:-}" >"$f"
	check "$1" "$3" "$4" "$f" -- "$2" "$f"
}
# raw NAME CMD WANTPATH WORD CONTENT (printf %s, no NUL bytes)
raw() {
	local f="$tmp/in/$1.json"
	printf '%s' "$5" >"$f"
	check "$1" "$3" "$4" "$f" -- "$2" "$f"
}
# sub NAME CMD WANTPATH WORD SED-EXPRESSION: the valid base, edited
sub() {
	local f="$tmp/in/$1.json"
	doc "$Z" "$EV" | sed "$5" >"$f"
	cmp -s "$f" "$tmp/in/goed.json" && echo "FAIL: $1: sed '$5' changed nothing" >"$tmp/res/0-$1"
	check "$1" "$3" "$4" "$f" -- "$2" "$f"
}

# The valid base is accepted by all three commands; otherwise each refusal
# below would prove nothing.
doc "$Z" "$EV" >"$tmp/in/goed.json"
for c in tijdlijn toets loon; do
	"$SPOOR" "$c" "$tmp/in/goed.json" --peildatum 2025-03-01 >"$tmp/goed.out" 2>"$tmp/goed.err"
	rc=$?
	if [ "$rc" -eq 0 ] && [ -s "$tmp/goed.out" ] && [ ! -s "$tmp/goed.err" ]; then
		echo ok
	else
		echo "FAIL: valid base, $c: exit $rc, stderr: $(head -c 300 "$tmp/goed.err")"
	fi
done >"$tmp/res/000"

# --- syntax (no JSON path: the document is not JSON) ---
raw leeg tijdlijn "" "" ""
raw afgekapt toets "" "JSON" "$(doc "$Z" "$EV" | head -c 150)"
x raw afgekapt_string loon "" "JSON" '{"formaat":"spoor-dos'
raw tekst_na tijdlijn "" "" "$(doc "$Z" "$EV") x"
x raw twee_docs toets "" "" "$(doc "$Z" "$EV")$(doc "$Z" "$EV")"
printf '\x00\x01\x02\xff\xfe\x7f\x00\x89PNG\r\n\x1a\n' >"$tmp/in/binair.json"
check binair "" "" "$tmp/in/binair.json" -- loon "$tmp/in/binair.json"
printf '{"formaat":"spoor-dossier/1","dossier_id":"\xff\xfe"}' >"$tmp/in/utf8.json"
x check ongeldig_utf8 "" "" "$tmp/in/utf8.json" -- tijdlijn "$tmp/in/utf8.json"

# --- not an object ---
raw array toets '$' "" '[1,2,3]'
x raw getal loon '$' "" '42'
x raw null tijdlijn '$' "" 'null'

# --- duplicate keys: top level and nested ---
sub dubbel_top toets '$.dossier_id' "" 's/"dossier_id":"F-1"/"dossier_id":"F-1","dossier_id":"F-2"/'
bad dubbel_verzuim loon '$.verzuim[0].percentage' "" \
	'{"datum":"2025-01-06","soort":"ziek","percentage":100,"percentage":50}' ""

# --- unknown keys ---
bad onbekend_top tijdlijn '$.extra' "" "$Z" "" ',"extra":1'
x sub onbekend_werkgever toets '$.werkgever.kvk' "" 's/"naam":"W"}/"naam":"W","kvk":"123"}/'
bad onbekend_verzuim loon '$.verzuim[0].oorzaak' "" \
	'{"datum":"2025-01-06","soort":"ziek","percentage":100,"oorzaak":"griep"}' ""
bad onbekend_gb tijdlijn '$.gebeurtenissen[1].casemanager' "" "$Z" \
	"$EV"',{"soort":"evaluatie","datum":"2025-02-10","casemanager":"X"}'

# --- missing required fields ---
sub mist_formaat toets '$.formaat' "" 's#"formaat":"spoor-dossier/1",##'
sub mist_werknemer loon '$.werknemer' "" 's/"werknemer":{"id":"N","naam":"N"},//'
x sub mist_soort_dv tijdlijn '$.dienstverband.soort' "" 's/"soort":"onbepaalde_tijd",//'
sub mist_verzuim toets '$.verzuim' "" 's/"verzuim":\[[^]]*\],//'
bad mist_datum loon '$.verzuim[0].datum' "" '{"soort":"ziek","percentage":100}' ""
bad mist_percentage tijdlijn '$.verzuim[0].percentage' "" '{"datum":"2025-01-06","soort":"ziek"}' ""
x bad mist_gb_datum toets '$.gebeurtenissen[0].datum' "" "$Z" '{"soort":"evaluatie"}'

# --- wrong types at several paths ---
sub formaat_2 loon '$.formaat' "" 's#spoor-dossier/1#spoor-dossier/2#'
sub type_dossier_id tijdlijn '$.dossier_id' "" 's/"dossier_id":"F-1"/"dossier_id":7/'
x sub type_werkgever toets '$.werkgever' "" 's/"werkgever":{"id":"W","naam":"W"}/"werkgever":"W"/'
sub type_maandloon loon '$.dienstverband.maandloon_cent' "" 's/"maandloon_cent":300000/"maandloon_cent":"3000"/'
x sub type_maandloon_frac tijdlijn '$.dienstverband.maandloon_cent' "" 's/"maandloon_cent":300000/"maandloon_cent":3000.5/'
sub type_uren toets '$.dienstverband.uren_per_week' "" 's/"uren_per_week":38/"uren_per_week":38.125/'
sub type_verzuim loon '$.verzuim' "" 's/"verzuim":\[[^]]*\]/"verzuim":{}/'
bad type_verzuim_el tijdlijn '$.verzuim[1]' "" "$Z"',"hersteld"' ""
bad type_percentage toets '$.verzuim[0].percentage' "" '{"datum":"2025-01-06","soort":"ziek","percentage":"100"}' ""
x bad type_datum_getal loon '$.verzuim[0].datum' "" '{"datum":20250106,"soort":"ziek","percentage":100}' ""
bad type_gb_bool tijdlijn '$.gebeurtenissen[0].benutbare_mogelijkheden' "" "$Z" \
	'{"soort":"probleemanalyse","datum":"2025-02-01","benutbare_mogelijkheden":"ja"}'
x sub type_vangnet toets '$.vangnet' "" 's/"vangnet":null/"vangnet":true/'

# --- impossible dates ---
bad datum_30feb loon '$.verzuim[1].datum' "2025-02-30" "$Z"',{"datum":"2025-02-30","soort":"hersteld"}' ""
bad datum_maand13 tijdlijn '$.verzuim[0].datum' "2025-13-01" '{"datum":"2025-13-01","soort":"ziek","percentage":100}' ""
bad datum_kort toets '$.verzuim[0].datum' "25-01-01" '{"datum":"25-01-01","soort":"ziek","percentage":100}' ""
bad datum_29feb_2025 loon '$.gebeurtenissen[1].datum' "2025-02-29" "$Z" "$EV"',{"soort":"evaluatie","datum":"2025-02-29"}'
x sub datum_begin tijdlijn '$.dienstverband.begindatum' "" 's/"begindatum":"2015-01-01"/"begindatum":"2015-1-1"/'

# --- unknown soort ---
bad verzuim_soort toets '$.verzuim[0].soort' "griep" '{"datum":"2025-01-06","soort":"griep","percentage":100}' ""
bad gb_soort loon '$.gebeurtenissen[1].soort' "borrel" "$Z" "$EV"',{"soort":"borrel","datum":"2025-02-04"}'
x bad gb_enum tijdlijn '$.gebeurtenissen[0].zichtbaarheid' "geheim" "$Z" \
	'{"soort":"evaluatie","datum":"2025-02-01","zichtbaarheid":"geheim"}'

# --- verzuim mutations out of order (strictly increasing datum) ---
bad volgorde toets '$.verzuim[1].datum' "" "$Z"',{"datum":"2025-01-01","soort":"hersteld"}' ""
x bad zelfde_dag loon '$.verzuim[2].datum' "" \
	"$Z"',{"datum":"2025-02-03","soort":"hersteld"},{"datum":"2025-02-03","soort":"ziek","percentage":100}' ""
# a list without any 'ziek' mutation has no first sick day
bad geen_ziek tijdlijn '$.verzuim' "" '{"datum":"2025-01-06","soort":"hersteld"}' ""

# --- out-of-range numbers ---
bad pct_101 toets '$.verzuim[0].percentage' "" '{"datum":"2025-01-06","soort":"ziek","percentage":101}' ""
bad pct_0 loon '$.verzuim[0].percentage' "" '{"datum":"2025-01-06","soort":"ziek","percentage":0}' ""
x bad pct_hersteld tijdlijn '$.verzuim[1].percentage' "" "$Z"',{"datum":"2025-02-03","soort":"hersteld","percentage":0}' ""
x sub maandloon_neg toets '$.dienstverband.maandloon_cent' "" 's/"maandloon_cent":300000/"maandloon_cent":-1/'
x bad corrigeert loon '$.gebeurtenissen[0].corrigeert' "" "$Z" \
	'{"soort":"evaluatie","datum":"2025-02-01","corrigeert":"bestaat-niet"}'

# 'hersteld' and 'zwangerschapsverlof' carry no percentage (docs/formats.md)
bad pct_bij_hersteld toets '$.verzuim[1].percentage' "" "$Z"',{"datum":"2025-02-03","soort":"hersteld","percentage":50}' ""
x bad pct_bij_wazo loon '$.verzuim[1].percentage' "" "$Z"',{"datum":"2025-02-03","soort":"zwangerschapsverlof","percentage":100}' ""
x sub bsn_elfproef tijdlijn '$.werknemer.bsn' "" 's/"naam":"N"}/"naam":"N","bsn":"123456789"}/'
x sub einde_voor_begin toets '$.dienstverband.einddatum' "" 's/"begindatum":"2015-01-01"/"begindatum":"2015-01-01","einddatum":"2014-12-31"/'
x sub ldb_volgorde loon '$.dienstverband.loondoorbetaling[1].tot_en_met_week' "" \
	's/"maandloon_cent":300000/"maandloon_cent":300000,"loondoorbetaling":[{"tot_en_met_week":52,"procent":100},{"tot_en_met_week":52,"procent":70}]/'
x bad jaar_1899 tijdlijn '$.verzuim[0].datum' "1899-12-31" '{"datum":"1899-12-31","soort":"ziek","percentage":100}' ""
x sub nul_in_tekst toets "" "u0000" 's/"dossier_id":"F-1"/"dossier_id":"F\\u0000-1"/'

# --- size and depth: one command each (valgrind time) ---
{
	printf '{"formaat":"spoor-dossier/1","dossier_id":"'
	head -c 10485760 /dev/zero | tr '\0' a
	printf '"}'
} >"$tmp/in/groot.json"
check groot_10MB "" "" "$tmp/in/groot.json" -- tijdlijn "$tmp/in/groot.json"
head -c 100000 /dev/zero | tr '\0' '[' >"$tmp/in/diep.json"
check diep_100000 "" "" "$tmp/in/diep.json" -- toets "$tmp/in/diep.json"

# --- files ---
check bestaat_niet "" "" "$tmp/in/bestaat-niet.json" -- loon "$tmp/in/bestaat-niet.json"
check map "" "" "$tmp/in" -- tijdlijn "$tmp/in"
: >"$tmp/in/leeg2.json"
chmod 000 "$tmp/in/leeg2.json"
[ "$(id -u)" -ne 0 ] && check onleesbaar "" "" "$tmp/in/leeg2.json" -- toets "$tmp/in/leeg2.json"

# --- options (no file to name: only the "spoor: " prefix) ---
G=$tmp/in/goed.json
check peil_30feb "" "2025-02-30" - -- toets "$G" --peildatum 2025-02-30
check peil_woord "" "morgen" - -- tijdlijn "$G" --peildatum morgen
x check peil_ontbreekt "" "" - -- toets "$G" --peildatum
check optie_onbekend "" "--onzin" - -- loon "$G" --onzin
x check twee_bestanden "" "" - -- tijdlijn "$G" "$G"
x check geen_bestand "" "" - -- toets
x check opdracht_onbekend "" "tijdlijnen" - -- tijdlijnen "$G"

wait
pass=$(cat "$tmp"/res/[0-9]* | grep -c '^ok$')
fail=$(cat "$tmp"/res/[0-9]* | grep -c '^FAIL')
cat "$tmp"/res/[0-9]* | grep '^FAIL' >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

#!/bin/bash
# cli_fouten.sh - malformed input (issue 2): every bad case file gives
# exit status 2, exactly one line "spoor: <file>: <JSON path>: <reason>"
# on stderr, nothing on stdout, and never a crash (architecture §4, §5).
#
# usage: bash cli_fouten.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
[ -n "$SPOOR" ] || { echo "usage: bash cli_fouten.sh <spoor> <tests-dir>" >&2; exit 2; }

ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# A valid document with one part replaced: doc VERZUIM GEBEURTENISSEN [extra]
doc() {
	printf '{"formaat":"spoor-dossier/1","dossier_id":"F-1",'
	printf '"werkgever":{"id":"W","naam":"W"},"werknemer":{"id":"N","naam":"N"},'
	printf '"dienstverband":{"begindatum":"2015-01-01","soort":"onbepaalde_tijd",'
	printf '"maandloon_cent":300000},"vangnet":null,'
	printf '"verzuim":[%s],"gebeurtenissen":[%s]%s}' "$1" "$2" "${3:-}"
}
Z='{"datum":"2025-01-06","soort":"ziek","percentage":100}'

# refuse NAME FILE WANT [commands]: exit 2, one "spoor: " line naming the
# file and containing WANT (a JSON path or reason), empty stdout
refuse() {
	local name=$1 file=$2 want=$3 cmds=${4:-"tijdlijn toets loon"} c rc
	for c in $cmds; do
		"$SPOOR" "$c" "$file" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ "$rc" -eq 2 ] && ok || nok "$name ($c): exit $rc, want 2"
		[ -s "$tmp/out" ] && nok "$name ($c): stdout not empty" || ok
		[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok ||
			nok "$name ($c): $(wc -l <"$tmp/err") lines on stderr"
		grep -q "^spoor: " "$tmp/err" && ok || nok "$name ($c): no 'spoor: ' prefix"
		grep -qF -- "$file" "$tmp/err" && ok || nok "$name ($c): file not named: $(cat "$tmp/err")"
		grep -qF -- "$want" "$tmp/err" && ok || nok "$name ($c): '$want' not in: $(cat "$tmp/err")"
	done
}
case_() { # name want verzuim gebeurtenissen [extra]
	local f="$tmp/$1.json"
	doc "$3" "$4" "${5:-}" >"$f"
	refuse "$1" "$f" "$2"
}
raw() { # name want content
	local f="$tmp/$1.json"
	printf '%s' "$3" >"$f"
	refuse "$1" "$f" "$2"
}

# the valid base is accepted (otherwise every refusal below proves nothing)
doc "$Z" "" >"$tmp/goed.json"
"$SPOOR" tijdlijn "$tmp/goed.json" --peildatum 2025-03-01 >/dev/null 2>&1 && ok || nok "valid base refused"

# syntax
raw leeg "JSON" ""
raw afgekapt "JSON" "$(doc "$Z" "" | head -c 120)"
raw geen_object '$' '[1,2,3]'
raw dubbele_sleutel "dossier_id" "$(doc "$Z" "" | sed 's/"dossier_id":"F-1"/"dossier_id":"F-1","dossier_id":"F-2"/')"
raw binair "JSON" "$(printf '\x01\x02\xff\xfe\x7f')"
raw tekst_na "JSON" "$(doc "$Z" "") x"

# schema: wrong types, missing and unknown keys
raw formaat '$.formaat' "$(doc "$Z" "" | sed 's#spoor-dossier/1#spoor-dossier/2#')"
raw type_id '$.dossier_id' "$(doc "$Z" "" | sed 's/"dossier_id":"F-1"/"dossier_id":7/')"
raw ontbreekt '$.werknemer' "$(doc "$Z" "" | sed 's/"werknemer":{"id":"N","naam":"N"},//')"
raw onbekend '$.extra' "$(doc "$Z" "" ',"extra":1')"
raw maandloon_tekst '$.dienstverband.maandloon_cent' "$(doc "$Z" "" | sed 's/"maandloon_cent":300000/"maandloon_cent":"3000"/')"
case_ verzuim_leeg '$.verzuim' "" ""
case_ datum_30feb '$.verzuim[1].datum' "$Z"',{"datum":"2025-02-30","soort":"hersteld"}' ""
case_ datum_maand13 '$.verzuim[0].datum' '{"datum":"2025-13-01","soort":"ziek","percentage":100}' ""
case_ datum_kort '$.verzuim[0].datum' '{"datum":"25-01-01","soort":"ziek","percentage":100}' ""
case_ verzuim_soort '$.verzuim[0].soort' '{"datum":"2025-01-06","soort":"griep","percentage":100}' ""
case_ pct_101 '$.verzuim[0].percentage' '{"datum":"2025-01-06","soort":"ziek","percentage":101}' ""
case_ pct_0 '$.verzuim[0].percentage' '{"datum":"2025-01-06","soort":"ziek","percentage":0}' ""
case_ pct_min1 '$.verzuim[0].percentage' '{"datum":"2025-01-06","soort":"ziek","percentage":-1}' ""
case_ volgorde '$.verzuim[1]' "$Z"',{"datum":"2025-01-01","soort":"hersteld"}' ""
case_ gb_soort '$.gebeurtenissen[0].soort' "$Z" '{"soort":"borrel","datum":"2025-02-01"}'
case_ gb_datum '$.gebeurtenissen[1].datum' "$Z" '{"soort":"evaluatie","datum":"2025-02-01"},{"soort":"evaluatie","datum":"2025-02-29"}'
case_ gb_veld '$.gebeurtenissen[0].casemanager' "$Z" '{"soort":"evaluatie","datum":"2025-02-01","casemanager":"X"}'
case_ gb_bool '$.gebeurtenissen[0].benutbare_mogelijkheden' "$Z" '{"soort":"probleemanalyse","datum":"2025-02-01","benutbare_mogelijkheden":"ja"}'
case_ zichtbaarheid '$.gebeurtenissen[0].zichtbaarheid' "$Z" '{"soort":"evaluatie","datum":"2025-02-01","zichtbaarheid":"geheim"}'
case_ corrigeert '$.gebeurtenissen[0].corrigeert' "$Z" '{"soort":"evaluatie","datum":"2025-02-01","corrigeert":"bestaat-niet"}'

# size and depth: refused before they can hurt (one command each, so the
# suite stays quick under valgrind)
{ printf '{"formaat":"spoor-dossier/1","x":"'; head -c 10485760 /dev/zero | tr '\0' a; printf '"}'; } >"$tmp/groot.json"
refuse groot_10MB "$tmp/groot.json" "groot" tijdlijn
{ head -c 100000 /dev/zero | tr '\0' '['; } >"$tmp/diep.json"
refuse diep "$tmp/diep.json" "JSON" toets

# files and options
refuse bestaat_niet "$tmp/bestaat-niet.json" "openen" "tijdlijn loon"
refuse map "$tmp" "$tmp" tijdlijn
for args in "--peildatum 2025-02-30" "--peildatum morgen" "--onzin"; do
	# shellcheck disable=SC2086
	"$SPOOR" toets "$tmp/goed.json" $args >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] && ok || nok "toets $args: exit $rc, want 2"
	[ -s "$tmp/out" ] && nok "toets $args: stdout not empty" || ok
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^spoor: ' "$tmp/err" && ok ||
		nok "toets $args: stderr: $(cat "$tmp/err")"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

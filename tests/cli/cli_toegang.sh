#!/bin/bash
# cli_toegang.sh - the authorization matrix: every case endpoint × every
# role × every visibility class, against the table of architecture §6,
# written out here independently of src/store/toegang.c:
#
#   class          read                          write
#   algemeen       every party of the case       every party but adviseur
#   medisch        bedrijfsarts, werknemer       bedrijfsarts
#   vertrouwelijk  loopbaancoach, werknemer      loopbaancoach, werknemer
#
# beheerder reads no case content (404 on every case path) but may read a
# case's access log, as may the case's werknemer. A case the caller may not
# see is 404, never 403. Verzuim mutations: casemanager, werkgever,
# leidinggevende, bedrijfsarts. And: no route ever hands a medical or
# confidential text to a role that may not read it.
#
# usage: bash cli_toegang.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
pass=0
fail=0
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pid=
cleanup() {
	stop_server "$pid"
	rm -rf "$tmp"
}
trap cleanup EXIT
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_toegang.sh <spoor> <tests-dir>" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/t.db
PW=demo-wachtwoord-1
ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >/dev/null 2>&1 || { echo "FAIL: demo"; exit 1; }
"$SPOOR" serve --db "$DB" --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
for _ in $(seq 1 300); do
	grep -q "luistert op" "$tmp/serve.out" 2>/dev/null && break
	sleep 0.05
done
URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/serve.out")
[ -n "$URL" ] || { echo "FAIL: server did not start: $(cat "$tmp/serve.err")"; exit 1; }

ROLLEN="beheerder casemanager werkgever leidinggevende bedrijfsarts arbeidsdeskundige loopbaancoach werknemer adviseur"
for r in $ROLLEN; do
	curl -s -c "$tmp/jar.$r" -o "$tmp/login.$r" -H 'Content-Type: application/json' \
		--data-binary "{\"gebruikersnaam\":\"$r\",\"wachtwoord\":\"$PW\"}" "$URL/api/v1/sessie"
	python3 -c "import json; print(json.load(open('$tmp/login.$r'))['csrf'])" >"$tmp/csrf.$r" 2>/dev/null ||
		nok "login $r"
done
call() { # ROLE METHOD PATH [BODY] -> $code, $tmp/body
	local args=(-s -o "$tmp/body" -w '%{http_code}' -X "$2" -b "$tmp/jar.$1" -H "X-CSRF-Token: $(cat "$tmp/csrf.$1")")
	[ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	code=$(curl "${args[@]}" "$URL$3")
}
expect() { [ "$code" = "$1" ] && ok || nok "$2: HTTP $code, want $1: $(head -c 200 "$tmp/body")"; }

# the case each role is a party to (arbeidsdeskundige: the loonsanctie case)
zaak() { [ "$1" = arbeidsdeskundige ] && echo D-DEMO-028 || echo D-DEMO-021; }
leest() { # ROLE CLASS -> 0 when the role may read the class
	case "$2" in
	algemeen) [ "$1" != beheerder ] ;;
	medisch) [ "$1" = bedrijfsarts ] || [ "$1" = werknemer ] ;;
	vertrouwelijk) [ "$1" = loopbaancoach ] || [ "$1" = werknemer ] ;;
	esac
}
schrijft() {
	case "$2" in
	algemeen) [ "$1" != beheerder ] && [ "$1" != adviseur ] ;;
	medisch) [ "$1" = bedrijfsarts ] ;;
	vertrouwelijk) [ "$1" = loopbaancoach ] || [ "$1" = werknemer ] ;;
	esac
}
MARK_medisch="Spreekuur bedrijfsarts"
MARK_vertrouwelijk="Loopbaangesprek"

# 1. reads: every GET path, and the class markers in what comes back
dag=1
for r in $ROLLEN; do
	z=$(zaak "$r")
	for sub in "" /tijdlijn /toets /loon; do
		call "$r" GET "/api/v1/dossiers/$z$sub"
		if [ "$r" = beheerder ]; then expect 404 "$r GET $z$sub"; else expect 200 "$r GET $z$sub"; fi
		for k in medisch vertrouwelijk; do
			m=MARK_$k
			if grep -qF "${!m}" "$tmp/body"; then
				[ -z "$sub" ] && leest "$r" "$k" && ok || nok "$r GET $z$sub returned a $k text"
			elif [ -z "$sub" ] && [ "$r" != beheerder ] && leest "$r" "$k" && [ "$z" = D-DEMO-021 ]; then
				nok "$r GET $z lacks the $k entry it may read"
			else
				ok
			fi
		done
	done
	# the access log: werknemer of the case and beheerder only
	call "$r" GET "/api/v1/dossiers/$z/toegang"
	case "$r" in werknemer | beheerder) expect 200 "$r toegang" ;; *) expect 404 "$r toegang" ;; esac
done

# 2. writes: an entry of every class, and a verzuim mutation, per role
for r in $ROLLEN; do
	z=$(zaak "$r")
	for k in algemeen medisch vertrouwelijk; do
		call "$r" POST "/api/v1/dossiers/$z/gebeurtenissen" \
			"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"zichtbaarheid\":\"$k\",\"tekst\":\"GEHEIM-$k-door-$r\"}"
		if [ "$r" = beheerder ]; then
			expect 404 "$r writes $k"
		elif schrijft "$r" "$k"; then
			expect 201 "$r writes $k"
		else
			expect 403 "$r writes $k"
			grep -qF "GEHEIM" "$tmp/body" && nok "$r: the refusal echoes the content" || ok
		fi
	done
	dag=$((dag + 1))
	call "$r" POST "/api/v1/dossiers/$z/verzuim" "{\"datum\":\"2027-01-$(printf %02d "$dag")\",\"soort\":\"ziek\",\"percentage\":80}"
	case "$r" in
	beheerder) expect 404 "$r verzuim" ;;
	casemanager | werkgever | leidinggevende | bedrijfsarts) expect 201 "$r verzuim" ;;
	*) expect 403 "$r verzuim" ;;
	esac
done

# 3. what was written is read back by exactly the right roles
for r in $ROLLEN; do
	[ "$r" = beheerder ] && continue
	call "$r" GET "/api/v1/dossiers/D-DEMO-021"
	for k in medisch vertrouwelijk; do
		for w in bedrijfsarts loopbaancoach werknemer; do
			schrijft "$w" "$k" || continue
			if grep -qF "GEHEIM-$k-door-$w" "$tmp/body"; then
				leest "$r" "$k" && ok || nok "$r reads $w's $k entry"
			else
				leest "$r" "$k" && nok "$r misses $w's $k entry" || ok
			fi
		done
	done
done

# 4. the list and the errors leak no protected text either
for r in werkgever leidinggevende casemanager adviseur; do
	call "$r" GET "/api/v1/dossiers"
	grep -qF -e "GEHEIM-medisch" -e "GEHEIM-vertrouwelijk" -e "$MARK_medisch" "$tmp/body" &&
		nok "$r: the case list leaks a protected text" || ok
	call "$r" POST "/api/v1/dossiers/D-DEMO-021/gebeurtenissen" \
		'{"soort":"contact","datum":"2026-01-06","corrigeert":"E1"}'
	grep -qF "GEHEIM" "$tmp/body" && nok "$r: an error leaks content" || ok
done

# the server ends on SIGTERM whichever thread receives it
stop_server "$pid" && ok || nok "server stops cleanly on SIGTERM: $(tail -3 "$tmp/serve.err")"
pid=

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

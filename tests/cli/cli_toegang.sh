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
# confidential text to a role that may not read it. Documents follow the
# same table; the organisation endpoints their own (docs/api.md).
#
# usage: bash cli_toegang.sh <spoor-binary-or-wrapper> <tests-dir>
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
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_toegang.sh <spoor> <tests-dir>" >&2; exit 2; }
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/t.db
PW=demo-wachtwoord-1

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >/dev/null 2>&1 || { echo "FAIL: demo"; exit 1; }
start_server --db "$DB"

ROLLEN="beheerder casemanager werkgever leidinggevende bedrijfsarts arbeidsdeskundige loopbaancoach werknemer adviseur"
for r in $ROLLEN; do
	login "$r" "$r" "$PW" || nok "login $r"
done
# call ROLE METHOD PATH [BODY]: req (lib.sh); PUTs overwrite (If-Match: *,
# cli_etag.sh tests the header)
IF_MATCH_PUT='*'
call() { req "$@"; }
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

# 2. writes: an entry of every class, and a verzuim mutation, per role;
# GET .../rechten (what the web application offers) must announce exactly
# what the server then accepts
rechten() { python3 -c "import json,sys; d=json.load(open('$tmp/rechten')); v=d[sys.argv[1]]; print(('ja' if sys.argv[2] in v else 'nee') if isinstance(v, list) else ('ja' if v else 'nee'))" "$1" "${2:-}"; }
for r in $ROLLEN; do
	z=$(zaak "$r")
	call "$r" GET "/api/v1/dossiers/$z/rechten"
	cp "$tmp/body" "$tmp/rechten"
	if [ "$r" = beheerder ]; then expect 404 "$r rechten"; else expect 200 "$r rechten"; fi
	for k in algemeen medisch vertrouwelijk; do
		call "$r" POST "/api/v1/dossiers/$z/gebeurtenissen" \
			"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"zichtbaarheid\":\"$k\",\"tekst\":\"GEHEIM-$k-door-$r\"}"
		if [ "$r" != beheerder ]; then
			[ "$(rechten schrijven "$k")" = "$([ "$code" = 201 ] && echo ja || echo nee)" ] && ok ||
				nok "$r: rechten.schrijven on $k disagrees with HTTP $code"
		fi
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
	[ "$r" = beheerder ] && continue
	[ "$(rechten verzuim)" = "$([ "$code" = 201 ] && echo ja || echo nee)" ] && ok ||
		nok "$r: rechten.verzuim disagrees with HTTP $code"
	for k in algemeen medisch vertrouwelijk; do
		[ "$(rechten lezen "$k")" = "$(leest "$r" "$k" && echo ja || echo nee)" ] && ok ||
			nok "$r: rechten.lezen on $k"
	done
	[ "$(rechten rollen "$r")" = ja ] && ok || nok "$r: own role in rechten.rollen"
	# the dienstverband as it is: accepted exactly when announced
	call casemanager GET "/api/v1/dossiers/$z"
	dv=$(python3 -c "import json; print(json.dumps(json.load(open('$tmp/body'))['dienstverband']))")
	wg=$(python3 -c "import json; print(json.load(open('$tmp/body'))['werkgever']['id'])")
	wgdoc=$(python3 -c "import json; w=json.load(open('$tmp/body'))['werkgever']; print(json.dumps({'naam': w['naam'], 'eigenrisicodrager_wga': w['eigenrisicodrager_wga']}))")
	call "$r" PUT "/api/v1/dossiers/$z/dienstverband" "$dv"
	[ "$(rechten dienstverband)" = "$([ "$code" = 200 ] && echo ja || echo nee)" ] && ok ||
		nok "$r: rechten.dienstverband disagrees with HTTP $code"
	call "$r" PUT "/api/v1/werkgevers/$wg" "$wgdoc"
	[ "$(rechten organisatie)" = "$([ "$code" = 200 ] && echo ja || echo nee)" ] && ok ||
		nok "$r: rechten.organisatie disagrees with HTTP $code"
	call "$r" GET "/api/v1/dossiers/$z/toegang"
	[ "$(rechten toegangslog)" = "$([ "$code" = 200 ] && echo ja || echo nee)" ] && ok ||
		nok "$r: rechten.toegangslog disagrees with HTTP $code"
	# the demo cases carry no BSN; cli_doc tests who receives one
	case $r in casemanager | werkgever | bedrijfsarts | werknemer) want=ja ;; *) want=nee ;; esac
	[ "$(rechten bsn)" = "$want" ] && ok || nok "$r: rechten.bsn"
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

# 5. documents: every role uploads one of every class to its case; then
# the list and the download of each class, per role. An unreadable
# document is absent from the list and 404 on download, like a missing one.
upload() { # ROLE CASE CLASS FILE -> $code, $tmp/body
	api "$1" POST "/api/v1/dossiers/$2/documenten?naam=DOC-$3-door-$1.txt&zichtbaarheid=$3" \
		-H 'Content-Type: text/plain' --data-binary @"$4"
}
for r in $ROLLEN; do
	z=$(zaak "$r")
	for k in algemeen medisch vertrouwelijk; do
		printf 'INHOUD-%s-door-%s\n' "$k" "$r" >"$tmp/doc.txt"
		upload "$r" "$z" "$k" "$tmp/doc.txt"
		if [ "$r" = beheerder ]; then
			expect 404 "$r uploads $k"
		elif schrijft "$r" "$k"; then
			expect 201 "$r uploads $k"
			[ "$z" = D-DEMO-021 ] && python3 -c "import json; print(json.load(open('$tmp/body'))['id'])" >"$tmp/docid.$k.$r"
		else
			expect 403 "$r uploads $k"
		fi
	done
done
for r in $ROLLEN; do
	call "$r" GET "/api/v1/dossiers/D-DEMO-021/documenten"
	case "$r" in beheerder | arbeidsdeskundige) expect 404 "$r lists documents"; continue ;; *) expect 200 "$r lists documents" ;; esac
	for k in algemeen medisch vertrouwelijk; do
		for w in $ROLLEN; do
			[ -f "$tmp/docid.$k.$w" ] || continue
			if grep -qF "DOC-$k-door-$w.txt" "$tmp/body"; then
				leest "$r" "$k" && ok || nok "$r's list shows $w's $k document"
			else
				leest "$r" "$k" && nok "$r's list lacks $w's $k document" || ok
			fi
		done
	done
	for k in algemeen medisch vertrouwelijk; do
		for w in casemanager bedrijfsarts loopbaancoach; do
			[ -f "$tmp/docid.$k.$w" ] || continue
			call "$r" GET "/api/v1/dossiers/D-DEMO-021/documenten/$(cat "$tmp/docid.$k.$w")"
			if leest "$r" "$k"; then
				expect 200 "$r downloads $w's $k document"
				grep -qF "INHOUD-$k-door-$w" "$tmp/body" && ok || nok "$r: content of $w's $k document"
			else
				expect 404 "$r downloads $w's $k document"
				grep -qF "INHOUD" "$tmp/body" && nok "$r: a refusal carries content" || ok
			fi
		done
	done
done
call arbeidsdeskundige GET "/api/v1/dossiers/D-DEMO-028/documenten"
expect 200 "arbeidsdeskundige lists his case's documents"
[ "$(python3 -c "import json; print([x['naam'] for x in json.load(open('$tmp/body'))['documenten']])")" = "['DOC-algemeen-door-arbeidsdeskundige.txt']" ] &&
	ok || nok "arbeidsdeskundige sees only his general document: $(head -c 300 "$tmp/body")"

# 6. organisation: employers, employees, a case's dienstverband. A role
# that sees the object but may not change it gets 403, one that does not
# see it 404.
aantal() { python3 -c "import json; print(len(json.load(open('$tmp/body'))['$1']))"; }
DV='{"begindatum":"2010-01-01","soort":"onbepaalde_tijd","maandloon_cent":330000}'
for r in $ROLLEN; do
	z=$(zaak "$r")
	call "$r" GET /api/v1/werkgevers
	expect 200 "$r lists employers"
	case "$r" in beheerder | casemanager | bedrijfsarts) n=4 ;; werkgever | leidinggevende) n=1 ;; *) n=0 ;; esac
	[ "$(aantal werkgevers)" = $n ] && ok || nok "$r sees $n employers: $(head -c 200 "$tmp/body")"
	call "$r" GET '/api/v1/werknemers?werkgever=WG-1'
	case "$r" in
	casemanager | werkgever) expect 200 "$r lists employees" ;;
	beheerder | leidinggevende | bedrijfsarts) expect 403 "$r lists employees" ;;
	*) expect 404 "$r lists employees" ;;
	esac
	call "$r" PUT /api/v1/werkgevers/WG-1 '{"naam":"Bakkerij de Korenschoof B.V."}'
	case "$r" in
	beheerder | casemanager | werkgever) expect 200 "$r changes WG-1" ;;
	leidinggevende | bedrijfsarts) expect 403 "$r changes WG-1" ;;
	*) expect 404 "$r changes WG-1" ;;
	esac
	call "$r" PUT /api/v1/werknemers/WN-021 '{"naam":"Y. van der Meer"}'
	case "$r" in
	casemanager | werkgever) expect 200 "$r changes WN-021" ;;
	beheerder | arbeidsdeskundige) expect 404 "$r changes WN-021" ;;
	*) expect 403 "$r changes WN-021" ;;
	esac
	call "$r" PUT "/api/v1/dossiers/$z/dienstverband" "$DV"
	case "$r" in
	casemanager | werkgever) expect 200 "$r changes the dienstverband" ;;
	beheerder) expect 404 "$r changes the dienstverband" ;;
	*) expect 403 "$r changes the dienstverband" ;;
	esac
	call "$r" POST /api/v1/werkgevers "{\"id\":\"WG-$r\",\"naam\":\"Nieuw\"}"
	if [ "$r" = beheerder ]; then expect 201 "$r adds an employer"; else expect 403 "$r adds an employer"; fi
done

# 7. imports (issue 12) follow the class table above: a case of WG-1 with
# one entry of each class. Only a casemanager or werkgever of WG-1 imports;
# neither writes medisch or vertrouwelijk, so the import is refused naming
# the first entry it may not write, and stored without those entries with
# the importer as auteur of every entry. Grants (beheerder only): a scope
# the role does not have per architecture §6 is refused, and no account
# is both beheerder and a party.
imp() { # ID CLASSES...: a case file of WG-1 with one entry per class
	local id=$1 e="" k
	shift
	for k in "$@"; do
		e="$e${e:+,}{\"soort\":\"contact\",\"datum\":\"2026-01-20\",\"zichtbaarheid\":\"$k\",\"tekst\":\"t\",\"auteur\":\"dr. K. Arts\"}"
	done
	printf '{"formaat":"spoor-dossier/1","dossier_id":"%s","werkgever":{"id":"WG-1","naam":"Bakkerij de Korenschoof B.V."},"werknemer":{"id":"WN-%s","naam":"N"},"dienstverband":{"begindatum":"2015-03-01","soort":"onbepaalde_tijd"},"vangnet":null,"verzuim":[],"gebeurtenissen":[%s]}' "$id" "$id" "$e"
}
for r in $ROLLEN; do
	call "$r" POST /api/v1/dossiers "$(imp "D-IMP-$r" algemeen medisch vertrouwelijk)"
	expect 403 "$r imports entries of every class"
	case "$r" in
	casemanager | werkgever)
		grep -qF '"veld":"$.gebeurtenissen[1].zichtbaarheid"' "$tmp/body" && ok ||
			nok "$r: the refusal names the medical entry: $(head -c 200 "$tmp/body")"
		call "$r" POST /api/v1/dossiers "$(imp "D-IMP-$r" algemeen)"
		expect 201 "$r imports a general entry"
		call "$r" GET "/api/v1/dossiers/D-IMP-$r"
		grep -qF "\"auteur\":\"Demo $r\"" "$tmp/body" && ! grep -qF 'dr. K. Arts' "$tmp/body" && ok ||
			nok "$r: the imported entry's auteur is the importer: $(head -c 300 "$tmp/body")"
		;;
	*)
		call "$r" POST /api/v1/dossiers "$(imp "D-IMP-$r" algemeen)"
		expect 403 "$r imports a case"
		;;
	esac
	for scope in werkgever dossier; do
		[ $scope = werkgever ] && arg='"werkgever":"WG-1"' || arg='"dossier":"D-DEMO-021"'
		call beheerder POST /api/v1/toekenningen "{\"gebruikersnaam\":\"$r\",\"rol\":\"$r\",$arg}"
		case "$r:$scope" in
		beheerder:*) expect 422 "beheerder granted with a $scope" ;;
		arbeidsdeskundige:werkgever | loopbaancoach:werkgever | werknemer:werkgever | adviseur:werkgever)
			expect 422 "$r granted organisation-wide" ;;
		*) expect 201 "$r granted per $scope" ;;
		esac
	done
	[ "$r" = beheerder ] && continue
	call beheerder POST /api/v1/toekenningen "{\"gebruikersnaam\":\"beheerder\",\"rol\":\"$r\",\"dossier\":\"D-DEMO-021\"}"
	expect 409 "the beheerder grants himself $r"
	call beheerder POST /api/v1/toekenningen "{\"gebruikersnaam\":\"$r\",\"rol\":\"beheerder\"}"
	expect 409 "$r made beheerder"
done

# revocation (issue 12): only a beheerder sees another user's tokens,
# (de)activates users and revokes grants; an unknown token id is 404
for r in $ROLLEN; do
	call "$r" GET "/api/v1/tokens?gebruiker=casemanager"
	case "$r" in beheerder | casemanager) expect 200 "$r lists casemanager's tokens" ;; *) expect 403 "$r lists another's tokens" ;; esac
	call "$r" DELETE /api/v1/tokens/0123456789abcdef
	expect 404 "$r revokes an unknown token"
	[ "$r" = beheerder ] && continue
	call "$r" PUT /api/v1/gebruikers/werknemer/actief '{"actief":false}'
	expect 403 "$r deactivates a user"
	call "$r" DELETE /api/v1/toekenningen/1
	expect 403 "$r revokes a grant"
done

# the second factor (issue 12): every role sees its own state (never a
# secret) and has none to switch off; only a beheerder wipes another's
for r in $ROLLEN; do
	call "$r" GET /api/v1/sessie/totp
	expect 200 "$r reads his second factor's state"
	grep -q '"geheim"' "$tmp/body" && nok "$r: the state holds a secret"
	call "$r" POST /api/v1/sessie/totp/uit '{"code":"000000"}'
	expect 409 "$r switches off a factor he does not have"
	call "$r" DELETE /api/v1/gebruikers/werknemer/totp
	case "$r" in beheerder) expect 404 "$r wipes a factor that does not exist" ;; *) expect 403 "$r wipes another's factor" ;; esac
done

# the server ends on SIGTERM whichever thread receives it
stop_server "$pid" && ok || nok "server stops cleanly on SIGTERM: $(server_said "$tmp/serve.err")"
pid=

report

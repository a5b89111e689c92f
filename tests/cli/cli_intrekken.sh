#!/bin/bash
# cli_intrekken.sh - revocation (issue 12): API tokens with an expiry and
# a read-only scope, listed and revoked; tokens revoked on a password
# change and unable to change the password or make tokens; grants
# revoked; users deactivated (sessions and tokens end at once, the login
# refused like a wrong password, the last active beheerder kept); the
# same with `spoor user`. Every revocation in the audit log.
#
# The clock is SPOOR_NU (store_nu()), read by a running server from its
# own environment: the test restarts the server with a later clock to
# see a token expire (tokens live in the database).
#
# usage: bash cli_intrekken.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_intrekken.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_intrekken.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pid=
cleanup() {
	stop_server "$pid"
	rm -rf "$tmp"
}
trap cleanup EXIT
export SPOOR_AUTH_KOSTEN=test
PW=demo-wachtwoord-1
PW2=een-heel-ander-wachtwoord-7
DB=$tmp/s.db
T0=2000000000
DAG=86400

# start CLOCK: a server with the clock at CLOCK; sets pid and URL
start() {
	SPOOR_NU=$1 start_server --db "$DB"
}
stop() {
	stop_server "$pid" && ok || nok "server did not stop cleanly: $(server_said "$tmp/serve.err")"
	pid=
}

# req WHO METHOD PATH [curl args...]: api (lib.sh), always as JSON
req() {
	local wie=$1 m=$2 p=$3
	shift 3
	api "$wie" "$m" "$p" -H 'Content-Type: application/json' "$@"
}
# bearer TOKEN METHOD PATH [curl args...]
bearer() {
	local t=$1 m=$2 p=$3
	shift 3
	code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X "$m" \
		-H "Authorization: Bearer $t" -H 'Content-Type: application/json' "$@" "$URL$p")
}
veld() { python3 -c "import json,sys; print(json.load(open('$tmp/body'))$1)" 2>/dev/null; }
# token WHO BODY: makes a token, sets tok and tid
token() {
	req "$1" POST /api/v1/tokens --data-binary "$2"
	tok=$(veld "['token']")
	tid=$(veld "['id']")
}
audit_heeft() {
	python3 -c "import sqlite3,sys; sys.exit(0 if sqlite3.connect('$DB').execute(\"SELECT count(*) FROM audit WHERE actie LIKE ?\", ('%' + sys.argv[1] + '%',)).fetchone()[0] else 1)" "$1"
}
ENTRY='{"soort":"contact","datum":"2026-01-05","tekst":"cli_intrekken"}'

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
DS=D-DEMO-021

start $T0
CM=cm
login "$CM" casemanager "$PW"
want 200 "login casemanager"

# --- tokens: expiry and scope checked at creation ---
token "$CM" '{"naam":"te lang","dagen":366}'
want 422 "a token of more than a year"
grep -q '"\$.dagen"' "$tmp/body" && ok || nok "422 names \$.dagen: $(head -c 200 "$tmp/body")"
token "$CM" '{"naam":"scope","alleen_lezen":"ja"}'
want 422 "alleen_lezen not a boolean"
token "$CM" '{"naam":"schrijver"}'
want 201 "a token with the defaults"
rw=$tok
rwid=$tid
v=$(veld "['verloopt']")
[ "$v" = $((T0 + 90 * DAG)) ] && ok || nok "default expiry 90 days: $v"
token "$CM" '{"naam":"kort","dagen":1}'
want 201 "a token of one day"
kort=$tok
token "$CM" '{"naam":"lezer","alleen_lezen":true}'
want 201 "a read-only token"
ro=$tok
roid=$tid
[ "$(veld "['alleen_lezen']")" = True ] && ok || nok "alleen_lezen in the answer"

# --- a token can neither make tokens nor change the password ---
bearer "$rw" POST /api/v1/tokens --data-binary '{"naam":"kind"}'
want 403 "a token making a token"
bearer "$rw" POST /api/v1/ik/wachtwoord --data-binary "{\"oud\":\"$PW\",\"nieuw\":\"$PW2\"}"
want 403 "a token changing the password"

# --- a read-only token reads and never writes ---
bearer "$ro" GET /api/v1/dossiers/$DS
want 200 "read-only token reads"
bearer "$ro" POST /api/v1/dossiers/$DS/gebeurtenissen --data-binary "$ENTRY"
want 403 "read-only token appends an entry"
grep -q '"alleen_lezen"' "$tmp/body" && ok || nok "403 code alleen_lezen: $(head -c 200 "$tmp/body")"
bearer "$ro" DELETE /api/v1/tokens/$rwid
want 403 "read-only token revokes a token"
bearer "$rw" POST /api/v1/dossiers/$DS/gebeurtenissen --data-binary "$ENTRY"
want 201 "a token that may write appends an entry"

# --- listing: own tokens; a beheerder any; no one else's ---
req "$CM" GET /api/v1/tokens
want 200 "own tokens"
n=$(veld "['tokens'].__len__()")
[ "$n" = 3 ] && ok || nok "3 own tokens listed, got $n"
grep -q "$rw" "$tmp/body" && nok "the token itself in the list" || ok
WG=wg
login "$WG" werkgever "$PW"
req "$WG" GET "/api/v1/tokens?gebruiker=casemanager"
want 403 "werkgever lists casemanager's tokens"
req "$WG" DELETE /api/v1/tokens/$rwid
want 404 "werkgever revokes casemanager's token"
BH=bh
login "$BH" beheerder "$PW"
req "$BH" GET "/api/v1/tokens?gebruiker=casemanager"
want 200 "beheerder lists casemanager's tokens"
n=$(veld "['tokens'].__len__()")
[ "$n" = 3 ] && ok || nok "beheerder sees 3 tokens, got $n"

# --- revoke: own (session) and by the beheerder ---
req "$CM" DELETE /api/v1/tokens/$roid
want 200 "casemanager revokes his read-only token"
bearer "$ro" GET /api/v1/ik
want 401 "revoked read-only token"
req "$BH" DELETE /api/v1/tokens/$rwid
want 200 "beheerder revokes casemanager's token"
bearer "$rw" GET /api/v1/ik
want 401 "token revoked by the beheerder"
req "$BH" DELETE /api/v1/tokens/0123456789abcdef
want 404 "unknown token id"
audit_heeft "API-token intrekken" && ok || nok "token revocation not audited"
bearer "$kort" GET /api/v1/ik
want 200 "one-day token on its first day"
stop

# --- a day and a second later the one-day token has expired ---
start $((T0 + DAG + 1))
bearer "$kort" GET /api/v1/ik
want 401 "expired token"

# --- a password change revokes every token of the user (the sessions of
# T0 have ended: log in again) ---
login "$WG" werkgever "$PW"
login "$BH" beheerder "$PW"
login "$CM" casemanager "$PW"
token "$CM" '{"naam":"voor de wijziging"}'
want 201 "token before the password change"
voor=$tok
bearer "$voor" GET /api/v1/ik
want 200 "token before the password change works"
req "$CM" POST /api/v1/ik/wachtwoord --data-binary "{\"oud\":\"$PW\",\"nieuw\":\"$PW2\"}"
want 200 "password change"
bearer "$voor" GET /api/v1/ik
want 401 "token after the password change"

# --- deactivate: session and token end at once, login as a wrong
# password, reactivation brings back neither ---
login "$CM" casemanager "$PW2"
want 200 "login with the new password"
token "$CM" '{"naam":"voor deactivering"}'
want 201 "token before deactivation"
dtok=$tok
req "$WG" PUT /api/v1/gebruikers/casemanager/actief --data-binary '{"actief":false}'
want 403 "werkgever deactivates a user"
req "$BH" PUT /api/v1/gebruikers/casemanager/actief --data-binary '{"actief":"nee"}'
want 422 "actief not a boolean"
req "$BH" PUT /api/v1/gebruikers/niemand/actief --data-binary '{"actief":false}'
want 404 "unknown user"
req "$BH" PUT /api/v1/gebruikers/casemanager/actief --data-binary '{"actief":false}'
want 200 "beheerder deactivates casemanager"
req "$CM" GET /api/v1/ik
want 401 "session of a deactivated user"
bearer "$dtok" GET /api/v1/ik
want 401 "token of a deactivated user"
login x casemanager "$PW2"
want 401 "login of a deactivated user"
cp "$tmp/body" "$tmp/gedeactiveerd"
login x werkgever "fout-wachtwoord-123"
want 401 "wrong password"
cmp -s "$tmp/body" "$tmp/gedeactiveerd" && ok || nok "deactivated and wrong password answer alike: $(cat "$tmp/gedeactiveerd") / $(cat "$tmp/body")"
req "$BH" PUT /api/v1/gebruikers/casemanager/actief --data-binary '{"actief":true}'
want 200 "reactivate"
login "$CM" casemanager "$PW2"
want 200 "login after reactivation"
bearer "$dtok" GET /api/v1/ik
want 401 "a token stays revoked after reactivation"
audit_heeft "gebruiker deactiveren: casemanager" && ok || nok "deactivation not audited"
# the last active beheerder stays
req "$BH" PUT /api/v1/gebruikers/beheerder/actief --data-binary '{"actief":false}'
want 409 "the last active beheerder deactivates himself"
req "$BH" GET /api/v1/ik
want 200 "beheerder still logged in"

# --- a revoked grant stops access at once (same session) ---
req "$WG" GET /api/v1/dossiers/$DS
want 200 "werkgever reads $DS"
req "$BH" GET /api/v1/gebruikers
want 200 "users with grant ids"
gid=$(python3 -c "
import json
for g in json.load(open('$tmp/body'))['gebruikers']:
    if g['gebruikersnaam'] == 'werkgever':
        print(g['toekenningen'][0]['id'])" 2>/dev/null)
[ -n "$gid" ] && ok || nok "no grant id for werkgever: $(head -c 300 "$tmp/body")"
req "$WG" DELETE /api/v1/toekenningen/$gid
want 403 "werkgever revokes a grant"
req "$BH" DELETE /api/v1/toekenningen/$gid
want 200 "beheerder revokes werkgever's grant"
req "$WG" GET /api/v1/dossiers/$DS
want 404 "werkgever reads $DS after the revocation"
req "$BH" DELETE /api/v1/toekenningen/$gid
want 404 "the grant is gone"
audit_heeft "toekenning ingetrokken: werkgever aan werkgever" && ok || nok "grant revocation not audited"
stop

# --- the same on the command line ---
"$SPOOR" user tokens casemanager --db "$DB" >"$tmp/out" 2>&1 && ok || nok "user tokens: $(cat "$tmp/out")"
grep -q "ingetrokken" "$tmp/out" && ok || nok "user tokens shows revoked tokens: $(cat "$tmp/out")"
[ "$(grep -c . "$tmp/out")" = 5 ] && ok || nok "5 tokens of casemanager: $(cat "$tmp/out")"
start $T0
login "$CM" casemanager "$PW2"
token "$CM" '{"naam":"cli"}'
ctok=$tok
ctid=$tid
stop
"$SPOOR" user token-intrekken "$ctid" --db "$DB" >"$tmp/out" 2>&1 && ok || nok "user token-intrekken: $(cat "$tmp/out")"
"$SPOOR" user token-intrekken 0123456789abcdef --db "$DB" >"$tmp/out" 2>&1
[ $? = 2 ] && grep -q "geen API-token" "$tmp/out" && ok || nok "unknown token id on the command line: $(cat "$tmp/out")"
"$SPOOR" user deactiveer beheerder --db "$DB" >"$tmp/out" 2>&1
[ $? = 2 ] && grep -q "laatste actieve beheerder" "$tmp/out" && ok || nok "last beheerder on the command line: $(cat "$tmp/out")"
"$SPOOR" user intrekken bedrijfsarts --rol bedrijfsarts --werkgever GEEN --db "$DB" >"$tmp/out" 2>&1
[ $? = 2 ] && ok || nok "revoking a grant the user does not hold: $(cat "$tmp/out")"
bw=$(python3 -c "import sqlite3; print(sqlite3.connect('$DB').execute(\"SELECT w.extern_id FROM toekenning t JOIN gebruiker g ON g.id = t.gebruiker_id JOIN werkgever w ON w.id = t.werkgever_id WHERE g.naam = 'bedrijfsarts' LIMIT 1\").fetchone()[0])")
start $T0
BA=ba
login "$BA" bedrijfsarts "$PW"
want 200 "login bedrijfsarts"
req "$BA" GET /api/v1/dossiers/$DS
want 200 "bedrijfsarts reads $DS"
"$SPOOR" user intrekken bedrijfsarts --rol bedrijfsarts --werkgever "$bw" --db "$DB" >"$tmp/out" 2>&1 && ok || nok "user intrekken: $(cat "$tmp/out")"
req "$BA" GET /api/v1/dossiers/$DS
want 404 "bedrijfsarts after spoor user intrekken"
bearer "$ctok" GET /api/v1/ik
want 401 "token after spoor user token-intrekken"
"$SPOOR" user deactiveer casemanager --db "$DB" >"$tmp/out" 2>&1 && ok || nok "user deactiveer: $(cat "$tmp/out")"
req "$CM" GET /api/v1/ik
want 401 "session after spoor user deactiveer"
"$SPOOR" user activeer casemanager --db "$DB" >"$tmp/out" 2>&1 && ok || nok "user activeer: $(cat "$tmp/out")"
login "$CM" casemanager "$PW2"
want 200 "login after spoor user activeer"
stop
audit_heeft "toekenning ingetrokken: bedrijfsarts aan bedrijfsarts" && ok || nok "spoor user intrekken not audited"

report cli_intrekken

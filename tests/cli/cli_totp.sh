#!/bin/bash
# cli_totp.sh - the second factor (issue 12): a bedrijfsarts whose role
# must use one (spoor.conf tweede_factor_verplicht) gets a session that
# can only enrol; he enrols (secret and otpauth URI once, confirmed with
# a code computed here from the secret, RFC 6238 in python3), then logs
# in with a code; a missing, wrong or replayed code is refused with its
# own error code and wrong ones count as failed logins; a recovery code
# works once; switching off needs a current code; the beheerder wipes it
# (API and `spoor user totp-wissen`). Every step in the audit log.
#
# The clock is SPOOR_NU (store_nu()), read by the server from its own
# environment: a code is valid in its 30 s step and one either side, so
# the test restarts the server with a later clock for fresh steps.
#
# usage: bash cli_totp.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_totp.sh <spoor> <tests-dir>" >&2; exit 2; }
command -v curl >/dev/null || { echo "cli_totp.sh: curl missing (scripts/deps.sh installs it)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "cli_totp.sh: python3 missing (scripts/deps.sh test installs it)" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pid=
cleanup() {
	stop_server "$pid"
	rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
nok() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
want() { [ "$code" = "$1" ] && ok || nok "$2: HTTP $code, want $1: $(head -c 300 "$tmp/body")"; }
export SPOOR_AUTH_KOSTEN=test
PW=demo-wachtwoord-1
DB=$tmp/s.db
T0=2000000010 # two seconds into step 66666667
CONF=$tmp/spoor.conf
printf 'tweede_factor_verplicht = beheerder, bedrijfsarts\n' >"$CONF"

# start CLOCK: a server with the clock at CLOCK; sets pid and URL
start() {
	: >"$tmp/serve.out"
	SPOOR_NU=$1 "$SPOOR" serve --config "$CONF" --db "$DB" --listen 127.0.0.1:0 \
		>"$tmp/serve.out" 2>"$tmp/serve.err" &
	pid=$!
	for _ in $(seq 1 600); do
		grep -q "luistert op" "$tmp/serve.out" 2>/dev/null && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	URL=$(sed -n 's|^spoor luistert op \(http://[^/]*\)/.*|\1|p' "$tmp/serve.out")
	[ -n "$URL" ] || { echo "FAIL: server did not start: $(server_said "$tmp/serve.err")"; exit 1; }
}
stop() {
	stop_server "$pid" && ok || nok "server did not stop cleanly: $(server_said "$tmp/serve.err")"
	pid=
}

# req JAR METHOD PATH [curl args...]: sets $code and $tmp/body
req() {
	local jar=$1 m=$2 p=$3 x=()
	shift 3
	[ -f "$jar.csrf" ] && x=(-H "X-CSRF-Token: $(cat "$jar.csrf")")
	code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X "$m" -b "$jar" -c "$jar" \
		-H 'Content-Type: application/json' "${x[@]}" "$@" "$URL$p")
}
veld() { python3 -c "import json,sys; print(json.load(open('$tmp/body'))$1)" 2>/dev/null; }
foutcode() { veld "['fout']['code']"; }
# login JAR NAME [CODE]: with the code field when given
login() {
	local c=
	rm -f "$1" "$1.csrf"
	[ $# -ge 3 ] && c=",\"code\":\"$3\""
	req "$1" POST /api/v1/sessie --data-binary "{\"gebruikersnaam\":\"$2\",\"wachtwoord\":\"$PW\"$c}"
	[ "$code" = 200 ] && veld "['csrf']" >"$1.csrf"
}
# totp SECRET TIME: the RFC 6238 code (SHA1, 6 digits, 30 s) at TIME
totp() {
	python3 -c '
import base64, hashlib, hmac, struct, sys
k = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
h = hmac.new(k, struct.pack(">Q", int(sys.argv[2]) // 30), hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))' "$1" "$2"
}
audit_heeft() {
	python3 -c "import sqlite3,sys; sys.exit(0 if sqlite3.connect('$DB').execute(\"SELECT count(*) FROM audit WHERE actie LIKE ?\", ('%' + sys.argv[1] + '%',)).fetchone()[0] else 1)" "$1"
}
# enrol JAR CLOCK: sets geheim and herstel (the codes, one per line)
enrol() {
	req "$1" POST /api/v1/sessie/totp
	want 201 "enrolment starts"
	geheim=$(veld "['geheim']")
	req "$1" POST /api/v1/sessie/totp/bevestig --data-binary "{\"code\":\"$(totp "$geheim" "$2")\"}"
	want 200 "enrolment confirmed"
	herstel=$(veld "['herstelcodes']" | python3 -c "import ast,sys; print('\n'.join(ast.literal_eval(sys.stdin.read())))")
}

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }

# --- the setting is checked when the server starts ---
printf 'tweede_factor_verplicht = beheerder, tandarts\n' >"$tmp/fout.conf"
"$SPOOR" serve --config "$tmp/fout.conf" --db "$DB" --listen 127.0.0.1:0 >"$tmp/out" 2>&1
[ $? -ne 0 ] && grep -q "regel 1" "$tmp/out" && grep -q "'tandarts' is geen rol" "$tmp/out" && ok ||
	nok "an unknown role in tweede_factor_verplicht: $(cat "$tmp/out")"

start $T0
A=$tmp/arts
CM=$tmp/cm
BH=$tmp/beheer

# --- enforcement: a bedrijfsarts without a factor may only enrol ---
login "$A" bedrijfsarts
want 200 "login of a bedrijfsarts without a factor (password only)"
req "$A" GET /api/v1/dossiers
want 403 "a bedrijfsarts without a factor lists cases"
[ "$(foutcode)" = tweede_factor_instellen ] && ok || nok "403 tweede_factor_instellen: $(head -c 200 "$tmp/body")"
req "$A" GET /api/v1/dossiers/D-DEMO-021
want 403 "a bedrijfsarts without a factor reads a case"
req "$A" POST /api/v1/tokens --data-binary '{"naam":"omweg"}'
want 403 "a bedrijfsarts without a factor makes an API token"
req "$A" GET /api/v1/ik
want 200 "GET /ik while enrolment is due"
req "$A" GET /api/v1/sessie/totp
want 200 "the factor's status"
[ "$(veld "['instellen']")" = True ] && [ "$(veld "['verplicht']")" = True ] &&
	[ "$(veld "['actief']")" = False ] && ok || nok "status before enrolment: $(cat "$tmp/body")"
login "$CM" casemanager
want 200 "login casemanager"
req "$CM" GET /api/v1/dossiers
want 200 "a casemanager (no factor required) lists cases"
req "$CM" GET /api/v1/sessie/totp
[ "$(veld "['verplicht']")" = False ] && [ "$(veld "['instellen']")" = False ] && ok ||
	nok "casemanager's status: $(cat "$tmp/body")"

# --- enrolment ---
req "$A" POST /api/v1/sessie/totp/bevestig --data-binary '{"code":"123456"}'
want 409 "confirming before starting"
req "$A" POST /api/v1/sessie/totp
want 201 "enrolment starts"
geheim=$(veld "['geheim']")
uri=$(veld "['uri']")
[ ${#geheim} = 32 ] && [[ $geheim =~ ^[A-Z2-7]+$ ]] && ok || nok "secret: 32 base32 characters: $geheim"
[ "$uri" = "otpauth://totp/spoor:bedrijfsarts?secret=$geheim&issuer=spoor&algorithm=SHA1&digits=6&period=30" ] &&
	ok || nok "otpauth URI: $uri"
python3 - "$tmp/body" <<'EOF' && ok || nok "qr: a square of 0/1 rows of a QR version (21 + 4k modules), finder patterns in three corners"
import json, sys
q = json.load(open(sys.argv[1]))["qr"]
n = len(q)
assert n >= 21 and (n - 21) % 4 == 0 and all(len(r) == n and set(r) <= set("01") for r in q), n
vinder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]
for y0, x0 in ((0, 0), (0, n - 7), (n - 7, 0)):
    assert [q[y0 + i][x0:x0 + 7] for i in range(7)] == vinder, (y0, x0)
EOF
# a pending secret is not a factor yet
req "$A" GET /api/v1/dossiers
want 403 "a pending secret does not lift the restriction"
req "$A" POST /api/v1/sessie/totp
want 201 "starting again replaces the pending secret"
geheim2=$(veld "['geheim']")
[ "$geheim2" != "$geheim" ] && ok || nok "a new secret on a new start"
req "$A" POST /api/v1/sessie/totp/bevestig --data-binary "{\"code\":\"$(totp "$geheim" $T0)\"}"
want 422 "the code of the replaced secret"
[ "$(foutcode)" = code_onjuist ] && ok || nok "422 code_onjuist: $(head -c 200 "$tmp/body")"
grep -q '"\$.code"' "$tmp/body" && ok || nok "422 names \$.code"
req "$A" POST /api/v1/sessie/totp/bevestig --data-binary '{"code":123456}'
want 422 "a code that is not a string"
geheim=$geheim2
req "$A" POST /api/v1/sessie/totp/bevestig --data-binary "{\"code\":\"$(totp "$geheim" $((T0 - 60)))\"}"
want 422 "a code two steps old"
req "$A" POST /api/v1/sessie/totp/bevestig --data-binary "{\"code\":\"$(totp "$geheim" $T0)\"}"
want 200 "enrolment confirmed with the current code"
herstel=$(veld "['herstelcodes']" | python3 -c "import ast,sys; print('\n'.join(ast.literal_eval(sys.stdin.read())))")
[ "$(echo "$herstel" | sort -u | grep -cE '^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$')" = 10 ] && ok ||
	nok "ten distinct recovery codes: $herstel"
python3 - "$DB" "$geheim" <<'EOF' && ok || nok "the database holds the secret as 20 bytes, the recovery codes only as hashes"
import sqlite3, sys, base64
c = sqlite3.connect(sys.argv[1])
g, = c.execute("SELECT geheim FROM totp t JOIN gebruiker u ON u.id = t.gebruiker_id WHERE u.naam = 'bedrijfsarts'").fetchone()
assert bytes(g) == base64.b32decode(sys.argv[2])
hs = [r[0] for r in c.execute("SELECT hash FROM herstelcode")]
assert len(hs) == 10 and all(len(h) == 64 for h in hs), hs
EOF
for h in $herstel; do grep -q "$h" "$DB"* && nok "recovery code $h stored as text"; done
req "$A" GET /api/v1/dossiers
want 200 "after enrolment the session reads cases"
req "$A" GET /api/v1/sessie/totp
[ "$(veld "['actief']")" = True ] && [ "$(veld "['herstelcodes_over']")" = 10 ] && ok ||
	nok "status after enrolment: $(cat "$tmp/body")"
grep -q "$geheim" "$tmp/body" && nok "the status shows the secret"
req "$A" POST /api/v1/sessie/totp
want 409 "enrolling again with a factor"
[ "$(foutcode)" = tweede_factor_actief ] && ok || nok "409 tweede_factor_actief"

# --- login with a code ---
login "$A" bedrijfsarts
want 401 "login without a code"
[ "$(foutcode)" = tweede_factor_nodig ] && ok || nok "401 tweede_factor_nodig: $(head -c 200 "$tmp/body")"
login "$A" bedrijfsarts "$(totp "$geheim" $T0)"
want 401 "the code the enrolment used (a replay)"
[ "$(foutcode)" = code_onjuist ] && ok || nok "401 code_onjuist for a replay"
login "$A" bedrijfsarts "$(totp "$geheim" $((T0 - 30)))"
want 401 "the code of the step before the one used"
login "$A" bedrijfsarts "$(totp "$geheim" $((T0 + 30)))"
want 200 "login with the next step's code"
req "$A" GET /api/v1/dossiers
want 200 "a session with the second factor reads cases"
login "$A" bedrijfsarts "$(totp "$geheim" $((T0 + 30)))"
want 401 "the same code twice"
login "$A" bedrijfsarts '{"x":1}'
want 400 "a code that is not text"
rm -f "$A" "$A.csrf"
req "$A" POST /api/v1/sessie --data-binary "{\"gebruikersnaam\":\"bedrijfsarts\",\"wachtwoord\":\"$PW\",\"code\":12}"
want 400 "code as a number"
grep -q '"\$.code"' "$tmp/body" && ok || nok "400 names \$.code"
# a wrong password with a right-looking code: the password answer
rm -f "$A" "$A.csrf"
req "$A" POST /api/v1/sessie --data-binary '{"gebruikersnaam":"bedrijfsarts","wachtwoord":"fout-wachtwoord-9","code":"123456"}'
want 401 "wrong password with a code"
[ "$(foutcode)" = onjuist ] && ok || nok "401 onjuist before any code check"

# --- recovery codes: each once ---
r1=$(echo "$herstel" | sed -n 1p)
login "$A" bedrijfsarts "$(echo "$r1" | tr 'A-Z' 'a-z')"
want 200 "login with a recovery code (lower case)"
login "$A" bedrijfsarts "$r1"
want 401 "the same recovery code again"
[ "$(foutcode)" = code_onjuist ] && ok || nok "401 code_onjuist for a used recovery code"
login "$A" bedrijfsarts "AAAA-AAAA-AAAA-AAAA"
want 401 "a recovery code never issued"
req "$A" GET /api/v1/sessie/totp
want 401 "no session after refused logins"
r2=$(echo "$herstel" | sed -n 2p)
login "$A" bedrijfsarts "$r2"
want 200 "login with a second recovery code"
req "$A" GET /api/v1/sessie/totp
[ "$(veld "['herstelcodes_over']")" = 8 ] && ok || nok "8 recovery codes left: $(cat "$tmp/body")"
audit_heeft "aanmelden met herstelcode" && ok || nok "audit: login with a recovery code"
audit_heeft "tweede factor ingesteld" && ok || nok "audit: enrolment"
audit_heeft "tweede factor: instellen begonnen" && ok || nok "audit: enrolment started"
audit_heeft "aanmelden: tweede factor onjuist" && ok || nok "audit: a wrong code"

# --- wrong codes count as failed logins (5 per name) ---
login "$tmp/x" bedrijfsarts 000000
login "$tmp/x" bedrijfsarts 000001
login "$tmp/x" bedrijfsarts 000002
login "$tmp/x" bedrijfsarts 000003
login "$tmp/x" bedrijfsarts 000004
want 401 "the fifth wrong code"
r3=$(echo "$herstel" | sed -n 3p)
login "$tmp/x" bedrijfsarts "$r3"
want 429 "after five wrong codes a right recovery code waits"
[ "$(foutcode)" = te_veel_pogingen ] && ok || nok "429 te_veel_pogingen"
stop

# --- a later clock: fresh steps; switching off needs a current code ---
T1=$((T0 + 3600))
start $T1
login "$A" bedrijfsarts "$(totp "$geheim" $T1)"
want 200 "login with the code of an hour later"
req "$A" POST /api/v1/sessie/totp/uit --data-binary '{"code":"000000"}'
want 422 "switching off with a wrong code"
[ "$(foutcode)" = code_onjuist ] && ok || nok "422 code_onjuist when switching off"
req "$A" POST /api/v1/sessie/totp/uit --data-binary "{\"code\":\"$(totp "$geheim" $T1)\"}"
want 422 "switching off with the code the login used"
req "$A" POST /api/v1/sessie/totp/uit --data-binary '{}'
want 422 "switching off without a code"
req "$A" POST /api/v1/sessie/totp/uit --data-binary "{\"code\":\"$(totp "$geheim" $((T1 + 30)))\"}"
want 200 "switching off with a current code"
audit_heeft "tweede factor uitgezet" && ok || nok "audit: switched off"
req "$A" GET /api/v1/dossiers
want 403 "switched off, the role's restriction is back"
login "$A" bedrijfsarts
want 200 "login without a code once switched off"
req "$A" POST /api/v1/sessie/totp/uit --data-binary '{"code":"000000"}'
want 409 "switching off without a factor"

# --- the beheerder wipes a lost factor: API and command line ---
enrol "$A" $T1
login "$BH" beheerder
want 200 "login beheerder"
req "$BH" DELETE /api/v1/gebruikers/bedrijfsarts/totp
want 403 "a beheerder without a factor (his role requires one) wipes one"
enrol "$BH" $T1
req "$BH" DELETE /api/v1/gebruikers/bedrijfsarts/totp
want 200 "the beheerder wipes the bedrijfsarts's factor"
req "$BH" DELETE /api/v1/gebruikers/bedrijfsarts/totp
want 404 "nothing left to wipe"
req "$BH" DELETE /api/v1/gebruikers/niemand/totp
want 404 "an unknown user"
login "$CM" casemanager
req "$CM" DELETE /api/v1/gebruikers/beheerder/totp
want 403 "a casemanager wipes a factor"
audit_heeft "tweede factor gewist van gebruiker bedrijfsarts" && ok || nok "audit: the wipe"
login "$A" bedrijfsarts
want 200 "after the wipe the password alone logs in"
req "$A" GET /api/v1/dossiers
want 403 "... to a session that must enrol again"
"$SPOOR" user totp-wissen beheerder --db "$DB" >"$tmp/out" 2>&1 && ok || nok "spoor user totp-wissen: $(cat "$tmp/out")"
"$SPOOR" user totp-wissen beheerder --db "$DB" >"$tmp/out" 2>&1
[ $? -ne 0 ] && grep -q "geen tweede factor" "$tmp/out" && ok || nok "totp-wissen of a user without one: $(cat "$tmp/out")"
python3 -c "import sqlite3,sys; sys.exit(0 if sqlite3.connect('$DB').execute(\"SELECT count(*) FROM audit WHERE gebruiker = 'spoor user' AND actie = 'tweede factor gewist van gebruiker beheerder'\").fetchone()[0] == 1 else 1)" &&
	ok || nok "audit: the command line's wipe"
login "$BH" beheerder
want 200 "the beheerder logs in with his password after the wipe"
stop

# --- secrets at rest: encrypted with tweede_factor_sleutel ---
python3 -c 'import secrets; print(secrets.token_hex(32))' >"$tmp/sleutel"
chmod 600 "$tmp/sleutel"
printf 'tweede_factor_verplicht = beheerder, bedrijfsarts\ntweede_factor_sleutel = %s\n' "$tmp/sleutel" >"$CONF"
T2=$((T1 + 3600))
start $T2
login "$CM" casemanager
want 200 "login casemanager (server with a key)"
enrol "$CM" $T2
blob() { python3 -c "import sqlite3,sys; r=sqlite3.connect('$DB').execute(\"SELECT t.geheim FROM totp t JOIN gebruiker u ON u.id = t.gebruiker_id WHERE u.naam = ?\", (sys.argv[1],)).fetchone(); print(bytes(r[0]).hex() if r else '')" "$1"; }
b=$(blob casemanager)
g=$(python3 -c "import base64,sys; print(base64.b32decode(sys.argv[1]).hex())" "$geheim")
[ ${#b} = 122 ] && [ "${b:0:2}" = 01 ] && [[ $b != *"$g"* ]] && ok ||
	nok "stored encrypted: 61 bytes, version 1, without the secret: $b"
login "$CM" casemanager "$(totp "$geheim" $((T2 + 30)))"
want 200 "login with a code against an encrypted secret"
stop
# without the key, with another key, or in another user's row: not readable
printf 'tweede_factor_verplicht = beheerder, bedrijfsarts\n' >"$CONF"
start $((T2 + 600))
login "$CM" casemanager "$(totp "$geheim" $((T2 + 600)))"
want 500 "an encrypted secret on a server without the key"
grep -q "tweede_factor_sleutel ontbreekt" "$tmp/serve.err" && ok || nok "the server log says why: $(server_said "$tmp/serve.err")"
stop
python3 -c 'import secrets; print(secrets.token_hex(32))' >"$tmp/ander"
chmod 600 "$tmp/ander"
printf 'tweede_factor_sleutel = %s\n' "$tmp/ander" >"$CONF"
start $((T2 + 900))
login "$CM" casemanager "$(totp "$geheim" $((T2 + 900)))"
want 500 "an encrypted secret on a server with another key"
stop
python3 - "$DB" <<'EOF2' || nok "copy the casemanager's secret to the werkgever's row"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO totp (gebruiker_id, geheim, actief, laatste_stap, aangemaakt) SELECT w.id, t.geheim, 1, 0, 0 FROM totp t, gebruiker u, gebruiker w WHERE u.id = t.gebruiker_id AND u.naam = 'casemanager' AND w.naam = 'werkgever'")
c.commit()
EOF2
printf 'tweede_factor_sleutel = %s\n' "$tmp/sleutel" >"$CONF"
start $((T2 + 1200))
login "$tmp/wg" werkgever "$(totp "$geheim" $((T2 + 1200)))"
want 500 "a secret copied into another user's row"
login "$CM" casemanager "$(totp "$geheim" $((T2 + 1200)))"
want 200 "the right key again"
stop
# a key file that is no key, or readable by others: the server does not start
printf 'geen-sleutel\n' >"$tmp/fout.key"
chmod 600 "$tmp/fout.key"
printf 'tweede_factor_sleutel = %s\n' "$tmp/fout.key" >"$tmp/fout.conf"
"$SPOOR" serve --config "$tmp/fout.conf" --db "$DB" --listen 127.0.0.1:0 >"$tmp/out" 2>&1
[ $? -ne 0 ] && grep -q "64 hexadecimale tekens" "$tmp/out" && ok || nok "a bad key file: $(cat "$tmp/out")"
chmod 644 "$tmp/sleutel"
printf 'tweede_factor_sleutel = %s\n' "$tmp/sleutel" >"$tmp/fout.conf"
"$SPOOR" serve --config "$tmp/fout.conf" --db "$DB" --listen 127.0.0.1:0 >"$tmp/out" 2>&1
[ $? -ne 0 ] && grep -q "tweede_factor_sleutel" "$tmp/out" && ok || nok "a world-readable key file: $(cat "$tmp/out")"

echo "cli_totp: $pass ok, $fail failed"
[ "$fail" -eq 0 ]

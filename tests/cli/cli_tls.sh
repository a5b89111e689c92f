#!/bin/bash
# cli_tls.sh - spoor.conf, built-in TLS and the trusted reverse proxy
# (docs/configuration.md), on a demo database:
# - HTTPS with a throwaway self-signed certificate: a client that refuses
#   anything below TLS 1.2 connects (curl --tlsv1.2; openssl s_client with
#   TLS 1.2 and 1.3), TLS 1.1 and a TLS 1.2 CBC suite are refused by the
#   server, Strict-Transport-Security on every answer, the login cookie
#   carries Secure, and plain HTTP on the TLS port gets no answer;
# - without TLS behind a trusted proxy: X-Forwarded-Proto: https makes the
#   cookie Secure, X-Forwarded-For's right-most untrusted address is the
#   client (seen through the per-address login limit); from a peer that is
#   not trusted both headers are ignored;
# - settings from the file: listen (twice, IPv4 and IPv6), session
#   lifetime (the cookie's Max-Age), upload_max (413), SPOOR_CONFIG; the
#   command line wins over the file, the file over $SPOOR_DB;
# - bad files and settings: exit status 2 and a Dutch message with the
#   file and line, or naming the setting.
#
# usage: bash cli_tls.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do
		stop_server "$p"
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_tls.sh <spoor> <tests-dir>" >&2; exit 2; }
for t in curl openssl; do
	command -v $t >/dev/null || { echo "cli_tls.sh: $t missing (scripts/deps.sh test installs it)" >&2; exit 2; }
done
export SPOOR_AUTH_KOSTEN=test
unset SPOOR_DB SPOOR_CONFIG
DB=$tmp/tls.db
PW=demo-wachtwoord-1

"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }

# A throwaway certificate for localhost and 127.0.0.1, and a second key
# that does not belong to it.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 2 -subj /CN=localhost \
	-addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" >"$tmp/openssl.out" 2>&1 ||
	{ echo "FAIL: openssl req: $(cat "$tmp/openssl.out")"; exit 1; }
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/other.pem" 2>>"$tmp/openssl.out"
chmod 600 "$tmp/key.pem" "$tmp/other.pem"

# start NAME ARGS...: start a server, record its pid, set URL (the first
# address it prints) and URLS (all of them; spoor writes the lines in one
# flush); 1 when it did not start.
start() {
	local name=$1
	shift
	"$SPOOR" serve "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
	pids+=($!)
	for _ in $(seq 1 300); do
		grep -q "luistert op" "$tmp/$name.out" 2>/dev/null && break
		kill -0 "${pids[-1]}" 2>/dev/null || break
		sleep 0.05
	done
	URLS=$(sed -n 's|^spoor luistert op \(https\{0,1\}://[^ ]*\)/ .*|\1|p' "$tmp/$name.out")
	URL=$(head -n 1 <<<"$URLS")
	[ -n "$URL" ] || { nok "$name: server did not start: $(cat "$tmp/$name.err")"; return 1; }
}
# login URL [curl args...]: sets $code and $tmp/hdr (headers, no CR)
login() {
	local u=$1
	shift
	code=$(curl -s -o "$tmp/body" -w '%{http_code}' -D "$tmp/hdr.raw" \
		-H 'Content-Type: application/json' \
		--data-binary "{\"gebruikersnaam\":\"beheerder\",\"wachtwoord\":\"$PW\"}" \
		"$@" "$u/api/v1/sessie")
	tr -d '\r' <"$tmp/hdr.raw" >"$tmp/hdr"
}
# fail_login URL NAME [curl args...]: a failed login; sets $code
fail_login() {
	local u=$1 n=$2
	shift 2
	code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
		--data-binary "{\"gebruikersnaam\":\"$n\",\"wachtwoord\":\"verkeerd-wachtwoord\"}" \
		"$@" "$u/api/v1/sessie")
}
cookie() { sed -n 's/^Set-Cookie: //Ip' "$tmp/hdr"; }
hdr() { sed -n "s/^$1: //Ip" "$tmp/hdr"; }
want() { [ "$code" = "$1" ] && ok || nok "$2: HTTP $code, want $1: $(head -c 300 "$tmp/body" 2>/dev/null)"; }
# refused NAME ARGS...: spoor serve must exit 2 with a message containing
# every line of $tmp/want
refused() {
	local name=$1 rc
	shift
	timeout 20 "$SPOOR" serve "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	rc=$?
	[ $rc = 2 ] && ok || nok "$name: exit $rc, want 2: $(cat "$tmp/$name.err" "$tmp/$name.out")"
	while IFS= read -r w; do
		grep -qF -- "$w" "$tmp/$name.err" && ok || nok "$name: stderr lacks '$w': $(cat "$tmp/$name.err")"
	done <"$tmp/want"
}

# --- HTTPS ----------------------------------------------------------
cat >"$tmp/tls.conf" <<EOF
# spoor.conf for the TLS test
db = $DB
listen = 127.0.0.1:0
listen = [::1]:0    # IPv6 too
tls_cert = $tmp/cert.pem
tls_key = $tmp/key.pem
hsts_max_age = 600
session_lifetime = 1h
EOF
if start tls --config "$tmp/tls.conf"; then
	case $URL in https://127.0.0.1:*) ok ;; *) nok "tls: first address $URL, want https://127.0.0.1:PORT" ;; esac
	URL6=$(sed -n 2p <<<"$URLS")
	case $URL6 in https://\[::1\]:*) ok ;; *) nok "tls: second address '$URL6', want https://[::1]:PORT" ;; esac
	HP=${URL#https://}
	# a client that refuses anything below TLS 1.2 connects
	login "$URL" --tlsv1.2 --cacert "$tmp/cert.pem"
	want 200 "tls: login over TLS >= 1.2"
	cookie | grep -q '^spoor_sessie=[A-Za-z0-9_-]\{43\};.*; Secure$' && ok ||
		nok "tls: login cookie without Secure: '$(cookie)'"
	cookie | grep -q 'Max-Age=3600;' && ok || nok "tls: session_lifetime 1h not in the cookie: '$(cookie)'"
	[ "$(hdr Strict-Transport-Security)" = "max-age=600" ] && ok ||
		nok "tls: Strict-Transport-Security '$(hdr Strict-Transport-Security)', want max-age=600"
	# on every answer, errors included
	code=$(curl -s -o /dev/null -D "$tmp/hdr.raw" -w '%{http_code}' --cacert "$tmp/cert.pem" "$URL/api/v1/ik")
	tr -d '\r' <"$tmp/hdr.raw" >"$tmp/hdr"
	want 401 "tls: /api/v1/ik without a session"
	[ "$(hdr Strict-Transport-Security)" = "max-age=600" ] && ok || nok "tls: no HSTS on a 401"
	if [ -n "$URL6" ]; then
		code=$(curl -s -o /dev/null -w '%{http_code}' --tlsv1.2 --cacert "$tmp/cert.pem" "$URL6/api/v1/ik")
		want 401 "tls: over IPv6"
	fi
	# TLS 1.3 and 1.2 handshakes with openssl; 1.1 and a CBC suite refused
	# by the server (SECLEVEL=0 lets the client offer them at all)
	echo | openssl s_client -connect "$HP" -tls1_3 >"$tmp/s13" 2>&1
	grep -q "TLSv1.3, Cipher is TLS_" "$tmp/s13" && ok || nok "tls: no TLS 1.3 handshake: $(tail -5 "$tmp/s13")"
	echo | openssl s_client -connect "$HP" -tls1_2 >"$tmp/s12" 2>&1
	grep -q "TLSv1.2, Cipher is ECDHE-ECDSA-.*GCM\|TLSv1.2, Cipher is ECDHE-ECDSA-CHACHA20" "$tmp/s12" && ok ||
		nok "tls: no TLS 1.2 AEAD handshake: $(grep -i cipher "$tmp/s12")"
	echo | openssl s_client -connect "$HP" -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' >"$tmp/s11" 2>&1
	grep -q "Cipher is (NONE)" "$tmp/s11" && ok || nok "tls: TLS 1.1 accepted: $(grep -i 'cipher\|protocol' "$tmp/s11")"
	echo | openssl s_client -connect "$HP" -tls1_2 -cipher 'ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0' >"$tmp/scbc" 2>&1
	grep -q "Cipher is (NONE)" "$tmp/scbc" && ok || nok "tls: a CBC suite accepted: $(grep -i 'cipher' "$tmp/scbc")"
	if command -v gnutls-cli >/dev/null; then
		# the same with the other TLS library: 1.2 completes, 1.0/1.1 not
		gnutls-cli --insecure --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.2' \
			-p "${HP##*:}" 127.0.0.1 </dev/null >"$tmp/g12" 2>&1
		grep -q "Handshake was completed" "$tmp/g12" && ok || nok "tls: gnutls-cli TLS 1.2: $(tail -3 "$tmp/g12")"
		gnutls-cli --insecure --priority 'NORMAL:-VERS-ALL:+VERS-TLS1.1:+VERS-TLS1.0' \
			-p "${HP##*:}" 127.0.0.1 </dev/null >"$tmp/g11" 2>&1
		grep -q "Handshake was completed" "$tmp/g11" && nok "tls: gnutls-cli with TLS 1.0/1.1 connected" || ok
	fi
	# plain HTTP on the TLS port: no answer, no cookie
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://$HP/api/v1/ik")
	[ "$code" != 200 ] && [ "$code" != 401 ] && ok || nok "tls: plain HTTP answered $code"
fi

# --- a wrong key, a world-readable key ------------------------------
sed "s|^tls_key = .*|tls_key = $tmp/other.pem|" "$tmp/tls.conf" >"$tmp/wrongkey.conf"
printf '%s\n' "kan niet luisteren op 127.0.0.1:0" "tls_cert en tls_key" >"$tmp/want"
refused wrongkey --config "$tmp/wrongkey.conf"
cp "$tmp/key.pem" "$tmp/open.pem"
chmod 644 "$tmp/open.pem"
sed "s|^tls_key = .*|tls_key = $tmp/open.pem|" "$tmp/tls.conf" >"$tmp/openkey.conf"
printf '%s\n' "tls_key: $tmp/open.pem: iedereen op deze machine kan dit geheim lezen" >"$tmp/want"
refused openkey --config "$tmp/openkey.conf"

# --- behind a trusted proxy, without TLS ----------------------------
cat >"$tmp/proxy.conf" <<EOF
db = $DB
listen = 127.0.0.1:0
trusted_proxy = 127.0.0.1, ::1
upload_max = 1K
EOF
if start proxy --config "$tmp/proxy.conf"; then
	case $URL in http://127.0.0.1:*) ok ;; *) nok "proxy: address $URL, want http://" ;; esac
	login "$URL" -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-For: 203.0.113.5'
	want 200 "proxy: login via the proxy over https"
	cookie | grep -q '; Secure$' && ok || nok "proxy: X-Forwarded-Proto https without Secure: '$(cookie)'"
	login "$URL" -H 'X-Forwarded-Proto: http'
	want 200 "proxy: login via the proxy over http"
	cookie | grep -q 'Secure' && nok "proxy: Secure over http: '$(cookie)'" || ok
	[ -z "$(hdr Strict-Transport-Security)" ] && ok || nok "proxy: HSTS over plain http"
	# the right-most address that is not a proxy is the client: 50
	# failures of 203.0.113.9 (behind a spoofed left-most entry) lock
	# that address out, not another one behind the same proxy
	for i in $(seq 1 50); do
		fail_login "$URL" "x$i" -H "X-Forwarded-For: 10.6.6.$i, 203.0.113.9"
		[ "$code" = 401 ] || { nok "proxy: failure $i: HTTP $code, want 401"; break; }
	done
	fail_login "$URL" y1 -H 'X-Forwarded-For: 203.0.113.9, 127.0.0.1'
	[ "$code" = 429 ] && ok || nok "proxy: 203.0.113.9 after 50 failures: HTTP $code, want 429"
	fail_login "$URL" y2 -H 'X-Forwarded-For: 203.0.113.9, 203.0.113.10'
	[ "$code" = 401 ] && ok || nok "proxy: 203.0.113.10: HTTP $code, want 401 (its own count)"
	# upload_max: a declared larger body is refused before it is read
	head -c 2048 /dev/zero >"$tmp/2k"
	code=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Content-Type: application/pdf' \
		--data-binary @"$tmp/2k" "$URL/api/v1/dossiers/D-DEMO-001/documenten?naam=a.pdf")
	want 413 "proxy: upload over upload_max 1K"
fi

# --- the same headers from a peer that is not trusted ---------------
cat >"$tmp/noproxy.conf" <<EOF
db = $DB
listen = 127.0.0.1:0
trusted_proxy = 192.0.2.1
EOF
if start noproxy --config "$tmp/noproxy.conf"; then
	login "$URL" -H 'X-Forwarded-Proto: https'
	want 200 "noproxy: login"
	cookie | grep -q 'Secure' && nok "noproxy: an untrusted X-Forwarded-Proto made the cookie Secure" || ok
	cookie | grep -q 'Max-Age=28800\(;\|$\)' && ok || nok "noproxy: default session lifetime 8h not in '$(cookie)'"
	# X-Forwarded-For ignored: every failure counts for 127.0.0.1
	for i in $(seq 1 50); do
		fail_login "$URL" "x$i" -H "X-Forwarded-For: 203.0.113.$i"
		[ "$code" = 401 ] || { nok "noproxy: failure $i: HTTP $code, want 401"; break; }
	done
	fail_login "$URL" y1 -H 'X-Forwarded-For: 198.51.100.1'
	[ "$code" = 429 ] && ok || nok "noproxy: a fresh X-Forwarded-For escaped the limit: HTTP $code, want 429"
fi

# --- SPOOR_CONFIG, and the command line over the file ---------------
printf 'db = %s\nlisten = 127.0.0.1:1\nthreads = 1\n' "$DB" >"$tmp/env.conf"
# the file's db wins over $SPOOR_DB, --listen over the file's listen
if SPOOR_DB=$tmp/none.db SPOOR_CONFIG=$tmp/env.conf start env --listen 127.0.0.1:0; then
	case $URL in http://127.0.0.1:1) nok "env: the file's listen won over --listen" ;; http://127.0.0.1:*) ok ;; esac
	grep -q "(database $DB)" "$tmp/env.out" && ok || nok "env: database not from SPOOR_CONFIG: $(cat "$tmp/env.out")"
fi
printf 'db = %s/none.db\nlisten = 127.0.0.1:0\n' "$tmp" >"$tmp/other.conf"
if start dbopt --config "$tmp/other.conf" --db "$DB"; then
	grep -q "(database $DB)" "$tmp/dbopt.out" && ok || nok "dbopt: --db did not win: $(cat "$tmp/dbopt.out")"
fi

# --- bad files ------------------------------------------------------
echo "$tmp/none.conf: dit configuratiebestand bestaat niet" >"$tmp/want"
refused missing --config "$tmp/none.conf"
SPOOR_CONFIG=$tmp/none.conf refused missing_env

bad() { # NAME FILE-CONTENT EXPECTED...
	local name=$1 text=$2
	shift 2
	printf '%s' "$text" >"$tmp/$name.conf"
	printf '%s\n' "$@" >"$tmp/want"
	refused "$name" --config "$tmp/$name.conf" --listen 127.0.0.1:0
}
bad unknown $'# ok\ndb = x.db\nlissen = 127.0.0.1:80\n' \
	"spoor: $tmp/unknown.conf, regel 3: onbekende sleutel 'lissen'; bekend zijn db, db_password_file, listen"
bad twice $'threads = 2\nthreads = 4\n' "regel 2: threads staat er al op regel 1; laat een van beide weg"
bad bounds $'\n\nthreads = 65\n' "regel 3: threads: '65' is geen geheel getal van 1 tot en met 64"
bad noeq $'threads 4\n' "regel 1: verwacht 'sleutel = waarde'"
bad duration $'session_lifetime = 12 uur\n' "regel 1: session_lifetime: '12 uur' is geen duur"
bad halftls $'tls_cert = /etc/x.pem\n' "regel 1: tls_cert zonder tls_key; geef beide"
bad pgpass $'db = postgresql://spoor:geheim@localhost/spoor\n' "regel 1: db: het adres bevat een wachtwoord"
bad proxyname $'trusted_proxy = proxy.lan\n' "regel 1: trusted_proxy: 'proxy.lan' is geen IP-adres"
bad listenhost $'listen = localhost:8080\n' "regel 1: listen: 'localhost:8080' is geen ADRES:POORT"
bad onoff $'request_log = ja\n' "regel 1: request_log: 'ja' moet on of off zijn"
# db_password_file: only for PostgreSQL, and never world-readable
echo pw-Zeer-Prive-42 >"$tmp/pw"
chmod 600 "$tmp/pw"
bad pwsqlite "db = $DB
db_password_file = $tmp/pw
" "db_password_file hoort bij een postgresql://-database"
chmod 644 "$tmp/pw"
bad pwopen "db = postgresql://spoor@127.0.0.1:1/spoor
db_password_file = $tmp/pw
" "db_password_file: $tmp/pw: iedereen op deze machine kan dit geheim lezen"
grep -q Zeer-Prive "$tmp/pwopen.err" && nok "pwopen: the password is in the message" || ok

# every server ends cleanly on SIGTERM (under valgrind: without errors)
for i in "${!pids[@]}"; do
	stop_server "${pids[$i]}"
	rc=$?
	[ $rc = 0 ] && ok || nok "server $((i + 1)) exited $rc on SIGTERM"
	unset "pids[$i]"
done

report cli_tls

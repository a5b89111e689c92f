#!/bin/bash
# cli_doc_veilig.sh - documents that cannot hurt (issue 12), through the
# upload API on a demo database: office documents are ZIP containers
# that are checked (a 1 GiB zip bomb as .docx, an entry named '../x', an
# encrypted entry, a .docx that is plain text: 422 on Content-Type,
# nothing stored, the server's peak RSS bounded while it checks the
# bomb); a small valid .docx and .odt are stored and come back intact;
# document names that are path tricks or Windows device names are 400 on
# naam; a %00 in a query value or name never cuts a name short (400).
# The archives are built here by a small python3 script.
#
# usage: bash cli_doc_veilig.sh <spoor-binary-or-wrapper> <tests-dir>
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
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_doc_veilig.sh <spoor> <tests-dir>" >&2; exit 2; }
for c in curl python3 sqlite3; do
	command -v $c >/dev/null || { echo "cli_doc_veilig.sh: $c missing (scripts/deps.sh test installs it)" >&2; exit 2; }
done
export SPOOR_AUTH_KOSTEN=test
DB=$tmp/doc.db
PW=demo-wachtwoord-1
Z=D-DEMO-021
DOCX=application/vnd.openxmlformats-officedocument.wordprocessingml.document
ODT=application/vnd.oasis.opendocument.text

# --- the archives ------------------------------------------------------
python3 - "$tmp" <<'EOF' || { echo "FAIL: building the archives"; exit 1; }
import struct, sys, zlib
d = sys.argv[1]

def zipbytes(entries):
    """entries: (name, data, method, flags, raw) with raw = (stream, crc, size) or None."""
    out, cd = b"", b""
    for name, data, method, flags, raw in entries:
        n = name.encode()
        if raw:
            comp, crc, size = raw
        else:
            crc, size = zlib.crc32(data), len(data)
            if method == 8:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                comp = c.compress(data) + c.flush()
            else:
                comp = data
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, flags, method, 0, 0x5B21,
                           crc, len(comp), size, len(n), 0) + n + comp
        cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, flags, method, 0,
                          0x5B21, crc, len(comp), size, len(n), 0, 0, 0, 0, 0, off) + n
    return out + cd + struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries),
                                  len(entries), len(cd), len(out), 0)

CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
DOC = b'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Plan</w:t></w:r></w:p></w:body></w:document>'
def w(name, b):
    open(f"{d}/{name}", "wb").write(b)

w("goed.docx", zipbytes([("[Content_Types].xml", CT, 8, 0, None), ("word/document.xml", DOC, 8, 0, None)]))
w("goed.odt", zipbytes([("mimetype", b"application/vnd.oasis.opendocument.text", 0, 0, None),
                        ("content.xml", DOC, 8, 0, None)]))
# 1 GiB of zeros: 1 MiB deflated with a full flush, repeated, then an empty final block
c = zlib.compressobj(9, zlib.DEFLATED, -15)
mib = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
stream = mib * 1024 + b"\x03\x00"
# the CRC of 1 GiB of zeros, without building them: crc32 over 1 MiB pieces
z = bytes(1 << 20)
crc = 0
for _ in range(1024):
    crc = zlib.crc32(z, crc)
w("bom.docx", zipbytes([("[Content_Types].xml", CT, 8, 0, None),
                        ("word/document.xml", None, 8, 0, (stream, crc, 1 << 30))]))
w("pad.docx", zipbytes([("[Content_Types].xml", CT, 8, 0, None), ("../../etc/cron.d/x", DOC, 8, 0, None)]))
w("slot.docx", zipbytes([("[Content_Types].xml", CT, 8, 0, None), ("word/document.xml", DOC, 8, 1, None)]))
EOF
printf 'Beste collega, dit is geen Word-bestand.\n' >"$tmp/tekst.docx"

# --- the server ----------------------------------------------------------
"$SPOOR" demo --db "$DB" --wachtwoord "$PW" >"$tmp/demo.out" 2>&1 ||
	{ echo "FAIL: spoor demo: $(cat "$tmp/demo.out")"; exit 1; }
start_server --db "$DB"

# req METHOD PATH [curl args...]: api (lib.sh) as the casemanager
req() { api casemanager "$@"; }
# upload QUERY TYPE FILE (QUERY already percent-encoded)
upload() {
	req POST "/api/v1/dossiers/$Z/documenten?$1" -H "Content-Type: $2" --data-binary @"$3"
}
body_has() { grep -qF -- "$1" "$tmp/body" && ok || nok "$2: body lacks '$1': $(head -c 400 "$tmp/body")"; }
ndocs() { sqlite3 "$DB" "SELECT count(*) FROM document"; }
# peak resident set of the server in KiB (VmHWM)
hwm() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status"; }

login_rol casemanager

# --- 1. valid office documents are stored and come back intact -----------
upload 'naam=plan.docx&zichtbaarheid=algemeen' "$DOCX" "$tmp/goed.docx"
want 201 "a small valid .docx"
D1=$(jq_ 'd["id"]')
req GET "/api/v1/dossiers/$Z/documenten/$D1"
want 200 "download the .docx"
cmp -s "$tmp/body" "$tmp/goed.docx" && ok || nok "the .docx comes back byte for byte"
upload 'naam=plan.odt&zichtbaarheid=algemeen' "$ODT" "$tmp/goed.odt"
want 201 "a small valid .odt"

# --- 2. containers that are refused --------------------------------------
n0=$(ndocs)
h0=$(hwm)
upload 'naam=bom.docx&zichtbaarheid=algemeen' "$DOCX" "$tmp/bom.docx"
h1=$(hwm)
want 422 "a 1 GiB zip bomb as .docx"
body_has '"document_ongeldig"' "zip bomb: code"
body_has '"veld":"Content-Type"' "zip bomb: field"
body_has "document 'bom.docx'" "zip bomb: names the file"
body_has 'zipbom' "zip bomb: says what is wrong"
body_has 'word/document.xml' "zip bomb: names the entry"
echo "server peak RSS (VmHWM) before the bomb ${h0} KiB, after ${h1} KiB; bomb $(stat -c %s "$tmp/bom.docx") bytes, 1 GiB unpacked"
if [ -z "$SPOOR_VALGRIND" ]; then
	# a check that inflated the bomb in memory would add 1 GiB
	[ $((h1 - h0)) -lt 65536 ] && ok || nok "peak RSS grew $((h1 - h0)) KiB while the bomb was checked (bound 64 MiB)"
fi
upload 'naam=pad.docx&zichtbaarheid=algemeen' "$DOCX" "$tmp/pad.docx"
want 422 "an entry named ../../etc/cron.d/x"
body_has "'..'" "path entry: says why"
upload 'naam=slot.docx&zichtbaarheid=algemeen' "$DOCX" "$tmp/slot.docx"
want 422 "an encrypted entry"
body_has 'versleuteld' "encrypted entry: says why"
upload 'naam=tekst.docx&zichtbaarheid=algemeen' "$DOCX" "$tmp/tekst.docx"
want 422 "a .docx that is plain text"
body_has 'geen ZIP-archief' "plain text as .docx: says why"
upload 'naam=plan.odt&zichtbaarheid=algemeen' "$ODT" "$tmp/goed.docx"
want 422 "a .docx declared as .odt"
body_has 'mimetype' "docx as odt: names the missing part"
[ "$(ndocs)" = "$n0" ] && ok || nok "the refused containers stored nothing"

# --- 3. document names ---------------------------------------------------
printf 'notitie\n' >"$tmp/n.txt"
for naam in CON con.txt 'NUL%20.txt' LPT1.docx 'COM%C2%B9.txt' 'aux.pdf' 'brief.' 'brief%20' .. \
	'..%2Fbrief.txt' 'a%5Cb.txt' 'C%3Abrief.txt' 'brief.txt%3Astroom' 'gpj%E2%80%AE.exe' \
	"$(printf 'a%.0s' $(seq 1 201)).txt"; do
	upload "naam=$naam&zichtbaarheid=algemeen" text/plain "$tmp/n.txt"
	want 400 "document name '$naam'"
	body_has '"veld":"naam"' "document name '$naam': field"
done
upload 'naam=CON.txt&zichtbaarheid=algemeen' text/plain "$tmp/n.txt"
body_has 'apparaatnaam' "CON.txt: says it is a device name"
for naam in CONtract.txt console.txt COM10.txt 'rapport%20v2.txt'; do
	upload "naam=$naam&zichtbaarheid=algemeen" text/plain "$tmp/n.txt"
	want 201 "document name '$naam' is fine"
done

# --- 4. %00 never cuts a name short --------------------------------------
n0=$(ndocs)
upload 'naam=brief.txt%00.exe&zichtbaarheid=algemeen' text/plain "$tmp/n.txt"
want 400 "%00 in naam"
body_has 'nulteken' "%00 in naam: says why"
body_has '"veld":"naam"' "%00 in naam: field"
upload 'naam=brief.txt&zichtbaarheid=algemeen%00medisch' text/plain "$tmp/n.txt"
want 400 "%00 in zichtbaarheid"
upload 'naam=brief.txt&zicht%00baarheid=algemeen' text/plain "$tmp/n.txt"
want 400 "%00 in a parameter name"
body_has 'nulteken' "%00 in a parameter name: says why"
[ "$(ndocs)" = "$n0" ] && ok || nok "a %00 stored nothing"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM document WHERE naam = 'brief.txt'")" = 0 ] &&
	ok || nok "no document named 'brief.txt' (cut at %00)"
req GET "/api/v1/dossiers/$Z/documenten?pagina=1%00"
want 400 "%00 in pagina"
req GET "/api/v1/dossiers/$Z%00/documenten"
want 400 "%00 in the path (as before)"

stop_server "$pid"
src=$?
pid=
[ "$src" -eq 0 ] && ok || nok "server stops cleanly on SIGTERM (exit $src): $(server_said "$tmp/serve.err")"
"$SPOOR" audit verify --db "$DB" >"$tmp/audit" 2>&1 && ok || nok "audit chain intact: $(cat "$tmp/audit")"

report

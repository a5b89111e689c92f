#!/bin/bash
# cli_backup.sh - spoor backup and spoor restore end to end, and the
# schema-version check of every database command (docs/store.md, "Backup,
# restore and upgrade").
#
# SQLite: demo database -> backup -> restore into a new path: the export
# of a case is identical and the audit log verifies; a backup refuses an
# existing target and leaves no file when it fails; restore refuses an
# existing target (unless --overschrijf), a file that is not spoor's, a
# damaged one, one with a changed audit log and one with a newer schema
# (exit 3), and creates nothing then. Commands on a database of a newer
# spoor exit 3 (serve too, without starting).
# PostgreSQL (a throwaway cluster of scripts/pg.sh, databases made with
# createdb): the same round trip through pg_dump and pg_restore, the
# refusals, and a password that reaches pg_dump through the environment
# only. Skipped with a message when pg_dump is missing, and under
# valgrind (cli_pg2.sh's rule).
#
# usage: bash cli_backup.sh <spoor-binary-or-wrapper> <tests-dir>
SPOOR=$1
TESTS=$2
[ -n "$SPOOR" ] && [ -d "$TESTS" ] || { echo "usage: bash cli_backup.sh <spoor> <tests-dir>" >&2; exit 2; }
PG="$TESTS/../scripts/pg.sh"
tmp=$(mktemp -d) || exit 2
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
U=
spid=
cleanup() {
	stop_server "$spid"
	[ -n "$U" ] && bash "$PG" stop "$U" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
export SPOOR_AUTH_KOSTEN=test
PW=demo-wachtwoord-1
DB=$tmp/s.db

run() { "$SPOOR" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
want_rc() { [ "$rc" -eq "$1" ] && ok || nok "$2: exit $rc, want $1: $(head -c 300 "$tmp/err")"; }
has() { grep -qF -- "$1" "$tmp/out" && ok || nok "$2: stdout lacks '$1': $(head -c 300 "$tmp/out")"; }
err_has() { grep -qF -- "$1" "$tmp/err" && ok || nok "$2: stderr lacks '$1': $(head -c 300 "$tmp/err")"; }
absent() { [ ! -e "$1" ] && ok || nok "$2: $1 exists"; }
# no temporary file of a backup or restore is left in the directory
no_tmp() { [ -z "$(find "$1" -maxdepth 1 -name '.*.tmp-*')" ] && ok || nok "$2: left $(find "$1" -maxdepth 1 -name '.*.tmp-*')"; }
NIEUWER="installeer een nieuwere spoor of zet een backup terug"

# ---------------------------------------------------------------- SQLite
run demo --db "$DB" --wachtwoord "$PW"
want_rc 0 "demo"
N=$(sqlite3 "$DB" "SELECT count(*) FROM dossier")
[ "$N" -gt 0 ] && ok || nok "demo made no cases"
V=$(sqlite3 "$DB" "SELECT max(versie) FROM schema_versie")

run backup --db "$DB" "$tmp/b.db"
want_rc 0 "backup"
has "backup geschreven: $tmp/b.db (" "backup names its file"
has "schemaversie $V, $N dossiers)" "backup reports version and cases"
has "$(stat -c %s "$tmp/b.db") bytes" "backup reports the size"
[ "$(stat -c %a "$tmp/b.db")" = 600 ] && ok || nok "backup is readable by its owner only: $(stat -c %a "$tmp/b.db")"
[ "$(sqlite3 "$tmp/b.db" "PRAGMA journal_mode")" = delete ] && ok || nok "backup is one self-contained file"
no_tmp "$tmp" "backup"

cp "$tmp/b.db" "$tmp/b.orig"
run backup --db "$DB" "$tmp/b.db"
want_rc 2 "backup onto an existing file"
err_has "bestaat al" "backup onto an existing file says so"
cmp -s "$tmp/b.db" "$tmp/b.orig" && ok || nok "the existing file is untouched"
run backup --db "$tmp/typfout.db" "$tmp/t.db"
want_rc 2 "backup of a missing database"
absent "$tmp/typfout.db" "backup of a missing database creates none"
absent "$tmp/t.db" "backup of a missing database"
sqlite3 "$tmp/vreemd0.db" "CREATE TABLE t (x INTEGER)"
run backup --db "$tmp/vreemd0.db" "$tmp/t.db"
want_rc 2 "backup of a database that is not spoor's"
err_has "geen database van spoor" "backup of a foreign database says so"
absent "$tmp/t.db" "backup of a foreign database"
run backup --db "$DB" "$tmp/geen-map/b.db"
want_rc 2 "backup into a missing directory"
absent "$tmp/geen-map" "backup into a missing directory"

# restore into a new path: same case, same audit log
run restore --db "$tmp/r.db" "$tmp/b.db"
want_rc 0 "restore"
has "teruggezet: $tmp/r.db (schemaversie $V, $N dossiers, auditlog intact:" "restore reports"
no_tmp "$tmp" "restore"
for f in "$tmp/b.db-wal" "$tmp/b.db-shm" "$tmp/r.db-wal"; do absent "$f" "restore leaves no journal"; done
"$SPOOR" export --db "$DB" D-DEMO-021 >"$tmp/e1.json" 2>"$tmp/err" && ok || nok "export before: $(cat "$tmp/err")"
"$SPOOR" export --db "$tmp/r.db" D-DEMO-021 >"$tmp/e2.json" 2>"$tmp/err" && ok || nok "export after: $(cat "$tmp/err")"
[ -s "$tmp/e1.json" ] && cmp -s "$tmp/e1.json" "$tmp/e2.json" && ok || nok "the case differs after backup and restore"
run audit verify --db "$tmp/r.db"
want_rc 0 "audit verify after restore"
has "auditlog intact" "audit verify after restore"
[ "$(sqlite3 "$tmp/r.db" "SELECT count(*) FROM gebeurtenis")" = "$(sqlite3 "$DB" "SELECT count(*) FROM gebeurtenis")" ] && ok || nok "entries after restore"

# an existing target: refused, then replaced with --overschrijf
cp "$tmp/r.db" "$tmp/r.orig"
run restore --db "$tmp/r.db" "$tmp/b.db"
want_rc 2 "restore onto an existing database"
err_has "--overschrijf" "the refusal names --overschrijf"
cmp -s "$tmp/r.db" "$tmp/r.orig" && ok || nok "the existing database is untouched"
run import --db "$tmp/r.db" "$TESTS/data/voorbeeld-architectuur.json"
sqlite3 "$tmp/r.db" "SELECT count(*) FROM dossier" >"$tmp/na-import"
run restore --db "$tmp/r.db" --overschrijf "$tmp/b.db"
want_rc 0 "restore --overschrijf"
[ "$(sqlite3 "$tmp/r.db" "SELECT count(*) FROM dossier")" = "$N" ] && ok || nok "--overschrijf replaced the database ($(cat "$tmp/na-import") before)"
# an empty file counts as no database
: >"$tmp/leeg.db"
run restore --db "$tmp/leeg.db" "$tmp/b.db"
want_rc 0 "restore onto an empty file"

# a database in use is not replaced
if start_server -k -p spid --db "$tmp/r.db"; then
	run restore --db "$tmp/r.db" --overschrijf "$tmp/b.db"
	want_rc 2 "restore onto a database in use"
	err_has "in gebruik" "the refusal says the database is in use"
else
	nok "serve did not start: $(cat "$tmp/serve.err")"
fi
stop_server "$spid" && ok || nok "serve did not stop cleanly"
spid=

# a backup of an older spoor is migrated on restore (the oldest there
# is: schema_versie without rows, version 0)
sqlite3 "$tmp/oud.db" "CREATE TABLE schema_versie (versie INTEGER NOT NULL)"
run restore --db "$tmp/van-oud.db" "$tmp/oud.db"
want_rc 0 "restore of an older schema"
has "(schemaversie 0 -> $V, 0 dossiers" "restore of an older schema migrates"
[ "$(sqlite3 "$tmp/van-oud.db" "SELECT max(versie) FROM schema_versie")" = "$V" ] && ok || nok "restored database is at version $V"

# not spoor's: a text file, a foreign SQLite database, a damaged copy
echo "geen database" >"$tmp/tekst.db"
run restore --db "$tmp/x1.db" "$tmp/tekst.db"
want_rc 2 "restore of a text file"
err_has "geen backup van spoor" "restore of a text file says so"
absent "$tmp/x1.db" "restore of a text file"
sqlite3 "$tmp/vreemd.db" "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)"
run restore --db "$tmp/x2.db" "$tmp/vreemd.db"
want_rc 2 "restore of a foreign SQLite database"
err_has "geen database van spoor" "restore of a foreign database says so"
absent "$tmp/x2.db" "restore of a foreign database"
head -c 40000 "$tmp/b.db" >"$tmp/half.db"
run restore --db "$tmp/x3.db" "$tmp/half.db"
want_rc 2 "restore of a truncated backup"
absent "$tmp/x3.db" "restore of a truncated backup"
run restore --db "$tmp/x4.db" "$tmp/bestaat-niet.db"
want_rc 2 "restore of a missing file"
err_has "bestaat niet" "restore of a missing file says so"

# a changed audit log: found, nothing restored (exit 1 as audit verify)
cp "$tmp/b.db" "$tmp/vals.db"
sqlite3 "$tmp/vals.db" "UPDATE audit SET actie = 'niets' WHERE volgnr = 2"
run restore --db "$tmp/x5.db" "$tmp/vals.db"
want_rc 1 "restore of a backup with a changed audit log"
err_has "GEWIJZIGD" "the refusal names the audit log"
absent "$tmp/x5.db" "restore of a changed audit log"
no_tmp "$tmp" "refused restores"

# a database of a newer spoor: every command refuses with exit 3
cp "$tmp/b.db" "$tmp/nieuw.db"
sqlite3 "$tmp/nieuw.db" "INSERT INTO schema_versie (versie) VALUES ($((V + 1)))"
run restore --db "$tmp/x6.db" "$tmp/nieuw.db"
want_rc 3 "restore of a newer schema"
err_has "database heeft schemaversie $((V + 1)), deze spoor kent tot $V: $NIEUWER" "restore of a newer schema"
absent "$tmp/x6.db" "restore of a newer schema"
for c in "init" "export D-DEMO-021" "audit verify" "import $TESTS/data/voorbeeld-architectuur.json" "backup $tmp/x7.db"; do
	# shellcheck disable=SC2086 # the command's words
	set -- $c
	cmd=$1
	shift
	if [ "$cmd" = audit ]; then
		run audit verify --db "$tmp/nieuw.db"
	else
		run "$cmd" --db "$tmp/nieuw.db" "$@"
	fi
	want_rc 3 "$c on a newer schema"
	err_has "$NIEUWER" "$c on a newer schema"
done
absent "$tmp/x7.db" "backup of a newer schema"
[ "$(sqlite3 "$tmp/nieuw.db" "SELECT max(versie) FROM schema_versie")" = $((V + 1)) ] && ok || nok "init left the newer version"
# the way back after an upgrade: the older spoor puts its backup over
# the newer database (which it would not open otherwise)
cp "$tmp/nieuw.db" "$tmp/terug.db"
run restore --db "$tmp/terug.db" --overschrijf "$tmp/b.db"
want_rc 0 "restore of the older backup over a newer database"
[ "$(sqlite3 "$tmp/terug.db" "SELECT max(versie) FROM schema_versie")" = "$V" ] && ok || nok "rolled back to version $V"
# serve refuses before it listens (timeout stops it should it start)
timeout 30 "$SPOOR" serve --db "$tmp/nieuw.db" --listen 127.0.0.1:0 >"$tmp/out" 2>"$tmp/err"
rc=$?
want_rc 3 "serve on a newer schema"
err_has "$NIEUWER" "serve on a newer schema"
# serve creates no database: an empty one points at spoor init
timeout 30 "$SPOOR" serve --db "$tmp/leeg2.db" --listen 127.0.0.1:0 >"$tmp/out" 2>"$tmp/err"
rc=$?
want_rc 2 "serve on an empty database"
err_has "spoor init" "serve on an empty database points at init"

# ------------------------------------------------------------ PostgreSQL
if [ -n "${SPOOR_VALGRIND:-}" ]; then
	echo "PostgreSQL part skipped under valgrind"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi
if ! command -v pg_dump >/dev/null || ! command -v pg_restore >/dev/null; then
	echo "PostgreSQL part skipped: pg_dump or pg_restore missing (apt-get install postgresql-client)"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi
U=$(bash "$PG" start) || { nok "no PostgreSQL cluster"; echo "$pass passed, $fail failed"; exit 1; }
SOCK=${U#*host=}
SOCK=${SOCK%%&*}
url() { printf 'postgresql:///%s?host=%s&user=postgres' "$1" "$SOCK"; }
psqlc() { psql -X -q -At -h "$SOCK" -U postgres -d "$1" -c "$2"; }
for d in doel doel2 doel3 doel4; do
	createdb -h "$SOCK" -U postgres "$d" 2>"$tmp/err" && ok || nok "createdb $d: $(cat "$tmp/err")"
done

run demo --db "$U" --wachtwoord "$PW"
want_rc 0 "demo on PostgreSQL"
NP=$(psqlc spoor_test "SELECT count(*) FROM dossier")
run backup --db "$U" "$tmp/p.dump"
want_rc 0 "pg backup"
has "schemaversie $V, $NP dossiers)" "pg backup reports version and cases"
[ "$(stat -c %a "$tmp/p.dump")" = 600 ] && ok || nok "pg backup is readable by its owner only"
pg_restore -l "$tmp/p.dump" >"$tmp/lijst" 2>&1 && grep -q "TABLE DATA public audit " "$tmp/lijst" && ok || nok "pg backup is a custom-format archive with the audit log"
no_tmp "$tmp" "pg backup"
run backup --db "$U" "$tmp/p.dump"
want_rc 2 "pg backup onto an existing file"

run restore --db "$(url doel)" "$tmp/p.dump"
want_rc 0 "pg restore"
has "schemaversie $V, $NP dossiers, auditlog intact:" "pg restore reports"
"$SPOOR" export --db "$U" D-DEMO-021 >"$tmp/p1.json" 2>"$tmp/err" && ok || nok "pg export before: $(cat "$tmp/err")"
"$SPOOR" export --db "$(url doel)" D-DEMO-021 >"$tmp/p2.json" 2>"$tmp/err" && ok || nok "pg export after: $(cat "$tmp/err")"
[ -s "$tmp/p1.json" ] && cmp -s "$tmp/p1.json" "$tmp/p2.json" && ok || nok "the case differs after pg backup and restore"
cmp -s "$tmp/e1.json" "$tmp/p1.json" && ok || nok "the demo case differs between SQLite and PostgreSQL"
run audit verify --db "$(url doel)"
want_rc 0 "audit verify after pg restore"

run restore --db "$(url doel)" "$tmp/p.dump"
want_rc 2 "pg restore into a database that is not empty"
err_has "--overschrijf" "the refusal names --overschrijf"
psqlc doel "INSERT INTO werkgever (extern_id, naam) VALUES ('WG-EXTRA', 'x')" >/dev/null
run restore --db "$(url doel)" --overschrijf "$tmp/p.dump"
want_rc 0 "pg restore --overschrijf"
[ "$(psqlc doel "SELECT count(*) FROM werkgever WHERE extern_id = 'WG-EXTRA'")" = 0 ] && ok || nok "--overschrijf replaced the data"
run audit verify --db "$(url doel)"
want_rc 0 "audit verify after pg restore --overschrijf"

# the wrong kind of backup, and not a backup
run restore --db "$(url doel2)" "$tmp/b.db"
want_rc 2 "an SQLite backup into PostgreSQL"
run restore --db "$tmp/x8.db" "$tmp/p.dump"
want_rc 2 "a pg_dump archive into SQLite"
absent "$tmp/x8.db" "a pg_dump archive into SQLite"
run restore --db "$(url doel2)" "$tmp/tekst.db"
want_rc 2 "a text file into PostgreSQL"

# a dump of a newer spoor (pg_dump itself: spoor backup refuses one)
psqlc doel3 "SELECT 1" >/dev/null
run restore --db "$(url doel3)" "$tmp/p.dump"
psqlc doel3 "INSERT INTO schema_versie (versie) VALUES ($((V + 1)))" >/dev/null
pg_dump -Fc -f "$tmp/nieuw.dump" -h "$SOCK" -U postgres doel3 2>"$tmp/err" || nok "pg_dump: $(cat "$tmp/err")"
run restore --db "$(url doel2)" "$tmp/nieuw.dump"
want_rc 3 "pg restore of a newer schema"
err_has "$NIEUWER" "pg restore of a newer schema"
[ "$(psqlc doel2 "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")" = 0 ] && ok || nok "the refused restore wrote tables"
run export --db "$(url doel3)" D-DEMO-021
want_rc 3 "export from a newer PostgreSQL schema"
run backup --db "$(url doel3)" "$tmp/x9.dump"
want_rc 3 "backup of a newer PostgreSQL schema"
absent "$tmp/x9.dump" "backup of a newer PostgreSQL schema"

# a search path that misses the restored tables: no second, empty spoor
createdb -h "$SOCK" -U postgres doel7 || nok "createdb doel7"
run restore --db "$(url doel7)&options=-csearch_path%3Delders" "$tmp/p.dump"
want_rc 2 "pg restore with a search path elsewhere"
err_has "zoekpad" "the refusal names the search path"
[ "$(psqlc doel7 "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_versie'")" = 1 ] && ok || nok "a second schema_versie was made"

# a changed audit log can only be found once restored: exit 1, said so
createdb -h "$SOCK" -U postgres doel5 && createdb -h "$SOCK" -U postgres doel6 || nok "createdb doel5, doel6"
run restore --db "$(url doel5)" "$tmp/p.dump"
psqlc doel5 "UPDATE audit SET actie = 'niets' WHERE volgnr = 2" >/dev/null
pg_dump -Fc -f "$tmp/vals.dump" -h "$SOCK" -U postgres doel5 2>"$tmp/err" || nok "pg_dump: $(cat "$tmp/err")"
run restore --db "$(url doel6)" "$tmp/vals.dump"
want_rc 1 "pg restore of a changed audit log"
err_has "teruggezet, maar het auditlog van $tmp/vals.dump is GEWIJZIGD: de keten breekt bij record 2" "pg restore names the changed record"

# a password: through PGPASSWORD, never on pg_dump's command line
GEHEIM=zeer-geheim-42
psqlc postgres "CREATE ROLE wwtest LOGIN PASSWORD '$GEHEIM'" >/dev/null
psqlc postgres "ALTER DATABASE doel4 OWNER TO wwtest" >/dev/null
psqlc doel4 "ALTER SCHEMA public OWNER TO wwtest" >/dev/null
HBA=$(psqlc postgres "SHOW hba_file")
{ echo "local all wwtest scram-sha-256"; cat "$HBA"; } >"$tmp/hba"
cat "$tmp/hba" >"$HBA" # keeps the file's owner
psqlc postgres "SELECT pg_reload_conf()" >/dev/null
UW="postgresql://wwtest:$GEHEIM@/doel4?host=$SOCK"
run restore --db "$UW" "$tmp/p.dump"
want_rc 0 "pg restore with a password"
grep -qF "$GEHEIM" "$tmp/out" "$tmp/err" && nok "restore printed the password" || ok
run init --db "$UW"
want_rc 0 "init with a password in the URL"
has "de database van --db (URL met wachtwoord): schemaversie $V, al bij" "init names the database without its password"
grep -qF "$GEHEIM" "$tmp/out" "$tmp/err" && nok "init printed the password" || ok
mkdir "$tmp/bin"
REAL=$(command -v pg_dump)
cat >"$tmp/bin/pg_dump" <<EOF
#!/bin/bash
printf '%s\n' "\$@" >"$tmp/pg_dump.args"
[ -n "\${PGPASSWORD:-}" ] && echo gezet >"$tmp/pg_dump.pw"
exec "$REAL" "\$@"
EOF
chmod +x "$tmp/bin/pg_dump"
PATH="$tmp/bin:$PATH" run backup --db "$UW" "$tmp/w.dump"
want_rc 0 "pg backup with a password"
grep -q gezet "$tmp/pg_dump.pw" 2>/dev/null && ok || nok "pg_dump got no PGPASSWORD"
[ -s "$tmp/pg_dump.args" ] && ! grep -qF "$GEHEIM" "$tmp/pg_dump.args" && ok || nok "the password is on pg_dump's command line: $(cat "$tmp/pg_dump.args")"
grep -qxF -- "--no-owner" "$tmp/pg_dump.args" && grep -qxF -- "-Fc" "$tmp/pg_dump.args" && ok || nok "pg_dump -Fc --no-owner: $(cat "$tmp/pg_dump.args")"
grep -qF "$GEHEIM" "$tmp/out" "$tmp/err" && nok "backup printed the password" || ok
# a wrong password: refused when spoor connects, before pg_dump runs
run backup --db "postgresql://wwtest:fout@/doel4?host=$SOCK" "$tmp/f.dump"
want_rc 2 "pg backup with a wrong password"
err_has "password authentication failed" "the refusal gives the server's reason"
absent "$tmp/f.dump" "pg backup with a wrong password"
# a pg_dump that fails halfway (as on a lost connection): its reason,
# no file, no temporary
mkdir "$tmp/bin2"
cat >"$tmp/bin2/pg_dump" <<'EOF'
#!/bin/bash
while [ $# -gt 0 ]; do [ "$1" = -f ] && f=$2; shift; done
printf 'PGDMP half' >"$f"
echo "pg_dump: error: verbinding verloren" >&2
exit 1
EOF
chmod +x "$tmp/bin2/pg_dump"
PATH="$tmp/bin2:$PATH" run backup --db "$U" "$tmp/f.dump"
want_rc 2 "a failing pg_dump"
err_has "pg_dump mislukt: pg_dump: error: verbinding verloren" "the failure gives pg_dump's reason"
absent "$tmp/f.dump" "failed pg backup"
no_tmp "$tmp" "failed pg backup"

report

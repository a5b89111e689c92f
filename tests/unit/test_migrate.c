/*
 * test_migrate.c - schema migrations (migrate.h) and the db.h helpers of
 * backup and restore. Every migration test runs against SQLite (a fresh
 * file) and, when SPOOR_PG_URL is set, against PostgreSQL (a fresh
 * schema "tm"); `scripts/pg.sh run build/tests/test_migrate` provides a
 * throwaway server. Older and newer builds of spoor are played by
 * migrate_run_stappen with shorter and longer lists of steps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/migrate.h"
#include "testlib.h"

static int
setup_sqlite(void **state)
{
	struct tl_fix *f;

	tl_setup_sqlite(state, "migrate", "m.db", NULL);
	f = *state;
	f->db = tl_db_open(f->pad);
	return 0;
}

static int
setup_pg(void **state)
{
	struct tl_fix *f = tl_fix_nieuw(state, 1, NULL);

	if (!tl_pg_url())
		return 0; /* the test skips itself */
	f->db = tl_db_open(tl_pg_url());
	/* only this schema: the table count of migrate_bekijk spans all */
	if (db_script(f->db, "DROP SCHEMA IF EXISTS tm CASCADE; "
			     "DROP SCHEMA IF EXISTS public CASCADE; "
			     "CREATE SCHEMA tm; SET search_path TO tm"))
		fail_msg("schema: %s", db_errmsg(f->db));
	return 0;
}

/* The public schema back, and the copy of t_sqlite_kopie gone. */
static int
teardown(void **state)
{
	struct tl_fix *f = *state;
	char p[160];

	if (f->db && db_soort(f->db) == DB_PG)
		db_script(f->db, "DROP SCHEMA IF EXISTS tm CASCADE; "
				 "CREATE SCHEMA IF NOT EXISTS public");
	if (f->dir[0]) {
		snprintf(p, sizeof(p), "%s/kopie.db", f->dir);
		unlink(p);
	}
	return tl_teardown(state);
}

static int
bestaat(struct db *db, const char *tabel)
{
	struct db_param p = db_text(tabel);
	struct db_res r;
	int n;
	const char *sql =
		db_soort(db) == DB_PG
			? "SELECT count(*) FROM information_schema.tables "
			  "WHERE table_schema = 'tm' AND table_name = $1"
			: "SELECT count(*) FROM sqlite_master WHERE "
			  "type = 'table' AND name = $1";

	if (db_query(db, sql, &p, 1, &r))
		fail_msg("%s: %s", sql, db_errmsg(db));
	n = (int)db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return n;
}

/* Three builds of a made-up schema: version 1, version 2 (adds a column
 * with a default and a table with both tokens), and a version 2 whose
 * step fails halfway. */
static const char *const STAP1 = "CREATE TABLE a (x INTEGER NOT NULL)";
static const char *const STAP2 =
	"ALTER TABLE a ADD COLUMN y INTEGER NOT NULL DEFAULT 7;"
	"CREATE TABLE b (id @ID@, z @BLOB@)";
static const char *const STAP2_FOUT =
	"CREATE TABLE c (x INTEGER);"
	"INSERT INTO bestaat_niet (x) VALUES (1)";

/* ---- tests ---- */

static void
t_bekijk_leeg(void **state)
{
	struct db *db = tl_db(state);
	int v = 5;
	int64_t n = 5;

	assert_int_equal(migrate_bekijk(db, &v, &n), DB_OK);
	assert_int_equal(v, -1);
	assert_int_equal(n, 0);
	/* looking created nothing (migrate_versie would) */
	assert_int_equal(bestaat(db, "schema_versie"), 0);
	/* a table of someone else: not empty, still not spoor's */
	assert_int_equal(db_script(db, "CREATE TABLE vreemd (x INTEGER)"),
			 DB_OK);
	assert_int_equal(migrate_bekijk(db, &v, &n), DB_OK);
	assert_int_equal(v, -1);
	assert_int_equal(n, 1);
}

static void
t_upgrade(void **state)
{
	struct db *db = tl_db(state);
	const char *const oud[] = {STAP1}, *const nieuw[] = {STAP1, STAP2};
	int van = -1, naar = -1, v;
	int64_t n;

	/* the older build creates version 1 and stores a row */
	assert_int_equal(migrate_run_stappen(db, oud, 1, &van, &naar), DB_OK);
	assert_int_equal(van, 0);
	assert_int_equal(naar, 1);
	assert_int_equal(db_script(db, "INSERT INTO a (x) VALUES (42)"),
			 DB_OK);
	assert_int_equal(migrate_bekijk(db, &v, &n), DB_OK);
	assert_int_equal(v, 1);
	assert_int_equal(n, 2); /* a, schema_versie */

	/* the newer build upgrades: the row is kept, the new column has
	 * its default, the new table exists */
	assert_int_equal(migrate_run_stappen(db, nieuw, 2, &van, &naar),
			 DB_OK);
	assert_int_equal(van, 1);
	assert_int_equal(naar, 2);
	assert_int_equal(tl_getal(db, "SELECT x + y FROM a"), 49);
	assert_int_equal(bestaat(db, "b"), 1);
	assert_int_equal(tl_getal(db, "SELECT max(versie) FROM schema_versie"),
			 2);

	/* again: nothing to do */
	van = naar = -1;
	assert_int_equal(migrate_run_stappen(db, nieuw, 2, &van, &naar),
			 DB_OK);
	assert_int_equal(van, 2);
	assert_int_equal(naar, 2);
	assert_int_equal(tl_getal(db, "SELECT count(*) FROM schema_versie"), 2);
}

static void
t_te_nieuw(void **state)
{
	struct db *db = tl_db(state);
	const char *const oud[] = {STAP1}, *const nieuw[] = {STAP1, STAP2};
	int van = -1, naar = -1;

	assert_int_equal(migrate_run_stappen(db, nieuw, 2, NULL, NULL), DB_OK);
	/* the older build refuses, says what to do, changes nothing */
	assert_int_equal(migrate_run_stappen(db, oud, 1, &van, &naar), DB_ERR);
	assert_string_equal(db_errmsg(db),
			    "database heeft schemaversie 2, deze spoor kent "
			    "tot 1: installeer een nieuwere spoor of zet een "
			    "backup terug");
	assert_int_equal(van, -1);
	assert_int_equal(naar, -1);
	assert_int_equal(tl_getal(db, "SELECT max(versie) FROM schema_versie"),
			 2);
	assert_int_equal(bestaat(db, "b"), 1);
}

static void
t_stap_faalt(void **state)
{
	struct db *db = tl_db(state);
	const char *const oud[] = {STAP1}, *const fout[] = {STAP1, STAP2_FOUT},
			  *const nieuw[] = {STAP1, STAP2};
	int van = -1, naar = -1;

	assert_int_equal(migrate_run_stappen(db, oud, 1, NULL, NULL), DB_OK);
	assert_int_not_equal(migrate_run_stappen(db, fout, 2, &van, &naar),
			     DB_OK);
	assert_non_null(strstr(db_errmsg(db), "bestaat_niet"));
	/* the failed step is gone whole: its table and its version row */
	assert_int_equal(bestaat(db, "c"), 0);
	assert_int_equal(tl_getal(db, "SELECT max(versie) FROM schema_versie"),
			 1);
	assert_int_equal(van, -1);
	/* and the connection is usable for the fixed build */
	assert_int_equal(migrate_run_stappen(db, nieuw, 2, &van, &naar),
			 DB_OK);
	assert_int_equal(van, 1);
	assert_int_equal(naar, 2);
}

static void
t_echt(void **state)
{
	struct db *db = tl_db(state);
	char m[256];
	int van = -1, naar = -1, v;
	int64_t n;
	struct db_param p = db_int(migrate_laatste() + 1);

	assert_int_equal(migrate_run(db, &van, &naar), DB_OK);
	assert_int_equal(van, 0);
	assert_int_equal(naar, migrate_laatste());
	assert_int_equal(migrate_bekijk(db, &v, &n), DB_OK);
	assert_int_equal(v, migrate_laatste());
	assert_true(n > 10);
	/* a newer spoor was here */
	assert_int_equal(db_exec(db, "INSERT INTO schema_versie (versie) "
				 "VALUES ($1)", &p, 1, NULL),
			 DB_OK);
	assert_int_equal(migrate_run(db, NULL, NULL), DB_ERR);
	migrate_te_nieuw(migrate_laatste() + 1, m, sizeof(m));
	assert_string_equal(db_errmsg(db), m);
	assert_non_null(strstr(m, "installeer een nieuwere spoor of zet een "
			       "backup terug"));
	assert_int_equal(migrate_bekijk(db, &v, &n), DB_OK);
	assert_int_equal(v, migrate_laatste() + 1);
}

/* The step of issue 12: an employee id is unique per employer. An
 * employee who had cases at two employers before becomes one row per
 * employer (the data copied), each dienstverband pointing at the row of
 * its own employer; no reference is left dangling. */
static void
t_werknemer_per_werkgever(void **state)
{
	struct db *db = tl_db(state);
	const char *const *lijst = migrate_stap_lijst();
	struct db_res r;
	int k, naar = -1;

	for (k = 0; k < migrate_laatste(); k++)
		if (strstr(lijst[k], "werknemer_nieuw"))
			break;
	assert_true(k < migrate_laatste());
	assert_int_equal(migrate_run_stappen(db, lijst, k, NULL, NULL), DB_OK);
	assert_int_equal(db_script(db,
		"INSERT INTO werkgever (extern_id, naam) VALUES ('WG-A', 'A'),"
		" ('WG-B', 'B');"
		"INSERT INTO werknemer (extern_id, naam, bsn) VALUES"
		" ('WN-7', 'S. de Vries', '111222333'), ('WN-8', 'J. Bos', NULL);"
		"INSERT INTO dienstverband (werkgever_id, werknemer_id,"
		" begindatum, gegevens) SELECT g.id, n.id, '2020-01-01', '{}'"
		" FROM werkgever g, werknemer n WHERE n.extern_id = 'WN-7' OR"
		" (n.extern_id = 'WN-8' AND g.extern_id = 'WG-B');"),
			 DB_OK);
	assert_int_equal(migrate_run(db, NULL, &naar), DB_OK);
	assert_int_equal(naar, migrate_laatste());
	assert_int_equal(db_query(db, "SELECT g.extern_id, n.extern_id, n.naam,"
				  " n.bsn, CASE WHEN n.werkgever_id ="
				  " v.werkgever_id THEN 1 ELSE 0 END FROM"
				  " dienstverband v JOIN werknemer n ON n.id ="
				  " v.werknemer_id JOIN werkgever g ON g.id ="
				  " v.werkgever_id ORDER BY 1, 2", NULL, 0, &r),
			 DB_OK);
	assert_int_equal(r.nrows, 3);
	assert_string_equal(db_cel(&r, 0, 0), "WG-A");
	assert_string_equal(db_cel(&r, 0, 1), "WN-7");
	assert_string_equal(db_cel(&r, 1, 0), "WG-B");
	assert_string_equal(db_cel(&r, 1, 1), "WN-7");
	assert_string_equal(db_cel(&r, 1, 2), "S. de Vries");
	assert_string_equal(db_cel(&r, 1, 3), "111222333");
	assert_string_equal(db_cel(&r, 2, 1), "WN-8");
	for (k = 0; k < 3; k++)
		assert_int_equal(db_cel_int(&r, (size_t)k, 4), 1);
	db_res_release(&r);
	assert_int_equal(db_query(db, "SELECT count(*) FROM werknemer", NULL,
				  0, &r),
			 DB_OK);
	assert_int_equal(db_cel_int(&r, 0, 0), 3);
	db_res_release(&r);
	/* the same id at two employers is now two rows; twice at one is
	 * still refused */
	assert_int_equal(db_script(db, "INSERT INTO werknemer (werkgever_id,"
				   " extern_id, naam) SELECT id, 'WN-8', 'X'"
				   " FROM werkgever WHERE extern_id = 'WG-A'"),
			 DB_OK);
	assert_int_not_equal(db_script(db, "INSERT INTO werknemer"
				       " (werkgever_id, extern_id, naam) SELECT"
				       " id, 'WN-8', 'Y' FROM werkgever WHERE"
				       " extern_id = 'WG-A'"),
			     DB_OK);
	if (db_soort(db) == DB_SQLITE) {
		assert_int_equal(db_query(db, "PRAGMA foreign_keys", NULL, 0,
					  &r),
				 DB_OK);
		assert_int_equal(db_cel_int(&r, 0, 0), 1);
		db_res_release(&r);
	}
}

/* ---- backup helpers, no server needed ---- */

static void
t_pg_verbinding(void **state)
{
	char *ci = NULL, *pw = NULL, err[256];

	(void)state;
	assert_int_equal(db_pg_verbinding("postgresql://jan:ge%27h%5Cim@db.example:5433/"
					  "spoor?sslmode=require&options=-c%20x%3Dy",
					  &ci, &pw, err, sizeof(err)),
			 DB_OK);
	assert_string_equal(pw, "ge'h\\im");
	assert_null(strstr(ci, "password"));
	assert_null(strstr(ci, "\\im"));
	assert_non_null(strstr(ci, "host='db.example'"));
	assert_non_null(strstr(ci, "port='5433'"));
	assert_non_null(strstr(ci, "dbname='spoor'"));
	assert_non_null(strstr(ci, "user='jan'"));
	assert_non_null(strstr(ci, "sslmode='require'"));
	assert_non_null(strstr(ci, "options='-c x=y'"));
	free(ci);
	free(pw);

	/* no password; a quote in a value is escaped */
	ci = pw = NULL;
	assert_int_equal(db_pg_verbinding("postgresql:///d%27b?host=/tmp/s",
					  &ci, &pw, err, sizeof(err)),
			 DB_OK);
	assert_null(pw);
	assert_non_null(strstr(ci, "dbname='d\\'b'"));
	assert_non_null(strstr(ci, "host='/tmp/s'"));
	free(ci);

	/* which URLs may be printed */
	assert_int_equal(db_url_wachtwoord("postgresql://jan:x@h/d"), 1);
	assert_int_equal(db_url_wachtwoord("postgresql:///d?password=x"), 1);
	assert_int_equal(db_url_wachtwoord("postgresql://jan@h/d"), 0);
	assert_int_equal(db_url_wachtwoord("postgres://h/d?bla=1"), 1);
	assert_int_equal(db_url_wachtwoord("/var/lib/spoor/a:b@c.db"), 0);

	/* a bad URL: refused, the password not in the message */
	ci = pw = NULL;
	assert_int_not_equal(db_pg_verbinding("postgresql://jan:GEHEIM@h/d?bla=1",
					      &ci, &pw, err, sizeof(err)),
			     DB_OK);
	assert_null(ci);
	assert_null(pw);
	assert_true(strlen(err) > 0);
	assert_null(strstr(err, "GEHEIM"));
}

static void
t_sqlite_kopie(void **state)
{
	struct tl_fix *f = *state;
	struct db *k = NULL;
	char doel[160], err[256];
	int64_t n;
	int v;

	assert_int_equal(migrate_run(f->db, NULL, NULL), DB_OK);
	assert_int_equal(db_script(f->db, "CREATE TABLE extra (x INTEGER);"
					  "INSERT INTO extra VALUES (1), (2)"),
			 DB_OK);
	snprintf(doel, sizeof(doel), "%s/kopie.db", f->dir);
	/* with the source open (and its WAL unmerged) */
	assert_int_equal(db_sqlite_kopie(f->pad, doel, err, sizeof(err)),
			 DB_OK);
	assert_int_equal(db_open(doel, &k, err, sizeof(err)), DB_OK);
	assert_int_equal(tl_getal(k, "SELECT sum(x) FROM extra"), 3);
	assert_int_equal(migrate_bekijk(k, &v, &n), DB_OK);
	assert_int_equal(v, migrate_laatste());
	db_free(k);
	unlink(doel);

	/* a file that is no database, and one that does not exist */
	{
		FILE *fp = fopen(doel, "w");

		assert_non_null(fp);
		fputs("dit is geen database, maar wel lang genoeg om op "
		      "een kop te lijken: 0123456789012345678901234567890123"
		      "4567890123456789012345678901234567890123456789",
		      fp);
		fclose(fp);
	}
	{
		char nep[160];

		snprintf(nep, sizeof(nep), "%s/nep.db", f->dir);
		assert_int_equal(rename(doel, nep), 0);
		assert_int_not_equal(db_sqlite_kopie(nep, doel, err,
						     sizeof(err)),
				     DB_OK);
		assert_non_null(strstr(err, "not a database"));
		unlink(nep);
		unlink(doel);
		snprintf(nep, sizeof(nep), "%s/weg.db", f->dir);
		assert_int_not_equal(db_sqlite_kopie(nep, doel, err,
						     sizeof(err)),
				     DB_OK);
		unlink(doel);
	}
}

#define S(f) cmocka_unit_test_setup_teardown(f, setup_sqlite, teardown)
#define P(f) cmocka_unit_test_setup_teardown(f, setup_pg, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		S(t_bekijk_leeg), S(t_upgrade), S(t_te_nieuw), S(t_stap_faalt),
		S(t_echt),        S(t_sqlite_kopie),
		S(t_werknemer_per_werkgever),
		cmocka_unit_test(t_pg_verbinding),
		P(t_bekijk_leeg), P(t_upgrade), P(t_te_nieuw), P(t_stap_faalt),
		P(t_echt), P(t_werknemer_per_werkgever),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

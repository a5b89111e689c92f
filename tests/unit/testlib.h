/*
 * testlib.h - what the unit tests share (issue 13): a temporary database
 * per test, on SQLite (a fresh file in a fresh directory under /tmp) and,
 * when SPOOR_PG_URL is set, on PostgreSQL (a fresh schema, selected
 * through the libpq URI option options=-csearch_path=SCHEMA, so every
 * connection of the store lands in it); `scripts/pg.sh run TEST`
 * provides a throwaway server. Further: a user with a role and a scope,
 * an imported case file, a one-number query and a date assertion.
 *
 * Header-only: static inline functions, so a test that needs one helper
 * compiles none of the others into a warning. Every helper ends the test
 * through cmocka (fail_msg, skip) instead of returning an error: a test
 * has nothing to do with a failed fixture but stop.
 *
 * A fixture (struct tl_fix) lives in cmocka's state from tl_setup_*() to
 * tl_teardown(), which frees the store and the connection in it and
 * removes the SQLite files.
 */
#ifndef SPOOR_TESTLIB_H
#define SPOOR_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/date.h"
#include "format/casefile.h"
#include "store/db.h"
#include "store/store.h"
#include "store/toegang.h"

/* The clock of the store tests (SPOOR_NU, read by store_nu()). */
#define TL_NU0 "1780000000"

struct tl_fix {
	int pg;           /* the PostgreSQL variant of a test */
	int nu;           /* tl_setup_* set SPOOR_NU (teardown unsets it) */
	char dir[64];     /* SQLite: the temporary directory, else "" */
	char pad[128];    /* SQLite: the database file */
	char url[1200];   /* what store_open gets; "" when PG is not set */
	struct store *s;  /* tl_store(): opened on first use */
	struct db *db;    /* a test's own connection (tl_db()) */
};

/* SPOOR_PG_URL, or NULL when it is not set (PG tests skip themselves). */
static inline const char *
tl_pg_url(void)
{
	const char *u = getenv("SPOOR_PG_URL");

	return u && *u ? u : NULL;
}

/* A new fixture in *state; nu (may be NULL) becomes SPOOR_NU. */
static inline struct tl_fix *
tl_fix_nieuw(void **state, int pg, const char *nu)
{
	struct tl_fix *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->pg = pg;
	if (nu) {
		setenv("SPOOR_NU", nu, 1);
		f->nu = 1;
	}
	*state = f;
	return f;
}

/* SQLite: a fresh directory /tmp/spoor-test-NAAM.XXXXXX; pad and url name
 * the file BESTAND in it (not created: db_open or store_open does). */
static inline int
tl_setup_sqlite(void **state, const char *naam, const char *bestand,
		const char *nu)
{
	struct tl_fix *f = tl_fix_nieuw(state, 0, nu);

	snprintf(f->dir, sizeof(f->dir), "/tmp/spoor-test-%s.XXXXXX", naam);
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->pad, sizeof(f->pad), "%s/%s", f->dir, bestand);
	snprintf(f->url, sizeof(f->url), "%s", f->pad);
	return 0;
}

/* One connection, or the test fails with the reason. */
static inline struct db *
tl_db_open(const char *url)
{
	struct db *db = NULL;
	char err[256];

	if (db_open(url, &db, err, sizeof(err)))
		fail_msg("db_open %s: %s", url, err);
	return db;
}

/* PostgreSQL: the schema SCHEMA dropped and made afresh, and url that
 * selects it. Without SPOOR_PG_URL url stays "" and tl_fx() skips. */
static inline int
tl_setup_pg(void **state, const char *schema, const char *nu)
{
	struct tl_fix *f = tl_fix_nieuw(state, 1, nu);
	const char *u = tl_pg_url();
	struct db *db;
	char sql[160];

	if (!u)
		return 0; /* the test skips itself */
	db = tl_db_open(u);
	snprintf(sql, sizeof(sql),
		 "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s", schema,
		 schema);
	if (db_script(db, sql))
		fail_msg("schema %s: %s", schema, db_errmsg(db));
	db_free(db);
	snprintf(f->url, sizeof(f->url), "%s%coptions=-csearch_path%%3D%s", u,
		 strchr(u, '?') ? '&' : '?', schema);
	return 0;
}

/* Frees the fixture's store and connection, removes the SQLite file with
 * its -wal and -shm and the directory (a test removes other files it
 * made there itself, before). */
static inline int
tl_teardown(void **state)
{
	struct tl_fix *f = *state;
	char p[160];

	store_free(f->s);
	db_free(f->db);
	if (f->dir[0]) {
		unlink(f->pad);
		snprintf(p, sizeof(p), "%s-wal", f->pad);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", f->pad);
		unlink(p);
		rmdir(f->dir);
	}
	if (f->nu)
		unsetenv("SPOOR_NU");
	free(f);
	return 0;
}

/* Skips the running test: it needs PostgreSQL and SPOOR_PG_URL is not
 * set. */
static inline void
tl_skip_pg(void)
{
	print_message("SPOOR_PG_URL is not set: PostgreSQL test "
		      "skipped (run under scripts/pg.sh run)\n");
	skip();
}

/* The fixture; a PG test without a server skips here. */
static inline struct tl_fix *
tl_fx(void **state)
{
	struct tl_fix *f = *state;

	if (!f->url[0])
		tl_skip_pg();
	return f;
}

/* The migrated store of this test, opened on first use. */
static inline struct store *
tl_store(void **state)
{
	struct tl_fix *f = tl_fx(state);
	char err[256] = "";

	if (!f->s && store_open(f->url, 1, &f->s, err, sizeof(err)))
		fail_msg("store_open %s: %s", f->url, err);
	return f->s;
}

/* The test's own connection (set by its setup); skips without one. */
static inline struct db *
tl_db(void **state)
{
	struct tl_fix *f = *state;

	if (!f->db)
		tl_skip_pg();
	return f->db;
}

/* The one integer of a one-row query. */
static inline int64_t
tl_getal(struct db *db, const char *sql)
{
	struct db_res r;
	int64_t n;

	if (db_query(db, sql, NULL, 0, &r))
		fail_msg("%s: %s", sql, db_errmsg(db));
	assert_int_equal(r.nrows, 1);
	n = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return n;
}

/* A user NAAM (display name NAAM, a password hash that verifies nothing);
 * returns its id. */
static inline int64_t
tl_gebruiker(struct store *s, const char *naam)
{
	char hash[64];
	int64_t id = 0;
	int rc;

	snprintf(hash, sizeof(hash), "$argon2id$v=19$%s", naam);
	rc = store_gebruiker_nieuw(s, naam, naam, hash, &id);
	if (rc)
		fail_msg("store_gebruiker_nieuw %s rc %d: %s", naam, rc,
			 store_errmsg(s));
	assert_true(id > 0);
	return id;
}

/* Role r for user g on employer wg or case ds (NULL: not that scope). */
static inline void
tl_toeken(struct store *s, int64_t g, enum rol r, const char *wg,
	  const char *ds)
{
	int rc = store_toekenning(s, g, r, wg, ds);

	if (rc)
		fail_msg("store_toekenning %s rc %d: %s", rol_naam[r], rc,
			 store_errmsg(s));
}

/* A user NAAM with role r on wg or ds; returns its id. */
static inline int64_t
tl_gebruiker_rol(struct store *s, const char *naam, enum rol r,
		 const char *wg, const char *ds)
{
	int64_t g = tl_gebruiker(s, naam);

	tl_toeken(s, g, r, wg, ds);
	return g;
}

/* Imports the case file json (len bytes) as "import"; returns its id. */
static inline int64_t
tl_importeer(struct store *s, const char *json, size_t len)
{
	struct casefile_fout f;
	int64_t id = -1;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = store_import(s, json, len, 0, "import", &id, &f);
	if (rc)
		fail_msg("store_import rc %d: %s: %s (%s)", rc, f.pad, f.reden,
			 store_errmsg(s));
	assert_true(id > 0);
	return id;
}

#ifdef SPOOR_TESTDATA
/* The file NAAM of tests/data, whole and NUL-terminated (malloc'd, the
 * caller frees it); its length in *len when len is not NULL. */
static inline char *
tl_testdata(const char *naam, size_t *len)
{
	char pad[512];
	FILE *fp;
	char *buf;
	long n = 0;

	snprintf(pad, sizeof(pad), "%s/%s", SPOOR_TESTDATA, naam);
	fp = fopen(pad, "rb");
	if (!fp)
		fail_msg("%s: cannot open", pad);
	if (fseek(fp, 0, SEEK_END) || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET))
		fail_msg("%s: cannot seek", pad);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	if (fread(buf, 1, (size_t)n, fp) != (size_t)n)
		fail_msg("%s: short read", pad);
	fclose(fp);
	buf[n] = '\0';
	if (len)
		*len = (size_t)n;
	return buf;
}

/* Imports the case file NAAM of tests/data; returns its id. */
static inline int64_t
tl_importeer_testdata(struct store *s, const char *naam)
{
	size_t len = 0;
	char *json = tl_testdata(naam, &len);
	int64_t id = tl_importeer(s, json, len);

	free(json);
	return id;
}
#endif

/* d written as YYYY-MM-DD equals want. */
static inline void
tl_assert_date(sdate d, const char *want)
{
	char buf[DATE_STRLEN];

	date_format(d, buf);
	assert_string_equal(buf, want);
}

#endif

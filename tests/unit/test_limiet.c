/*
 * test_limiet.c - the login limiter's counts in the database
 * (store_limiet.h) on SQLite and, when SPOOR_PG_URL is set, on
 * PostgreSQL: counting, the window after which a key is forgotten, a
 * success that forgets the name but not the address, two connections
 * (two servers) counting one key, the bounded cleanup; and the delay
 * rule for stored counts (auth_limiet_wacht) against the in-memory table.
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

#include "server/auth.h"
#include "store/store.h"
#include "store/store_limiet.h"
#include "testlib.h"

#define T0 1780000000
#define V AUTH_LIMIET_VERGEET

/* --- the rule for stored counts -------------------------------------- */

/* The same answers as the in-memory table for the same failures. */
static void
t_regel(void **state)
{
	struct auth_limiet *l = NULL;
	int64_t t;
	int i;

	(void)state;
	assert_int_equal(auth_limiet_new(AUTH_LIMIET_POGINGEN, &l), 0);
	for (i = 0; i < 9; i++)
		auth_limiet_mislukt(l, "jan", 3, T0 + i);
	/* 9 failures: 15 << 4 = 240 s after the last one */
	for (t = T0 + 8; t < T0 + 8 + V + 5; t += 7)
		assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 9,
						   T0 + 8, t),
				 auth_limiet_check(l, "jan", 3, t));
	assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 9, T0 + 8,
					   T0 + 8), 240);
	assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 9, T0 + 8,
					   T0 + 100), 148);
	assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 4, T0, T0),
			 0);
	assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 5, T0, T0),
			 AUTH_LIMIET_BASIS);
	assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 40, T0, T0),
			 AUTH_LIMIET_MAX);
	assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 0, T0, T0),
			 0);
	/* the clock went back: the full delay, as the table does */
	assert_int_equal(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, 5, T0,
					   T0 - 50), AUTH_LIMIET_BASIS);
	auth_limiet_free(l);
}

/* --- the store ------------------------------------------------------- */

static int
setup_sqlite(void **state)
{
	return tl_setup_sqlite(state, "limiet", "s.db", TL_NU0);
}

static int
setup_pg(void **state)
{
	return tl_setup_pg(state, "tlim", TL_NU0);
}

struct tel {
	int64_t fn, ln, fa, la;
};

static struct tel
lees(struct store *s, const char *naam, const char *adres, int64_t nu)
{
	struct tel t = {-1, -1, -1, -1};

	assert_int_equal(store_limiet_lees(s, naam, adres, nu, V, &t.fn, &t.ln,
					   &t.fa, &t.la), ST_OK);
	return t;
}

static void
t_tellen(void **state)
{
	struct store *s = tl_store(state);
	struct tel t;
	int i;

	t = lees(s, "naam-a", "adres-a", T0);
	assert_int_equal(t.fn, 0);
	assert_int_equal(t.ln, 0);
	assert_int_equal(t.fa, 0);
	assert_int_equal(t.la, 0);
	for (i = 0; i < 5; i++)
		assert_int_equal(store_limiet_mislukt(s, "naam-a", "adres-a",
						      T0 + i, V), ST_OK);
	/* another name from the same address counts for the address */
	assert_int_equal(store_limiet_mislukt(s, "naam-b", "adres-a", T0 + 5,
					      V), ST_OK);
	t = lees(s, "naam-a", "adres-a", T0 + 6);
	assert_int_equal(t.fn, 5);
	assert_int_equal(t.ln, T0 + 4);
	assert_int_equal(t.fa, 6);
	assert_int_equal(t.la, T0 + 5);
	/* the same key as a name and as an address are two keys */
	t = lees(s, "adres-a", "naam-a", T0 + 6);
	assert_int_equal(t.fn, 0);
	assert_int_equal(t.fa, 0);
	/* forgotten V seconds after the last failure, not before */
	t = lees(s, "naam-a", "adres-a", T0 + 4 + V - 1);
	assert_int_equal(t.fn, 5);
	t = lees(s, "naam-a", "adres-a", T0 + 4 + V);
	assert_int_equal(t.fn, 0);
	assert_int_equal(t.fa, 6); /* the address failed one second later */
	/* a failure past the window starts at 1 again */
	assert_int_equal(store_limiet_mislukt(s, "naam-a", NULL, T0 + 4 + V,
					      V), ST_OK);
	t = lees(s, "naam-a", "adres-a", T0 + 4 + V);
	assert_int_equal(t.fn, 1);
	assert_int_equal(t.ln, T0 + 4 + V);
	/* a clock behind another server's keeps the later time */
	assert_int_equal(store_limiet_mislukt(s, "naam-a", NULL, T0 + V, V),
			 ST_OK);
	t = lees(s, "naam-a", "adres-a", T0 + 4 + V);
	assert_int_equal(t.fn, 2);
	assert_int_equal(t.ln, T0 + 4 + V);
	/* keys the store refuses */
	assert_int_equal(store_limiet_mislukt(s, "", "adres-a", T0, V),
			 ST_ONGELDIG);
	assert_int_equal(store_limiet_lees(s, "naam-a", "adres-a", T0, 0,
					   &t.fn, &t.ln, &t.fa, &t.la),
			 ST_ONGELDIG);
}

/* Success forgets the name's failures, not the address's. */
static void
t_gelukt(void **state)
{
	struct store *s = tl_store(state);
	struct tel t;
	int i;

	for (i = 0; i < 7; i++)
		assert_int_equal(store_limiet_mislukt(s, "naam-a", "adres-a",
						      T0 + i, V), ST_OK);
	assert_int_equal(store_limiet_gelukt(s, "naam-a"), ST_OK);
	t = lees(s, "naam-a", "adres-a", T0 + 7);
	assert_int_equal(t.fn, 0);
	assert_int_equal(t.fa, 7);
	/* a name without failures is no error */
	assert_int_equal(store_limiet_gelukt(s, "naam-zonder"), ST_OK);
}

/* Two connections, as two servers on one database: each counts. */
static void
t_twee(void **state)
{
	struct store *s = tl_store(state), *s2 = NULL;
	struct tel t;
	char err[256] = "";
	int i;

	if (store_open(tl_fx(state)->url, 0, &s2, err, sizeof(err)))
		fail_msg("second store: %s", err);
	for (i = 0; i < 3; i++) {
		assert_int_equal(store_limiet_mislukt(s, "naam-a", "adres-a",
						      T0 + i, V), ST_OK);
		assert_int_equal(store_limiet_mislukt(s2, "naam-a", "adres-b",
						      T0 + i, V), ST_OK);
	}
	t = lees(s2, "naam-a", "adres-a", T0 + 3);
	assert_int_equal(t.fn, 6);
	assert_int_equal(t.fa, 3);
	assert_int_equal(store_limiet_gelukt(s2, "naam-a"), ST_OK);
	t = lees(s, "naam-a", "adres-b", T0 + 3);
	assert_int_equal(t.fn, 0);
	assert_int_equal(t.fa, 3);
	store_free(s2);
}

/* The cleanup takes old rows only, at most max at a time. */
static void
t_opruimen(void **state)
{
	struct store *s = tl_store(state);
	struct tel t;
	int64_t n = -1;
	char k[32];
	int i;

	for (i = 0; i < 5; i++) {
		snprintf(k, sizeof(k), "oud-%d", i);
		assert_int_equal(store_limiet_mislukt(s, k, NULL, T0, V), ST_OK);
	}
	assert_int_equal(store_limiet_mislukt(s, "naam-a", "adres-a", T0 + 10,
					      V), ST_OK);
	assert_int_equal(store_limiet_opruimen(s, T0 + 10, 2, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_limiet_opruimen(s, T0 + 10, 2, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_limiet_opruimen(s, T0 + 10, 2, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_limiet_opruimen(s, T0 + 10, 2, &n), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_limiet_opruimen(s, T0, 0, &n), ST_ONGELDIG);
	t = lees(s, "naam-a", "adres-a", T0 + 11);
	assert_int_equal(t.fn, 1);
	assert_int_equal(t.fa, 1);
	assert_int_equal(tl_getal(s->db, "SELECT count(*) FROM aanmeldfout"),
			 2);
}

#define TESTS(X) X(t_tellen) X(t_gelukt) X(t_twee) X(t_opruimen)
#define SQ(f) cmocka_unit_test_setup_teardown(f, setup_sqlite, tl_teardown),
#define PG(f) cmocka_unit_test_setup_teardown(f, setup_pg, tl_teardown),

int
main(void)
{
	const struct CMUnitTest los[] = {
		cmocka_unit_test(t_regel),
	};
	const struct CMUnitTest sqlite_tests[] = {TESTS(SQ)};
	const struct CMUnitTest pg_tests[] = {TESTS(PG)};
	int fouten = 0;

	fouten += cmocka_run_group_tests_name("limiet", los, NULL, NULL);
	fouten += cmocka_run_group_tests_name("limiet_sqlite", sqlite_tests,
					      NULL, NULL);
	if (!tl_pg_url())
		fprintf(stderr, "test_limiet: SPOOR_PG_URL is not set, the "
				"PostgreSQL tests are skipped (run: "
				"scripts/pg.sh run build/tests/test_limiet)\n");
	fouten += cmocka_run_group_tests_name("limiet_pg", pg_tests, NULL,
					      NULL);
	return fouten ? 1 : 0;
}

/*
 * test_params.c - stored parameter rows over the compiled tables: the
 * merge (params_met_rijen), the row checks (params_rij_check), and the
 * store functions (store_param.h) on SQLite and, when SPOOR_PG_URL is
 * set, on PostgreSQL: set, replace, remove, the version, the audit chain,
 * and the merged tables a wage computation gets.
 *
 * Compiled tables (data/parameters): wml_uur 1471 from 2026-01-01,
 * 'onbekend' from 2026-07-01 and 2027-01-01; maximumdagloon 30425 from
 * 2026-01-01, 'onbekend' from 2027-01-01.
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

#include "core/date.h"
#include "core/loon.h"
#include "format/params.h"
#include "store/store.h"
#include "store/store_param.h"
#include "store/toegang.h"

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

static int64_t
waarde_op(const struct param_tabel *t, const char *d)
{
	const struct param_rij *r = NULL;

	if (param_zoek(t, D(d), &r) != 0)
		return r ? -1000 - r->waarde : -1;
	return r->waarde;
}

/* --- the merge ------------------------------------------------------ */

static void
t_samenvoegen(void **state)
{
	struct params p;
	char err[200];
	const struct param_rij *r = NULL;
	size_t wml_n, maxd_n;
	struct params_extra x[3];

	(void)state;
	assert_int_equal(params_standaard(&p, err, sizeof(err)), 0);
	wml_n = p.wml.n;
	maxd_n = p.maxd.n;
	/* 2027 is 'onbekend': a gap, the last known value is 1471 */
	assert_int_equal(waarde_op(&p.wml, "2027-03-01"), -1000 - 1471);
	/* a stored row on a compiled date replaces it; a new date is added
	 * in order; the other table is left alone */
	x[0] = (struct params_extra){PARAMS_WML, D("2027-01-01"), 1500,
				     "Stcrt. 2026, 1"};
	x[1] = (struct params_extra){PARAMS_WML, D("2026-10-01"), 1480,
				     "test"};
	x[2] = (struct params_extra){PARAMS_MAXD, D("2027-01-01"), 31000,
				     "Stcrt. 2026, 2"};
	assert_int_equal(params_met_rijen(&p, x, 3, err, sizeof(err)), 0);
	assert_int_equal(p.wml.n, wml_n + 1);
	assert_int_equal(p.maxd.n, maxd_n);
	assert_int_equal(waarde_op(&p.wml, "2027-03-01"), 1500);
	assert_int_equal(param_zoek(&p.wml, D("2027-01-01"), &r), 0);
	assert_string_equal(r->bron, "Stcrt. 2026, 1");
	/* 2026-07-01 is still 'onbekend'; the added 2026-10-01 row
	 * closes that gap from its date */
	assert_int_equal(waarde_op(&p.wml, "2026-08-01"), -1000 - 1471);
	assert_int_equal(waarde_op(&p.wml, "2026-10-01"), 1480);
	assert_int_equal(waarde_op(&p.wml, "2026-03-01"), 1471);
	assert_int_equal(waarde_op(&p.maxd, "2027-06-01"), 31000);
	/* once per params */
	assert_int_equal(params_met_rijen(&p, x, 1, err, sizeof(err)), -1);
	params_release(&p);

	/* a stored 'onbekend' over a compiled amount makes it a gap */
	assert_int_equal(params_standaard(&p, err, sizeof(err)), 0);
	x[0] = (struct params_extra){PARAMS_WML, D("2026-01-01"), -1, "weg"};
	assert_int_equal(params_met_rijen(&p, x, 1, err, sizeof(err)), 0);
	assert_int_equal(waarde_op(&p.wml, "2026-03-01"), -1000 - 1440);
	params_release(&p);

	/* nothing stored: the compiled tables */
	assert_int_equal(params_standaard(&p, err, sizeof(err)), 0);
	assert_int_equal(params_met_rijen(&p, NULL, 0, err, sizeof(err)), 0);
	assert_int_equal(p.wml.n, wml_n);
	params_release(&p);
}

static void
t_slecht(void **state)
{
	static const struct {
		struct params_extra r;
		const char *fout;
	} slecht[] = {
		{{"wml", 0, 1500, "b"}, "onbekende tabel"},
		{{PARAMS_WML, DATE_NONE, 1500, "b"}, "datum"},
		{{PARAMS_WML, 0, 0, "b"}, "bedrag"},
		{{PARAMS_WML, 0, 10001, "b"}, "bedrag"},
		{{PARAMS_MAXD, 0, 100001, "b"}, "bedrag"},
		{{PARAMS_WML, 0, -2, "b"}, "bedrag"},
		{{PARAMS_WML, 0, 1500, ""}, "bron"},
		{{PARAMS_WML, 0, 1500, "a\tb"}, "stuurteken"},
	};
	struct params p;
	char err[200];
	size_t i, wml_n;

	(void)state;
	assert_int_equal(params_standaard(&p, err, sizeof(err)), 0);
	wml_n = p.wml.n;
	for (i = 0; i < sizeof(slecht) / sizeof(slecht[0]); i++) {
		struct params_extra r = slecht[i].r;

		if (r.van == 0)
			r.van = D("2027-01-01");
		err[0] = '\0';
		if (params_met_rijen(&p, &r, 1, err, sizeof(err)) == 0)
			fail_msg("accepted bad row %zu", i);
		if (!strstr(err, slecht[i].fout))
			fail_msg("row %zu: '%s' lacks '%s'", i, err,
				 slecht[i].fout);
	}
	/* p unchanged */
	assert_int_equal(p.wml.n, wml_n);
	assert_null(p.extra);
	params_release(&p);
	/* the bounds of the date */
	{
		const char *reden;

		assert_int_equal(params_rij_check(PARAMS_WML, D("1999-12-31"),
						  1, "b", &reden), PV_DATUM);
		assert_int_equal(params_rij_check(PARAMS_WML, D("2100-01-01"),
						  1, "b", &reden), PV_DATUM);
		assert_int_equal(params_rij_check(PARAMS_WML, D("2000-01-01"),
						  10000, "b", &reden), PV_OK);
		assert_int_equal(params_rij_check(PARAMS_MAXD, D("2099-12-31"),
						  -1, "b", &reden), PV_OK);
		assert_null(reden);
	}
}

/* --- the store ------------------------------------------------------ */

struct fix {
	char dir[64];
	char pad[128];
	char url[1200];
	struct store *s;
};

static const char *
pg_url(void)
{
	const char *u = getenv("SPOOR_PG_URL");

	return u && *u ? u : NULL;
}

static int
setup_sqlite(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/spoor-test-param.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->pad, sizeof(f->pad), "%s/s.db", f->dir);
	snprintf(f->url, sizeof(f->url), "%s", f->pad);
	setenv("SPOOR_NU", "1780000000", 1);
	*state = f;
	return 0;
}

static int
setup_pg(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));
	struct db *db = NULL;
	char err[256];
	const char *u = pg_url();

	assert_non_null(f);
	*state = f;
	setenv("SPOOR_NU", "1780000000", 1);
	if (!u)
		return 0;
	if (db_open(u, &db, err, sizeof(err)))
		fail_msg("db_open SPOOR_PG_URL: %s", err);
	if (db_script(db, "DROP SCHEMA IF EXISTS tpar CASCADE; "
		      "CREATE SCHEMA tpar"))
		fail_msg("schema tpar: %s", db_errmsg(db));
	db_free(db);
	snprintf(f->url, sizeof(f->url), "%s%coptions=-csearch_path%%3Dtpar",
		 u, strchr(u, '?') ? '&' : '?');
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	char p[160];

	store_free(f->s);
	if (f->dir[0]) {
		unlink(f->pad);
		snprintf(p, sizeof(p), "%s-wal", f->pad);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", f->pad);
		unlink(p);
		rmdir(f->dir);
	}
	unsetenv("SPOOR_NU");
	free(f);
	return 0;
}

static struct store *
st(void **state)
{
	struct fix *f = *state;
	char err[256] = "";

	if (!f->url[0]) {
		print_message("SPOOR_PG_URL is not set: PostgreSQL test "
			      "skipped (run under scripts/pg.sh run)\n");
		skip();
	}
	if (!f->s && store_open(f->url, 1, &f->s, err, sizeof(err)))
		fail_msg("store_open %s: %s", f->url, err);
	return f->s;
}

static void
t_store(void **state)
{
	struct store *s = st(state);
	struct store_param *r = NULL;
	struct params p;
	size_t n = 9;
	int64_t v = -1, id = 0, audit = 0, fout = 0;
	char err[200];

	assert_int_equal(store_gebruiker_nieuw(s, "beheer", "Beheer", "x", &id),
			 ST_OK);
	/* empty: version 0, no rows, the compiled tables */
	assert_int_equal(store_param_versie(s, &v), ST_OK);
	assert_int_equal(v, 0);
	assert_int_equal(store_params(s, &r, &n, &v), ST_OK);
	assert_int_equal(n, 0);
	assert_null(r);
	assert_int_equal(store_params_laad(s, &p, &v, err, sizeof(err)), ST_OK);
	assert_int_equal(waarde_op(&p.wml, "2027-03-01"), -1000 - 1471);
	params_release(&p);

	/* set, replace, another table, 'onbekend' */
	assert_int_equal(store_param_zet(s, PARAMS_WML, D("2027-01-01"), 1500,
					 "Stcrt. 2026, 1", id, "beheer",
					 ROL_BIT(ROL_BEHEERDER), &v), ST_OK);
	assert_int_equal(v, 1);
	assert_int_equal(store_param_zet(s, PARAMS_WML, D("2027-01-01"), 1510,
					 "Stcrt. 2026, 3", id, "beheer",
					 ROL_BIT(ROL_BEHEERDER), &v), ST_OK);
	assert_int_equal(v, 2);
	assert_int_equal(store_param_zet(s, PARAMS_MAXD, D("2027-01-01"), -1,
					 "nog niet bekend", 0, "spoor",
					 ROL_BIT(ROL_BEHEERDER), &v), ST_OK);
	assert_int_equal(v, 3);
	/* refused before the database: nothing changes */
	assert_int_equal(store_param_zet(s, PARAMS_WML, D("2027-01-01"), 0,
					 "b", id, "beheer",
					 ROL_BIT(ROL_BEHEERDER), &v), ST_ONGELDIG);
	assert_int_equal(store_param_zet(s, "wml", D("2027-01-01"), 1, "b",
					 id, "beheer", ROL_BIT(ROL_BEHEERDER),
					 &v), ST_ONGELDIG);
	assert_int_equal(store_param_versie(s, &v), ST_OK);
	assert_int_equal(v, 3);

	assert_int_equal(store_params(s, &r, &n, &v), ST_OK);
	assert_int_equal(v, 3);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].tabel, PARAMS_MAXD);
	assert_int_equal(r[0].waarde, -1);
	assert_string_equal(r[0].gebruiker, "spoor");
	assert_string_equal(r[1].tabel, PARAMS_WML);
	assert_int_equal(r[1].van, D("2027-01-01"));
	assert_int_equal(r[1].waarde, 1510);
	assert_string_equal(r[1].bron, "Stcrt. 2026, 3");
	assert_string_equal(r[1].gebruiker, "beheer");
	assert_int_equal(r[1].vastgelegd, 1780000000);
	store_params_free(r, n);
	r = NULL;

	assert_int_equal(store_params_laad(s, &p, &v, err, sizeof(err)), ST_OK);
	assert_int_equal(v, 3);
	assert_int_equal(waarde_op(&p.wml, "2027-03-01"), 1510);
	params_release(&p);

	/* remove: the compiled 'onbekend' applies again */
	assert_int_equal(store_param_wis(s, PARAMS_WML, D("2027-01-01"), id,
					 "beheer", ROL_BIT(ROL_BEHEERDER), &v),
			 ST_OK);
	assert_int_equal(v, 4);
	assert_int_equal(store_param_wis(s, PARAMS_WML, D("2027-01-01"), id,
					 "beheer", ROL_BIT(ROL_BEHEERDER), &v),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_params_laad(s, &p, &v, err, sizeof(err)), ST_OK);
	assert_int_equal(v, 4);
	assert_int_equal(waarde_op(&p.wml, "2027-03-01"), -1000 - 1471);
	params_release(&p);

	/* four writes, four audit records, the chain intact */
	assert_int_equal(store_audit_verify(s, &audit, &fout), ST_OK);
	assert_int_equal(audit, 4);
}

#define TESTS(X) X(t_store)
#define SQ(f) cmocka_unit_test_setup_teardown(f, setup_sqlite, teardown),
#define PG(f) cmocka_unit_test_setup_teardown(f, setup_pg, teardown),

int
main(void)
{
	const struct CMUnitTest los[] = {
		cmocka_unit_test(t_samenvoegen),
		cmocka_unit_test(t_slecht),
	};
	const struct CMUnitTest sqlite_tests[] = {TESTS(SQ)};
	const struct CMUnitTest pg_tests[] = {TESTS(PG)};
	int fouten = 0;

	fouten += cmocka_run_group_tests_name("params", los, NULL, NULL);
	fouten += cmocka_run_group_tests_name("params_sqlite", sqlite_tests,
					      NULL, NULL);
	if (!pg_url())
		fprintf(stderr, "test_params: SPOOR_PG_URL is not set, the "
				"PostgreSQL tests are skipped (run: "
				"scripts/pg.sh run build/tests/test_params)\n");
	fouten += cmocka_run_group_tests_name("params_pg", pg_tests, NULL,
					      NULL);
	return fouten ? 1 : 0;
}

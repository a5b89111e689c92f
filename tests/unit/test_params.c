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
#include "testlib.h"

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

static int
setup_sqlite(void **state)
{
	return tl_setup_sqlite(state, "param", "s.db", TL_NU0);
}

static int
setup_pg(void **state)
{
	return tl_setup_pg(state, "tpar", TL_NU0);
}

static void
t_store(void **state)
{
	struct store *s = tl_store(state);
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
#define SQ(f) cmocka_unit_test_setup_teardown(f, setup_sqlite, tl_teardown),
#define PG(f) cmocka_unit_test_setup_teardown(f, setup_pg, tl_teardown),

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
	if (!tl_pg_url())
		fprintf(stderr, "test_params: SPOOR_PG_URL is not set, the "
				"PostgreSQL tests are skipped (run: "
				"scripts/pg.sh run build/tests/test_params)\n");
	fouten += cmocka_run_group_tests_name("params_pg", pg_tests, NULL,
					      NULL);
	return fouten ? 1 : 0;
}

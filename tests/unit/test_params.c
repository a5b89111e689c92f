/*
 * test_params.c - stored parameter rows over the compiled tables: the
 * merge (params_met_rijen), the row checks (params_rij_check), and the
 * store functions (store_param.h) on SQLite and, when SPOOR_PG_URL is
 * set, on PostgreSQL: set, replace, remove, the version, the audit chain,
 * and the merged tables a wage computation gets.
 *
 * Compiled tables (data/parameters): wml_uur 1471 from 2026-01-01,
 * 'onbekend' from 2026-07-01 and 2027-01-01; maximumdagloon 30425 from
 * 2026-01-01, 'onbekend' from 2027-01-01; wml_jeugd (jeugdloon.tsv) the
 * 2019-07-01 scale and the 2027-01-01 scale with 16-20 'onbekend'.
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

/* --- the youth scale (R-PAY-3) ------------------------------------- */

/* The percentage in promille for age a on day d; -1000 - last known on a
 * gap, -1 when there is none. */
static int64_t
jeugd_op(const struct param_tabel *t, int32_t a, const char *d)
{
	const struct param_rij *r = NULL;
	sdate van;

	if (loon_jeugd_zoek(t, a, D(d), &r, &van) != 0)
		return r ? -1000 - r->waarde : -1;
	return r->waarde;
}

static void
t_jeugd_tabel(void **state)
{
	static const struct {
		const char *tekst, *fout;
	} slecht[] = {
		{"2019-07-01\t15\t300\n", "verwacht datum, leeftijd"},
		{"2019-07-01\tvijftien\t300\tb\n", "ongeldige leeftijd"},
		{"2019-07-01\t150\t300\tb\n", "ongeldige leeftijd"},
		{"2019-07-01\t15\t1001\tb\n", "ongeldige promille"},
		{"2019-07-01\t15\t30%\tb\n", "ongeldige promille"},
		{"2019-07-01\t15\t300\t\n", "bron ontbreekt"},
		{"2019-07-01\t16\t345\tb\n2019-07-01\t15\t300\tb\n",
		 "regel 2: datums, en per datum leeftijden, moeten oplopen"},
		{"2019-07-01\t15\t300\tb\n2019-07-01\t15\t310\tb\n",
		 "regel 2: datums"},
		{"# alleen commentaar\n", "geen rijen"},
	};
	static const char eigen[] = "# c\n2020-01-01\t0\t0\tx\n"
				    "2020-01-01\t18\t500\ty\n"
				    "2021-01-01\t18\tonbekend\tz\n";
	struct params p;
	struct param_tabel t;
	struct param_rij *rij = NULL;
	char *tekst = NULL, err[200];
	size_t i;

	(void)state;
	/* the compiled table: 2 scales of 8 rows, each with its source */
	assert_int_equal(params_standaard(&p, err, sizeof(err)), 0);
	assert_string_equal(p.jeugd.naam, "wml_jeugd");
	assert_int_equal(p.jeugd.n, 16);
	for (i = 0; i < p.jeugd.n; i++)
		assert_non_null(strstr(p.jeugd.rij[i].bron,
				       p.jeugd.rij[i].leeftijd == 21
				       ? "WML art. 7 lid 1"
				       : "Besluit minimumjeugdloonregeling"));
	assert_int_equal(p.jeugd.rij[4].van, D("2019-07-01"));
	assert_int_equal(p.jeugd.rij[4].leeftijd, 18);
	assert_int_equal(p.jeugd.rij[4].waarde, 500);
	assert_int_equal(p.jeugd.rij[12].van, D("2027-01-01"));
	assert_int_equal(p.jeugd.rij[12].leeftijd, 18);
	assert_int_equal(p.jeugd.rij[12].waarde, -1);
	/* Besluit minimumjeugdloonregeling art. 2 lid 1 as in force in 2026 */
	assert_int_equal(jeugd_op(&p.jeugd, 14, "2026-06-30"), 0);
	assert_int_equal(jeugd_op(&p.jeugd, 16, "2026-06-30"), 345);
	assert_int_equal(jeugd_op(&p.jeugd, 20, "2026-06-30"), 800);
	assert_int_equal(jeugd_op(&p.jeugd, 22, "2026-06-30"), 1000);
	/* 2027: 'onbekend' is a gap with the last known percentage */
	assert_int_equal(jeugd_op(&p.jeugd, 19, "2027-02-01"), -1000 - 600);
	assert_int_equal(jeugd_op(&p.jeugd, 15, "2027-02-01"), 300);
	assert_int_equal(jeugd_op(&p.jeugd, 18, "2019-06-30"), -1);
	params_release(&p);

	/* a table of its own, and what the parser refuses, with the line */
	assert_int_equal(params_parse_jeugd("j", eigen, strlen(eigen), &t,
					    &rij, &tekst, err, sizeof(err)), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.rij[2].leeftijd, 18);
	assert_int_equal(t.rij[2].waarde, -1);
	assert_string_equal(t.rij[2].bron, "z");
	assert_int_equal(jeugd_op(&t, 19, "2021-06-01"), -1000 - 500);
	free(rij);
	free(tekst);
	for (i = 0; i < sizeof(slecht) / sizeof(slecht[0]); i++) {
		rij = NULL;
		tekst = NULL;
		err[0] = '\0';
		if (params_parse_jeugd("j", slecht[i].tekst,
				       strlen(slecht[i].tekst), &t, &rij,
				       &tekst, err, sizeof(err)) == 0)
			fail_msg("accepted bad table %zu", i);
		if (!strstr(err, slecht[i].fout))
			fail_msg("table %zu: '%s' lacks '%s'", i, err,
				 slecht[i].fout);
		assert_null(rij);
	}
}

/* A stored row of one age closes that age's gap, no other. */
static void
t_jeugd_opgeslagen(void **state)
{
	struct params p;
	struct params_extra x[2];
	char err[200];
	const char *reden;
	size_t n;

	(void)state;
	assert_int_equal(params_standaard(&p, err, sizeof(err)), 0);
	n = p.jeugd.n;
	x[0] = (struct params_extra){"wml_jeugd_18", D("2027-01-01"), 625,
				     "Stb. 2026, 1"};
	x[1] = (struct params_extra){"wml_jeugd_19", D("2027-07-01"), 760,
				     "test"};
	assert_int_equal(params_met_rijen(&p, x, 2, err, sizeof(err)), 0);
	/* the compiled 2027 row of 18 replaced, a row for 19 added */
	assert_int_equal(p.jeugd.n, n + 1);
	assert_int_equal(jeugd_op(&p.jeugd, 18, "2027-02-01"), 625);
	assert_int_equal(jeugd_op(&p.jeugd, 18, "2026-12-31"), 500);
	assert_int_equal(jeugd_op(&p.jeugd, 17, "2027-02-01"), -1000 - 395);
	assert_int_equal(jeugd_op(&p.jeugd, 19, "2027-06-30"), -1000 - 600);
	assert_int_equal(jeugd_op(&p.jeugd, 19, "2027-07-01"), 760);
	assert_int_equal(jeugd_op(&p.jeugd, 21, "2027-07-01"), 1000);
	params_release(&p);

	/* the names and values a beheerder may store */
	assert_int_equal(params_jeugd_leeftijd("wml_jeugd_15"), 15);
	assert_int_equal(params_jeugd_leeftijd("wml_jeugd_22"), 22);
	assert_int_equal(params_jeugd_leeftijd("wml_jeugd_14"), -1);
	assert_int_equal(params_jeugd_leeftijd("wml_jeugd_23"), -1);
	assert_int_equal(params_jeugd_leeftijd("wml_jeugd_018"), -1);
	assert_int_equal(params_jeugd_leeftijd("wml_jeugd"), -1);
	assert_int_equal(params_jeugd_leeftijd("wml_jeugd_"), -1);
	assert_int_equal(params_rij_check("wml_jeugd_18", D("2027-01-01"),
					  1000, "b", &reden), PV_OK);
	assert_int_equal(params_rij_check("wml_jeugd_18", D("2027-01-01"),
					  -1, "b", &reden), PV_OK);
	assert_int_equal(params_rij_check("wml_jeugd_18", D("2027-01-01"),
					  1001, "b", &reden), PV_WAARDE);
	assert_non_null(strstr(reden, "promille"));
	assert_int_equal(params_rij_check("wml_jeugd_18", D("2027-01-01"),
					  0, "b", &reden), PV_WAARDE);
	assert_int_equal(params_rij_check("wml_jeugd_0", D("2027-01-01"),
					  0, "b", &reden), PV_TABEL);
	assert_non_null(strstr(reden, "wml_jeugd_15 tot en met wml_jeugd_22"));
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

	/* a row of the youth scale: stored as its age's table, merged into
	 * wml_jeugd */
	assert_int_equal(store_param_zet(s, "wml_jeugd_17", D("2027-01-01"),
					 500, "Stb. 2026, 2", id, "beheer",
					 ROL_BIT(ROL_BEHEERDER), &v), ST_OK);
	assert_int_equal(v, 5);
	assert_int_equal(store_params_laad(s, &p, &v, err, sizeof(err)), ST_OK);
	assert_int_equal(jeugd_op(&p.jeugd, 17, "2027-03-01"), 500);
	assert_int_equal(jeugd_op(&p.jeugd, 16, "2027-03-01"), -1000 - 345);
	params_release(&p);

	/* and audited like the others */
	assert_int_equal(store_audit_verify(s, &audit, &fout), ST_OK);
	assert_int_equal(audit, 5);
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
		cmocka_unit_test(t_jeugd_tabel),
		cmocka_unit_test(t_jeugd_opgeslagen),
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

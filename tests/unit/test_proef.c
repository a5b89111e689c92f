/*
 * test_proef.c - the dry run of a verzuim mutation (app/proef.h): the
 * worked examples of the rule book for R-AGG (§7.2 example 6, §7.3
 * example 7, R-AGG-5 WAZO leave) with their exact dates, and the use
 * case on a store: the append's refusals, nothing stored, the read
 * audited.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "app/app.h"
#include "app/proef.h"
#include "core/verzuim.h"
#include "store/db.h"
#include "store/store.h"
#include "store/toegang.h"
#include "testlib.h"

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

#define ZIEK(s, p) {D(s), VZ_ZIEK, p}
#define HERSTELD(s) {D(s), VZ_HERSTELD, 0}
#define WAZO(s) {D(s), VZ_ZWANGERSCHAPSVERLOF, 0}
#define NM(a) (sizeof(a) / sizeof((a)[0]))

static void
proef(const struct verzuim_mutatie *m, size_t n, struct verzuim_mutatie nieuw,
      struct proef *p)
{
	assert_int_equal(proef_bereken(m, n, &nieuw, p), 0);
}

/* Example 6: 40 sick days, 20 fit days, relapse on sick day 41: the
 * periods join and the wachttijd ends 20 days later. */
static void
test_voorbeeld6_herval(void **state)
{
	const struct verzuim_mutatie m[] = {ZIEK("2025-02-03", 100),
					    HERSTELD("2025-03-15")};
	struct proef p;

	(void)state;
	proef(m, NM(m), (struct verzuim_mutatie)ZIEK("2025-04-04", 100), &p);
	assert_int_equal(p.voor.ziek, 1);
	assert_int_equal(p.voor.open, 0);
	tl_assert_date(p.voor.laatste_ziektedag, "2025-03-14");
	/* the closed illness projected as if continuous: D + 727 */
	tl_assert_date(p.voor.einde_wachttijd, "2027-01-31");
	assert_int_equal(p.samengeteld, 1);
	assert_int_equal(p.nieuw_geval, 0);
	assert_int_equal(p.ziektedag, 41);
	assert_int_equal(p.ziekteweek, 6);
	assert_int_equal(p.na.open, 1);
	assert_int_equal(p.na.gevallen, 1);
	tl_assert_date(p.na.eerste_ziektedag, "2025-02-03");
	assert_int_equal(p.na.laatste_ziektedag, DATE_NONE);
	tl_assert_date(p.na.einde_wachttijd, "2027-02-20");
	tl_assert_date(p.na.week[0], "2025-02-09");
	/* week 6 ends on sick day 42: two days after the relapse */
	tl_assert_date(p.na.week[5], "2025-04-05");
	tl_assert_date(p.na.week[PROEF_WEKEN - 1], "2027-02-20");
	assert_int_equal(p.nieuw_geval_vanaf, DATE_NONE);
}

/* The recovery of example 6: sick day 40 is the last; a relapse from 28
 * days after the recovery date is a new geval (R-AGG-2). */
static void
test_voorbeeld6_hersteld(void **state)
{
	const struct verzuim_mutatie m[] = {ZIEK("2025-02-03", 100)};
	struct proef p;

	(void)state;
	proef(m, NM(m), (struct verzuim_mutatie)HERSTELD("2025-03-15"), &p);
	assert_int_equal(p.voor.open, 1);
	assert_int_equal(p.voor.laatste_ziektedag, DATE_NONE);
	assert_int_equal(p.na.open, 0);
	tl_assert_date(p.na.laatste_ziektedag, "2025-03-14");
	assert_int_equal(p.ziektedag, 40);
	assert_int_equal(p.ziekteweek, 6);
	assert_int_equal(p.samengeteld, 0);
	assert_int_equal(p.nieuw_geval, 0);
	tl_assert_date(p.nieuw_geval_vanaf, "2025-04-12");
}

/* Example 7a: 27 fit days still join. */
static void
test_voorbeeld7a_27_dagen(void **state)
{
	const struct verzuim_mutatie m[] = {ZIEK("2025-02-10", 100),
					    HERSTELD("2025-03-06")};
	struct proef p;

	(void)state;
	proef(m, NM(m), (struct verzuim_mutatie)ZIEK("2025-04-02", 100), &p);
	assert_int_equal(p.samengeteld, 1);
	assert_int_equal(p.nieuw_geval, 0);
	assert_int_equal(p.ziektedag, 25);
	assert_int_equal(p.na.gevallen, 1);
	tl_assert_date(p.na.eerste_ziektedag, "2025-02-10");
	tl_assert_date(p.na.einde_wachttijd, "2027-03-06");
}

/* Example 7b: 28 fit days start a new geval with a new D. */
static void
test_voorbeeld7b_28_dagen(void **state)
{
	const struct verzuim_mutatie m[] = {ZIEK("2025-02-10", 100),
					    HERSTELD("2025-03-06")};
	struct proef p;

	(void)state;
	proef(m, NM(m), (struct verzuim_mutatie)ZIEK("2025-04-03", 100), &p);
	assert_int_equal(p.samengeteld, 0);
	assert_int_equal(p.nieuw_geval, 1);
	assert_int_equal(p.ziektedag, 1);
	assert_int_equal(p.ziekteweek, 1);
	assert_int_equal(p.voor.gevallen, 1);
	assert_int_equal(p.na.gevallen, 2);
	assert_int_equal(p.na.geval_nr, 2);
	tl_assert_date(p.na.eerste_ziektedag, "2025-04-03");
	tl_assert_date(p.na.einde_wachttijd, "2027-03-31");
	tl_assert_date(p.voor.einde_wachttijd, "2027-02-07");
}

/* R-AGG-5: 16 weeks of WAZO leave between two sick periods neither
 * count nor interrupt; the wachttijd ends 112 days later. */
static void
test_wazo(void **state)
{
	const struct verzuim_mutatie m[] = {ZIEK("2025-02-03", 100),
					    WAZO("2025-03-15")};
	const struct verzuim_mutatie m0[] = {ZIEK("2025-02-03", 100)};
	struct proef p;

	(void)state;
	proef(m, NM(m), (struct verzuim_mutatie)ZIEK("2025-07-05", 100), &p);
	assert_int_equal(p.samengeteld, 1);
	assert_int_equal(p.nieuw_geval, 0);
	assert_int_equal(p.ziektedag, 41);
	assert_int_equal(p.na.gevallen, 1);
	tl_assert_date(p.na.eerste_ziektedag, "2025-02-03");
	tl_assert_date(p.na.einde_wachttijd, "2027-05-23");
	/* the leave itself: sick day 40 was the last before it */
	proef(m0, NM(m0), (struct verzuim_mutatie)WAZO("2025-03-15"), &p);
	assert_int_equal(p.ziektedag, 40);
	assert_int_equal(p.samengeteld, 0);
	assert_int_equal(p.nieuw_geval, 0);
	assert_int_equal(p.nieuw_geval_vanaf, DATE_NONE);
	assert_int_equal(p.na.open, 0);
}

/* The first sick report (example 1's D) and a new percentage while ill
 * (R-AGG-4: no interruption). */
static void
test_eerste_en_percentage(void **state)
{
	const struct verzuim_mutatie m[] = {ZIEK("2025-01-06", 100)};
	struct proef p;

	(void)state;
	proef(NULL, 0, (struct verzuim_mutatie)ZIEK("2025-01-06", 100), &p);
	assert_int_equal(p.voor.ziek, 0);
	assert_int_equal(p.voor.eerste_ziektedag, DATE_NONE);
	assert_int_equal(p.voor.week[0], DATE_NONE);
	assert_int_equal(p.nieuw_geval, 1);
	assert_int_equal(p.samengeteld, 0);
	assert_int_equal(p.ziektedag, 1);
	tl_assert_date(p.na.week[0], "2025-01-12");
	tl_assert_date(p.na.einde_wachttijd, "2027-01-03");

	proef(m, NM(m), (struct verzuim_mutatie)ZIEK("2025-02-05", 50), &p);
	assert_int_equal(p.nieuw_geval, 0);
	assert_int_equal(p.samengeteld, 0);
	assert_int_equal(p.ziektedag, 31);
	assert_int_equal(p.na.open, 1);
	tl_assert_date(p.na.einde_wachttijd, "2027-01-03");

	/* a recovery without an illness: nothing to count */
	proef(NULL, 0, (struct verzuim_mutatie)HERSTELD("2025-01-06"), &p);
	assert_int_equal(p.voor.ziek, 0);
	assert_int_equal(p.na.ziek, 0);
	assert_int_equal(p.ziektedag, 0);
	assert_int_equal(p.nieuw_geval_vanaf, DATE_NONE);
}

/* ---- the use case on a store ---- */

static int
setup_sqlite(void **state)
{
	return tl_setup_sqlite(state, "proef", "s.db", TL_NU0);
}

#define LIT(s) s, sizeof(s) - 1

static void
test_app(void **state)
{
	struct store *s = tl_store(state);
	struct app a = {s, NULL, NULL, NULL};
	struct app_wie w;
	struct casefile_fout f;
	struct proef_verloop v;
	struct proef p;
	uint32_t cm = ROL_BIT(ROL_CASEMANAGER);
	int64_t id, versie;

	id = tl_importeer_testdata(s, "voorbeeld-architectuur.json");
	w.id = tl_gebruiker_rol(s, "cm", ROL_CASEMANAGER, "WG-1", NULL);
	w.naam = "cm";
	versie = tl_getal(s->db, "SELECT versie FROM dossier");

	/* the append's refusals, in its order */
	assert_int_equal(app_verzuim_proef(&a, &w, id,
					   ROL_BIT(ROL_ARBEIDSDESKUNDIGE),
					   LIT("{}"), &p, &f), ST_VERBODEN);
	assert_string_equal(f.reden, "uw rol mag geen verzuim vastleggen");
	assert_int_equal(app_verzuim_proef(&a, &w, id, cm, LIT("[]"), &p, &f),
			 ST_ONGELDIG);
	assert_string_equal(f.pad, "$");
	assert_string_equal(f.reden, "verwacht een object");
	assert_int_equal(app_verzuim_proef(&a, &w, id, cm,
		LIT("{\"datum\":\"2026-05-04\",\"soort\":\"hersteld\"}"), &p,
		&f), ST_ONGELDIG);
	assert_string_equal(f.pad, "$.datum");
	assert_string_equal(f.reden,
		"mutaties moeten op datum oplopen (vorige: 2026-05-04)");
	assert_int_equal(app_verzuim_proef(&a, &w, id, cm,
		LIT("{\"datum\":\"2026-06-01\",\"soort\":\"ziek\"}"), &p, &f),
		ST_ONGELDIG);
	assert_string_equal(f.pad, "$.percentage");

	/* 98 sick days, 14 fit, 28 sick: the recovery on 06-01 ends day
	 * 126; a relapse from 06-29 is a new geval */
	assert_int_equal(app_verzuim_proef(&a, &w, id, cm,
		LIT("{\"datum\":\"2026-06-01\",\"soort\":\"hersteld\"}"), &p,
		&f), 0);
	assert_int_equal(p.ziektedag, 126);
	assert_int_equal(p.ziekteweek, 18);
	tl_assert_date(p.nieuw_geval_vanaf, "2026-06-29");
	tl_assert_date(p.voor.eerste_ziektedag, "2026-01-12");
	assert_int_equal(p.voor.open, 1);
	tl_assert_date(p.na.laatste_ziektedag, "2026-05-31");
	/* 14 fit days: the wachttijd ends 14 days after D + 727 */
	tl_assert_date(p.voor.einde_wachttijd, "2028-01-23");

	assert_int_equal(app_verzuim_verloop(&a, &w, id, cm, &v), 0);
	tl_assert_date(v.einde_wachttijd, "2028-01-23");
	assert_int_equal(v.open, 1);

	/* nothing stored; the reads that loaded the case audited (folded
	 * into one record: store.h STORE_AUDIT_VOUW) */
	assert_int_equal(tl_getal(s->db, "SELECT versie FROM dossier"), versie);
	assert_int_equal(tl_getal(s->db, "SELECT count(*) FROM verzuim"), 4);
	assert_int_equal(tl_getal(s->db, "SELECT sum(aantal) FROM audit WHERE "
				  "actie = 'verzuim proef'"), 3);
	assert_int_equal(tl_getal(s->db, "SELECT sum(aantal) FROM audit WHERE "
				  "actie = 'tijdlijn lezen'"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_voorbeeld6_herval),
		cmocka_unit_test(test_voorbeeld6_hersteld),
		cmocka_unit_test(test_voorbeeld7a_27_dagen),
		cmocka_unit_test(test_voorbeeld7b_28_dagen),
		cmocka_unit_test(test_wazo),
		cmocka_unit_test(test_eerste_en_percentage),
		cmocka_unit_test_setup_teardown(test_app, setup_sqlite,
						tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

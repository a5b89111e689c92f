/*
 * test_loon.c - loondoorbetaling (issue 3, rule book R-PAY-1 .. R-PAY-6):
 * the worked examples of R-PAY-6, CAO schedules, part-time hours, wages
 * above the maximum dagloon, a temporary contract, parameter gaps, and the
 * parameter-table parser.
 *
 * Every amount is computed by hand in the comment next to it, with the
 * conventions of docs/rules.md §5: dagloon = maandloon x 12 / 261 half up;
 * percentages half up to the cent; WML floor = hourly WML x weekly hours / 5.
 * Tables: data/parameters (WML/h 1440 from 2025-07-01, 1471 from
 * 2026-01-01, unknown from 2026-07-01; maximum dagloon 29067 (2025), 30425
 * (2026), unknown from 2027-01-01).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/loon.h"
#include "core/tijdlijn.h"
#include "format/casefile.h"
#include "format/params.h"

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	if (date_parse(s, strlen(s), &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

/* The compiled-in tables; the periods point into them (rows used). */
static struct params prm;

static int
laad_tabellen(void **state)
{
	char err[256];

	(void)state;
	params_init(&prm);
	return params_standaard(&prm, err, sizeof(err));
}

static int
vrij_tabellen(void **state)
{
	(void)state;
	params_release(&prm);
	return 0;
}

/* Compute the wage of a continuous illness from d with the given
 * dienstverband fields (JSON members after "soort"). */
static int
bereken(const char *d, const char *dienstverband, const char *gb,
	struct loon *l)
{
	char doc[4096];
	struct dossier ds;
	struct casefile_fout f;
	struct ziekrange r[4];
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	struct tijdlijn t;
	size_t bad;
	int n, rc;

	n = snprintf(doc, sizeof(doc),
		     "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"L\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{\"begindatum\":\"2010-01-01\",%s},"
		     "\"vangnet\":null,\"verzuim\":[{\"datum\":\"%s\","
		     "\"soort\":\"ziek\",\"percentage\":100}],"
		     "\"gebeurtenissen\":[%s]}", dienstverband, d, gb);
	assert_true(n > 0 && (size_t)n < sizeof(doc));
	dossier_init(&ds);
	if (casefile_lees(doc, (size_t)n, &ds, &f) != 0)
		fail_msg("%s: %s", f.pad, f.reden);
	assert_int_equal(ziekteverloop_build(ds.verzuim, ds.nverzuim, r, 4,
					     &zv, &bad), 0);
	tijdlijn_feiten_uit_dossier(&ds, zv.d, &feiten);
	tijdlijn_bereken(&zv, &feiten, zv.d, &t);
	rc = loon_bereken(&ds, &zv, &t, &prm.wml, &prm.maxd, l);
	dossier_release(&ds);
	return rc;
}

/* The period that pays day d. */
static const struct loon_periode *
op(const struct loon *l, const char *d)
{
	sdate x = D(d);
	uint32_t i;

	for (i = 0; i < l->n; i++)
		if (l->p[i].van <= x && x <= l->p[i].tot)
			return &l->p[i];
	fail_msg("no period pays %s", d);
	return NULL;
}

#define VAST "\"soort\":\"onbepaalde_tijd\""

static struct loon l; /* large: not on the stack */

/* R-PAY-6, second example: EUR 120.000 a year in 2025 */
static void
test_pay6_boven_maximum(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-03-03", VAST
				 ",\"uren_per_week\":40,"
				 "\"maandloon_cent\":1000000", "", &l), 0);
	/* 1.000.000 x 12 / 261 = 45977.01 -> 45977 (EUR 459,77) */
	assert_int_equal(l.dagloon, 45977);
	/* capped: 0,70 x 29067 = 20346.9 -> 20347 (EUR 203,47) */
	p = op(&l, "2025-06-02");
	assert_int_equal(p->wettelijk_dag, 20347);
	assert_int_equal(p->verschuldigd_dag, 20347);
	assert_int_equal(p->grondslag, GR_MAXIMUM);
	assert_non_null(p->max);
	assert_int_equal(p->max->waarde, 29067);
	/*
	 * Per month: 20347 x 21,75 = 442547.25 -> 442547 (EUR 4.425,47).
	 * The rule book's EUR 4.425,45 multiplies the unrounded day rate
	 * 203,469; spoor pays whole cents per day (docs/rules.md §5).
	 */
	assert_int_equal(loon_maand(p->verschuldigd_dag), 442547);
	/* 2026: 0,70 x 30425 = 21297.5 -> 21298 */
	assert_int_equal(op(&l, "2026-06-01")->wettelijk_dag, 21298);
	/* 2027: the maximum dagloon is unknown: a reported gap */
	p = op(&l, "2027-01-04");
	assert_true(p->voorlopig);
	assert_true(l.ngaten >= 1);
	assert_string_equal(l.gaten[0].tabel, "maximumdagloon");
	assert_int_equal(l.gaten[0].vanaf, D("2027-01-01"));
}

/* R-PAY-6, first example: EUR 16,00 an hour, D = 2025-10-01, 38 h/week
 * (maandloon 16 x 38 x 52 / 12 = 2634,67) */
static void
test_pay6_minimumloon(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-10-01", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":263467", "", &l), 0);
	/* 263467 x 12 / 261 = 12113.43 -> 12113; 70 % = 8479.1 -> 8479 */
	assert_int_equal(l.dagloon, 12113);
	/* Oct-Dec 2025: floor 1440 x 38 / 5 = 10944 (EUR 14,40/h) */
	p = op(&l, "2025-11-03");
	assert_int_equal(p->wettelijk_dag, 10944);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	assert_int_equal(p->wml->waarde, 1440);
	/* 1 Jan - 30 Jun 2026: 1471 x 38 / 5 = 11179.6 -> 11180 */
	p = op(&l, "2026-03-02");
	assert_int_equal(p->wettelijk_dag, 11180);
	assert_int_equal(p->wml->waarde, 1471);
	/* 1-7-2026 WML unknown: the last known one is used and marked */
	p = op(&l, "2026-08-03");
	assert_true(p->voorlopig);
	assert_string_equal(l.gaten[0].tabel, "wml_uur");
	assert_int_equal(l.gaten[0].vanaf, D("2026-07-01"));
	/* the floor ends with D+363 = 2026-09-29; from 2026-09-30: 70 % */
	assert_int_equal(op(&l, "2026-09-29")->wettelijk_dag, p->wettelijk_dag);
	p = op(&l, "2026-09-30");
	assert_int_equal(p->wettelijk_dag, 8479);
	assert_int_equal(p->grondslag, GR_WETTELIJK);
	assert_false(p->voorlopig);
}

/* R-PAY-5: CAO 100 % in year 1, 70 % in year 2 */
static void
test_cao_100_70(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-01-06", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000,"
				 "\"loondoorbetaling\":["
				 "{\"tot_en_met_week\":52,\"procent\":100},"
				 "{\"tot_en_met_week\":104,\"procent\":70}]",
				 "", &l), 0);
	/* 300000 x 12 / 261 = 13793.10 -> 13793 */
	p = op(&l, "2025-06-02");
	assert_int_equal(p->contract_dag, 13793);
	assert_int_equal(p->verschuldigd_dag, 13793);
	assert_int_equal(p->contract_procent, 100);
	assert_int_equal(p->grondslag, GR_CONTRACT);
	/* year 1 statutory: 70 % = 9655.1 -> 9655 is below the floor
	 * 1406 x 38 / 5 = 10685.6 -> 10686 (WML of 2025-01-01), which rules */
	assert_int_equal(p->wettelijk_dag, 10686);
	/* year 2 (week 53 from 2026-01-05): 70 % = 9655 both ways */
	p = op(&l, "2026-01-05");
	assert_int_equal(p->week_van, 53);
	assert_int_equal(p->contract_dag, 9655);
	assert_int_equal(p->wettelijk_dag, 9655);
	assert_int_equal(p->verschuldigd_dag, 9655);
}

/* R-PAY-5: 100 % then 80 % */
static void
test_cao_100_80(void **state)
{
	(void)state;
	assert_int_equal(bereken("2025-01-06", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000,"
				 "\"loondoorbetaling\":["
				 "{\"tot_en_met_week\":52,\"procent\":100},"
				 "{\"tot_en_met_week\":104,\"procent\":80}]",
				 "", &l), 0);
	/* 13793.10 x 0,80 = 11034.48 -> 11034 > statutory 9655 */
	assert_int_equal(op(&l, "2026-03-02")->verschuldigd_dag, 11034);
	assert_int_equal(op(&l, "2026-03-02")->grondslag, GR_CONTRACT);
}

/* R-PAY-5 staircase: 90 % month 1, 100 % months 2-6, 95 % second
 * half-year, 85 % year 2, as sick weeks 4 / 26 / 52 / 104 */
static void
test_cao_trap(void **state)
{
	(void)state;
	assert_int_equal(bereken("2025-01-06", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000,"
				 "\"loondoorbetaling\":["
				 "{\"tot_en_met_week\":4,\"procent\":90},"
				 "{\"tot_en_met_week\":26,\"procent\":100},"
				 "{\"tot_en_met_week\":52,\"procent\":95},"
				 "{\"tot_en_met_week\":104,\"procent\":85}]",
				 "", &l), 0);
	/* week 4 ends 2025-02-02; 13793.10 x 0,90 = 12413.79 -> 12414 */
	assert_int_equal(op(&l, "2025-01-31")->contract_dag, 12414);
	assert_int_equal(op(&l, "2025-02-03")->contract_dag, 13793);
	/* week 27 starts 2025-07-07; x 0,95 = 13103.45 -> 13103 */
	assert_int_equal(op(&l, "2025-07-04")->contract_dag, 13793);
	assert_int_equal(op(&l, "2025-07-07")->contract_dag, 13103);
	/* week 53 starts 2026-01-05; x 0,85 = 11724.14 -> 11724 */
	assert_int_equal(op(&l, "2026-01-05")->contract_dag, 11724);
	assert_int_equal(op(&l, "2026-01-05")->verschuldigd_dag, 11724);
}

/* Part-time: the floor scales with the contract hours */
static void
test_deeltijd(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-09-01", VAST
				 ",\"uren_per_week\":20,"
				 "\"maandloon_cent\":150000", "", &l), 0);
	/* 150000 x 12 / 261 = 6896.55 -> 6897; 70 % = 4827.9 -> 4828;
	 * floor 1440 x 20 / 5 = 5760 */
	assert_int_equal(l.dagloon, 6897);
	p = op(&l, "2025-10-01");
	assert_int_equal(p->wettelijk_dag, 5760);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	/* 20,5 hours: 1440 x 20,5 / 5 = 5904 */
	assert_int_equal(bereken("2025-09-01", VAST
				 ",\"uren_per_week\":20.5,"
				 "\"maandloon_cent\":150000", "", &l), 0);
	assert_int_equal(op(&l, "2025-10-01")->wettelijk_dag, 5904);
}

/* The floor never exceeds the wage itself (R-PAY-1) */
static void
test_vloer_niet_boven_loon(void **state)
{
	(void)state;
	/* 38 h but EUR 2.000 a month (below WML): dagloon 2000 x 12 / 261
	 * = 9195.40 -> 9195 < floor 10944, so 9195 */
	assert_int_equal(bereken("2025-09-01", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":200000", "", &l), 0);
	assert_int_equal(op(&l, "2025-10-01")->wettelijk_dag, 9195);
}

/* A temporary contract: the employer pays until the einddatum */
static void
test_bepaalde_tijd(void **state)
{
	(void)state;
	assert_int_equal(bereken("2025-03-03", "\"soort\":\"bepaalde_tijd\","
				 "\"einddatum\":\"2025-08-31\","
				 "\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000", "", &l), 0);
	assert_int_equal(l.p[l.n - 1].tot, D("2025-08-31"));
	assert_int_equal(l.blootstelling, 0);
}

/* Totals: the sum of the periods; the sanction year separately */
static void
test_totalen(void **state)
{
	int64_t som = 0, ls = 0;
	uint32_t i;

	(void)state;
	assert_int_equal(bereken("2025-01-06", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000", "", &l), 0);
	for (i = 0; i < l.n; i++) {
		assert_int_equal(l.p[i].totaal,
				 l.p[i].verschuldigd_dag * l.p[i].werkdagen);
		if (l.p[i].loonsanctie)
			ls += l.p[i].totaal;
		else
			som += l.p[i].totaal;
	}
	assert_int_equal(l.totaal, som);
	assert_int_equal(l.blootstelling, ls);
	/* the sanction year 2027-01-04 .. 2028-01-02 has 260 working days
	 * at 70 % = 9655: 2.510.300 cent (also in test_toets) */
	assert_int_equal(l.blootstelling, 9655 * 260);
	/* no maandloon: refused, not guessed */
	assert_int_equal(bereken("2025-01-06", VAST, "", &l),
			 LOONF_GEEN_MAANDLOON);
}

static void
test_params_parser(void **state)
{
	static const struct {
		const char *tekst;
		const char *fout;
	} slecht[] = {
		{"2025-01-01\t1406\n", "regel 1"},
		{"# c\n2025-01-01\t14x6\tbron\n", "regel 2"},
		{"2025-02-30\t1406\tbron\n", "regel 1"},
		{"2025-07-01\t1440\tb\n2025-01-01\t1406\tb\n", "regel 2"},
		{"2025-01-01\t1406\tb\n2025-01-01\t1407\tb\n", "regel 2"},
		{"2025-01-01\t-5\tb\n", "regel 1"},
	};
	struct param_tabel t;
	struct param_rij *rij = NULL;
	char *tekst = NULL, err[128];
	const struct param_rij *r;
	const char *goed = "# kop\n2025-01-01\t1406\tA\n2025-07-01\t1440\tB\n"
			   "2026-01-01\tonbekend\tC\n";
	size_t i;

	(void)state;
	assert_int_equal(params_parse("wml", goed, strlen(goed), &t, &rij,
				      &tekst, err, sizeof(err)), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(param_zoek(&t, D("2025-06-30"), &r), 0);
	assert_int_equal(r->waarde, 1406);
	assert_string_equal(r->bron, "A");
	assert_int_equal(param_zoek(&t, D("2025-07-01"), &r), 0);
	assert_int_equal(r->waarde, 1440);
	/* on and after an 'onbekend' row: a gap, with the last known row */
	assert_int_equal(param_zoek(&t, D("2026-02-01"), &r), -1);
	assert_int_equal(r->waarde, 1440);
	/* before the first row: a gap without a value */
	assert_int_equal(param_zoek(&t, D("2024-12-31"), &r), -1);
	assert_null(r);
	free(rij);
	free(tekst);
	for (i = 0; i < sizeof(slecht) / sizeof(slecht[0]); i++) {
		rij = NULL;
		tekst = NULL;
		err[0] = '\0';
		if (params_parse("wml", slecht[i].tekst,
				 strlen(slecht[i].tekst), &t, &rij, &tekst, err,
				 sizeof(err)) == 0)
			fail_msg("accepted bad table %zu", i);
		if (strstr(err, slecht[i].fout) == NULL)
			fail_msg("table %zu: '%s' lacks '%s'", i, err,
				 slecht[i].fout);
		free(rij);
		free(tekst);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pay6_boven_maximum),
		cmocka_unit_test(test_pay6_minimumloon),
		cmocka_unit_test(test_cao_100_70),
		cmocka_unit_test(test_cao_100_80),
		cmocka_unit_test(test_cao_trap),
		cmocka_unit_test(test_deeltijd),
		cmocka_unit_test(test_vloer_niet_boven_loon),
		cmocka_unit_test(test_bepaalde_tijd),
		cmocka_unit_test(test_totalen),
		cmocka_unit_test(test_params_parser),
	};

	return cmocka_run_group_tests(tests, laad_tabellen, vrij_tabellen);
}

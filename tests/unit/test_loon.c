/*
 * test_loon.c - loondoorbetaling (issue 3, rule book R-PAY-1 .. R-PAY-6;
 * issue 14: the youth minimum wage by age, the missing birth date, partial
 * work resumption):
 * the worked examples of R-PAY-6, CAO schedules, part-time hours, wages
 * above the maximum dagloon, a temporary contract, an interrupted illness,
 * pregnancy leave (R-AGG-5), verlenging_loondoorbetaling, parameter gaps,
 * the rounding helpers, the compiled-in tables against R-PAY-3/R-PAY-4, and
 * the parameter-table parser.
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

/* Compute the wage of the illness given by the verzuim mutations (JSON
 * array members) with the given dienstverband fields. */
static int bereken_wn(const char *werknemer, const char *verzuim,
		      const char *dienstverband, const char *gb,
		      struct loon *l);

static int
bereken_vz(const char *verzuim, const char *dienstverband, const char *gb,
	   struct loon *l)
{
	return bereken_wn("", verzuim, dienstverband, gb, l);
}

/* As bereken_vz, with extra werknemer fields (",\"geboortedatum\":...") */
static int
bereken_wn(const char *werknemer, const char *verzuim,
	   const char *dienstverband, const char *gb, struct loon *l)
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
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"%s},"
		     "\"dienstverband\":{\"begindatum\":\"2010-01-01\",%s},"
		     "\"vangnet\":null,\"verzuim\":[%s],"
		     "\"gebeurtenissen\":[%s]}", werknemer, dienstverband,
		     verzuim, gb);
	assert_true(n > 0 && (size_t)n < sizeof(doc));
	dossier_init(&ds);
	if (casefile_lees(doc, (size_t)n, &ds, &f) != 0)
		fail_msg("%s: %s", f.pad, f.reden);
	assert_int_equal(ziekteverloop_build(ds.verzuim, ds.nverzuim, r, 4,
					     &zv, &bad), 0);
	tijdlijn_feiten_uit_dossier(&ds, zv.d, &feiten);
	tijdlijn_bereken(&zv, &feiten, zv.d, &t);
	rc = loon_bereken(&ds, &zv, &t, &prm.wml, &prm.maxd, &prm.jeugd, l);
	dossier_release(&ds);
	return rc;
}

/* A continuous illness from d. */
static int
bereken(const char *d, const char *dienstverband, const char *gb,
	struct loon *l)
{
	char vz[128];
	int n;

	n = snprintf(vz, sizeof(vz), "{\"datum\":\"%s\",\"soort\":\"ziek\","
		     "\"percentage\":100}", d);
	assert_true(n > 0 && (size_t)n < sizeof(vz));
	return bereken_vz(vz, dienstverband, gb, l);
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

/* No period pays day d (a fit day, or after the wage obligation). */
static void
niet_betaald(const struct loon *ll, const char *d)
{
	sdate x = D(d);
	uint32_t i;

	for (i = 0; i < ll->n; i++)
		if (ll->p[i].van <= x && x <= ll->p[i].tot)
			fail_msg("period %u pays %s", i, d);
}

/*
 * R-PAY-6, first example, to the cent: EUR 16,00 an hour at 40 hours a
 * week is EUR 128,00 a day; maandloon 12800 x 261 / 12 = 278400 gives
 * back exactly 278400 x 12 / 261 = 12800. D = 2025-10-01.
 */
static void
test_pay6_uurloon_exact(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-10-01", VAST
				 ",\"uren_per_week\":40,"
				 "\"maandloon_cent\":278400", "", &l), 0);
	assert_int_equal(l.dagloon, 12800);
	/* "70% = EUR 11,20/h": 1120 x 8 h = 8960 a day, below the WML, so
	 * the floor applies. Oct-Dec 2025: EUR 14,40/h x 8 = 11520 */
	p = op(&l, "2025-10-01");
	assert_int_equal(p->van, D("2025-10-01"));
	assert_int_equal(p->tot, D("2025-12-31"));
	assert_int_equal(p->week_van, 1);
	/* Oct 23 + Nov 20 + Dec 23 weekdays = 66 */
	assert_int_equal(p->werkdagen, 66);
	assert_int_equal(p->wettelijk_dag, 11520);
	assert_int_equal(p->verschuldigd_dag, 11520);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	assert_int_equal(p->contract_procent, -1);
	assert_int_equal(p->totaal, 11520 * 66);
	assert_false(p->voorlopig);
	/* 1 Jan - 30 Jun 2026: EUR 14,71/h x 8 = 11768 */
	p = op(&l, "2026-01-01");
	assert_int_equal(p->van, D("2026-01-01"));
	assert_int_equal(p->wettelijk_dag, 11768);
	assert_int_equal(op(&l, "2026-06-30")->wettelijk_dag, 11768);
	assert_false(op(&l, "2026-06-30")->voorlopig);
	/* "then the 1-7-2026 WML (to be configured)": not in the tables, so
	 * a gap from 2026-07-01; the last known 11768 is used, marked */
	p = op(&l, "2026-07-01");
	assert_int_equal(p->van, D("2026-07-01"));
	assert_true(p->voorlopig);
	assert_int_equal(p->wettelijk_dag, 11768);
	assert_non_null(p->wml);
	assert_int_equal(p->wml->waarde, 1471);
	/* "until 2026-09-29" (D+363, the last day of week 52) */
	p = op(&l, "2026-09-29");
	assert_int_equal(p->tot, D("2026-09-29"));
	assert_int_equal(p->week_tot, 52);
	assert_int_equal(p->wettelijk_dag, 11768);
	/* "From 2026-09-30: EUR 11,20/h (no floor)": 8960, and no longer
	 * provisional (the WML plays no part after week 52) */
	p = op(&l, "2026-09-30");
	assert_int_equal(p->van, D("2026-09-30"));
	assert_int_equal(p->week_van, 53);
	assert_int_equal(p->wettelijk_dag, 8960);
	assert_int_equal(p->grondslag, GR_WETTELIJK);
	assert_false(p->voorlopig);
	assert_null(p->wml);
	/* gaps: WML from 2026-07-01, the maximum dagloon from 2027-01-01
	 * (the wachttijd runs to sickday 728 = 2027-09-28); each once */
	assert_int_equal(l.ngaten, 2);
	assert_string_equal(l.gaten[0].tabel, "wml_uur");
	assert_int_equal(l.gaten[0].vanaf, D("2026-07-01"));
	assert_string_equal(l.gaten[1].tabel, "maximumdagloon");
	assert_int_equal(l.gaten[1].vanaf, D("2027-01-01"));
	/* the wage period ends at einde_wachttijd 2027-09-28; the sanction
	 * year follows from 2027-09-29 */
	assert_false(op(&l, "2027-09-28")->loonsanctie);
	assert_true(op(&l, "2027-09-29")->loonsanctie);
}

/* R-PAY-5 with a wage above the maximum: the CAO percentage is of the
 * full wage, not of the capped one (docs/rules.md §5) */
static void
test_cao_boven_maximum(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-03-03", VAST
				 ",\"uren_per_week\":40,"
				 "\"maandloon_cent\":1000000,"
				 "\"loondoorbetaling\":["
				 "{\"tot_en_met_week\":52,\"procent\":100},"
				 "{\"tot_en_met_week\":104,\"procent\":70}]",
				 "", &l), 0);
	/* year 1: 100 % of 45977 = 45977; statutory capped 20347 */
	p = op(&l, "2025-06-02");
	assert_int_equal(p->wettelijk_dag, 20347);
	assert_int_equal(p->contract_dag, 45977);
	assert_int_equal(p->verschuldigd_dag, 45977);
	assert_int_equal(p->grondslag, GR_CONTRACT);
	/* year 2 from sickday 365 = 2026-03-02: 0,70 x 45977 = 32183.9 ->
	 * 32184; statutory 0,70 x 30425 = 21297.5 -> 21298 */
	p = op(&l, "2026-03-02");
	assert_int_equal(p->week_van, 53);
	assert_int_equal(p->contract_procent, 70);
	assert_int_equal(p->contract_dag, 32184);
	assert_int_equal(p->wettelijk_dag, 21298);
	assert_int_equal(p->verschuldigd_dag, 32184);
	assert_int_equal(p->grondslag, GR_CONTRACT);
	/* the day before: still year 1 */
	assert_int_equal(op(&l, "2026-03-01")->contract_procent, 100);
}

/* Part-time above the maximum: the cap is per day, whatever the hours */
static void
test_deeltijd_boven_maximum(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-03-03", VAST
				 ",\"uren_per_week\":20,"
				 "\"maandloon_cent\":800000", "", &l), 0);
	/* 800000 x 12 / 261 = 36781.6 -> 36782 > 29067: 20347 */
	assert_int_equal(l.dagloon, 36782);
	p = op(&l, "2025-06-02");
	assert_int_equal(p->wettelijk_dag, 20347);
	assert_int_equal(p->grondslag, GR_MAXIMUM);
}

/* R-PAY-1: no floor in weeks 53-104; 70 % rounds half up */
static void
test_tweede_jaar_afronding(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-01-06", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":200000", "", &l), 0);
	/* 200000 x 12 / 261 = 9195.40 -> 9195; year 1: floor 1406 x 38 / 5
	 * = 10686 is above the wage, so the wage itself: 9195 */
	p = op(&l, "2025-03-03");
	assert_int_equal(p->wettelijk_dag, 9195);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	/* week 53 (2026-01-05): 0,70 x 9195 = 6436.5 -> 6437 */
	p = op(&l, "2026-01-05");
	assert_int_equal(p->week_van, 53);
	assert_int_equal(p->wettelijk_dag, 6437);
	assert_int_equal(p->grondslag, GR_WETTELIJK);
	assert_int_equal(op(&l, "2026-01-04")->wettelijk_dag, 9195);
}

/* R-AGG-1 + R-PAY-1: an interruption of 14 fit days joins the periods;
 * the fit days are not sick pay and do not count towards the 52 weeks */
static void
test_onderbroken(void **state)
{
	(void)state;
	assert_int_equal(bereken_vz(
		"{\"datum\":\"2025-01-06\",\"soort\":\"ziek\","
		"\"percentage\":100},"
		"{\"datum\":\"2025-02-03\",\"soort\":\"hersteld\"},"
		"{\"datum\":\"2025-02-17\",\"soort\":\"ziek\","
		"\"percentage\":100}",
		VAST ",\"uren_per_week\":38,\"maandloon_cent\":200000", "",
		&l), 0);
	/* sick days 1-28: 2025-01-06 .. 02-02, 20 working days */
	assert_int_equal(l.p[0].van, D("2025-01-06"));
	assert_int_equal(l.p[0].tot, D("2025-02-02"));
	assert_int_equal(l.p[0].werkdagen, 20);
	niet_betaald(&l, "2025-02-03");
	niet_betaald(&l, "2025-02-16");
	/* sick day 29 = 2025-02-17, still week 5 */
	assert_int_equal(l.p[1].van, D("2025-02-17"));
	assert_int_equal(l.p[1].week_van, 5);
	/* sick day 364 = 2025-02-17 + 335 = 2026-01-18: floor (9195);
	 * sick day 365 = 2026-01-19: week 53, 6437 */
	assert_int_equal(op(&l, "2026-01-16")->wettelijk_dag, 9195);
	assert_int_equal(op(&l, "2026-01-18")->week_tot, 52);
	assert_int_equal(op(&l, "2026-01-19")->week_van, 53);
	assert_int_equal(op(&l, "2026-01-19")->wettelijk_dag, 6437);
}

/* §6.2 / R-ZW-3: the wage stops at the einddatum; exact amounts */
static void
test_bepaalde_tijd_bedragen(void **state)
{
	(void)state;
	assert_int_equal(bereken("2025-03-03", "\"soort\":\"bepaalde_tijd\","
				 "\"einddatum\":\"2025-08-31\","
				 "\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000", "", &l), 0);
	/* 13793 x 0,70 = 9655 is below the floor: 1406 x 38 / 5 = 10685.6
	 * -> 10686 until 2025-06-30, 1440 x 38 / 5 = 10944 from 07-01.
	 * 2025-03-03 .. 06-30: 17 weeks + Mon 30 June = 86 working days;
	 * 07-01 .. 08-31: 23 (July) + 21 (August) = 44 */
	assert_int_equal(l.n, 2);
	assert_int_equal(l.p[0].van, D("2025-03-03"));
	assert_int_equal(l.p[0].tot, D("2025-06-30"));
	assert_int_equal(l.p[0].werkdagen, 86);
	assert_int_equal(l.p[0].verschuldigd_dag, 10686);
	assert_int_equal(l.p[1].van, D("2025-07-01"));
	assert_int_equal(l.p[1].tot, D("2025-08-31"));
	assert_int_equal(l.p[1].werkdagen, 44);
	assert_int_equal(l.p[1].verschuldigd_dag, 10944);
	/* 86 x 10686 + 44 x 10944 = 918996 + 481536 = 1400532 */
	assert_int_equal(l.totaal, 1400532);
	assert_int_equal(l.blootstelling, 0);
	niet_betaald(&l, "2025-09-01");
}

/* A contract that ends inside the sanction year: the exposure stops at
 * the einddatum (R-LS-4 "within the employment") */
static void
test_bepaalde_tijd_sanctiejaar(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-01-06", "\"soort\":\"bepaalde_tijd\","
				 "\"einddatum\":\"2027-06-30\","
				 "\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000", "", &l), 0);
	/* einde wachttijd 2027-01-03 (rule book R-DSM-1); sanction days
	 * 2027-01-04 .. 2027-06-30: 25 weeks + Mon-Wed = 128 working days
	 * at 0,70 x 13793 = 9655.1 -> 9655: 1235840 */
	p = &l.p[l.n - 1];
	assert_int_equal(p->tot, D("2027-06-30"));
	assert_true(p->loonsanctie);
	assert_false(op(&l, "2027-01-03")->loonsanctie);
	assert_true(op(&l, "2027-01-04")->loonsanctie);
	assert_int_equal(l.blootstelling, 1235840);
	niet_betaald(&l, "2027-07-01");
}

/* Dates before the first table row: a gap for both tables from D, no
 * value to fall back on, so no floor and no cap; marked provisional */
static void
test_gat_voor_tabellen(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2023-06-05", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000", "", &l), 0);
	p = op(&l, "2023-06-05");
	assert_int_equal(p->tot, D("2023-12-31"));
	assert_true(p->voorlopig);
	assert_null(p->wml);
	assert_null(p->max);
	/* 0,70 x 13793 = 9655.1 -> 9655 */
	assert_int_equal(p->wettelijk_dag, 9655);
	/* from 2024-01-01 the tables apply: 1327 x 38 / 5 = 10085.2 ->
	 * 10085 */
	p = op(&l, "2024-01-01");
	assert_false(p->voorlopig);
	assert_int_equal(p->wettelijk_dag, 10085);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	/* one gap per table, from the first uncovered day (loon.h: "a date
	 * the tables do not cover is reported as a gap"), not one per day */
	assert_int_equal(l.gaten[0].vanaf, D("2023-06-05"));
	assert_string_equal(l.gaten[0].tabel, "wml_uur");
	assert_string_equal(l.gaten[1].tabel, "maximumdagloon");
	assert_int_equal(l.gaten[1].vanaf, D("2023-06-05"));
	assert_int_equal(l.ngaten, 2);
}

/* verlenging_loondoorbetaling (R-TL-18, architecture §4): the wage
 * period runs to the new date; the sanction year follows it */
static void
test_verlenging(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-01-06", VAST
				 ",\"uren_per_week\":38,"
				 "\"maandloon_cent\":300000,"
				 "\"loondoorbetaling\":["
				 "{\"tot_en_met_week\":52,\"procent\":100},"
				 "{\"tot_en_met_week\":104,\"procent\":70}]",
				 "{\"soort\":\"verlenging_loondoorbetaling\","
				 "\"datum\":\"2026-10-01\","
				 "\"tot\":\"2027-06-30\"}", &l), 0);
	/* 2027-06-30 is sick day 906 = week 130: no CAO step after week
	 * 104, statutory 0,70 x 13793 = 9655 */
	p = op(&l, "2027-06-30");
	assert_false(p->loonsanctie);
	assert_int_equal(p->week_tot, 130);
	assert_int_equal(p->contract_procent, -1);
	assert_int_equal(p->verschuldigd_dag, 9655);
	/* week 105 starts at sick day 729 = 2027-01-04 */
	p = op(&l, "2027-01-04");
	assert_int_equal(p->week_van, 105);
	assert_int_equal(p->contract_procent, -1);
	assert_int_equal(op(&l, "2027-01-03")->contract_procent, 70);
	assert_true(op(&l, "2027-07-01")->loonsanctie);
	/* 52 weeks of sanction: 2027-07-01 .. 2028-06-28 */
	assert_int_equal(l.p[l.n - 1].tot, D("2028-06-28"));
}

/* R-AGG-5: "During the leave the employer owes no 7:629 wage"; sick
 * periods directly before and after are aggregated, leave days are not
 * counted in the weeks */
static void
test_zwangerschapsverlof(void **state)
{
	(void)state;
	assert_int_equal(bereken_vz(
		"{\"datum\":\"2025-01-06\",\"soort\":\"ziek\","
		"\"percentage\":100},"
		"{\"datum\":\"2025-03-03\",\"soort\":\"zwangerschapsverlof\"},"
		"{\"datum\":\"2025-06-23\",\"soort\":\"ziek\","
		"\"percentage\":100}",
		VAST ",\"uren_per_week\":38,\"maandloon_cent\":300000", "",
		&l), 0);
	/* sick days 1-56: 2025-01-06 .. 03-02 (weeks 1-8) */
	assert_int_equal(l.p[0].van, D("2025-01-06"));
	assert_int_equal(l.p[0].tot, D("2025-03-02"));
	assert_int_equal(l.p[0].week_tot, 8);
	/* no wage during the leave 2025-03-03 .. 06-22 */
	niet_betaald(&l, "2025-03-03");
	niet_betaald(&l, "2025-06-22");
	/* sick day 57 = 2025-06-23 opens week 9 */
	assert_int_equal(op(&l, "2025-06-23")->week_van, 9);
	/* floor 1440 x 38 / 5 = 10944 (2025-07-01 WML), above 70 % 9655 */
	assert_int_equal(op(&l, "2025-07-01")->wettelijk_dag, 10944);
}

/* Without uren_per_week the floor cannot be computed: spoor exposes the
 * unknown hours (-1) and does not invent a floor */
static void
test_uren_onbekend(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken("2025-09-01", VAST
				 ",\"maandloon_cent\":300000", "", &l), 0);
	assert_int_equal(l.wml_uren_x100, -1);
	/* 0,70 x 13793 = 9655, not the 38-hour floor 10944 */
	p = op(&l, "2025-10-01");
	assert_int_equal(p->wettelijk_dag, 9655);
	assert_int_equal(p->grondslag, GR_WETTELIJK);
	assert_null(p->wml);
	/* hours with two decimals are kept as hundredths */
	assert_int_equal(bereken("2025-09-01", VAST
				 ",\"uren_per_week\":20.25,"
				 "\"maandloon_cent\":150000", "", &l), 0);
	assert_int_equal(l.wml_uren_x100, 2025);
	/* 1440 x 20,25 / 5 = 5832 */
	assert_int_equal(op(&l, "2025-10-01")->wettelijk_dag, 5832);
}

/* docs/rules.md §5: x 12 / 261 and x 21,75, half up */
static void
test_afronding(void **state)
{
	(void)state;
	/* 10875 x 12 / 261 = 500 exactly */
	assert_int_equal(loon_dagloon(10875), 500);
	/* 11 x 12 / 261 = 0.506 -> 1; 76 x 12 / 261 = 3.494 -> 3 */
	assert_int_equal(loon_dagloon(11), 1);
	assert_int_equal(loon_dagloon(76), 3);
	assert_int_equal(loon_dagloon(0), 0);
	/* 1 x 21,75 -> 22; 2 x 21,75 = 43,5 -> 44; 20347 x 21,75 =
	 * 442547.25 -> 442547 */
	assert_int_equal(loon_maand(1), 22);
	assert_int_equal(loon_maand(2), 44);
	assert_int_equal(loon_maand(20347), 442547);
	assert_int_equal(loon_maand(0), 0);
}

/* The compiled-in tables equal the rule book's R-PAY-3 and R-PAY-4 */
static void
test_tabellen_regelboek(void **state)
{
	static const int64_t wml[] = {1327, 1368, 1406, 1440, 1471, -1, -1};
	static const char *const wml_van[] = {"2024-01-01", "2024-07-01",
		"2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01",
		"2027-01-01"};
	static const int64_t maxd[] = {27444, 29067, 30425, -1};
	static const char *const maxd_van[] = {"2024-01-01", "2025-01-01",
		"2026-01-01", "2027-01-01"};
	size_t i;

	(void)state;
	assert_string_equal(prm.wml.naam, "wml_uur");
	assert_string_equal(prm.maxd.naam, "maximumdagloon");
	/* 1-7-2026 and 1-1-2027: not verifiable in an official source when
	 * issue 14 was done, so 'onbekend' (data/parameters/wml.tsv) */
	assert_int_equal(prm.wml.n, 7);
	for (i = 0; i < 7; i++) {
		assert_int_equal(prm.wml.rij[i].van, D(wml_van[i]));
		assert_int_equal(prm.wml.rij[i].waarde, wml[i]);
		assert_true(prm.wml.rij[i].bron[0] != '\0');
	}
	assert_int_equal(prm.maxd.n, 4);
	for (i = 0; i < 4; i++) {
		assert_int_equal(prm.maxd.rij[i].van, D(maxd_van[i]));
		assert_int_equal(prm.maxd.rij[i].waarde, maxd[i]);
	}
	/* R-PAY-4 "70% statutory max per day": 192,11 / 203,47 / 212,98 */
	assert_int_equal((prm.maxd.rij[0].waarde * 70 + 50) / 100, 19211);
	assert_int_equal((prm.maxd.rij[1].waarde * 70 + 50) / 100, 20347);
	assert_int_equal((prm.maxd.rij[2].waarde * 70 + 50) / 100, 21298);
}

/* More refusals of the parser: line numbers count comments and blank
 * lines; the table name is in the message */
static void
test_params_parser_meer(void **state)
{
	static const struct {
		const char *tekst;
		const char *fout;
	} slecht[] = {
		{"# a\n\n2025-01-01\t1\tb\n2025-13-01\t1\tb\n", "wml regel 4"},
		{"2025-01-01\tonbekendx\tb\n", "wml regel 1"},
		{"2025-01-01\t1406 \tb\n", "wml regel 1"},
		{"2025-01-01\t\tb\n", "wml regel 1"},
		{"2025-01-01\t1406\t\n", "wml regel 1"},
		{"2025-01-01 1406 b\n", "wml regel 1"},
		{"x\n", "wml regel 1"},
		{"2025-01-01\t99999999999999999999\tb\n", "wml regel 1"},
		{"# alleen commentaar\n", "geen rijen"},
		{"", "geen rijen"},
	};
	struct param_tabel t;
	struct param_rij *rij = NULL;
	char *tekst = NULL, err[128];
	const struct param_rij *r;
	const char *goed = "2025-01-01\t1406\tA\n2026-01-01\tonbekend\tB\n"
			   "2026-07-01\t1500\tC";
	size_t i;

	(void)state;
	/* no final newline; a value after an 'onbekend' row */
	assert_int_equal(params_parse("wml", goed, strlen(goed), &t, &rij,
				      &tekst, err, sizeof(err)), 0);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.naam, "wml");
	assert_int_equal(t.rij[1].waarde, -1);
	assert_int_equal(param_zoek(&t, D("2026-06-30"), &r), -1);
	assert_int_equal(r->waarde, 1406);
	assert_int_equal(param_zoek(&t, D("2026-07-01"), &r), 0);
	assert_int_equal(r->waarde, 1500);
	assert_string_equal(r->bron, "C");
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

/* A continuous illness from d of an employee born on geb. */
static int
bereken_geb(const char *geb, const char *d, const char *dienstverband,
	    const char *gb, struct loon *out)
{
	char wn[64], vz[128];
	int n;

	n = snprintf(wn, sizeof(wn), ",\"geboortedatum\":\"%s\"", geb);
	assert_true(n > 0 && (size_t)n < sizeof(wn));
	n = snprintf(vz, sizeof(vz), "{\"datum\":\"%s\",\"soort\":\"ziek\","
		     "\"percentage\":100}", d);
	assert_true(n > 0 && (size_t)n < sizeof(vz));
	return bereken_wn(wn, vz, dienstverband, gb, out);
}

/* The remark with this code, or NULL. */
static const struct loon_melding *
melding(const struct loon *lp, const char *code,
	struct loon_melding m[LOON_MAX_MELDINGEN])
{
	size_t i, n = loon_meldingen(lp, m);

	for (i = 0; i < n; i++)
		if (strcmp(m[i].code, code) == 0)
			return &m[i];
	return NULL;
}

/*
 * R-PAY-3, issue 14: an 18-year-old. "Het voor hem geldende minimumloon"
 * is 50 % of the adult hourly WML (Besluit minimumjeugdloon art. 2), so
 * 70 % of his wage binds; the adult rate, capped at his wage, paid him
 * 100 % before. Born 2007-03-10, D = 2025-09-01, 20 hours, EUR 1.000 a
 * month: dagloon 100000 x 12 / 261 = 4597.7 -> 4598; 70 % = 3218.6 ->
 * 3219. Adult floor 1440 x 20 / 5 = 5760 > 4598 (the old 100 %).
 */
static void
test_jeugd_18(void **state)
{
	const struct loon_periode *p;
	struct loon_melding m[LOON_MAX_MELDINGEN];

	(void)state;
	assert_int_equal(bereken_geb("2007-03-10", "2025-09-01", VAST
				     ",\"uren_per_week\":20,"
				     "\"maandloon_cent\":100000", "", &l), 0);
	assert_int_equal(l.dagloon, 4598);
	/* 2025, 18 years: 1440 x 50 % = 720 per hour; x 20 / 5 = 2880 a
	 * day, below 70 % = 3219, which binds */
	p = op(&l, "2025-09-01");
	assert_non_null(p->jeugd);
	assert_int_equal(p->jeugd->leeftijd, 18);
	assert_int_equal(p->jeugd->waarde, 500);
	assert_int_equal(p->wettelijk_dag, 3219);
	assert_int_equal(p->verschuldigd_dag, 3219);
	assert_int_equal(p->grondslag, GR_WETTELIJK);
	/* 2026, still 18: 1471 x 50 % = 735.5 -> 736 (half up, art. 2 lid
	 * 2; the published EUR 7,36); x 20 / 5 = 2944 < 3219 */
	p = op(&l, "2026-03-09");
	assert_int_equal(p->tot, D("2026-03-09"));
	assert_int_equal(p->wettelijk_dag, 3219);
	assert_int_equal(p->grondslag, GR_WETTELIJK);
	/* 19 on 2026-03-10: the period splits on the birthday; 1471 x 60 %
	 * = 882.6 -> 883 (EUR 8,83); x 20 / 5 = 3532 > 3219: the floor */
	p = op(&l, "2026-03-10");
	assert_int_equal(p->van, D("2026-03-10"));
	assert_int_equal(p->jeugd->leeftijd, 19);
	assert_int_equal(p->jeugd->waarde, 600);
	assert_int_equal(p->wettelijk_dag, 3532);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	assert_false(p->voorlopig);
	/* Tue 10 March - Mon 29 June 2026 are 16 weeks (80 working days),
	 * plus Tue 30 June: 81 */
	assert_int_equal(p->tot, D("2026-06-30"));
	assert_int_equal(p->werkdagen, 81);
	assert_int_equal(p->totaal, 3532 * 81);
	/* after week 52 (D+363 = 2026-08-30) no floor, no age row */
	p = op(&l, "2026-08-31");
	assert_null(p->jeugd);
	assert_int_equal(p->wettelijk_dag, 3219);
	assert_true(l.jeugdloon);
	assert_false(l.geboortedatum_onbekend);
	assert_non_null(melding(&l, "MINIMUMJEUGDLOON", m));
	assert_null(melding(&l, "GEBOORTEDATUM_ONBEKEND", m));
}

/*
 * R-PAY-3: a 20-year-old who turns 21 during the illness. Born
 * 2004-11-20, D = Mon 2025-10-06, 32 hours, EUR 2.200 a month: dagloon
 * 220000 x 12 / 261 = 10114.9 -> 10115; 70 % = 7080.5 -> 7081.
 */
static void
test_jeugd_20_wordt_21(void **state)
{
	const struct loon_periode *p;

	(void)state;
	assert_int_equal(bereken_geb("2004-11-20", "2025-10-06", VAST
				     ",\"uren_per_week\":32,"
				     "\"maandloon_cent\":220000", "", &l), 0);
	assert_int_equal(l.dagloon, 10115);
	/* 20 years: 1440 x 80 % = 1152 per hour; x 32 / 5 = 7372.8 ->
	 * 7373 > 7081. Mon 6 Oct - Wed 19 Nov 2025: 20 + 13 = 33 days */
	p = op(&l, "2025-10-06");
	assert_int_equal(p->tot, D("2025-11-19"));
	assert_int_equal(p->jeugd->waarde, 800);
	assert_int_equal(p->wettelijk_dag, 7373);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	assert_int_equal(p->werkdagen, 33);
	assert_int_equal(p->totaal, 243309);
	/* 21 on Thu 2025-11-20: the adult 1440 x 32 / 5 = 9216; to 31 Dec:
	 * 2 + 5 + 23 = 30 days */
	p = op(&l, "2025-11-20");
	assert_int_equal(p->van, D("2025-11-20"));
	assert_int_equal(p->tot, D("2025-12-31"));
	assert_int_equal(p->jeugd->leeftijd, 21);
	assert_int_equal(p->jeugd->waarde, 1000);
	assert_int_equal(p->wettelijk_dag, 9216);
	assert_int_equal(p->werkdagen, 30);
	assert_int_equal(p->totaal, 276480);
	/* 2026: 1471 x 32 / 5 = 9414.4 -> 9414 */
	assert_int_equal(op(&l, "2026-01-01")->wettelijk_dag, 9414);
	assert_true(l.jeugdloon);
}

/* R-PAY-3: an adult with a birth date gets the adult rate, exactly as
 * without one (test_pay6_uurloon_exact), and no remark */
static void
test_jeugd_volwassene(void **state)
{
	const struct loon_periode *p;
	struct loon_melding m[LOON_MAX_MELDINGEN];

	(void)state;
	assert_int_equal(bereken_geb("1979-04-12", "2025-10-01", VAST
				     ",\"uren_per_week\":40,"
				     "\"maandloon_cent\":278400", "", &l), 0);
	p = op(&l, "2025-10-01");
	assert_int_equal(p->jeugd->leeftijd, 21);
	assert_int_equal(p->jeugd->waarde, 1000);
	/* EUR 14,40 x 8 h = 11520 */
	assert_int_equal(p->wettelijk_dag, 11520);
	assert_int_equal(p->tot, D("2025-12-31"));
	assert_int_equal(op(&l, "2026-01-01")->wettelijk_dag, 11768);
	assert_false(l.jeugdloon);
	assert_false(l.geboortedatum_onbekend);
	assert_int_equal(loon_meldingen(&l, m), 0);
}

/* R-PAY-3: no birth date: the adult rate is assumed, and said */
static void
test_geboortedatum_onbekend(void **state)
{
	const struct loon_melding *w;
	struct loon_melding m[LOON_MAX_MELDINGEN];

	(void)state;
	assert_int_equal(bereken("2025-09-01", VAST
				 ",\"uren_per_week\":20,"
				 "\"maandloon_cent\":100000", "", &l), 0);
	assert_true(l.geboortedatum_onbekend);
	assert_null(op(&l, "2025-09-01")->jeugd);
	/* the adult floor 5760, capped at the wage 4598 */
	assert_int_equal(op(&l, "2025-09-01")->wettelijk_dag, 4598);
	w = melding(&l, "GEBOORTEDATUM_ONBEKEND", m);
	assert_non_null(w);
	assert_string_equal(w->regel, "R-PAY-3");
	assert_int_equal(w->vanaf, DATE_NONE);
	assert_non_null(strstr(w->tekst, "21 jaar en ouder"));
	/* without hours the floor plays no part: nothing was assumed */
	assert_int_equal(bereken("2025-09-01", VAST
				 ",\"maandloon_cent\":100000", "", &l), 0);
	assert_false(l.geboortedatum_onbekend);
	assert_null(melding(&l, "GEBOORTEDATUM_ONBEKEND", m));
}

/* R-PAY-1, R-AGG-4: partial work resumption keeps the 70 % of the full
 * wage, and the output says so from its first day */
static void
test_hervatting(void **state)
{
	const struct loon_melding *w;
	struct loon_melding m[LOON_MAX_MELDINGEN];

	(void)state;
	assert_int_equal(bereken_vz(
		"{\"datum\":\"2025-09-01\",\"soort\":\"ziek\",\"percentage\":100},"
		"{\"datum\":\"2025-11-03\",\"soort\":\"ziek\",\"percentage\":50}",
		VAST ",\"maandloon_cent\":300000", "", &l), 0);
	assert_int_equal(l.hervatting, D("2025-11-03"));
	/* the amount is unchanged: 0,70 x 13793 = 9655 */
	assert_int_equal(op(&l, "2025-11-03")->wettelijk_dag, 9655);
	w = melding(&l, "GEDEELTELIJKE_WERKHERVATTING", m);
	assert_non_null(w);
	assert_string_equal(w->regel, "R-PAY-1");
	assert_string_equal(w->bron, "BW 7:629 lid 1");
	assert_int_equal(w->vanaf, D("2025-11-03"));
	assert_non_null(strstr(w->tekst, "70% van het volle loon"));
	/* a recorded werkhervatting counts too; a corrected one does not */
	assert_int_equal(bereken("2025-09-01", VAST ",\"maandloon_cent\":300000",
		"{\"soort\":\"werkhervatting\",\"datum\":\"2025-10-06\","
		"\"id\":\"h1\",\"bij\":\"eigen_werk\",\"uren_per_week\":8},"
		"{\"soort\":\"werkhervatting\",\"datum\":\"2025-10-20\","
		"\"bij\":\"eigen_werk\",\"uren_per_week\":12,"
		"\"corrigeert\":\"h1\"}", &l), 0);
	assert_int_equal(l.hervatting, D("2025-10-20"));
	/* none: no remark */
	assert_int_equal(bereken("2025-09-01", VAST ",\"maandloon_cent\":300000",
				 "", &l), 0);
	assert_int_equal(l.hervatting, DATE_NONE);
	assert_null(melding(&l, "GEDEELTELIJKE_WERKHERVATTING", m));
}

/* R-PAY-3: the age scale and the age itself */
static void
test_jeugd_staffel(void **state)
{
	static const struct {
		int32_t leeftijd;
		int16_t promille;
	} v[] = {{14, 0}, {15, 300}, {16, 345}, {17, 395}, {18, 500},
		 {19, 600}, {20, 800}, {21, 1000}, {67, 1000}};
	const struct param_rij *r;
	sdate van;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(loon_jeugd_zoek(&prm.jeugd, v[i].leeftijd,
						 D("2026-06-30"), &r, &van), 0);
		assert_int_equal(r->waarde, v[i].promille);
		assert_int_equal(van, D("2019-07-01"));
		assert_true(r->bron[0] != '\0');
	}
	/* 2027: the announced change is not verified: 'onbekend' for 16-20,
	 * the last known row offered; 15 and 21+ are known */
	assert_int_equal(loon_jeugd_zoek(&prm.jeugd, 18, D("2027-01-01"), &r, &van), -1);
	assert_int_equal(van, D("2027-01-01"));
	assert_int_equal(r->waarde, 500);
	assert_int_equal(loon_jeugd_zoek(&prm.jeugd, 15, D("2027-01-01"), &r, &van), 0);
	assert_int_equal(r->waarde, 300);
	assert_int_equal(loon_jeugd_zoek(&prm.jeugd, 21, D("2027-01-01"), &r, &van), 0);
	assert_int_equal(r->waarde, 1000);
	/* before the first scale: nothing */
	assert_int_equal(loon_jeugd_zoek(&prm.jeugd, 18, D("2019-06-30"), &r, &van), -1);
	assert_null(r);
	/* the age changes on the birthday; 29 February on 28 February */
	assert_int_equal(loon_leeftijd(D("2004-09-15"), D("2025-09-14")), 20);
	assert_int_equal(loon_leeftijd(D("2004-09-15"), D("2025-09-15")), 21);
	assert_int_equal(loon_leeftijd(D("2008-02-29"), D("2026-02-27")), 17);
	assert_int_equal(loon_leeftijd(D("2008-02-29"), D("2026-02-28")), 18);
	assert_int_equal(loon_leeftijd(D("2008-02-29"), D("2028-02-28")), 19);
	assert_int_equal(loon_leeftijd(D("2008-02-29"), D("2028-02-29")), 20);
}

/*
 * R-PAY-3 in 2027: a 17-year-old ill from Mon 2026-11-02 (16 hours, EUR
 * 500 a month: dagloon 50000 x 12 / 261 = 2298.9 -> 2299; 70 % = 1609).
 * The WML after 2026-07-01 and the 2027 scale for 16-20 are unknown: the
 * last known values are used and the gaps reported.
 */
static void
test_jeugd_gat_2027(void **state)
{
	const struct loon_periode *p;
	uint32_t i;
	int gevonden = 0;

	(void)state;
	assert_int_equal(bereken_geb("2009-06-01", "2026-11-02", VAST
				     ",\"uren_per_week\":16,"
				     "\"maandloon_cent\":50000", "", &l), 0);
	/* 1471 x 39,5 % = 581.045 -> 581; x 16 / 5 = 1859.2 -> 1859 */
	p = op(&l, "2026-11-02");
	assert_int_equal(p->wettelijk_dag, 1859);
	assert_true(p->voorlopig);
	p = op(&l, "2027-01-04");
	assert_int_equal(p->wettelijk_dag, 1859);
	assert_true(p->voorlopig);
	assert_int_equal(p->jeugd->waarde, 395);
	/* 18 on 2027-06-01: 1471 x 50 % = 736; x 16 / 5 = 2355.2 -> 2355,
	 * above the wage 2299, so the wage */
	p = op(&l, "2027-06-01");
	assert_int_equal(p->van, D("2027-06-01"));
	assert_int_equal(p->jeugd->waarde, 500);
	assert_int_equal(p->wettelijk_dag, 2299);
	for (i = 0; i < l.ngaten; i++)
		if (strcmp(l.gaten[i].tabel, LOON_JEUGD_NAAM) == 0) {
			assert_int_equal(l.gaten[i].vanaf, D("2027-01-01"));
			assert_true(l.gaten[i].laatst_bekend);
			gevonden++;
		}
	assert_int_equal(gevonden, 1);
}

/*
 * R-PAY-3 with a stored row: the same 17-year-old as above, after a
 * beheerder stored 45 % for 17-year-olds from 2027-01-01 (table
 * wml_jeugd_17). 1471 x 45 % = 661.95 -> 662; x 16 / 5 = 2118.4 -> 2118,
 * above 70 % of the wage (1609). The 2027 gap of 17 is closed; 18 (from
 * 2027-06-01) keeps its gap; the WML itself stays 'voorlopig'.
 */
static void
test_jeugd_opgeslagen(void **state)
{
	struct params_extra x = {"wml_jeugd_17", 0, 450, "Stb. test"};
	const struct loon_periode *p;
	char err[200];
	uint32_t i;

	(void)state;
	x.van = D("2027-01-01");
	params_release(&prm);
	assert_int_equal(params_standaard(&prm, err, sizeof(err)), 0);
	assert_int_equal(params_met_rijen(&prm, &x, 1, err, sizeof(err)), 0);
	assert_int_equal(bereken_geb("2009-06-01", "2026-11-02", VAST
				     ",\"uren_per_week\":16,"
				     "\"maandloon_cent\":50000", "", &l), 0);
	/* 2026 unchanged: 39,5 % */
	assert_int_equal(op(&l, "2026-11-02")->wettelijk_dag, 1859);
	p = op(&l, "2027-01-04");
	assert_int_equal(p->van, D("2027-01-01"));
	assert_int_equal(p->jeugd->waarde, 450);
	assert_string_equal(p->jeugd->bron, "Stb. test");
	assert_int_equal(p->wettelijk_dag, 2118);
	assert_int_equal(p->grondslag, GR_MINIMUMLOON);
	assert_true(p->voorlopig);
	for (i = 0; i < l.ngaten; i++)
		if (strcmp(l.gaten[i].tabel, LOON_JEUGD_NAAM) == 0)
			assert_int_equal(l.gaten[i].vanaf, D("2027-01-01"));
	p = op(&l, "2027-06-01");
	assert_int_equal(p->jeugd->leeftijd, 18);
	assert_int_equal(p->jeugd->waarde, 500);
	/* back to the compiled tables for the other tests */
	params_release(&prm);
	assert_int_equal(params_standaard(&prm, err, sizeof(err)), 0);
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
		cmocka_unit_test(test_pay6_uurloon_exact),
		cmocka_unit_test(test_cao_boven_maximum),
		cmocka_unit_test(test_deeltijd_boven_maximum),
		cmocka_unit_test(test_tweede_jaar_afronding),
		cmocka_unit_test(test_onderbroken),
		cmocka_unit_test(test_bepaalde_tijd_bedragen),
		cmocka_unit_test(test_bepaalde_tijd_sanctiejaar),
		cmocka_unit_test(test_gat_voor_tabellen),
		cmocka_unit_test(test_verlenging),
		cmocka_unit_test(test_zwangerschapsverlof),
		cmocka_unit_test(test_uren_onbekend),
		cmocka_unit_test(test_afronding),
		cmocka_unit_test(test_tabellen_regelboek),
		cmocka_unit_test(test_params_parser_meer),
		cmocka_unit_test(test_jeugd_18),
		cmocka_unit_test(test_jeugd_20_wordt_21),
		cmocka_unit_test(test_jeugd_volwassene),
		cmocka_unit_test(test_geboortedatum_onbekend),
		cmocka_unit_test(test_hervatting),
		cmocka_unit_test(test_jeugd_staffel),
		cmocka_unit_test(test_jeugd_gat_2027),
		cmocka_unit_test(test_jeugd_opgeslagen),
	};

	return cmocka_run_group_tests(tests, laad_tabellen, vrij_tabellen);
}

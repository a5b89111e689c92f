/*
 * test_voorbeelden.c - every worked example of rule book §7 (examples 1-12
 * and their variants) through the library: case file -> aggregation ->
 * timeline, milestone by milestone (architecture §5.1 ids).
 *
 * Each expectation is a line "<id>[.veld] <value>":
 *   "probleemanalyse 2025-02-17"        the milestone's date (uiterlijk or datum)
 *   "probleemanalyse.streef 2025-02-16" streefdatum
 *   "eerstejaarsevaluatie.venster ..."  venster_vanaf
 *   "melding_42e_week.status te_laat"   status (contract name)
 *   "einde_loonsanctie -"               the milestone is absent
 *   "=eerste_ziektedag 2025-04-03", "=onderbrekingsdagen 20",
 *   "=wia_vertraging 33", "=geval_nr 2", "=einde_loonbetaling ..."
 * Dates are the rule book's, checked by hand there (weekday and offset).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/tijdlijn.h"
#include "format/casefile.h"

struct voorbeeld {
	const char *naam;
	const char *vangnet;   /* JSON value */
	const char *verzuim;   /* JSON array body */
	const char *gb;        /* JSON array body */
	const char *peil;
	const char *const *verwacht; /* NULL-terminated */
};

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	if (date_parse(s, strlen(s), &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

static void
bereken(const struct voorbeeld *v, struct tijdlijn *t)
{
	char doc[8192];
	struct dossier ds;
	struct casefile_fout f;
	struct ziekrange r[16];
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	size_t bad;
	int n;

	n = snprintf(doc, sizeof(doc),
		     "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"V\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{\"begindatum\":\"2010-01-01\","
		     "\"soort\":\"onbepaalde_tijd\"},\"vangnet\":%s,"
		     "\"verzuim\":[%s],\"gebeurtenissen\":[%s]}",
		     v->vangnet, v->verzuim, v->gb);
	assert_true(n > 0 && (size_t)n < sizeof(doc));
	dossier_init(&ds);
	if (casefile_lees(doc, (size_t)n, &ds, &f) != 0)
		fail_msg("%s: %s: %s", v->naam, f.pad, f.reden);
	assert_int_equal(ziekteverloop_build(ds.verzuim, ds.nverzuim, r, 16,
					     &zv, &bad), 0);
	tijdlijn_feiten_uit_dossier(&ds, zv.d, &feiten);
	tijdlijn_bereken(&zv, &feiten, D(v->peil), t);
	dossier_release(&ds);
}

static int
status_by_name(const char *s)
{
	int i;

	for (i = 0; i < ST__COUNT; i++)
		if (strcmp(mp_status_naam[i], s) == 0)
			return i;
	fail_msg("unknown status in test: %s", s);
	return -1;
}

static void
check_date(const char *naam, const char *wat, sdate got, const char *want)
{
	char buf[DATE_STRLEN] = "-";

	if (got != DATE_NONE)
		date_format(got, buf);
	if (strcmp(buf, want) != 0)
		fail_msg("%s: %s is %s, rule book says %s", naam, wat, buf,
			 want);
}

static void
check_int(const char *naam, const char *wat, long got, const char *want)
{
	if (got != strtol(want, NULL, 10))
		fail_msg("%s: %s is %ld, rule book says %s", naam, wat, got,
			 want);
}

static void
controleer(const struct voorbeeld *v)
{
	struct tijdlijn t;
	const char *const *e;

	bereken(v, &t);
	for (e = v->verwacht; *e; e++) {
		char key[64], val[32], *dot;
		const struct regel *r;
		const struct mijlpaal *m;

		assert_int_equal(sscanf(*e, "%63s %31s", key, val), 2);
		if (key[0] == '=') {
			const char *k = key + 1;

			if (strcmp(k, "eerste_ziektedag") == 0)
				check_date(v->naam, k, t.eerste_ziektedag, val);
			else if (strcmp(k, "einde_loonbetaling") == 0)
				check_date(v->naam, k, t.einde_loonbetaling,
					   val);
			else if (strcmp(k, "onderbrekingsdagen") == 0)
				check_int(v->naam, k, t.onderbrekingsdagen, val);
			else if (strcmp(k, "ziektedag") == 0)
				check_int(v->naam, k, t.ziektedag, val);
			else if (strcmp(k, "wia_vertraging") == 0)
				check_int(v->naam, k, t.wia_vertraging, val);
			else if (strcmp(k, "geval_nr") == 0)
				check_int(v->naam, k, (long)t.geval_nr, val);
			else if (strcmp(k, "loonsanctie_vervallen") == 0)
				check_int(v->naam, k, t.loonsanctie_vervallen,
					  val);
			else
				fail_msg("unknown key in test: %s", k);
			continue;
		}
		dot = strchr(key, '.');
		if (dot)
			*dot++ = '\0';
		r = regel_by_naam(key, strlen(key));
		if (r == NULL)
			fail_msg("unknown milestone in test: %s", key);
		m = tijdlijn_mijlpaal(&t, (enum mijlpaal_id)r->id);
		if (strcmp(val, "-") == 0 && dot == NULL) {
			if (m != NULL)
				fail_msg("%s: %s present, rule book says absent",
					 v->naam, key);
			continue;
		}
		if (m == NULL)
			fail_msg("%s: milestone %s missing", v->naam, key);
		if (dot == NULL)
			check_date(v->naam, key, m->datum, val);
		else if (strcmp(dot, "streef") == 0)
			check_date(v->naam, *e, m->streef, val);
		else if (strcmp(dot, "venster") == 0)
			check_date(v->naam, *e, m->venster, val);
		else if (strcmp(dot, "gedaan") == 0)
			check_date(v->naam, *e, m->gedaan, val);
		else if (strcmp(dot, "status") == 0) {
			if (m->status != status_by_name(val))
				fail_msg("%s: %s is %s, want %s", v->naam, *e,
					 mp_status_naam[m->status], val);
		} else
			fail_msg("unknown field in test: %s", dot);
	}
}

#define ZIEK(d) "{\"datum\":\"" d "\",\"soort\":\"ziek\",\"percentage\":100}"
#define HERSTELD(d) "{\"datum\":\"" d "\",\"soort\":\"hersteld\"}"
#define GB(s, d) "{\"soort\":\"" s "\",\"datum\":\"" d "\"}"

/* §7.1 examples 1-5: continuous illness, base timeline */
#define BASIS(pa, pva, m42, ejev, eje, sp2, iva, grens, brief, riv, wia, \
	      besluit, einde, opzeg)                                       \
	"probleemanalyse " pa, "plan_van_aanpak " pva,                     \
	"melding_42e_week " m42, "eerstejaarsevaluatie.venster " ejev,     \
	"eerstejaarsevaluatie " eje, "einde_minimumloongrens " eje,        \
	"start_tweede_spoor " sp2, "vervroegde_iva_uiterlijk " iva,        \
	"melding_42e_week_grens " grens, "wia_brief_uwv " brief,           \
	"re_integratieverslag " riv, "actueel_oordeel " riv,               \
	"eindevaluatie " riv, "wia_aanvraag " wia,                         \
	"besluit_loonsanctie_uiterlijk " besluit, "einde_wachttijd " einde, \
	"einde_opzegverbod " opzeg

static const char *const v1[] = {
	BASIS("2025-02-17", "2025-03-03", "2025-10-27", "2025-11-17",
	      "2026-01-04", "2026-02-15", "2026-04-26", "2026-07-25",
	      "2026-09-20", "2026-10-04", "2026-10-18", "2026-11-22",
	      "2027-01-03", "2027-01-06"),
	"probleemanalyse.streef 2025-02-16", "=eerste_ziektedag 2025-01-06", NULL};
static const char *const v2[] = {
	BASIS("2025-06-26", "2025-07-10", "2026-03-05", "2026-03-26",
	      "2026-05-13", "2026-06-24", "2026-09-02", "2026-12-01",
	      "2027-01-27", "2027-02-10", "2027-02-24", "2027-03-31",
	      "2027-05-12", "2027-05-15"),
	 NULL};
static const char *const v3[] = {
	BASIS("2025-11-12", "2025-11-26", "2026-07-22", "2026-08-12",
	      "2026-09-29", "2026-11-10", "2027-01-19", "2027-04-19",
	      "2027-06-15", "2027-06-29", "2027-07-13", "2027-08-17",
	      "2027-09-28", "2027-10-01"),
	 NULL};
static const char *const v4[] = {
	BASIS("2026-02-13", "2026-02-27", "2026-10-23", "2026-11-13",
	      "2026-12-31", "2027-02-11", "2027-04-22", "2027-07-21",
	      "2027-09-16", "2027-09-30", "2027-10-14", "2027-11-18",
	      "2027-12-30", "2028-01-02"),
	 NULL};
/* Ex5: the PA falls on Koningsdag and stays there (Regeling, no Atw);
 * streefdatum is sickday(42) per architecture §5.1 */
static const char *const v5[] = {
	BASIS("2026-04-27", "2026-05-11", "2027-01-04", "2027-01-25",
	      "2027-03-14", "2027-04-25", "2027-07-04", "2027-10-02",
	      "2027-11-28", "2027-12-12", "2027-12-26", "2028-01-30",
	      "2028-03-12", "2028-03-16"),
	"probleemanalyse.streef 2026-04-26", 
	NULL};

/*
 * The D+1091 row of §7.1: a loonsanctie decided in time runs 52 weeks
 * after the end of the wachttijd. It also extends the opzegverbod by its
 * length (BW 7:670 lid 11, R-DSM-1 "extended per 7:670 lid 11"), so the
 * row "notice possible from D + 2 years" holds only without a sanction.
 */
static const char *const v1ls[] = {"einde_loonsanctie 2028-01-02",
	"einde_opzegverbod 2028-01-05", "=einde_loonbetaling 2028-01-02",
	NULL};
static const char *const v2ls[] = {"einde_loonsanctie 2028-05-10", NULL};
static const char *const v3ls[] = {"einde_loonsanctie 2028-09-26", NULL};
static const char *const v4ls[] = {"einde_loonsanctie 2028-12-28", NULL};
static const char *const v5ls[] = {"einde_loonsanctie 2029-03-11", NULL};

/* §7.2 example 6: G = 20 fit days, aggregated */
static const char *const v6[] = {
	"=eerste_ziektedag 2025-02-03", "=onderbrekingsdagen 20",
	"probleemanalyse 2025-04-06", "melding_42e_week 2025-12-14",
	"eerstejaarsevaluatie 2026-02-21", "einde_minimumloongrens 2026-02-21",
	"start_tweede_spoor 2026-04-04", "melding_42e_week_grens 2026-09-11",
	"wia_brief_uwv 2026-11-07", "re_integratieverslag 2026-11-21",
	"wia_aanvraag 2026-12-05", "besluit_loonsanctie_uiterlijk 2027-01-09",
	"einde_wachttijd 2027-02-20", "einde_opzegverbod 2027-02-23",
	"einde_loonsanctie -", NULL};
/* "first WIA day + 363": a fixed calendar period, not re-aggregated */
static const char *const v6ls[] = {"einde_loonsanctie 2028-02-19", NULL};
/* the PvA counts from the PA actually issued on 2025-04-07 (2e Paasdag
 * 2025-04-21, no shift) */
static const char *const v6pva[] = {
	"probleemanalyse.status te_laat", "plan_van_aanpak 2025-04-21", NULL};

/* §7.3 example 7: 27 fit days aggregate, 28 do not */
static const char *const v7a[] = {
	"=eerste_ziektedag 2025-02-10", "=geval_nr 1",
	"=onderbrekingsdagen 27", "probleemanalyse 2025-04-20",
	"melding_42e_week 2025-12-28", "wia_aanvraag 2026-12-19",
	"einde_wachttijd 2027-03-06", NULL};
static const char *const v7b[] = {
	"=eerste_ziektedag 2025-04-03", "=geval_nr 2",
	"=onderbrekingsdagen 0", "probleemanalyse 2025-05-15",
	"melding_42e_week 2026-01-22", "wia_aanvraag 2027-01-13",
	"einde_wachttijd 2027-03-31", NULL};

/* §7.4 example 8: late 42e-weekmelding */
static const char *const v8a[] = {
	"melding_42e_week 2025-12-22", "melding_42e_week.status te_laat",
	"melding_42e_week.gedaan 2026-02-02", "melding_42e_week_grens 2026-09-19",
	"wia_brief_uwv 2026-11-15", "wia_aanvraag 2026-12-13",
	"einde_wachttijd 2027-02-28", "=wia_vertraging 0", NULL};
static const char *const v8b[] = {
	"melding_42e_week.status verlopen", "wia_aanvraag 2026-12-13",
	"wia_aanvraag.status te_laat", "=wia_vertraging 33",
	"einde_wachttijd 2027-04-02", "=einde_loonbetaling 2027-04-02",
	"einde_opzegverbod 2027-04-05",
	"besluit_loonsanctie_uiterlijk 2027-02-19", NULL};

/* §7.5 example 9: loonsanctie and bekorting */
#define EX9_GB GB("melding_42e_week", "2026-06-22") "," \
	GB("wia_aanvraag", "2027-06-01")
static const char *const v9[] = {
	"melding_42e_week 2026-06-22", "wia_aanvraag 2027-06-13",
	"wia_aanvraag.status op_tijd", "besluit_loonsanctie_uiterlijk 2027-07-18",
	"einde_wachttijd 2027-08-29", "einde_loonsanctie 2028-08-27",
	"=einde_loonbetaling 2028-08-27", NULL};
static const char *const v9h[] = {"einde_loonsanctie 2028-03-10", NULL};
static const char *const v9laat_uwv[] = {"einde_loonsanctie 2028-03-13",
					 NULL};
static const char *const v9laat_besluit[] = {"einde_loonsanctie 2028-08-25",
					     NULL};
static const char *const v9na_einde[] = {
	"einde_loonsanctie -", "=loonsanctie_vervallen 1",
	"=einde_loonbetaling 2027-08-29", "einde_wachttijd 2027-08-29", NULL};

/* §7.6 example 10: extension by UWV to 2028-07-09 */
static const char *const v10zonder[] = {
	"melding_42e_week 2026-11-02", "re_integratieverslag 2027-10-10",
	"wia_aanvraag 2027-10-24", "einde_wachttijd 2028-01-09",
	"einde_opzegverbod 2028-01-12", NULL};
static const char *const v10[] = {
	"re_integratieverslag 2028-04-09", "actueel_oordeel 2028-04-09",
	"eindevaluatie 2028-04-09", "wia_aanvraag 2028-04-23",
	"besluit_loonsanctie_uiterlijk 2028-05-28", "einde_wachttijd 2028-07-09",
	"einde_opzegverbod 2028-07-12", NULL};

/* §7.7 example 11: latest application for a vervroegde IVA */
static const char *const v11[] = {"vervroegde_iva_uiterlijk 2026-09-02",
				  NULL};

/* §7.8 example 12: a Saturday D, dates not shifted */
static const char *const v12a[] = {
	"probleemanalyse 2026-02-07", "probleemanalyse.streef 2026-02-06",
	"plan_van_aanpak 2026-02-21", "melding_42e_week 2026-10-17",
	"eerstejaarsevaluatie 2026-12-25", "einde_minimumloongrens 2026-12-25",
	"wia_aanvraag 2027-10-08", "einde_wachttijd 2027-12-24",
	"einde_opzegverbod 2027-12-27", NULL};
/* pregnancy-related (ZW 29a, vangnet): no 42e-weekmelding (ZW 38 lid 4) */
static const char *const v12b[] = {
	"melding_42e_week.status niet_van_toepassing",
	"probleemanalyse 2026-02-07", "einde_wachttijd 2027-12-24", NULL};

#define LS(d) GB("loonsanctie", d)
#define EX6 ZIEK("2025-02-03") "," HERSTELD("2025-03-15") "," ZIEK("2025-04-04")

static const struct voorbeeld voorbeelden[] = {
	{"1", "null", ZIEK("2025-01-06"), "", "2025-01-06", v1},
	{"2", "null", ZIEK("2025-05-15"), "", "2025-05-15", v2},
	{"3", "null", ZIEK("2025-10-01"), "", "2025-10-01", v3},
	{"4", "null", ZIEK("2026-01-02"), "", "2026-01-02", v4},
	{"5", "null", ZIEK("2026-03-16"), "", "2026-03-16", v5},
	/* decided the day before the decision line (D+685) */
	{"1-loonsanctie", "null", ZIEK("2025-01-06"), LS("2026-11-21"),
	 "2027-02-01", v1ls},
	{"2-loonsanctie", "null", ZIEK("2025-05-15"), LS("2027-03-30"),
	 "2027-06-01", v2ls},
	{"3-loonsanctie", "null", ZIEK("2025-10-01"), LS("2027-08-16"),
	 "2027-10-01", v3ls},
	{"4-loonsanctie", "null", ZIEK("2026-01-02"), LS("2027-11-17"),
	 "2028-01-01", v4ls},
	{"5-loonsanctie", "null", ZIEK("2026-03-16"), LS("2028-01-29"),
	 "2028-04-01", v5ls},
	{"6", "null", EX6, "", "2025-06-01", v6},
	{"6-loonsanctie", "null", EX6, LS("2027-01-08"), "2027-03-01", v6ls},
	{"6-pva", "null", EX6, GB("probleemanalyse", "2025-04-07"), "2025-04-08", v6pva},
	{"7a", "null",
	 ZIEK("2025-02-10") "," HERSTELD("2025-03-06") "," ZIEK("2025-04-02"),
	 "", "2025-04-02", v7a},
	{"7b", "null",
	 ZIEK("2025-02-10") "," HERSTELD("2025-03-06") "," ZIEK("2025-04-03"),
	 "", "2025-04-03", v7b},
	{"8a", "null", ZIEK("2025-03-03"), GB("melding_42e_week", "2026-02-02"),
	 "2026-03-01", v8a},
	{"8b", "null", ZIEK("2025-03-03"), GB("wia_aanvraag", "2027-01-15"),
	 "2027-01-20", v8b},
	{"9", "null", ZIEK("2025-09-01"), EX9_GB "," LS("2027-07-15"),
	 "2027-09-01", v9},
	{"9-bekorting", "null", ZIEK("2025-09-01"),
	 EX9_GB "," LS("2027-07-15") "," GB("bekortingsverzoek", "2028-01-10")
	 ",{\"soort\":\"besluit_bekorting\",\"datum\":\"2028-01-28\","
	 "\"voldoende\":true}", "2028-02-01", v9h},
	{"9-uwv-laat", "null", ZIEK("2025-09-01"),
	 EX9_GB "," LS("2027-07-15") "," GB("bekortingsverzoek", "2028-01-10")
	 ",{\"soort\":\"besluit_bekorting\",\"datum\":\"2028-02-14\","
	 "\"voldoende\":true}", "2028-02-15", v9laat_uwv},
	{"9-besluit-laat", "null", ZIEK("2025-09-01"),
	 EX9_GB "," LS("2027-07-20"), "2027-09-01", v9laat_besluit},
	{"9-na-einde", "null", ZIEK("2025-09-01"),
	 EX9_GB "," LS("2027-08-31"), "2027-09-01", v9na_einde},
	{"10-zonder", "null", ZIEK("2026-01-12"), "", "2026-06-01", v10zonder},
	{"10", "null", ZIEK("2026-01-12"),
	 "{\"soort\":\"verlenging_loondoorbetaling\",\"datum\":\"2027-09-01\","
	 "\"tot\":\"2028-07-09\"}", "2027-09-02", v10},
	{"11", "null", ZIEK("2025-05-15"), "", "2025-07-01", v11},
	{"12a", "null", ZIEK("2025-12-27"), "", "2026-01-01", v12a},
	{"12b", "\"zwangerschap\"", ZIEK("2025-12-27"), "", "2026-01-01",
	 v12b},
};

static void
test_voorbeeld(void **state)
{
	controleer(*state);
}

/* Ex1-5: forward terms keep D's weekday; holidays are only flagged */
static void
test_weekdagen_en_feestdagen(void **state)
{
	static const char *const d[] = {"2025-01-06", "2025-05-15",
					"2025-10-01", "2026-01-02",
					"2026-03-16"};
	static const int32_t vooruit[] = {42, 56, 294, 315, 728};
	size_t i, j;

	(void)state;
	for (i = 0; i < 5; i++)
		for (j = 0; j < 5; j++)
			assert_int_equal(date_weekday(D(d[i]) + vooruit[j]),
					 date_weekday(D(d[i])));
	/* R-CNT-8 flags of examples 5, 6 and 12 */
	assert_string_equal(date_holiday(D("2026-04-27")), "Koningsdag");
	assert_non_null(date_holiday(D("2027-12-26")));
	assert_non_null(date_holiday(D("2025-04-21")));
	assert_non_null(date_holiday(D("2026-12-25")));
	assert_string_equal(date_weekday_abbr(D("2027-12-26")), "zo");
	/* 12b: the vangnet ZW report (wet, <= 12 weeks) does shift under
	 * Atw art. 1: D+42 = za 2026-02-07 -> ma 2026-02-09 */
	assert_int_equal(date_next_workday(D("2025-12-27") + 42),
			 D("2026-02-09"));
	/* 7: one day later relapse moves the 42e-weekmelding by 25 days */
	assert_int_equal(D("2026-01-22") - D("2025-12-28"), 25);
}

int
main(void)
{
	struct CMUnitTest t[sizeof(voorbeelden) / sizeof(voorbeelden[0]) + 1];
	static char namen[sizeof(voorbeelden) / sizeof(voorbeelden[0])][32];
	size_t i, n = sizeof(voorbeelden) / sizeof(voorbeelden[0]);

	for (i = 0; i < n; i++) {
		snprintf(namen[i], sizeof(namen[i]), "voorbeeld_%s",
			 voorbeelden[i].naam);
		t[i] = (struct CMUnitTest){namen[i], test_voorbeeld, NULL,
					   NULL, (void *)(uintptr_t)&voorbeelden[i]};
	}
	t[n] = (struct CMUnitTest)cmocka_unit_test(test_weekdagen_en_feestdagen);
	return _cmocka_run_group_tests("voorbeelden", t, n + 1, NULL, NULL);
}

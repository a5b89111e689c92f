/*
 * test_tijdlijn.c - milestone statuses, exemptions, corrections and the
 * spoor-tijdlijn/1 document (architecture §5.1).
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
#include "format/tijdlijn_json.h"
#include "testlib.h"

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

static void
assert_date(sdate d, const char *want)
{
	assert_int_not_equal(d, DATE_NONE);
	tl_assert_date(d, want);
}

/* A case file with a continuous illness from 2025-01-06 (example 1)
 * plus the given events and vangnet value. */
static void
run(const char *vangnet, const char *events, const char *peil,
    struct tijdlijn *t)
{
	char doc[8192];
	struct dossier d;
	struct casefile_fout f;
	struct ziekrange r[8];
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	size_t bad;
	int n;

	n = snprintf(doc, sizeof(doc),
		     "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"T\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{\"begindatum\":\"2010-01-01\","
		     "\"soort\":\"onbepaalde_tijd\"},\"vangnet\":%s,"
		     "\"verzuim\":[{\"datum\":\"2025-01-06\",\"soort\":\"ziek\","
		     "\"percentage\":100}],\"gebeurtenissen\":[%s]}",
		     vangnet, events);
	assert_true(n > 0 && (size_t)n < sizeof(doc));
	dossier_init(&d);
	if (casefile_lees(doc, (size_t)n, &d, &f) != 0)
		fail_msg("%s: %s", f.pad, f.reden);
	assert_int_equal(ziekteverloop_build(d.verzuim, d.nverzuim, r, 8, &zv,
					     &bad), 0);
	tijdlijn_feiten_uit_dossier(&d, zv.d, &feiten);
	tijdlijn_bereken(&zv, &feiten, D(peil), t);
	dossier_release(&d);
}

static const struct mijlpaal *
mp(const struct tijdlijn *t, enum mijlpaal_id id)
{
	const struct mijlpaal *m = tijdlijn_mijlpaal(t, id);

	assert_non_null(m);
	return m;
}

static void
test_action_statuses(void **state)
{
	struct tijdlijn t;

	(void)state;
	/* PA due 2025-02-17: nothing done, peildatum on the day: open */
	run("null", "", "2025-02-17", &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_OPEN);
	/* one day later: verlopen */
	run("null", "", "2025-02-18", &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_VERLOPEN);
	/* done on the due date: op_tijd; PvA counts from the PA date */
	run("null", "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"}",
	    "2025-03-10", &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_OP_TIJD);
	assert_date(mp(&t, MP_PROBLEEMANALYSE)->gedaan, "2025-02-17");
	assert_date(mp(&t, MP_PLAN_VAN_AANPAK)->datum, "2025-03-03");
	assert_int_equal(mp(&t, MP_PLAN_VAN_AANPAK)->status, ST_VERLOPEN);
	/* done a day late: te_laat, the PvA moves with the real PA date */
	run("null", "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-18\"}",
	    "2025-02-20", &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_TE_LAAT);
	assert_date(mp(&t, MP_PLAN_VAN_AANPAK)->datum, "2025-03-04");
	assert_int_equal(mp(&t, MP_PLAN_VAN_AANPAK)->status, ST_OPEN);
	/* moments */
	assert_int_equal(mp(&t, MP_EINDE_WACHTTIJD)->status, ST_KOMEND);
	run("null", "", "2027-01-03", &t);
	assert_int_equal(mp(&t, MP_EINDE_WACHTTIJD)->status, ST_KOMEND);
	run("null", "", "2027-01-04", &t);
	assert_int_equal(mp(&t, MP_EINDE_WACHTTIJD)->status, ST_VOORBIJ);
}

static void
test_vangnet(void **state)
{
	struct tijdlijn t;

	(void)state;
	/* R-TL-8, ZW 38 lid 4: no 42e-weekmelding in a vangnet case */
	run("\"no_risk\"", "", "2026-01-01", &t);
	assert_int_equal(mp(&t, MP_MELDING_42E_WEEK)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_date(mp(&t, MP_MELDING_42E_WEEK)->datum, "2025-10-27");
	run("null", "", "2026-01-01", &t);
	assert_int_equal(mp(&t, MP_MELDING_42E_WEEK)->status, ST_VERLOPEN);
}

static void
test_second_track_exemptions(void **state)
{
	struct tijdlijn t;

	(void)state;
	/* R-SP2-4.1: no benutbare mogelijkheden */
	run("null", "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\","
		    "\"benutbare_mogelijkheden\":false}", "2026-03-01", &t);
	assert_int_equal(mp(&t, MP_START_TWEEDE_SPOOR)->status,
			 ST_NIET_VAN_TOEPASSING);
	/* a later bijstelling that finds possibilities revives the duty */
	run("null", "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\","
		    "\"benutbare_mogelijkheden\":false},"
		    "{\"soort\":\"bijstelling_probleemanalyse\","
		    "\"datum\":\"2025-09-01\",\"benutbare_mogelijkheden\":true}",
	    "2026-03-01", &t);
	assert_int_equal(mp(&t, MP_START_TWEEDE_SPOOR)->status, ST_VERLOPEN);
	assert_date(mp(&t, MP_START_TWEEDE_SPOOR)->datum, "2026-02-15");
	/* R-SP2-3: EJE with a concrete return within 3 months */
	run("null", "{\"soort\":\"eerstejaarsevaluatie\",\"datum\":\"2025-12-01\","
		    "\"terugkeer_binnen_3_maanden\":true}", "2026-03-01", &t);
	assert_int_equal(mp(&t, MP_START_TWEEDE_SPOOR)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_date(mp(&t, MP_START_TWEEDE_SPOOR)->datum, "2026-01-12");
	/* expected return on EJE + 3 calendar months: exempt; a day later
	 * not (R-CNT-7) */
	run("null", "{\"soort\":\"eerstejaarsevaluatie\",\"datum\":\"2025-11-30\","
		    "\"verwachte_terugkeer\":\"2026-02-28\"}", "2026-03-01", &t);
	assert_int_equal(mp(&t, MP_START_TWEEDE_SPOOR)->status,
			 ST_NIET_VAN_TOEPASSING);
	run("null", "{\"soort\":\"eerstejaarsevaluatie\",\"datum\":\"2025-11-30\","
		    "\"verwachte_terugkeer\":\"2026-03-01\"}", "2026-03-01", &t);
	assert_int_equal(mp(&t, MP_START_TWEEDE_SPOOR)->status, ST_VERLOPEN);
	/* started after EJE + 42 */
	run("null", "{\"soort\":\"eerstejaarsevaluatie\",\"datum\":\"2025-11-30\"},"
		    "{\"soort\":\"start_tweede_spoor\",\"datum\":\"2026-01-12\","
		    "\"aanbieder\":\"X\"}", "2026-03-01", &t);
	assert_date(mp(&t, MP_START_TWEEDE_SPOOR)->datum, "2026-01-11");
	assert_int_equal(mp(&t, MP_START_TWEEDE_SPOOR)->status, ST_TE_LAAT);
}

static void
test_corrections_and_earlier_gevallen(void **state)
{
	struct tijdlijn t;

	(void)state;
	/* a corrected entry stops counting (architecture §4) */
	run("null", "{\"id\":\"e1\",\"soort\":\"probleemanalyse\","
		    "\"datum\":\"2025-02-10\"},"
		    "{\"id\":\"e2\",\"soort\":\"contact\",\"datum\":\"2025-02-12\","
		    "\"corrigeert\":\"e1\",\"tekst\":\"PA was geen PA\"}",
	    "2025-03-01", &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_VERLOPEN);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->gedaan, DATE_NONE);
	/* a correction of the same kind replaces it */
	run("null", "{\"id\":\"e1\",\"soort\":\"probleemanalyse\","
		    "\"datum\":\"2025-02-10\"},"
		    "{\"id\":\"e2\",\"soort\":\"probleemanalyse\","
		    "\"datum\":\"2025-02-20\",\"corrigeert\":\"e1\"}",
	    "2025-03-01", &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_TE_LAAT);
	assert_date(mp(&t, MP_PROBLEEMANALYSE)->gedaan, "2025-02-20");
	/* events before D belong to an earlier geval */
	run("null", "{\"soort\":\"probleemanalyse\",\"datum\":\"2024-06-01\"}",
	    "2025-03-01", &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_VERLOPEN);
}

static void
test_evaluatie(void **state)
{
	struct tijdlijn t;

	(void)state;
	/* R-TL-7: 42 days after the latest PvA / bijstelling / evaluatie */
	run("null", "", "2025-03-01", &t);
	assert_date(mp(&t, MP_EVALUATIE)->datum, "2025-04-14"); /* PvA+42 */
	run("null", "{\"soort\":\"plan_van_aanpak\",\"datum\":\"2025-02-20\"},"
		    "{\"soort\":\"evaluatie\",\"datum\":\"2025-05-01\"},"
		    "{\"soort\":\"bijstelling_plan_van_aanpak\","
		    "\"datum\":\"2025-04-01\"}", "2025-06-01", &t);
	assert_date(mp(&t, MP_EVALUATIE)->datum, "2025-06-12");
	assert_int_equal(mp(&t, MP_EVALUATIE)->status, ST_OPEN);
	assert_int_equal(mp(&t, MP_EVALUATIE)->gedaan, DATE_NONE);
}

static void
test_wia_letter_and_sanction(void **state)
{
	struct tijdlijn t;

	(void)state;
	/* R-TL-17: the date in UWV's letter is the deadline */
	run("null", "{\"soort\":\"wia_brief_uwv\",\"datum\":\"2026-08-20\","
		    "\"uiterste_aanvraagdatum\":\"2026-10-01\"}",
	    "2026-09-01", &t);
	assert_date(mp(&t, MP_WIA_AANVRAAG)->datum, "2026-10-01");
	/* without a loonsanctie there is no einde_loonsanctie */
	assert_null(tijdlijn_mijlpaal(&t, MP_EINDE_LOONSANCTIE));
	assert_non_null(tijdlijn_mijlpaal(&t, MP_EINDE_WACHTTIJD));
	/* not a vangnet case, not ill out of service */
	assert_null(tijdlijn_mijlpaal(&t, MP_MELDING_VANGNET));
	assert_null(tijdlijn_mijlpaal(&t, MP_MELDING_EINDE_DIENSTVERBAND));
	/* R-LS-4: a timely decision gives 52 weeks after the wachttijd */
	run("null", "{\"soort\":\"loonsanctie\",\"datum\":\"2026-11-01\"}",
	    "2026-12-01", &t);
	assert_non_null(tijdlijn_mijlpaal(&t, MP_EINDE_LOONSANCTIE));
	assert_date(mp(&t, MP_EINDE_LOONSANCTIE)->datum, "2028-01-02");
	/* and the opzegverbod moves with it (R-DSM-1, 7:670 lid 11) */
	assert_date(mp(&t, MP_EINDE_OPZEGVERBOD)->datum, "2028-01-05");
	/* R-LS-3: a decision after the last wachttijd day has no effect */
	run("null", "{\"soort\":\"loonsanctie\",\"datum\":\"2027-01-04\"}",
	    "2027-02-01", &t);
	assert_null(tijdlijn_mijlpaal(&t, MP_EINDE_LOONSANCTIE));
	assert_true(t.loonsanctie_vervallen);
	assert_date(mp(&t, MP_EINDE_OPZEGVERBOD)->datum, "2027-01-06");
}

static void
test_json_document(void **state)
{
	/* architecture §5.1: exact keys, order and values */
	static const char want[] =
		"{\"formaat\":\"spoor-tijdlijn/1\",\"peildatum\":\"2025-02-18\","
		"\"eerste_ziektedag\":\"2025-01-06\",\"ziektedag\":44,"
		"\"ziekteweek\":7,\"onderbrekingsdagen\":0,\"mijlpalen\":["
		"{\"id\":\"probleemanalyse\",\"soort\":\"actie\","
		"\"uiterlijk\":\"2025-02-17\",\"streefdatum\":\"2025-02-16\","
		"\"gedaan\":\"2025-02-14\",\"status\":\"op_tijd\","
		"\"regel\":\"R-TL-3\","
		"\"bron\":\"Regeling procesgang art. 2 lid 2\"},";
	struct tijdlijn t;
	char *json = NULL;
	size_t len = 0;

	(void)state;
	run("null", "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-14\"}",
	    "2025-02-18", &t);
	assert_int_equal(tijdlijn_json(&t, &json, &len), 0);
	assert_int_equal(strncmp(json, want, sizeof(want) - 1), 0);
	assert_non_null(strstr(json,
		"{\"id\":\"eerstejaarsevaluatie\",\"soort\":\"actie\","
		"\"venster_vanaf\":\"2025-11-17\",\"uiterlijk\":\"2026-01-04\","
		"\"status\":\"open\",\"regel\":\"R-TL-10\""));
	assert_non_null(strstr(json,
		"{\"id\":\"einde_wachttijd\",\"soort\":\"moment\","
		"\"datum\":\"2027-01-03\",\"status\":\"komend\","
		"\"regel\":\"R-TL-18\",\"bron\":\"WIA art. 23 lid 1\"}"));
	assert_int_equal(json[len - 1], '\n');
	assert_int_equal(json[len - 2], '}');
	assert_null(strstr(json, "einde_loonsanctie"));
	free(json);
}

static void
test_recovered(void **state)
{
	static const char head[] =
		"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"T\","
		"\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		"\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		"\"dienstverband\":{\"begindatum\":\"2010-01-01\","
		"\"soort\":\"onbepaalde_tijd\"},\"verzuim\":["
		"{\"datum\":\"2025-01-06\",\"soort\":\"ziek\",\"percentage\":100},"
		"{\"datum\":\"2025-02-05\",\"soort\":\"hersteld\"}]}";
	struct dossier d;
	struct casefile_fout f;
	struct ziekrange r[2];
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	struct tijdlijn t;
	size_t bad;

	(void)state;
	dossier_init(&d);
	assert_int_equal(casefile_lees(head, sizeof(head) - 1, &d, &f), 0);
	assert_int_equal(ziekteverloop_build(d.verzuim, d.nverzuim, r, 2, &zv,
					     &bad), 0);
	tijdlijn_feiten_uit_dossier(&d, zv.d, &feiten);
	/* last sick day 2025-02-04; PA projected on sick day 43 */
	tijdlijn_bereken(&zv, &feiten, D("2025-03-03"), &t);
	assert_date(t.laatste_ziektedag, "2025-02-04");
	assert_date(mp(&t, MP_PROBLEEMANALYSE)->datum, "2025-02-17");
	/* 27 fit days: a relapse would still join this geval */
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_OPEN);
	/* 28 fit days (02-05..03-04): a relapse is a new geval (R-AGG-2) */
	tijdlijn_bereken(&zv, &feiten, D("2025-03-04"), &t);
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_int_equal(t.ziektedag, 30);
	assert_int_equal(t.onderbrekingsdagen, 0);
	dossier_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_action_statuses),
		cmocka_unit_test(test_vangnet),
		cmocka_unit_test(test_second_track_exemptions),
		cmocka_unit_test(test_corrections_and_earlier_gevallen),
		cmocka_unit_test(test_evaluatie),
		cmocka_unit_test(test_wia_letter_and_sanction),
		cmocka_unit_test(test_json_document),
		cmocka_unit_test(test_recovered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

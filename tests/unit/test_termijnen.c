/*
 * test_termijnen.c - issue 14: the Algemene termijnenwet on short forward
 * terms (R-CNT-8), the vangnet report (R-ZW-2, ZW 38a lid 3) and ziek uit
 * dienst (R-ZW-3, ZW 38 lid 2), in the timeline and the toets.
 *
 * Every date below can be checked with a calendar: the weekday is named in
 * the comment, and the Atw holidays used are 1e/2e Kerstdag, Goede Vrijdag
 * and 2e Paasdag (Easter Sunday 2025-04-20, 2027-03-28).
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
#include "core/toets.h"
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

/*
 * A case file: werkgever = extra werkgever keys (each ending in a comma),
 * einde = the dienstverband's einddatum or NULL, vangnet a JSON value,
 * verzuim the mutations, events the gebeurtenissen. Timeline into t and,
 * when o is not NULL, the toets into o.
 */
static void
run(const char *werkgever, const char *einde, const char *vangnet,
    const char *verzuim, const char *events, const char *peil,
    struct tijdlijn *t, struct toets *o)
{
	static char doc[16384];
	char eind[64] = "";
	struct dossier d;
	struct casefile_fout f;
	struct ziekrange r[16];
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	size_t bad;
	int n;

	if (einde)
		snprintf(eind, sizeof(eind), "\"einddatum\":\"%s\",", einde);
	n = snprintf(doc, sizeof(doc),
		     "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"T\","
		     "\"werkgever\":{%s\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{%s\"begindatum\":\"2010-01-01\","
		     "\"soort\":\"bepaalde_tijd\"},\"vangnet\":%s,"
		     "\"verzuim\":[%s],\"gebeurtenissen\":[%s]}",
		     werkgever, eind, vangnet, verzuim, events);
	assert_true(n > 0 && (size_t)n < sizeof(doc));
	dossier_init(&d);
	if (casefile_lees(doc, (size_t)n, &d, &f) != 0)
		fail_msg("%s: %s", f.pad, f.reden);
	assert_int_equal(ziekteverloop_build(d.verzuim, d.nverzuim, r, 16, &zv,
					     &bad), 0);
	tijdlijn_feiten_uit_dossier(&d, zv.d, &feiten);
	tijdlijn_bereken(&zv, &feiten, D(peil), t);
	if (o)
		toets_bereken(&d, t, o);
	dossier_release(&d);
}

#define ZIEK(d) "{\"datum\":\"" d "\",\"soort\":\"ziek\",\"percentage\":100}"
/* example 1 of the rule book: ill from Monday 2025-01-06 */
#define ZIEK_2025 ZIEK("2025-01-06")
#define EV(soort, d) "{\"soort\":\"" soort "\",\"datum\":\"" d "\"}"

static const struct mijlpaal *
mp(const struct tijdlijn *t, enum mijlpaal_id id)
{
	const struct mijlpaal *m = tijdlijn_mijlpaal(t, id);

	assert_non_null(m);
	return m;
}

static const struct bevinding *
vind(const struct toets *o, enum bevinding_id id)
{
	uint32_t i;

	for (i = 0; i < o->n; i++)
		if (o->b[i].id == id)
			return &o->b[i];
	return NULL;
}

/* R-ZW-2, rule book example 12b: D Saturday 2025-12-27, pregnancy. The
 * report is due on the first day after six weeks, D+42 = Saturday
 * 2026-02-07, and Atw art. 1 extends it to Monday 2026-02-09. */
static void
test_vangnet_atw(void **state)
{
	struct tijdlijn t;
	const struct mijlpaal *v;
	char buf[192];

	(void)state;
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"), "", "2026-02-09",
	    &t, NULL);
	v = mp(&t, MP_MELDING_VANGNET);
	assert_date(v->datum, "2026-02-09");
	assert_date(v->voor_atw, "2026-02-07");
	assert_int_equal(v->status, ST_OPEN);
	assert_int_equal(v->atw, ATW_VERLENGD);
	assert_non_null(tijdlijn_atw_opmerking(v, buf, sizeof(buf)));
	assert_string_equal(buf, "de termijn eindigde op zaterdag 2026-02-07 "
			    "en loopt door tot de eerstvolgende werkdag (Atw "
			    "art. 1 lid 1)");
	/* ZW 38 lid 4: no 42e-weekmelding in a vangnet case */
	assert_int_equal(mp(&t, MP_MELDING_42E_WEEK)->status,
			 ST_NIET_VAN_TOEPASSING);
	/* the Monday is still on time, the Tuesday is late */
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"),
	    EV("melding_vangnet", "2026-02-09"), "2026-03-01", &t, NULL);
	assert_int_equal(mp(&t, MP_MELDING_VANGNET)->status, ST_OP_TIJD);
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"),
	    EV("melding_vangnet", "2026-02-10"), "2026-03-01", &t, NULL);
	assert_int_equal(mp(&t, MP_MELDING_VANGNET)->status, ST_TE_LAAT);
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"), "", "2026-02-10",
	    &t, NULL);
	assert_int_equal(mp(&t, MP_MELDING_VANGNET)->status, ST_VERLOPEN);

	/* D Friday 2026-11-13: D+42 is 1e Kerstdag (Friday 2026-12-25),
	 * then 2e Kerstdag on the Saturday and a Sunday: Monday 12-28 */
	run("", NULL, "\"orgaandonatie\"", ZIEK("2026-11-13"), "", "2026-11-20",
	    &t, NULL);
	assert_date(mp(&t, MP_MELDING_VANGNET)->datum, "2026-12-28");
	assert_date(mp(&t, MP_MELDING_VANGNET)->voor_atw, "2026-12-25");
	/* D Friday 2027-02-12: D+42 is Goede Vrijdag 2027-03-26, Easter
	 * Monday 03-29 is a holiday too: Tuesday 2027-03-30 */
	run("", NULL, "\"no_risk\"", ZIEK("2027-02-12"), "", "2027-02-20", &t,
	    NULL);
	assert_date(mp(&t, MP_MELDING_VANGNET)->datum, "2027-03-30");
	/* D+42 on a working day (Monday 2025-02-17): no extension */
	run("", NULL, "\"no_risk\"", ZIEK_2025, "", "2025-02-01", &t, NULL);
	assert_date(mp(&t, MP_MELDING_VANGNET)->datum, "2025-02-17");
	assert_int_equal(mp(&t, MP_MELDING_VANGNET)->voor_atw, DATE_NONE);
	assert_null(tijdlijn_atw_opmerking(mp(&t, MP_MELDING_VANGNET), buf,
					   sizeof(buf)));
	/* not a vangnet case: no such milestone */
	run("", NULL, "null", ZIEK_2025, "", "2025-02-01", &t, NULL);
	assert_null(tijdlijn_mijlpaal(&t, MP_MELDING_VANGNET));
}

/* ZW 38a lid 3: when the contract ends before D+42, its last day. */
static void
test_vangnet_einde_contract(void **state)
{
	struct tijdlijn t;

	(void)state;
	/* contract ends Wednesday 2025-02-05, ill from 2025-01-06 */
	run("", "2025-02-05", "\"no_risk\"", ZIEK_2025, "", "2025-02-01", &t,
	    NULL);
	assert_date(mp(&t, MP_MELDING_VANGNET)->datum, "2025-02-05");
	assert_int_equal(mp(&t, MP_MELDING_VANGNET)->voor_atw, DATE_NONE);
	/* and the employee is ill out of service: report on that day, but
	 * 30 days of illness is less than six weeks, so no RIV */
	assert_date(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->datum,
		    "2025-02-05");
	assert_int_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->status,
			 ST_NIET_VAN_TOEPASSING);
}

/*
 * R-ZW-3 in a vangnet case (pregnancy), ill since Monday 2025-01-06, the
 * contract ends on Saturday 2025-03-01. ZW 38 lid 4 (text checked in
 * issue 14): art. 38 "is, met uitzondering van de tweede, derde en vierde
 * zin van het tweede lid en het zesde en zevende lid, niet van toepassing"
 * to ziekengeld under art. 29 lid 2 e (organ donation), f (pregnancy, 29a)
 * and g (no-risk, 29b/29d). So no report of lid 2 (the vangnet report of
 * ZW 38a lid 3 was due on D+42, Monday 2025-02-17), but the RIV of its
 * second sentence is due on the last working day, Friday 2025-02-28.
 */
static void
test_vangnet_uit_dienst(void **state)
{
	struct tijdlijn t;
	struct toets o;

	(void)state;
	run("", "2025-03-01", "\"zwangerschap\"", ZIEK_2025, "", "2025-03-05",
	    &t, &o);
	assert_true(t.uit_dienst);
	assert_date(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->datum,
		    "2025-02-28");
	assert_int_equal(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_null(vind(&o, BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT));
	assert_date(mp(&t, MP_MELDING_VANGNET)->datum, "2025-02-17");
	assert_non_null(vind(&o, BV_MELDING_VANGNET_ONTBREEKT));
	assert_date(mp(&t, MP_RE_INTEGRATIEVERSLAG)->datum, "2025-02-28");
	assert_int_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->status, ST_VERLOPEN);
	assert_non_null(vind(&o, BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT));
	/* a late entry of that kind is no finding either */
	run("", "2025-03-01", "\"no_risk\"", ZIEK_2025,
	    EV("melding_einde_dienstverband", "2025-03-03"), "2025-03-05", &t,
	    &o);
	assert_int_equal(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_null(vind(&o, BV_MELDING_EINDE_DIENSTVERBAND_TE_LAAT));
	/* the contract ends within the six weeks (Wednesday 2025-02-05): the
	 * vangnet report is due that day (ZW 38a lid 3, second sentence) and
	 * is the only report; 30 days of illness: no RIV */
	run("", "2025-02-05", "\"orgaandonatie\"", ZIEK_2025, "",
	    "2025-02-10", &t, &o);
	assert_date(mp(&t, MP_MELDING_VANGNET)->datum, "2025-02-05");
	assert_int_equal(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_int_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_null(vind(&o, BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT));
	assert_non_null(vind(&o, BV_MELDING_VANGNET_ONTBREEKT));
	/* an eigenrisicodrager ZW owes no RIV (ZW 38 lid 2, second sentence) */
	run("\"eigenrisicodrager_zw\":true,", "2025-03-01", "\"zwangerschap\"",
	    ZIEK_2025, "", "2025-03-05", &t, &o);
	assert_int_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_null(vind(&o, BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT));
}

/* R-ZW-3: the contract ends on Saturday 2025-03-01 while ill since Monday
 * 2025-01-06. Report on the last working day, Friday 2025-02-28; 53 days
 * of illness, so the RIV is due that day too. */
static void
test_ziek_uit_dienst(void **state)
{
	struct tijdlijn t;
	const struct mijlpaal *e;
	uint32_t i;

	(void)state;
	run("", "2025-03-01", "null", ZIEK_2025,
	    EV("probleemanalyse", "2025-02-14"), "2025-02-20", &t, NULL);
	assert_true(t.uit_dienst);
	e = mp(&t, MP_MELDING_EINDE_DIENSTVERBAND);
	assert_date(e->datum, "2025-02-28");
	assert_int_equal(e->status, ST_OPEN);
	assert_date(mp(&t, MP_RE_INTEGRATIEVERSLAG)->datum, "2025-02-28");
	assert_int_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->status, ST_OPEN);
	assert_string_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->regel, "R-ZW-3");
	assert_string_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->bron,
			    "Ziektewet art. 38 lid 2");
	/* the probleemanalyse fell before the end and counts; the plan van
	 * aanpak is due Friday 2025-02-28, before the end, and stays */
	assert_int_equal(mp(&t, MP_PROBLEEMANALYSE)->status, ST_OP_TIJD);
	assert_date(mp(&t, MP_PLAN_VAN_AANPAK)->datum, "2025-02-28");
	assert_int_equal(mp(&t, MP_PLAN_VAN_AANPAK)->status, ST_OPEN);
	/* every other action after the end lapses */
	for (i = 0; i < MP__COUNT; i++) {
		const struct mijlpaal *m =
			tijdlijn_mijlpaal(&t, (enum mijlpaal_id)i);

		if (!m || regels[i].soort != MPS_ACTIE ||
		    i == MP_MELDING_EINDE_DIENSTVERBAND ||
		    i == MP_RE_INTEGRATIEVERSLAG || i == MP_PROBLEEMANALYSE ||
		    i == MP_PLAN_VAN_AANPAK)
			continue;
		if (m->status != ST_NIET_VAN_TOEPASSING)
			fail_msg("%s: %s", regels[i].naam,
				 mp_status_naam[m->status]);
	}
	/* no opzegverbod without a contract; UWV's moments stay */
	assert_int_equal(mp(&t, MP_EINDE_OPZEGVERBOD)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_date(mp(&t, MP_EINDE_WACHTTIJD)->datum, "2027-01-03");
	assert_int_equal(mp(&t, MP_EINDE_WACHTTIJD)->status, ST_KOMEND);

	/* reported on the Friday with the RIV: both on time */
	run("", "2025-03-01", "null", ZIEK_2025,
	    EV("melding_einde_dienstverband", "2025-02-28") ","
	    EV("re_integratieverslag", "2025-02-28"), "2025-03-05", &t, NULL);
	assert_int_equal(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->status,
			 ST_OP_TIJD);
	assert_int_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->status, ST_OP_TIJD);

	/* an eigenrisicodrager ZW owes no RIV here */
	run("\"eigenrisicodrager_zw\":true,", "2025-03-01", "null", ZIEK_2025,
	    "", "2025-02-20", &t, NULL);
	assert_int_equal(mp(&t, MP_RE_INTEGRATIEVERSLAG)->status,
			 ST_NIET_VAN_TOEPASSING);
	assert_int_equal(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->status,
			 ST_OPEN);

	/* ends on 2e Paasdag, Monday 2025-04-21; Goede Vrijdag 04-18 is an
	 * Atw holiday: the last working day is Thursday 2025-04-17 */
	run("", "2025-04-21", "null", ZIEK_2025, "", "2025-04-01", &t, NULL);
	assert_date(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->datum,
		    "2025-04-17");

	/* recovered before the end: not ill out of service */
	run("", "2025-03-01", "null",
	    ZIEK_2025 ",{\"datum\":\"2025-02-01\",\"soort\":\"hersteld\"}",
	    "", "2025-03-05", &t, NULL);
	assert_false(t.uit_dienst);
	assert_null(tijdlijn_mijlpaal(&t, MP_MELDING_EINDE_DIENSTVERBAND));
	/* a contract ending after the illness began but far ahead: the
	 * milestone is there from the start, dated on its last working day */
	run("", "2026-06-30", "null", ZIEK_2025, "", "2025-03-01", &t, NULL);
	assert_date(mp(&t, MP_MELDING_EINDE_DIENSTVERBAND)->datum,
		    "2026-06-30");
	assert_int_equal(mp(&t, MP_MELDING_42E_WEEK)->status, ST_OPEN);
	assert_int_equal(mp(&t, MP_ACTUEEL_OORDEEL)->status,
			 ST_NIET_VAN_TOEPASSING);
}

/* The toets on both reports (ids and severities in docs/rules.md). */
static void
test_toets_meldingen(void **state)
{
	struct tijdlijn t;
	struct toets o;
	const struct bevinding *b;
	char buf[512];

	(void)state;
	run("", "2025-03-01", "null", ZIEK_2025,
	    EV("probleemanalyse", "2025-02-14"), "2025-03-03", &t, &o);
	b = vind(&o, BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT);
	assert_non_null(b);
	assert_int_equal(b->ernst, ERNST_MIDDEN);
	assert_date(b->d1, "2025-02-28");
	b = vind(&o, BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT);
	assert_non_null(b);
	assert_int_equal(b->ernst, ERNST_HOOG);
	toets_toelichting(b, buf, sizeof(buf));
	assert_non_null(strstr(buf, "2025-02-28"));
	assert_null(vind(&o, BV_RIV_ONTBREEKT));
	assert_int_equal(o.risico, ERNST_HOOG);
	/* late report */
	run("", "2025-03-01", "null", ZIEK_2025,
	    EV("probleemanalyse", "2025-02-14") ","
	    EV("melding_einde_dienstverband", "2025-03-03") ","
	    EV("re_integratieverslag", "2025-02-27"), "2025-03-05", &t, &o);
	b = vind(&o, BV_MELDING_EINDE_DIENSTVERBAND_TE_LAAT);
	assert_non_null(b);
	assert_int_equal(b->ernst, ERNST_LAAG);
	assert_int_equal(b->n, 3);
	assert_null(vind(&o, BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT));

	/* vangnet report missing, then late */
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"),
	    EV("probleemanalyse", "2026-02-01"), "2026-02-12", &t, &o);
	b = vind(&o, BV_MELDING_VANGNET_ONTBREEKT);
	assert_non_null(b);
	assert_int_equal(b->ernst, ERNST_MIDDEN);
	assert_date(b->d1, "2026-02-09");
	assert_int_equal(b->n, 3);
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"),
	    EV("probleemanalyse", "2026-02-01") ","
	    EV("melding_vangnet", "2026-02-11"), "2026-02-12", &t, &o);
	assert_null(vind(&o, BV_MELDING_VANGNET_ONTBREEKT));
	b = vind(&o, BV_MELDING_VANGNET_TE_LAAT);
	assert_non_null(b);
	assert_int_equal(b->ernst, ERNST_LAAG);
	assert_int_equal(b->n, 2);
	/* on the extended Monday: nothing to find */
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"),
	    EV("probleemanalyse", "2026-02-01") ","
	    EV("melding_vangnet", "2026-02-09"), "2026-02-12", &t, &o);
	assert_null(vind(&o, BV_MELDING_VANGNET_TE_LAAT));
	assert_null(vind(&o, BV_MELDING_VANGNET_ONTBREEKT));
}

/*
 * R-TL-9.3, WIA 64 lid 6: after a late UWV letter (received after sick day
 * 623 = Sunday 2026-09-20) an application within four weeks of receipt is
 * timely. Received on Saturday 2026-10-03, the four weeks end on Saturday
 * 2026-10-31; Atw art. 1 extends them to Monday 2026-11-02.
 */
#define MELDING42 EV("melding_42e_week", "2025-10-27")
static void
test_wia_venster_atw(void **state)
{
	struct tijdlijn t;
	const struct mijlpaal *w;
	char buf[192];

	(void)state;
	run("", NULL, "null", ZIEK_2025,
	    MELDING42 "," EV("wia_brief_uwv", "2026-10-03") ","
	    EV("wia_aanvraag", "2026-11-02"), "2026-12-01", &t, NULL);
	assert_true(t.wia_geacht_tijdig);
	assert_int_equal(t.wia_vertraging, 0);
	assert_date(mp(&t, MP_EINDE_WACHTTIJD)->datum, "2027-01-03");
	assert_date(mp(&t, MP_EINDE_OPZEGVERBOD)->datum, "2027-01-06");
	/* the Tuesday is too late: the wage period runs 16 days longer,
	 * counted from the statutory date, Sunday 2026-10-18 (R-TL-17) */
	run("", NULL, "null", ZIEK_2025,
	    MELDING42 "," EV("wia_brief_uwv", "2026-10-03") ","
	    EV("wia_aanvraag", "2026-11-03"), "2026-12-01", &t, NULL);
	assert_false(t.wia_geacht_tijdig);
	assert_int_equal(t.wia_vertraging, 16);
	assert_date(mp(&t, MP_EINDE_WACHTTIJD)->datum, "2027-01-19");
	/* received Friday 2026-11-27: the four weeks end on 1e Kerstdag,
	 * Friday 2026-12-25, and run to Monday 2026-12-28 */
	run("", NULL, "null", ZIEK_2025,
	    MELDING42 "," EV("wia_brief_uwv", "2026-11-27") ","
	    EV("wia_aanvraag", "2026-12-28"), "2027-01-01", &t, NULL);
	assert_true(t.wia_geacht_tijdig);
	assert_int_equal(t.wia_vertraging, 0);

	/* a late letter that states the last day: that day ends the four
	 * weeks, a forward term, and the remark says so */
	run("", NULL, "null", ZIEK_2025,
	    MELDING42 ",{\"soort\":\"wia_brief_uwv\",\"datum\":\"2026-10-03\","
	    "\"uiterste_aanvraagdatum\":\"2026-10-31\"}", "2026-10-05", &t,
	    NULL);
	w = mp(&t, MP_WIA_AANVRAAG);
	assert_date(w->datum, "2026-11-02");
	assert_date(w->voor_atw, "2026-10-31");
	assert_non_null(tijdlijn_atw_opmerking(w, buf, sizeof(buf)));
	assert_non_null(strstr(buf, "Atw art. 1 lid 1"));
	/* without a letter the deadline counts back from the end: a Sunday,
	 * not moved (Atw art. 1 lid 2) */
	run("", NULL, "null", ZIEK_2025, "", "2026-10-05", &t, NULL);
	w = mp(&t, MP_WIA_AANVRAAG);
	assert_date(w->datum, "2026-10-18");
	assert_int_equal(w->voor_atw, DATE_NONE);
	assert_non_null(tijdlijn_atw_opmerking(w, buf, sizeof(buf)));
	assert_string_equal(buf, "geen verschuiving: terugrekenende termijn "
			    "(Atw art. 1 lid 2)");
}

/*
 * R-LS-5, WIA 25 lid 13: UWV decides a bekortingsverzoek within three
 * weeks, a term in a wet: received Saturday 2027-03-06, the three weeks
 * end Saturday 2027-03-27, then Easter Sunday and Easter Monday: Tuesday
 * 2027-03-30. UWV decided late (2027-04-15), so the sanction ends six
 * weeks after 2027-03-30: 2027-05-11 (without the Atw it was 05-08).
 */
static void
test_bekorting_atw(void **state)
{
	struct tijdlijn t;

	(void)state;
	run("", NULL, "null", ZIEK_2025,
	    EV("loonsanctie", "2026-11-01") ","
	    EV("bekortingsverzoek", "2027-03-06") ","
	    "{\"soort\":\"besluit_bekorting\",\"datum\":\"2027-04-15\","
	    "\"voldoende\":true}", "2027-04-20", &t, NULL);
	assert_date(mp(&t, MP_EINDE_LOONSANCTIE)->datum, "2027-05-11");
	/* a decision within the extended term counts itself */
	run("", NULL, "null", ZIEK_2025,
	    EV("loonsanctie", "2026-11-01") ","
	    EV("bekortingsverzoek", "2027-03-06") ","
	    "{\"soort\":\"besluit_bekorting\",\"datum\":\"2027-03-29\","
	    "\"voldoende\":true}", "2027-04-20", &t, NULL);
	assert_date(mp(&t, MP_EINDE_LOONSANCTIE)->datum, "2027-05-10");
}

/* The names of the two moments that read as last days. */
static void
test_namen(void **state)
{
	(void)state;
	assert_string_equal(regels[MP_EINDE_OPZEGVERBOD].titel,
			    "Eerste dag opzegging mogelijk");
	assert_string_equal(regels[MP_EINDE_WACHTTIJD].titel,
			    "Laatste dag wachttijd en loon");
}

/* The contract document for a vangnet case and a case ill out of
 * service (architecture §5.1). */
static void
test_json(void **state)
{
	struct tijdlijn t;
	char *json = NULL;
	size_t len = 0;

	(void)state;
	run("", NULL, "\"zwangerschap\"", ZIEK("2025-12-27"), "", "2026-02-01",
	    &t, NULL);
	assert_int_equal(tijdlijn_json(&t, &json, &len), 0);
	assert_non_null(strstr(json,
		"{\"id\":\"melding_42e_week\",\"soort\":\"actie\","
		"\"uiterlijk\":\"2026-10-17\",\"status\":\"niet_van_toepassing\","
		"\"regel\":\"R-TL-8\",\"bron\":\"Ziektewet art. 38 lid 1\"},"
		"{\"id\":\"melding_vangnet\",\"soort\":\"actie\","
		"\"uiterlijk\":\"2026-02-09\",\"status\":\"open\","
		"\"regel\":\"R-ZW-2\",\"bron\":\"Ziektewet art. 38a lid 3\"},"
		"{\"id\":\"eerstejaarsevaluatie\""));
	assert_null(strstr(json, "melding_einde_dienstverband"));
	free(json);
	json = NULL;
	run("", "2025-03-01", "null", ZIEK_2025, "", "2025-03-05", &t, NULL);
	assert_int_equal(tijdlijn_json(&t, &json, &len), 0);
	assert_non_null(strstr(json,
		"{\"id\":\"melding_einde_dienstverband\",\"soort\":\"actie\","
		"\"uiterlijk\":\"2025-02-28\",\"status\":\"verlopen\","
		"\"regel\":\"R-ZW-3\",\"bron\":\"Ziektewet art. 38 lid 2\"}"));
	assert_non_null(strstr(json,
		"{\"id\":\"einde_opzegverbod\",\"soort\":\"moment\","
		"\"datum\":\"2027-01-06\",\"status\":\"niet_van_toepassing\""));
	assert_null(strstr(json, "melding_vangnet"));
	free(json);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vangnet_atw),
		cmocka_unit_test(test_vangnet_einde_contract),
		cmocka_unit_test(test_ziek_uit_dienst),
		cmocka_unit_test(test_toets_meldingen),
		cmocka_unit_test(test_wia_venster_atw),
		cmocka_unit_test(test_vangnet_uit_dienst),
		cmocka_unit_test(test_bekorting_atw),
		cmocka_unit_test(test_namen),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

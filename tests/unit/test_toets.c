/*
 * test_toets.c - the poortwachtertoets (architecture §5.2, rule book
 * §5.3-5.9): every finding id with a case that raises it and one just on
 * the other side of its boundary, the interaction with
 * BEVREDIGEND_RESULTAAT (R-SP2-7, R-LS-1.2) and GEEN_BENUTBARE_MOGELIJKHEDEN
 * (R-SP2-4, R-LS-1.3), corrections, RIV completeness (R-RIV-1), the exact
 * spoor-toets/1 document and the loonsanctie exposure (R-LS-4, R-PAY-1).
 *
 * Unless stated otherwise the case is one continuous illness from
 * D = 2025-01-06 (a Monday, rule book example 1). Its dates, derived by
 * hand from rule book §0 / R-CNT-2..6:
 *   probleemanalyse   D+42  = 2025-02-17  (R-TL-3, R-CNT-4)
 *   plan van aanpak   PA+14 (without PA: 2025-02-17 + 14 = 2025-03-03)
 *   42e-weekmelding   D+294 = 2025-10-27  (R-TL-8)
 *   81-week line      D+565 = 2026-07-25  (R-TL-9.3, R-CNT-6)
 *   EJE uiterlijk     D+363 = 2026-01-04  (R-TL-10)
 *   spoor 2           EJE+42; without EJE D+405 = 2026-02-15 (R-TL-12)
 *   RIV, actueel oordeel, eindevaluatie  sickday(637) = D+636 = 2026-10-04
 *   WIA-aanvraag      D+650 = 2026-10-18  (R-TL-17)
 *   einde wachttijd   D+727 = 2027-01-03  (R-TL-18)
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
#include "core/toets.h"
#include "format/casefile.h"
#include "format/params.h"
#include "format/rapport_json.h"

#define FUNCTIE "\"functie\":\"Broodbakker\","
#define ZIEK_2025 "{\"datum\":\"2025-01-06\",\"soort\":\"ziek\",\"percentage\":100}"

/* Background events, always timely (dates checked against the list above) */
#define PA_PVA "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"}," \
	"{\"soort\":\"plan_van_aanpak\",\"datum\":\"2025-03-03\"," \
	"\"casemanager\":\"M. Bakker\"}"
#define MELDING "{\"soort\":\"melding_42e_week\",\"datum\":\"2025-10-20\"}"
/* EJE on 2025-12-20: the second track is due 2025-12-20 + 42 = 2026-01-31 */
#define EJE "{\"soort\":\"eerstejaarsevaluatie\",\"datum\":\"2025-12-20\"}"

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

/* Findings sorted by ernst (high first), then UWV's order (the enum);
 * risico = the highest ernst, never below laag (docs/rules.md §4). */
static void
check_invariants(const struct toets *o)
{
	uint8_t max = ERNST_LAAG;
	uint32_t i, j;

	assert_true(o->n <= BV__COUNT);
	for (i = 0; i < o->n; i++) {
		if (o->b[i].ernst > max)
			max = o->b[i].ernst;
		if (i > 0) {
			assert_true(o->b[i - 1].ernst >= o->b[i].ernst);
			if (o->b[i - 1].ernst == o->b[i].ernst)
				assert_true(o->b[i - 1].id < o->b[i].id);
		}
		for (j = i + 1; j < o->n; j++)
			assert_int_not_equal(o->b[i].id, o->b[j].id);
	}
	assert_int_equal(o->risico, max);
}

/*
 * Assess a case file: dienst = extra dienstverband keys (each ending in
 * a comma), verzuim = the mutations, events = the gebeurtenissen. With
 * maandloon the wage module fills in the loonsanctie exposure, as the
 * command line does.
 */
static void
run_x(const char *dienst, const char *vangnet, const char *verzuim,
      const char *events, const char *peil, struct toets *o)
{
	static char doc[16384];
	struct dossier d;
	struct casefile_fout f;
	struct ziekrange r[16];
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	struct tijdlijn t;
	size_t bad;
	int n;

	n = snprintf(doc, sizeof(doc),
		     "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"T\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{%s\"begindatum\":\"2010-01-01\","
		     "\"soort\":\"onbepaalde_tijd\"},\"vangnet\":%s,"
		     "\"verzuim\":[%s],\"gebeurtenissen\":[%s]}",
		     dienst, vangnet, verzuim, events);
	assert_true(n > 0 && (size_t)n < sizeof(doc));
	dossier_init(&d);
	if (casefile_lees(doc, (size_t)n, &d, &f) != 0)
		fail_msg("%s: %s", f.pad, f.reden);
	assert_int_equal(ziekteverloop_build(d.verzuim, d.nverzuim, r, 16, &zv,
					     &bad), 0);
	tijdlijn_feiten_uit_dossier(&d, zv.d, &feiten);
	tijdlijn_bereken(&zv, &feiten, D(peil), &t);
	memset(o, 0xa5, sizeof(*o));
	toets_bereken(&d, &t, o);
	assert_int_equal(o->peildatum, D(peil));
	assert_int_equal(o->loonsanctie_blootstelling_cent, -1);
	if (d.maandloon_cent >= 0) {
		struct params p;
		struct loon *l = calloc(1, sizeof(*l));
		char err[256];

		assert_non_null(l);
		params_init(&p);
		assert_int_equal(params_standaard(&p, err, sizeof(err)), 0);
		assert_int_equal(loon_bereken(&d, &zv, &t, &p.wml, &p.maxd,
					      &p.jeugd, l), LOONF_OK);
		o->loonsanctie_blootstelling_cent = l->blootstelling;
		params_release(&p);
		free(l);
	}
	dossier_release(&d);
	check_invariants(o);
}

/* The usual case: functie known, no vangnet, ill from 2025-01-06. */
static void
run(const char *events, const char *peil, struct toets *o)
{
	run_x(FUNCTIE, "null", ZIEK_2025, events, peil, o);
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

static const char *
lijst(const struct toets *o)
{
	static char buf[1024];
	size_t used = 0;
	uint32_t i;

	buf[0] = '\0';
	for (i = 0; i < o->n && used < sizeof(buf); i++) {
		int w = snprintf(buf + used, sizeof(buf) - used, "%s%s/%s",
				 i ? ", " : "", bevinding_defs[o->b[i].id].naam,
				 ernst_naam[o->b[i].ernst]);
		if (w > 0)
			used += (size_t)w;
	}
	return buf;
}

static const char *
uitleg(const struct bevinding *b)
{
	static char buf[1024];
	size_t n = toets_toelichting(b, buf, sizeof(buf));

	assert_true(n > 0 && n < sizeof(buf));
	assert_int_equal(strlen(buf), n);
	return buf;
}

/*
 * Assert finding id is present with ernst e, its explanation names the
 * dates d1 and d2 (when not NULL), and it carries a rule, a source and a
 * remedy (architecture §5.2: id, ernst, regel, bron, toelichting,
 * herstel).
 */
static const struct bevinding *
heeft(const struct toets *o, enum bevinding_id id, enum ernst e,
      const char *d1, const char *d2)
{
	const struct bevinding *b = vind(o, id);
	const struct bevinding_def *def = &bevinding_defs[id];
	const char *t;

	if (!b)
		fail_msg("%s expected, found [%s]", def->naam, lijst(o));
	if (b->ernst != e)
		fail_msg("%s: ernst %s, expected %s", def->naam,
			 ernst_naam[b->ernst], ernst_naam[e]);
	t = uitleg(b);
	if (d1 && !strstr(t, d1))
		fail_msg("%s: toelichting does not name %s: %s", def->naam, d1,
			 t);
	if (d2 && !strstr(t, d2))
		fail_msg("%s: toelichting does not name %s: %s", def->naam, d2,
			 t);
	assert_non_null(def->herstel);
	assert_true(strlen(def->herstel) > 10);
	assert_non_null(def->bron);
	assert_true(strlen(def->bron) > 3);
	assert_non_null(def->regel);
	assert_int_equal(strncmp(def->regel, "R-", 2), 0);
	return b;
}

static void
niet(const struct toets *o, enum bevinding_id id)
{
	if (vind(o, id))
		fail_msg("%s not expected, found [%s]", bevinding_defs[id].naam,
			 lijst(o));
}

static void
alleen(const struct toets *o, enum bevinding_id id, enum ernst risico)
{
	if (o->n != 1 || o->b[0].id != id)
		fail_msg("only %s expected, found [%s]", bevinding_defs[id].naam,
			 lijst(o));
	assert_int_equal(o->risico, risico);
}

static void
geen(const struct toets *o)
{
	if (o->n != 0)
		fail_msg("no findings expected, found [%s]", lijst(o));
	assert_int_equal(o->risico, ERNST_LAAG);
}

/* The contract's ids and severities (architecture §5.2 table). */
static void
test_contract_table(void **state)
{
	static const struct {
		enum bevinding_id id;
		const char *naam;
		enum ernst ernst;
		int spoor2;
	} want[] = {
		{BV_PA_ONTBREEKT, "PA_ONTBREEKT", ERNST_MIDDEN, 0},
		{BV_PA_TE_LAAT, "PA_TE_LAAT", ERNST_LAAG, 0},
		{BV_PVA_ONTBREEKT, "PVA_ONTBREEKT", ERNST_MIDDEN, 0},
		{BV_PVA_TE_LAAT, "PVA_TE_LAAT", ERNST_LAAG, 0},
		{BV_GEEN_CASEMANAGER, "GEEN_CASEMANAGER", ERNST_LAAG, 0},
		{BV_EVALUATIE_ACHTERSTALLIG, "EVALUATIE_ACHTERSTALLIG",
		 ERNST_LAAG, 0},
		{BV_MELDING_42_ONTBREEKT, "MELDING_42_ONTBREEKT", ERNST_MIDDEN,
		 0},
		{BV_MELDING_42_TE_LAAT, "MELDING_42_TE_LAAT", ERNST_LAAG, 0},
		{BV_EJE_ONTBREEKT, "EJE_ONTBREEKT", ERNST_HOOG, 0},
		{BV_SPOOR2_NIET_GESTART, "SPOOR2_NIET_GESTART", ERNST_HOOG, 1},
		{BV_SPOOR2_TE_LAAT_GESTART, "SPOOR2_TE_LAAT_GESTART", ERNST_HOOG,
		 1},
		{BV_SPOOR2_ZONDER_BEMIDDELING, "SPOOR2_ZONDER_BEMIDDELING",
		 ERNST_HOOG, 1},
		{BV_SPOOR2_STIL, "SPOOR2_STIL", ERNST_MIDDEN, 1},
		{BV_OUTPLACEMENT_I_P_V_SPOOR2, "OUTPLACEMENT_I_P_V_SPOOR2",
		 ERNST_HOOG, 1},
		{BV_THERAPEUTISCH_TE_LANG, "THERAPEUTISCH_TE_LANG", ERNST_MIDDEN,
		 0},
		{BV_WEIGERING_ZONDER_MAATREGEL, "WEIGERING_ZONDER_MAATREGEL",
		 ERNST_MIDDEN, 0},
		{BV_ACTUEEL_OORDEEL_ONTBREEKT, "ACTUEEL_OORDEEL_ONTBREEKT",
		 ERNST_HOOG, 0},
		{BV_EINDEVALUATIE_ONTBREEKT, "EINDEVALUATIE_ONTBREEKT",
		 ERNST_HOOG, 0},
		{BV_RIV_ONTBREEKT, "RIV_ONTBREEKT", ERNST_HOOG, 0},
		{BV_RIV_ONVOLLEDIG, "RIV_ONVOLLEDIG", ERNST_HOOG, 0},
		{BV_WIA_AANVRAAG_TE_LAAT, "WIA_AANVRAAG_TE_LAAT", ERNST_MIDDEN,
		 0},
		/* issue 14: ZW 38 lid 2 and 38a lid 3 (docs/rules.md) */
		{BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT,
		 "RIV_EINDE_DIENSTVERBAND_ONTBREEKT", ERNST_HOOG, 0},
		{BV_MELDING_VANGNET_ONTBREEKT, "MELDING_VANGNET_ONTBREEKT",
		 ERNST_MIDDEN, 0},
		{BV_MELDING_VANGNET_TE_LAAT, "MELDING_VANGNET_TE_LAAT",
		 ERNST_LAAG, 0},
		{BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT,
		 "MELDING_EINDE_DIENSTVERBAND_ONTBREEKT", ERNST_MIDDEN, 0},
		{BV_MELDING_EINDE_DIENSTVERBAND_TE_LAAT,
		 "MELDING_EINDE_DIENSTVERBAND_TE_LAAT", ERNST_LAAG, 0},
		{BV_BEVREDIGEND_RESULTAAT, "BEVREDIGEND_RESULTAAT", ERNST_INFO,
		 0},
		{BV_GEEN_BENUTBARE_MOGELIJKHEDEN, "GEEN_BENUTBARE_MOGELIJKHEDEN",
		 ERNST_INFO, 0},
	};
	size_t i;

	(void)state;
	assert_int_equal(sizeof(want) / sizeof(want[0]), BV__COUNT);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct bevinding_def *def = &bevinding_defs[want[i].id];

		assert_string_equal(def->naam, want[i].naam);
		assert_int_equal(def->ernst, want[i].ernst);
		assert_int_equal(def->spoor2, want[i].spoor2);
	}
	assert_string_equal(ernst_naam[ERNST_INFO], "info");
	assert_string_equal(ernst_naam[ERNST_LAAG], "laag");
	assert_string_equal(ernst_naam[ERNST_MIDDEN], "midden");
	assert_string_equal(ernst_naam[ERNST_HOOG], "hoog");
}

/* R-TL-3: PA due D+42 = 2025-02-17. */
static void
test_probleemanalyse(void **state)
{
	struct toets o;

	(void)state;
	run("", "2025-02-18", &o);
	heeft(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN, "2025-02-17", NULL);
	alleen(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN);
	/* on the due day itself nothing is late yet */
	run("", "2025-02-17", &o);
	geen(&o);

	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-18\"}",
	    "2025-02-20", &o);
	heeft(&o, BV_PA_TE_LAAT, ERNST_LAAG, "2025-02-17", "2025-02-18");
	alleen(&o, BV_PA_TE_LAAT, ERNST_LAAG);
	niet(&o, BV_PA_ONTBREEKT);
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"}",
	    "2025-02-20", &o);
	geen(&o);

	/* a bijstelling is not the first probleemanalyse */
	run("{\"soort\":\"bijstelling_probleemanalyse\","
	    "\"datum\":\"2025-02-10\"}", "2025-02-18", &o);
	heeft(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN, "2025-02-17", NULL);
	/* a PA before D belongs to an earlier geval (architecture §5.1) */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2024-12-01\"}",
	    "2025-02-18", &o);
	heeft(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN, "2025-02-17", NULL);
}

/* R-TL-5: PvA due PA + 14. */
static void
test_plan_van_aanpak(void **state)
{
	struct toets o;

	(void)state;
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"}",
	    "2025-03-04", &o);
	heeft(&o, BV_PVA_ONTBREEKT, ERNST_MIDDEN, "2025-03-03", NULL);
	alleen(&o, BV_PVA_ONTBREEKT, ERNST_MIDDEN);
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"}",
	    "2025-03-03", &o);
	geen(&o);

	/* a PA on 2025-02-10 moves the PvA to 2025-02-24 */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\"}",
	    "2025-02-25", &o);
	heeft(&o, BV_PVA_ONTBREEKT, ERNST_MIDDEN, "2025-02-24", NULL);

	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"},"
	    "{\"soort\":\"plan_van_aanpak\",\"datum\":\"2025-03-04\","
	    "\"casemanager\":\"M. Bakker\"}", "2025-03-05", &o);
	heeft(&o, BV_PVA_TE_LAAT, ERNST_LAAG, "2025-03-03", "2025-03-04");
	alleen(&o, BV_PVA_TE_LAAT, ERNST_LAAG);
	run(PA_PVA, "2025-03-05", &o);
	geen(&o);

	/* without a PA: sickday(43) + 14 = 2025-03-03; both missing, both
	 * midden, PA first in UWV's order */
	run("", "2025-03-04", &o);
	heeft(&o, BV_PVA_ONTBREEKT, ERNST_MIDDEN, "2025-03-03", NULL);
	heeft(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN, "2025-02-17", NULL);
	assert_int_equal(o.n, 2);
	assert_int_equal(o.b[0].id, BV_PA_ONTBREEKT);
	assert_int_equal(o.b[1].id, BV_PVA_ONTBREEKT);
	assert_int_equal(o.risico, ERNST_MIDDEN);
}

/* Architecture §4: a corrected entry stops counting. */
static void
test_correcties(void **state)
{
	struct toets o;

	(void)state;
	/* the PvA corrected away: PVA_ONTBREEKT appears */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"},"
	    "{\"id\":\"p1\",\"soort\":\"plan_van_aanpak\","
	    "\"datum\":\"2025-03-01\",\"casemanager\":\"M. Bakker\"},"
	    "{\"id\":\"c1\",\"soort\":\"contact\",\"datum\":\"2025-03-08\","
	    "\"corrigeert\":\"p1\",\"tekst\":\"geen PvA, alleen een concept\"}",
	    "2025-03-10", &o);
	heeft(&o, BV_PVA_ONTBREEKT, ERNST_MIDDEN, "2025-03-03", NULL);
	alleen(&o, BV_PVA_ONTBREEKT, ERNST_MIDDEN);
	/* the same without the correction: nothing */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"},"
	    "{\"id\":\"p1\",\"soort\":\"plan_van_aanpak\","
	    "\"datum\":\"2025-03-01\",\"casemanager\":\"M. Bakker\"},"
	    "{\"id\":\"c1\",\"soort\":\"contact\",\"datum\":\"2025-03-08\"}",
	    "2025-03-10", &o);
	geen(&o);
	/* the PA corrected away: PA_ONTBREEKT; the PvA due date falls back
	 * to sickday(43) + 14 = 2025-03-03, the PvA of 03-01 is in time */
	run("{\"id\":\"a1\",\"soort\":\"probleemanalyse\","
	    "\"datum\":\"2025-02-17\"},"
	    "{\"soort\":\"plan_van_aanpak\",\"datum\":\"2025-03-01\","
	    "\"casemanager\":\"M. Bakker\"},"
	    "{\"soort\":\"contact\",\"datum\":\"2025-03-08\","
	    "\"corrigeert\":\"a1\"}", "2025-03-10", &o);
	heeft(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN, "2025-02-17", NULL);
	alleen(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN);
	/* a PvA without casemanager replaced by one with (same date): no
	 * GEEN_CASEMANAGER */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"},"
	    "{\"id\":\"p1\",\"soort\":\"plan_van_aanpak\","
	    "\"datum\":\"2025-03-03\"},"
	    "{\"id\":\"p2\",\"soort\":\"plan_van_aanpak\","
	    "\"datum\":\"2025-03-03\",\"casemanager\":\"M. Bakker\","
	    "\"corrigeert\":\"p1\"}", "2025-03-05", &o);
	geen(&o);
	/* a 42e-weekmelding corrected away */
	run(PA_PVA ",{\"id\":\"m1\",\"soort\":\"melding_42e_week\","
	    "\"datum\":\"2025-10-20\"},"
	    "{\"soort\":\"evaluatie\",\"datum\":\"2025-10-20\"},"
	    "{\"soort\":\"contact\",\"datum\":\"2025-10-21\","
	    "\"corrigeert\":\"m1\"}", "2025-10-28", &o);
	heeft(&o, BV_MELDING_42_ONTBREEKT, ERNST_MIDDEN, "2025-10-27", NULL);
	alleen(&o, BV_MELDING_42_ONTBREEKT, ERNST_MIDDEN);
}

/* R-TL-5 (c): the PvA names a casemanager. */
static void
test_casemanager(void **state)
{
	struct toets o;

	(void)state;
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"},"
	    "{\"soort\":\"plan_van_aanpak\",\"datum\":\"2025-03-03\"}",
	    "2025-03-05", &o);
	heeft(&o, BV_GEEN_CASEMANAGER, ERNST_LAAG, "2025-03-03", NULL);
	alleen(&o, BV_GEEN_CASEMANAGER, ERNST_LAAG);
	run(PA_PVA, "2025-03-05", &o);
	geen(&o);
	/* no PvA at all: not a casemanager finding (the PvA one instead) */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"}",
	    "2025-03-05", &o);
	niet(&o, BV_GEEN_CASEMANAGER);
}

/* R-TL-7: the next evaluation 42 days after the latest PvA/evaluatie. */
static void
test_evaluatie(void **state)
{
	struct toets o;

	(void)state;
	/* PvA 2025-03-03 + 42 = 2025-04-14 */
	run(PA_PVA, "2025-04-15", &o);
	heeft(&o, BV_EVALUATIE_ACHTERSTALLIG, ERNST_LAAG, "2025-04-14", NULL);
	alleen(&o, BV_EVALUATIE_ACHTERSTALLIG, ERNST_LAAG);
	run(PA_PVA, "2025-04-14", &o);
	geen(&o);
	/* evaluated on 04-14: next 2025-05-26 */
	run(PA_PVA ",{\"soort\":\"evaluatie\",\"datum\":\"2025-04-14\"}",
	    "2025-05-26", &o);
	geen(&o);
	run(PA_PVA ",{\"soort\":\"evaluatie\",\"datum\":\"2025-04-14\"}",
	    "2025-05-27", &o);
	heeft(&o, BV_EVALUATIE_ACHTERSTALLIG, ERNST_LAAG, "2025-05-26", NULL);
	/* a bijstelling PvA also restarts the 42 days: 05-01 + 42 = 06-12 */
	run(PA_PVA ",{\"soort\":\"bijstelling_plan_van_aanpak\","
	    "\"datum\":\"2025-05-01\"}", "2025-06-12", &o);
	geen(&o);
}

/* R-TL-8, R-TL-9: due D+294 = 2025-10-27; hoog after D+565 = 2026-07-25. */
static void
test_melding_42(void **state)
{
	static const char bg[] =
		PA_PVA ",{\"soort\":\"evaluatie\",\"datum\":\"2025-10-20\"}";
	char ev[1024];
	struct toets o;

	(void)state;
	run(bg, "2025-10-28", &o);
	heeft(&o, BV_MELDING_42_ONTBREEKT, ERNST_MIDDEN, "2025-10-27",
	      "2026-07-25");
	alleen(&o, BV_MELDING_42_ONTBREEKT, ERNST_MIDDEN);
	run(bg, "2025-10-27", &o);
	geen(&o);
	/* on the 81-week line itself still midden, the day after hoog */
	run(bg, "2026-07-25", &o);
	heeft(&o, BV_MELDING_42_ONTBREEKT, ERNST_MIDDEN, "2025-10-27", NULL);
	run(bg, "2026-07-26", &o);
	heeft(&o, BV_MELDING_42_ONTBREEKT, ERNST_HOOG, "2025-10-27", NULL);
	assert_int_equal(o.risico, ERNST_HOOG);

	snprintf(ev, sizeof(ev), "%s,{\"soort\":\"melding_42e_week\","
		 "\"datum\":\"2025-10-28\"}", bg);
	run(ev, "2025-11-01", &o);
	heeft(&o, BV_MELDING_42_TE_LAAT, ERNST_LAAG, "2025-10-27",
	      "2025-10-28");
	alleen(&o, BV_MELDING_42_TE_LAAT, ERNST_LAAG);
	niet(&o, BV_MELDING_42_ONTBREEKT);
	snprintf(ev, sizeof(ev), "%s,{\"soort\":\"melding_42e_week\","
		 "\"datum\":\"2025-10-27\"}", bg);
	run(ev, "2025-11-01", &o);
	geen(&o);
	/* reported on the last protected day: laag; a day later: hoog
	 * (WIA 64 lid 6, 2nd sentence) */
	snprintf(ev, sizeof(ev), "%s,{\"soort\":\"melding_42e_week\","
		 "\"datum\":\"2026-07-25\"}", bg);
	run(ev, "2026-08-01", &o);
	heeft(&o, BV_MELDING_42_TE_LAAT, ERNST_LAAG, "2025-10-27",
	      "2026-07-25");
	snprintf(ev, sizeof(ev), "%s,{\"soort\":\"melding_42e_week\","
		 "\"datum\":\"2026-07-26\"}", bg);
	run(ev, "2026-08-01", &o);
	heeft(&o, BV_MELDING_42_TE_LAAT, ERNST_HOOG, "2025-10-27",
	      "2026-07-26");

	/* ZW 38 lid 4: not in a vangnet case; there the report of ZW 38a
	 * lid 3 was due on D+42, Monday 2025-02-17 (R-ZW-2) */
	run_x(FUNCTIE, "\"no_risk\"", ZIEK_2025, bg, "2025-10-28", &o);
	alleen(&o, BV_MELDING_VANGNET_ONTBREEKT, ERNST_MIDDEN);
	heeft(&o, BV_MELDING_VANGNET_ONTBREEKT, ERNST_MIDDEN, "2025-02-17",
	      NULL);
	snprintf(ev, sizeof(ev), "%s,{\"soort\":\"melding_vangnet\","
		 "\"datum\":\"2025-02-17\"}", bg);
	run_x(FUNCTIE, "\"no_risk\"", ZIEK_2025, ev, "2025-10-28", &o);
	geen(&o);
}

/* R-TL-10: EJE due D+363 = 2026-01-04. */
static void
test_eje(void **state)
{
#define BG_EJE PA_PVA "," MELDING ","                                    \
	"{\"soort\":\"evaluatie\",\"datum\":\"2025-12-15\"}"
	struct toets o;

	(void)state;
	run(BG_EJE, "2026-01-05", &o);
	heeft(&o, BV_EJE_ONTBREEKT, ERNST_HOOG, "2026-01-04", NULL);
	alleen(&o, BV_EJE_ONTBREEKT, ERNST_HOOG);
	run(BG_EJE, "2026-01-04", &o);
	geen(&o);
	run(BG_EJE "," EJE, "2026-01-05", &o);
	geen(&o);
}

/* R-TL-12, R-SP2-3: the second track by EJE + 42. */
#define BG_SP2 PA_PVA "," MELDING "," EJE ","                           \
	"{\"soort\":\"evaluatie\",\"datum\":\"2026-01-25\"}"

static void
test_spoor2_start(void **state)
{
	struct toets o;

	(void)state;
	run(BG_SP2, "2026-02-01", &o);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	alleen(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG);
	run(BG_SP2, "2026-01-31", &o);
	geen(&o);

	run(BG_SP2 ",{\"soort\":\"start_tweede_spoor\",\"datum\":\"2026-02-01\","
	    "\"aanbieder\":\"R\"}", "2026-02-05", &o);
	heeft(&o, BV_SPOOR2_TE_LAAT_GESTART, ERNST_HOOG, "2026-01-31",
	      "2026-02-01");
	alleen(&o, BV_SPOOR2_TE_LAAT_GESTART, ERNST_HOOG);
	run(BG_SP2 ",{\"soort\":\"start_tweede_spoor\",\"datum\":\"2026-01-31\","
	    "\"aanbieder\":\"R\"}", "2026-02-05", &o);
	geen(&o);

	/* R-SP2-3: a concrete return within 3 months: not required */
	run(PA_PVA "," MELDING ",{\"soort\":\"eerstejaarsevaluatie\","
	    "\"datum\":\"2025-12-20\",\"terugkeer_binnen_3_maanden\":true},"
	    "{\"soort\":\"evaluatie\",\"datum\":\"2026-01-25\"}", "2026-02-01",
	    &o);
	geen(&o);

	/* without an EJE: D+363+42 = 2026-02-15 */
	run(PA_PVA "," MELDING ",{\"soort\":\"evaluatie\","
	    "\"datum\":\"2026-01-25\"}", "2026-02-16", &o);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-02-15", NULL);
	heeft(&o, BV_EJE_ONTBREEKT, ERNST_HOOG, "2026-01-04", NULL);
	assert_int_equal(o.n, 2);
	/* UWV's order: the second track before the EJE */
	assert_int_equal(o.b[0].id, BV_SPOOR2_NIET_GESTART);
	run(PA_PVA "," MELDING ",{\"soort\":\"evaluatie\","
	    "\"datum\":\"2026-01-25\"}", "2026-02-15", &o);
	niet(&o, BV_SPOOR2_NIET_GESTART);
}

/* R-SP2-5: started on time 2026-01-10; 8 weeks = 56 days later is
 * 2026-03-07 (R-CNT-4), so from 2026-03-08 it has run more than 8 weeks.
 * An evaluation on 2026-03-01 keeps EVALUATIE_ACHTERSTALLIG away. */
#define BG_LOOPT BG_SP2 ",{\"soort\":\"evaluatie\",\"datum\":\"2026-03-01\"}," \
	"{\"soort\":\"start_tweede_spoor\",\"datum\":\"2026-01-10\","    \
	"\"aanbieder\":\"R\"}"

static void
test_spoor2_zonder_bemiddeling(void **state)
{
	struct toets o;

	(void)state;
	/* coaching keeps it from being still, but is no mediation */
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-03-01\","
	    "\"module\":\"coaching\"}", "2026-03-08", &o);
	heeft(&o, BV_SPOOR2_ZONDER_BEMIDDELING, ERNST_HOOG, "2026-01-10",
	      NULL);
	alleen(&o, BV_SPOOR2_ZONDER_BEMIDDELING, ERNST_HOOG);
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-03-01\","
	    "\"module\":\"coaching\"}", "2026-03-07", &o);
	geen(&o);
	/* jobhunting, bemiddeling or an application count */
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-03-01\","
	    "\"module\":\"jobhunting\"}", "2026-03-08", &o);
	geen(&o);
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-03-01\","
	    "\"module\":\"bemiddeling\"}", "2026-03-08", &o);
	geen(&o);
	run(BG_LOOPT ",{\"soort\":\"sollicitatie\",\"datum\":\"2026-03-01\","
	    "\"werkgever\":\"X\",\"functie\":\"Y\",\"uitkomst\":\"verstuurd\"}",
	    "2026-03-08", &o);
	geen(&o);
	/* a corrected jobhunting activity does not */
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-03-01\","
	    "\"module\":\"coaching\"},{\"id\":\"j\",\"soort\":\"activiteit\","
	    "\"datum\":\"2026-03-01\",\"module\":\"jobhunting\"},"
	    "{\"soort\":\"contact\",\"datum\":\"2026-03-02\","
	    "\"corrigeert\":\"j\"}", "2026-03-08", &o);
	heeft(&o, BV_SPOOR2_ZONDER_BEMIDDELING, ERNST_HOOG, "2026-01-10",
	      NULL);
}

/* R-SP2-5: no activity, application or progress report in 8 weeks. */
static void
test_spoor2_stil(void **state)
{
	struct toets o;

	(void)state;
	/* nothing at all since the start: both findings from 2026-03-08 */
	run(BG_LOOPT, "2026-03-08", &o);
	heeft(&o, BV_SPOOR2_STIL, ERNST_MIDDEN, "2026-01-10", NULL);
	heeft(&o, BV_SPOOR2_ZONDER_BEMIDDELING, ERNST_HOOG, "2026-01-10",
	      NULL);
	assert_int_equal(o.n, 2);
	assert_int_equal(o.b[0].id, BV_SPOOR2_ZONDER_BEMIDDELING);
	assert_int_equal(o.risico, ERNST_HOOG);
	run(BG_LOOPT, "2026-03-07", &o);
	geen(&o);

	/* jobhunting on 2026-01-12; 57 days later (2026-03-10) still */
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-01-12\","
	    "\"module\":\"jobhunting\"}", "2026-03-10", &o);
	heeft(&o, BV_SPOOR2_STIL, ERNST_MIDDEN, "2026-01-10", "2026-01-12");
	alleen(&o, BV_SPOOR2_STIL, ERNST_MIDDEN);
	/* 55 days later: not */
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-01-12\","
	    "\"module\":\"jobhunting\"}", "2026-03-08", &o);
	geen(&o);
	/* a progress report counts as a sign of life */
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-01-12\","
	    "\"module\":\"jobhunting\"},{\"soort\":\"voortgangsrapportage\","
	    "\"datum\":\"2026-03-01\"}", "2026-03-10", &o);
	geen(&o);
	/* an activity with `tot` is active until then: 02-01 + 57 = 03-30 */
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-01-12\","
	    "\"module\":\"jobhunting\",\"tot\":\"2026-02-01\"},"
	    "{\"soort\":\"evaluatie\",\"datum\":\"2026-03-25\"}",
	    "2026-03-30", &o);
	heeft(&o, BV_SPOOR2_STIL, ERNST_MIDDEN, "2026-01-10", "2026-02-01");
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-01-12\","
	    "\"module\":\"jobhunting\",\"tot\":\"2026-02-01\"},"
	    "{\"soort\":\"evaluatie\",\"datum\":\"2026-03-25\"}",
	    "2026-03-28", &o);
	geen(&o);
}

/*
 * The exact 8-week line of SPOOR2_STIL. R-CNT-4: "binnen N weken na E"
 * ends on E + 7N, so an activity on 2026-01-12 keeps the track alive
 * through 2026-03-09 (+56) and it is still only from 2026-03-10 (+57).
 * The same reading gives SPOOR2_ZONDER_BEMIDDELING its line (start + 57,
 * test above), and architecture §5.2 uses "8 weeks" for both.
 */
static void
test_spoor2_stil_grens(void **state)
{
	struct toets o;

	(void)state;
	run(BG_LOOPT ",{\"soort\":\"activiteit\",\"datum\":\"2026-01-12\","
	    "\"module\":\"jobhunting\"}", "2026-03-09", &o);
	niet(&o, BV_SPOOR2_STIL);
}

/* R-SP2-5, architecture §5.2: outplacement while spoor 2 is due. */
static void
test_outplacement(void **state)
{
#define BG_OP PA_PVA "," MELDING "," EJE
	struct toets o;

	(void)state;
	run(BG_OP ",{\"soort\":\"outplacement\",\"datum\":\"2025-12-20\"}",
	    "2026-01-10", &o);
	heeft(&o, BV_OUTPLACEMENT_I_P_V_SPOOR2, ERNST_HOOG, "2025-12-20",
	      NULL);
	alleen(&o, BV_OUTPLACEMENT_I_P_V_SPOOR2, ERNST_HOOG);
	/* before the EJE the second track was not yet required */
	run(BG_OP ",{\"soort\":\"outplacement\",\"datum\":\"2025-12-19\"}",
	    "2026-01-10", &o);
	geen(&o);
	/* with the second track started (the same day): fine */
	run(BG_OP ",{\"soort\":\"start_tweede_spoor\",\"datum\":\"2026-01-05\","
	    "\"aanbieder\":\"R\"},{\"soort\":\"outplacement\","
	    "\"datum\":\"2026-01-05\"}", "2026-01-10", &o);
	geen(&o);
	/* started the day after the outplacement: still a finding */
	run(BG_OP ",{\"soort\":\"start_tweede_spoor\",\"datum\":\"2026-01-06\","
	    "\"aanbieder\":\"R\"},{\"soort\":\"outplacement\","
	    "\"datum\":\"2026-01-05\"}", "2026-01-10", &o);
	heeft(&o, BV_OUTPLACEMENT_I_P_V_SPOOR2, ERNST_HOOG, "2026-01-05",
	      NULL);
	/* no second track required (R-SP2-3 return within 3 months) */
	run(PA_PVA "," MELDING ",{\"soort\":\"eerstejaarsevaluatie\","
	    "\"datum\":\"2025-12-20\",\"terugkeer_binnen_3_maanden\":true},"
	    "{\"soort\":\"outplacement\",\"datum\":\"2025-12-22\"}",
	    "2026-01-10", &o);
	geen(&o);
}

/* R-SP2-2: therapeutic work without loonwaarde "niet langer dan 6
 * weken": from 2025-03-10, 6 weeks end 2025-04-21 (R-CNT-4). */
#define BG_TH PA_PVA ",{\"soort\":\"evaluatie\",\"datum\":\"2025-04-10\"}"

static void
test_therapeutisch(void **state)
{
	struct toets o;

	(void)state;
	run(BG_TH ",{\"soort\":\"werkhervatting\",\"datum\":\"2025-03-10\","
	    "\"bij\":\"eigen_werk\",\"uren_per_week\":8,\"therapeutisch\":true}",
	    "2025-04-22", &o);
	heeft(&o, BV_THERAPEUTISCH_TE_LANG, ERNST_MIDDEN, "2025-03-10", NULL);
	alleen(&o, BV_THERAPEUTISCH_TE_LANG, ERNST_MIDDEN);
	run(BG_TH ",{\"soort\":\"werkhervatting\",\"datum\":\"2025-03-10\","
	    "\"bij\":\"eigen_werk\",\"uren_per_week\":8,\"therapeutisch\":true}",
	    "2025-04-21", &o);
	geen(&o);
	/* loonwaarde 0 is no loonwaarde; 1 % is */
	run(BG_TH ",{\"soort\":\"werkhervatting\",\"datum\":\"2025-03-10\","
	    "\"bij\":\"eigen_werk\",\"therapeutisch\":true,"
	    "\"loonwaarde_procent\":0}", "2025-04-22", &o);
	heeft(&o, BV_THERAPEUTISCH_TE_LANG, ERNST_MIDDEN, "2025-03-10", NULL);
	run(BG_TH ",{\"soort\":\"werkhervatting\",\"datum\":\"2025-03-10\","
	    "\"bij\":\"eigen_werk\",\"therapeutisch\":true,"
	    "\"loonwaarde_procent\":1}", "2025-04-22", &o);
	geen(&o);
	/* not therapeutic at all */
	run(BG_TH ",{\"soort\":\"werkhervatting\",\"datum\":\"2025-03-10\","
	    "\"bij\":\"eigen_werk\",\"therapeutisch\":false}", "2025-04-22", &o);
	geen(&o);
	/* ended by work with loonwaarde on 04-21 (42 therapeutic days):
	 * fine; on 04-22 (43 days): too long */
	run(BG_TH ",{\"soort\":\"werkhervatting\",\"datum\":\"2025-03-10\","
	    "\"bij\":\"eigen_werk\",\"therapeutisch\":true},"
	    "{\"soort\":\"werkhervatting\",\"datum\":\"2025-04-21\","
	    "\"bij\":\"eigen_werk\",\"loonwaarde_procent\":50}", "2025-05-15",
	    &o);
	niet(&o, BV_THERAPEUTISCH_TE_LANG);
	run(BG_TH ",{\"soort\":\"werkhervatting\",\"datum\":\"2025-03-10\","
	    "\"bij\":\"eigen_werk\",\"therapeutisch\":true},"
	    "{\"soort\":\"werkhervatting\",\"datum\":\"2025-04-22\","
	    "\"bij\":\"eigen_werk\",\"loonwaarde_procent\":50}", "2025-05-15",
	    &o);
	heeft(&o, BV_THERAPEUTISCH_TE_LANG, ERNST_MIDDEN, "2025-03-10", NULL);
}

/* R-PAY-2, R-LS-10.8: a refusal needs a measure within 4 weeks:
 * refusal 2025-03-10, + 28 = 2025-04-07. */
static void
test_weigering(void **state)
{
	static const char *const maatregel[] = {"waarschuwing_werknemer",
		"loonopschorting", "loonstop", "deskundigenoordeel"};
	char ev[1024];
	struct toets o;
	size_t i;

	(void)state;
	run(PA_PVA ",{\"soort\":\"weigering_werknemer\","
	    "\"datum\":\"2025-03-10\"}", "2025-04-08", &o);
	heeft(&o, BV_WEIGERING_ZONDER_MAATREGEL, ERNST_MIDDEN, "2025-03-10",
	      "2025-04-07");
	alleen(&o, BV_WEIGERING_ZONDER_MAATREGEL, ERNST_MIDDEN);
	/* the 4 weeks are not over yet */
	run(PA_PVA ",{\"soort\":\"weigering_werknemer\","
	    "\"datum\":\"2025-03-10\"}", "2025-04-07", &o);
	geen(&o);
	for (i = 0; i < sizeof(maatregel) / sizeof(maatregel[0]); i++) {
		/* on the last day of the 4 weeks: fine */
		snprintf(ev, sizeof(ev), PA_PVA ",{\"soort\":"
			 "\"weigering_werknemer\",\"datum\":\"2025-03-10\"},"
			 "{\"soort\":\"%s\",\"datum\":\"2025-04-07\"}",
			 maatregel[i]);
		run(ev, "2025-04-09", &o);
		geen(&o);
		/* a day late: not */
		snprintf(ev, sizeof(ev), PA_PVA ",{\"soort\":"
			 "\"weigering_werknemer\",\"datum\":\"2025-03-10\"},"
			 "{\"soort\":\"%s\",\"datum\":\"2025-04-08\"}",
			 maatregel[i]);
		run(ev, "2025-04-09", &o);
		heeft(&o, BV_WEIGERING_ZONDER_MAATREGEL, ERNST_MIDDEN,
		      "2025-03-10", "2025-04-07");
	}
	/* a warning before the refusal does not answer it */
	run(PA_PVA ",{\"soort\":\"waarschuwing_werknemer\","
	    "\"datum\":\"2025-03-09\"},{\"soort\":\"weigering_werknemer\","
	    "\"datum\":\"2025-03-10\"}", "2025-04-08", &o);
	heeft(&o, BV_WEIGERING_ZONDER_MAATREGEL, ERNST_MIDDEN, "2025-03-10",
	      NULL);
	/* a corrected warning does not count */
	run(PA_PVA ",{\"soort\":\"weigering_werknemer\","
	    "\"datum\":\"2025-03-10\"},{\"id\":\"w\","
	    "\"soort\":\"waarschuwing_werknemer\",\"datum\":\"2025-03-20\"},"
	    "{\"soort\":\"contact\",\"datum\":\"2025-03-21\","
	    "\"corrigeert\":\"w\"}", "2025-04-08", &o);
	heeft(&o, BV_WEIGERING_ZONDER_MAATREGEL, ERNST_MIDDEN, "2025-03-10",
	      NULL);
	/* a corrected refusal is no refusal */
	run(PA_PVA ",{\"id\":\"r\",\"soort\":\"weigering_werknemer\","
	    "\"datum\":\"2025-03-10\"},{\"soort\":\"contact\","
	    "\"datum\":\"2025-03-11\",\"corrigeert\":\"r\"}", "2025-04-08", &o);
	geen(&o);
}

/* R-TL-15, R-TL-16: RIV, actueel oordeel and eindevaluatie by
 * sickday(637) = 2026-10-04. */
static void
test_riv_ontbreekt(void **state)
{
	struct toets o;

	(void)state;
	run(BG_SP2, "2026-10-05", &o);
	heeft(&o, BV_RIV_ONTBREEKT, ERNST_HOOG, "2026-10-04", NULL);
	heeft(&o, BV_ACTUEEL_OORDEEL_ONTBREEKT, ERNST_HOOG, "2026-10-04",
	      NULL);
	heeft(&o, BV_EINDEVALUATIE_ONTBREEKT, ERNST_HOOG, "2026-10-04", NULL);
	assert_int_equal(o.risico, ERNST_HOOG);
	/* R-LS-1.1: completeness is tested first */
	assert_int_equal(o.b[0].id, BV_RIV_ONTBREEKT);
	run(BG_SP2, "2026-10-04", &o);
	niet(&o, BV_RIV_ONTBREEKT);
	niet(&o, BV_ACTUEEL_OORDEEL_ONTBREEKT);
	niet(&o, BV_EINDEVALUATIE_ONTBREEKT);

	run(BG_SP2 ",{\"soort\":\"actueel_oordeel\",\"datum\":\"2026-09-01\"}",
	    "2026-10-05", &o);
	niet(&o, BV_ACTUEEL_OORDEEL_ONTBREEKT);
	heeft(&o, BV_RIV_ONTBREEKT, ERNST_HOOG, "2026-10-04", NULL);
	run(BG_SP2 ",{\"soort\":\"eindevaluatie\",\"datum\":\"2026-09-15\"}",
	    "2026-10-05", &o);
	niet(&o, BV_EINDEVALUATIE_ONTBREEKT);
	heeft(&o, BV_RIV_ONTBREEKT, ERNST_HOOG, "2026-10-04", NULL);
	run(BG_SP2 ",{\"soort\":\"re_integratieverslag\","
	    "\"datum\":\"2026-10-01\"}", "2026-10-05", &o);
	niet(&o, BV_RIV_ONTBREEKT);
	heeft(&o, BV_ACTUEEL_OORDEEL_ONTBREEKT, ERNST_HOOG, "2026-10-04",
	      NULL);
	/* a corrected RIV: missing again */
	run(BG_SP2 ",{\"id\":\"v\",\"soort\":\"re_integratieverslag\","
	    "\"datum\":\"2026-10-01\"},{\"soort\":\"contact\","
	    "\"datum\":\"2026-10-02\",\"corrigeert\":\"v\"}", "2026-10-05", &o);
	heeft(&o, BV_RIV_ONTBREEKT, ERNST_HOOG, "2026-10-04", NULL);
	niet(&o, BV_RIV_ONVOLLEDIG);

	/* docs/rules.md §4: a missing action counts only inside the
	 * illness; recovered on 2026-09-01 (last sick day 08-31) */
	run_x(FUNCTIE, "null", ZIEK_2025 ",{\"datum\":\"2026-09-01\","
	      "\"soort\":\"hersteld\"}", BG_SP2, "2026-10-05", &o);
	niet(&o, BV_RIV_ONTBREEKT);
	niet(&o, BV_ACTUEEL_OORDEEL_ONTBREEKT);
	niet(&o, BV_EINDEVALUATIE_ONTBREEKT);
}

/* R-RIV-1: the parts a case file can show, each by its letter and a word
 * of the rule book's description. */
static const struct {
	const char *event;   /* the entry that supplies it, NULL: functie */
	const char *letter;
	const char *woord;
	enum riv_deel deel;
} riv_delen[] = {
	{"{\"soort\":\"verzuimmelding_arbodienst\",\"datum\":\"2025-01-07\"}",
	 "(a)", "arbodienst", RIV_ADMINISTRATIEF},
	{NULL, "(c)", "functie", RIV_FUNCTIE},
	{"{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-17\"}", "(f)",
	 "probleemanalyse", RIV_PROBLEEMANALYSE},
	{"{\"soort\":\"plan_van_aanpak\",\"datum\":\"2025-03-03\","
	 "\"casemanager\":\"M. Bakker\"}", "(g)", "plan van aanpak",
	 RIV_PLAN_VAN_AANPAK},
	{"{\"soort\":\"eerstejaarsevaluatie\",\"datum\":\"2025-12-20\"}",
	 "(h)", "eerstejaarsevaluatie", RIV_EERSTEJAARSEVALUATIE},
	{"{\"soort\":\"eindevaluatie\",\"datum\":\"2026-09-15\"}", "(h)",
	 "eindevaluatie", RIV_EINDEVALUATIE},
	{"{\"soort\":\"actueel_oordeel\",\"datum\":\"2026-09-01\"}", "(j)",
	 "actueel oordeel", RIV_ACTUEEL_OORDEEL},
	{"{\"soort\":\"visie_werknemer\",\"datum\":\"2026-09-20\"}", "(l)",
	 "visie", RIV_VISIE_WERKNEMER},
};
#define NDELEN (sizeof(riv_delen) / sizeof(riv_delen[0]))

/* The RIV of 2026-09-30 with every part except those in the mask
 * (bit i = riv_delen[i] left out); peildatum 2026-10-01. */
static void
run_riv(unsigned weg, const char *extra, struct toets *o)
{
	char ev[4096];
	size_t i, used = 0;
	int w;

	ev[0] = '\0';
	for (i = 0; i < NDELEN; i++) {
		if ((weg & (1u << i)) || !riv_delen[i].event)
			continue;
		w = snprintf(ev + used, sizeof(ev) - used, "%s,",
			     riv_delen[i].event);
		assert_true(w > 0 && (size_t)w < sizeof(ev) - used);
		used += (size_t)w;
	}
	w = snprintf(ev + used, sizeof(ev) - used,
		     MELDING ",{\"soort\":\"re_integratieverslag\","
		     "\"datum\":\"2026-09-30\"}%s", extra);
	assert_true(w > 0 && (size_t)w < sizeof(ev) - used);
	run_x((weg & 2u) ? "" : FUNCTIE, "null", ZIEK_2025, ev, "2026-10-01",
	      o);
}

static void
test_riv_onvolledig(void **state)
{
	const struct bevinding *b;
	struct toets o;
	size_t i, j;

	(void)state;
	assert_int_equal(NDELEN + 1, RIV__COUNT); /* + (e) D, always known */
	run_riv(0, "", &o);
	niet(&o, BV_RIV_ONVOLLEDIG);
	niet(&o, BV_RIV_ONTBREEKT);
	assert_int_equal(o.riv_aanwezig, (1u << RIV__COUNT) - 1);

	for (i = 0; i < NDELEN; i++) {
		const char *t;

		run_riv(1u << i, "", &o);
		b = heeft(&o, BV_RIV_ONVOLLEDIG, ERNST_HOOG, "2026-09-30",
			  riv_delen[i].woord);
		assert_int_equal(b->delen, 1u << riv_delen[i].deel);
		assert_int_equal(o.riv_aanwezig,
				 ((1u << RIV__COUNT) - 1) &
					 ~(1u << riv_delen[i].deel));
		assert_int_equal(o.risico, ERNST_HOOG);
		t = uitleg(b);
		if (!strstr(t, riv_delen[i].letter))
			fail_msg("RIV part %s not named: %s",
				 riv_delen[i].letter, t);
		for (j = 0; j < NDELEN; j++)
			if (j != i && strstr(t, riv_delen[j].woord))
				fail_msg("RIV part %s named but present: %s",
					 riv_delen[j].woord, t);
	}
	/* two parts missing: both named */
	run_riv((1u << 6) | (1u << 7), "", &o);
	b = heeft(&o, BV_RIV_ONVOLLEDIG, ERNST_HOOG, "actueel oordeel",
		  "visie");
	assert_int_equal(b->delen, (1u << RIV_ACTUEEL_OORDEEL) |
				   (1u << RIV_VISIE_WERKNEMER));
	/* a part dated before D belongs to an earlier geval */
	run_riv(1u << 0, ",{\"soort\":\"verzuimmelding_arbodienst\","
		"\"datum\":\"2024-12-01\"}", &o);
	heeft(&o, BV_RIV_ONVOLLEDIG, ERNST_HOOG, "arbodienst", NULL);
	/* a corrected part is missing */
	run_riv(1u << 7, ",{\"id\":\"vw\",\"soort\":\"visie_werknemer\","
		"\"datum\":\"2026-09-20\"},{\"soort\":\"contact\","
		"\"datum\":\"2026-09-21\",\"corrigeert\":\"vw\"}", &o);
	heeft(&o, BV_RIV_ONVOLLEDIG, ERNST_HOOG, "visie", NULL);
	/* docs/rules.md §4, R-SP2-4: with no benutbare mogelijkheden the
	 * plan van aanpak is not demanded */
	run_riv((1u << 2) | (1u << 3), ",{\"soort\":\"probleemanalyse\","
		"\"datum\":\"2025-02-17\",\"benutbare_mogelijkheden\":false}",
		&o);
	niet(&o, BV_RIV_ONVOLLEDIG);
	niet(&o, BV_PVA_ONTBREEKT);
	heeft(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_INFO, NULL, NULL);
}

/* R-TL-17: the WIA application by D+650 = 2026-10-18, or UWV's date. */
static void
test_wia_aanvraag(void **state)
{
	struct toets o;

	(void)state;
	run(BG_SP2 ",{\"soort\":\"wia_aanvraag\",\"datum\":\"2026-10-19\"}",
	    "2026-10-20", &o);
	heeft(&o, BV_WIA_AANVRAAG_TE_LAAT, ERNST_MIDDEN, "2026-10-18",
	      "2026-10-19");
	run(BG_SP2 ",{\"soort\":\"wia_aanvraag\",\"datum\":\"2026-10-18\"}",
	    "2026-10-20", &o);
	niet(&o, BV_WIA_AANVRAAG_TE_LAAT);
	/* not yet applied: no finding of this kind (it is about lateness) */
	run(BG_SP2, "2026-10-20", &o);
	niet(&o, BV_WIA_AANVRAAG_TE_LAAT);
	run(BG_SP2 ",{\"soort\":\"wia_brief_uwv\",\"datum\":\"2026-08-20\","
	    "\"uiterste_aanvraagdatum\":\"2026-10-25\"},"
	    "{\"soort\":\"wia_aanvraag\",\"datum\":\"2026-10-25\"}",
	    "2026-10-27", &o);
	niet(&o, BV_WIA_AANVRAAG_TE_LAAT);
	run(BG_SP2 ",{\"soort\":\"wia_brief_uwv\",\"datum\":\"2026-08-20\","
	    "\"uiterste_aanvraagdatum\":\"2026-10-25\"},"
	    "{\"soort\":\"wia_aanvraag\",\"datum\":\"2026-10-26\"}",
	    "2026-10-27", &o);
	heeft(&o, BV_WIA_AANVRAAG_TE_LAAT, ERNST_MIDDEN, "2026-10-25",
	      "2026-10-26");
}

/* R-SP2-7, R-LS-1.2: structural work with loonwaarde >= 65 %: UWV tests
 * no further; second-track findings drop to info (architecture §5.2). */
static void
test_bevredigend_resultaat(void **state)
{
	const struct bevinding *b;
	struct toets o;

	(void)state;
	/* BG_SP2 at 2026-02-01 alone gives SPOOR2_NIET_GESTART hoog */
	run(BG_SP2 ",{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-20\","
	    "\"bij\":\"ander_werk_eigen_werkgever\",\"uren_per_week\":30,"
	    "\"loonwaarde_procent\":65,\"structureel\":true}", "2026-02-01", &o);
	heeft(&o, BV_BEVREDIGEND_RESULTAAT, ERNST_INFO, "2026-01-20", NULL);
	b = heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_INFO, "2026-01-31", NULL);
	(void)b;
	assert_int_equal(o.n, 2);
	assert_int_equal(o.risico, ERNST_LAAG);
	assert_int_equal(o.b[0].id, BV_BEVREDIGEND_RESULTAAT);
	/* 64 %: not satisfactory, the finding stays hoog */
	run(BG_SP2 ",{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-20\","
	    "\"bij\":\"ander_werk_eigen_werkgever\",\"uren_per_week\":30,"
	    "\"loonwaarde_procent\":64,\"structureel\":true}", "2026-02-01", &o);
	niet(&o, BV_BEVREDIGEND_RESULTAAT);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	alleen(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG);
	/* not structural: not satisfactory */
	run(BG_SP2 ",{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-20\","
	    "\"bij\":\"eigen_werk\",\"loonwaarde_procent\":100,"
	    "\"structureel\":false}", "2026-02-01", &o);
	niet(&o, BV_BEVREDIGEND_RESULTAAT);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	/* structural without a loonwaarde: R-SP2-7 needs >= 65 % */
	run(BG_SP2 ",{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-20\","
	    "\"bij\":\"eigen_werk\",\"structureel\":true}", "2026-02-01", &o);
	niet(&o, BV_BEVREDIGEND_RESULTAAT);
	/* corrected away: the second-track finding is hoog again */
	run(BG_SP2 ",{\"id\":\"h\",\"soort\":\"werkhervatting\","
	    "\"datum\":\"2026-01-20\",\"bij\":\"andere_werkgever\","
	    "\"loonwaarde_procent\":80,\"structureel\":true},"
	    "{\"soort\":\"contact\",\"datum\":\"2026-01-25\","
	    "\"corrigeert\":\"h\"}", "2026-02-01", &o);
	niet(&o, BV_BEVREDIGEND_RESULTAAT);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	/* outplacement instead of spoor 2: info as well */
	run(PA_PVA "," MELDING "," EJE ",{\"soort\":\"outplacement\","
	    "\"datum\":\"2025-12-22\"},{\"soort\":\"werkhervatting\","
	    "\"datum\":\"2026-01-05\",\"bij\":\"andere_werkgever\","
	    "\"loonwaarde_procent\":70,\"structureel\":true}", "2026-01-10", &o);
	heeft(&o, BV_OUTPLACEMENT_I_P_V_SPOOR2, ERNST_INFO, "2025-12-22", NULL);
	assert_int_equal(o.risico, ERNST_LAAG);
	/* the late start and the silent track too */
	run(BG_SP2 ",{\"soort\":\"start_tweede_spoor\",\"datum\":\"2026-02-01\","
	    "\"aanbieder\":\"R\"},{\"soort\":\"werkhervatting\","
	    "\"datum\":\"2026-01-20\",\"bij\":\"andere_werkgever\","
	    "\"loonwaarde_procent\":70,\"structureel\":true}", "2026-02-05", &o);
	heeft(&o, BV_SPOOR2_TE_LAAT_GESTART, ERNST_INFO, "2026-01-31", NULL);
	assert_int_equal(o.risico, ERNST_LAAG);
	run(BG_LOOPT ",{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-05\","
	    "\"bij\":\"andere_werkgever\",\"loonwaarde_procent\":70,"
	    "\"structureel\":true}", "2026-03-08", &o);
	heeft(&o, BV_SPOOR2_ZONDER_BEMIDDELING, ERNST_INFO, "2026-01-10",
	      NULL);
	heeft(&o, BV_SPOOR2_STIL, ERNST_INFO, "2026-01-10", NULL);
	heeft(&o, BV_BEVREDIGEND_RESULTAAT, ERNST_INFO, "2026-01-05", NULL);
	assert_int_equal(o.risico, ERNST_LAAG);
	/* resumed after the start: whether or not the track is still
	 * judged, nothing above info */
	run(BG_LOOPT ",{\"soort\":\"werkhervatting\",\"datum\":\"2026-03-01\","
	    "\"bij\":\"andere_werkgever\",\"loonwaarde_procent\":70,"
	    "\"structureel\":true}", "2026-03-08", &o);
	heeft(&o, BV_BEVREDIGEND_RESULTAAT, ERNST_INFO, "2026-03-01", NULL);
	assert_int_equal(o.risico, ERNST_LAAG);
	/* findings outside the second track keep their ernst: the EJE
	 * (R-TL-10) and the RIV (R-LS-1.1, tested before the result) */
	run(PA_PVA "," MELDING ",{\"soort\":\"evaluatie\","
	    "\"datum\":\"2026-01-25\"},{\"soort\":\"werkhervatting\","
	    "\"datum\":\"2026-01-20\",\"bij\":\"eigen_werk\","
	    "\"loonwaarde_procent\":90,\"structureel\":true}", "2026-02-16", &o);
	heeft(&o, BV_EJE_ONTBREEKT, ERNST_HOOG, "2026-01-04", NULL);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_INFO, "2026-02-15", NULL);
	assert_int_equal(o.risico, ERNST_HOOG);
	run(BG_SP2 ",{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-20\","
	    "\"bij\":\"eigen_werk\",\"loonwaarde_procent\":90,"
	    "\"structureel\":true}", "2026-10-05", &o);
	heeft(&o, BV_RIV_ONTBREEKT, ERNST_HOOG, "2026-10-04", NULL);
	assert_int_equal(o.b[0].id, BV_RIV_ONTBREEKT);
	assert_int_equal(o.risico, ERNST_HOOG);
}

/* R-SP2-4, R-LS-1.3: no benutbare mogelijkheden (GBM). */
#define PA_GBM "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\"," \
	"\"benutbare_mogelijkheden\":false}"

static void
test_geen_benutbare_mogelijkheden(void **state)
{
	struct toets o;

	(void)state;
	run(PA_GBM "," MELDING "," EJE, "2026-02-16", &o);
	heeft(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_INFO, NULL, NULL);
	alleen(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_LAAG);
	/* the same with possibilities: a PvA (due 02-24) and the second
	 * track (EJE 12-20 + 42 = 2026-01-31) are owed */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\","
	    "\"benutbare_mogelijkheden\":true}," MELDING "," EJE, "2026-02-16",
	    &o);
	niet(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN);
	heeft(&o, BV_PVA_ONTBREEKT, ERNST_MIDDEN, "2025-02-24", NULL);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	/* benutbare_mogelijkheden defaults to true (architecture §4) */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\"},"
	    MELDING "," EJE, "2026-02-16", &o);
	niet(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	/* a later bijstelling finds possibilities: the duty revives */
	run(PA_GBM ",{\"soort\":\"bijstelling_probleemanalyse\","
	    "\"datum\":\"2025-09-01\",\"benutbare_mogelijkheden\":true},"
	    MELDING "," EJE, "2026-02-16", &o);
	niet(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	/* ... and a later bijstelling without them brings GBM */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\"},"
	    "{\"soort\":\"plan_van_aanpak\",\"datum\":\"2025-02-20\","
	    "\"casemanager\":\"M. Bakker\"},"
	    "{\"soort\":\"bijstelling_probleemanalyse\","
	    "\"datum\":\"2025-09-01\",\"benutbare_mogelijkheden\":false},"
	    MELDING "," EJE ",{\"soort\":\"evaluatie\","
	    "\"datum\":\"2026-01-25\"}", "2026-02-16", &o);
	heeft(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_INFO, NULL, NULL);
	niet(&o, BV_SPOOR2_NIET_GESTART);
	/* the GBM PA corrected away */
	run("{\"id\":\"g\",\"soort\":\"probleemanalyse\","
	    "\"datum\":\"2025-02-10\",\"benutbare_mogelijkheden\":false},"
	    "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\","
	    "\"corrigeert\":\"g\"}," MELDING "," EJE, "2026-02-16", &o);
	niet(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN);
	heeft(&o, BV_SPOOR2_NIET_GESTART, ERNST_HOOG, "2026-01-31", NULL);
	/* no outplacement finding either: no second track is required */
	run(PA_GBM "," MELDING "," EJE ",{\"soort\":\"outplacement\","
	    "\"datum\":\"2025-12-22\"}", "2026-01-10", &o);
	niet(&o, BV_OUTPLACEMENT_I_P_V_SPOOR2);
	heeft(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_INFO, NULL, NULL);
	/* GBM does not excuse the procedure outside the second track: the
	 * 42e-weekmelding (R-TL-8) */
	run(PA_GBM, "2025-10-28", &o);
	heeft(&o, BV_MELDING_42_ONTBREEKT, ERNST_MIDDEN, "2025-10-27", NULL);
	heeft(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_INFO, NULL, NULL);
	assert_int_equal(o.risico, ERNST_MIDDEN);
	/* GBM found after the PA deadline: the PA is still late */
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-20\","
	    "\"benutbare_mogelijkheden\":false}", "2025-03-10", &o);
	heeft(&o, BV_PA_TE_LAAT, ERNST_LAAG, "2025-02-17", "2025-02-20");
	heeft(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_INFO, NULL, NULL);
	assert_int_equal(o.n, 2);
	/* info after laag */
	assert_int_equal(o.b[0].id, BV_PA_TE_LAAT);
}

/*
 * R-SP2-4.1: the bedrijfsarts must review GBM periodically, so the
 * explanation should say which verdict (its date) it rests on, like every
 * other finding names its dates (toets.h: "the dates the explanation
 * names").
 */
static void
test_gbm_noemt_datum(void **state)
{
	struct toets o;

	(void)state;
	run("{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-10\"},"
	    "{\"soort\":\"bijstelling_probleemanalyse\","
	    "\"datum\":\"2025-09-01\",\"benutbare_mogelijkheden\":false}",
	    "2025-09-10", &o);
	heeft(&o, BV_GEEN_BENUTBARE_MOGELIJKHEDEN, ERNST_INFO, "2025-09-01",
	      NULL);
}

/* docs/rules.md §4: a missing action counts only when due inside the
 * illness. */
static void
test_herstel(void **state)
{
	struct toets o;

	(void)state;
	/* last sick day 2025-02-18: the PA of 02-17 was due while ill */
	run_x(FUNCTIE, "null", ZIEK_2025 ",{\"datum\":\"2025-02-19\","
	      "\"soort\":\"hersteld\"}", "", "2025-03-01", &o);
	heeft(&o, BV_PA_ONTBREEKT, ERNST_MIDDEN, "2025-02-17", NULL);
	/* last sick day 2025-02-16: not */
	run_x(FUNCTIE, "null", ZIEK_2025 ",{\"datum\":\"2025-02-17\","
	      "\"soort\":\"hersteld\"}", "", "2025-03-01", &o);
	geen(&o);
}

/* Architecture §5.2: the document, keys in contract order, compact, with
 * a final newline. D = 2025-01-06; PA on 2025-02-19 (due 02-17: 2 days
 * late); PvA due 02-19 + 14 = 2025-03-05, peildatum 03-07: 2 days over.
 * R-PAY-1 / R-LS-4: maandloon EUR 3.000: dagloon 3000 x 12 / 261 =
 * 137,931 -> 13793 cent; 70 % = 9655,1 -> 9655 cent; the 52 weeks
 * 2027-01-04 .. 2028-01-02 hold 260 working days: 2.510.300 cent. */
static void
test_json_document(void **state)
{
	static const char want[] =
		"{\"formaat\":\"spoor-toets/1\",\"peildatum\":\"2025-03-07\","
		"\"risico\":\"midden\",\"bevindingen\":["
		"{\"id\":\"PVA_ONTBREEKT\",\"ernst\":\"midden\","
		"\"regel\":\"R-TL-5\","
		"\"bron\":\"Regeling procesgang art. 4 lid 1\","
		"\"toelichting\":\"Het plan van aanpak moest uiterlijk "
		"2025-03-05 klaar zijn en ontbreekt (2 dagen).\","
		"\"herstel\":\"Stel samen met de werknemer direct een plan van "
		"aanpak op, met activiteiten, doelen, evaluatiemomenten en een "
		"casemanager.\"},"
		"{\"id\":\"PA_TE_LAAT\",\"ernst\":\"laag\",\"regel\":\"R-TL-3\","
		"\"bron\":\"Regeling procesgang art. 2 lid 2\","
		"\"toelichting\":\"De probleemanalyse moest uiterlijk "
		"2025-02-17 klaar zijn en kwam op 2025-02-19, 2 dagen te "
		"laat.\","
		"\"herstel\":\"Leg in het dossier vast waarom de "
		"probleemanalyse later kwam en dat de re-integratie daardoor "
		"niet is vertraagd.\"}],"
		"\"loonsanctie_blootstelling_cent\":2510300}\n";
	struct toets o;
	char *json = NULL;
	size_t len = 0;

	(void)state;
	run_x(FUNCTIE "\"maandloon_cent\":300000,", "null", ZIEK_2025,
	      "{\"soort\":\"probleemanalyse\",\"datum\":\"2025-02-19\"}",
	      "2025-03-07", &o);
	assert_int_equal(o.loonsanctie_blootstelling_cent, 2510300);
	assert_int_equal(toets_json(&o, &json, &len), 0);
	assert_string_equal(json, want);
	assert_int_equal(len, sizeof(want) - 1);
	free(json);

	/* no findings, no wage: an empty list and null */
	run(PA_PVA, "2025-03-07", &o);
	assert_int_equal(toets_json(&o, &json, &len), 0);
	assert_string_equal(json,
		"{\"formaat\":\"spoor-toets/1\",\"peildatum\":\"2025-03-07\","
		"\"risico\":\"laag\",\"bevindingen\":[],"
		"\"loonsanctie_blootstelling_cent\":null}\n");
	free(json);

	/* info findings serialise as "info"; risico is never info */
	run(PA_GBM, "2025-03-07", &o);
	assert_int_equal(toets_json(&o, &json, &len), 0);
	assert_non_null(strstr(json, "\"risico\":\"laag\""));
	assert_non_null(strstr(json,
		"{\"id\":\"GEEN_BENUTBARE_MOGELIJKHEDEN\",\"ernst\":\"info\","
		"\"regel\":\"R-SP2-4\","));
	free(json);
}

/*
 * R-LS-4 + R-PAY-1/R-PAY-4: D = 2024-01-04 puts the 52 sanction weeks at
 * 2026-01-01 .. 2026-12-30 (D+728 .. D+1091; 2024 is a leap year), 364
 * days = 260 working days, all under the 2026 maximum dagloon of
 * EUR 304,25 (R-PAY-4 table).
 */
static void
test_loonsanctie_blootstelling(void **state)
{
	struct toets o;

	(void)state;
	/* below the maximum: 9655 x 260 */
	run_x(FUNCTIE "\"maandloon_cent\":300000,", "null",
	      "{\"datum\":\"2024-01-04\",\"soort\":\"ziek\",\"percentage\":100}",
	      "", "2024-03-01", &o);
	assert_int_equal(o.loonsanctie_blootstelling_cent, 2510300);
	/* EUR 10.000 a month: dagloon 45977 cent exceeds 30425, so 70 % of
	 * the maximum: 21297,5 -> 21298 cent x 260 = 5.537.480 */
	run_x(FUNCTIE "\"maandloon_cent\":1000000,", "null",
	      "{\"datum\":\"2024-01-04\",\"soort\":\"ziek\",\"percentage\":100}",
	      "", "2024-03-01", &o);
	assert_int_equal(o.loonsanctie_blootstelling_cent, 5537480);
	/* a CAO 100 % in year 1 and 70 % in year 2 does not reach the
	 * sanction weeks (105..156): unchanged */
	run_x(FUNCTIE "\"maandloon_cent\":300000,\"loondoorbetaling\":["
	      "{\"tot_en_met_week\":52,\"procent\":100},"
	      "{\"tot_en_met_week\":104,\"procent\":70}],", "null",
	      "{\"datum\":\"2024-01-04\",\"soort\":\"ziek\",\"percentage\":100}",
	      "", "2024-03-01", &o);
	assert_int_equal(o.loonsanctie_blootstelling_cent, 2510300);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract_table),
		cmocka_unit_test(test_probleemanalyse),
		cmocka_unit_test(test_plan_van_aanpak),
		cmocka_unit_test(test_correcties),
		cmocka_unit_test(test_casemanager),
		cmocka_unit_test(test_evaluatie),
		cmocka_unit_test(test_melding_42),
		cmocka_unit_test(test_eje),
		cmocka_unit_test(test_spoor2_start),
		cmocka_unit_test(test_spoor2_zonder_bemiddeling),
		cmocka_unit_test(test_spoor2_stil),
		cmocka_unit_test(test_spoor2_stil_grens),
		cmocka_unit_test(test_outplacement),
		cmocka_unit_test(test_therapeutisch),
		cmocka_unit_test(test_weigering),
		cmocka_unit_test(test_riv_ontbreekt),
		cmocka_unit_test(test_riv_onvolledig),
		cmocka_unit_test(test_wia_aanvraag),
		cmocka_unit_test(test_bevredigend_resultaat),
		cmocka_unit_test(test_geen_benutbare_mogelijkheden),
		cmocka_unit_test(test_gbm_noemt_datum),
		cmocka_unit_test(test_herstel),
		cmocka_unit_test(test_json_document),
		cmocka_unit_test(test_loonsanctie_blootstelling),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

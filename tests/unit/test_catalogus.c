/*
 * test_catalogus.c - the catalogue of words (core/catalogus.h) and its
 * document of GET /api/v1/catalogus (server/api_catalogus.h): every id of
 * the core tables has a word, the ids are those of the contracts of
 * architecture §4-§6, and a few entries have their exact shape.
 */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/catalogus.h"
#include "server/api_catalogus.h"
#include "store/toegang.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

/* Milestone ids of architecture §5.1. */
static const char *const contract_mijlpalen[] = {
	"probleemanalyse", "plan_van_aanpak", "evaluatie", "melding_42e_week",
	"melding_vangnet", "melding_einde_dienstverband",
	"eerstejaarsevaluatie", "start_tweede_spoor", "actueel_oordeel",
	"eindevaluatie", "re_integratieverslag", "wia_aanvraag",
	"einde_minimumloongrens", "vervroegde_iva_uiterlijk",
	"melding_42e_week_grens", "wia_brief_uwv",
	"besluit_loonsanctie_uiterlijk", "einde_wachttijd",
	"einde_opzegverbod", "einde_loonsanctie",
};

/* Finding ids of architecture §5.2 and the Ziektewet reports of §5.1;
 * the last three belong to the second-track work not in core yet. */
static const char *const contract_bevindingen[] = {
	"PA_ONTBREEKT", "PA_TE_LAAT", "PVA_ONTBREEKT", "PVA_TE_LAAT",
	"GEEN_CASEMANAGER", "EVALUATIE_ACHTERSTALLIG", "MELDING_42_ONTBREEKT",
	"MELDING_42_TE_LAAT", "EJE_ONTBREEKT", "SPOOR2_NIET_GESTART",
	"SPOOR2_TE_LAAT_GESTART", "SPOOR2_ZONDER_BEMIDDELING", "SPOOR2_STIL",
	"OUTPLACEMENT_I_P_V_SPOOR2", "THERAPEUTISCH_TE_LANG",
	"WEIGERING_ZONDER_MAATREGEL", "ACTUEEL_OORDEEL_ONTBREEKT",
	"EINDEVALUATIE_ONTBREEKT", "RIV_ONTBREEKT", "RIV_ONVOLLEDIG",
	"WIA_AANVRAAG_TE_LAAT", "BEVREDIGEND_RESULTAAT",
	"GEEN_BENUTBARE_MOGELIJKHEDEN", "RIV_EINDE_DIENSTVERBAND_ONTBREEKT",
	"MELDING_VANGNET_ONTBREEKT", "MELDING_VANGNET_TE_LAAT",
	"MELDING_EINDE_DIENSTVERBAND_ONTBREEKT",
	"MELDING_EINDE_DIENSTVERBAND_TE_LAAT",
	"BELASTBAARHEID_ONTBREEKT", "ZOEKPROFIEL_ONTBREEKT",
	"ZOEKPROFIEL_BOVEN_BELASTBAARHEID",
};

static int
in_lijst(const char *const *l, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(l[i], s))
			return 1;
	return 0;
}

/* The entry with that id in list k of the document, or NULL. */
static json_t *
zoek(json_t *doc, const char *k, const char *id)
{
	json_t *a = json_object_get(doc, k), *e;
	size_t i;

	json_array_foreach(a, i, e)
		if (!strcmp(json_string_value(json_object_get(e, "id")), id))
			return e;
	return NULL;
}

static const char *
veld(json_t *e, const char *k)
{
	return json_string_value(json_object_get(e, k));
}

/* Every entry of list k: a unique string id, a non-empty title that is
 * a word, not the id shown as itself. */
static size_t
controleer_lijst(json_t *doc, const char *k)
{
	json_t *a = json_object_get(doc, k), *e, *f;
	size_t i, j;

	assert_true(json_is_array(a));
	json_array_foreach(a, i, e) {
		const char *id = veld(e, "id"), *titel = veld(e, "titel");

		assert_non_null(id);
		assert_non_null(titel);
		assert_true(titel[0] != '\0');
		if (strcmp(id, titel) == 0)
			fail_msg("%s: %s has no word of its own", k, id);
		json_array_foreach(a, j, f)
			if (j < i)
				assert_string_not_equal(veld(f, "id"), id);
	}
	return json_array_size(a);
}

static void
test_tabellen_volledig(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < MP__COUNT; i++) {
		assert_non_null(mijlpaal_uitleg[i]);
		assert_non_null(mijlpaal_kort[i]);
		assert_true(strlen(mijlpaal_uitleg[i]) > 20);
	}
	for (i = 0; i < ST__COUNT; i++)
		assert_non_null(mp_status_titel[i]);
	for (i = 0; i < BV__COUNT; i++)
		assert_non_null(bevinding_titel[i]);
	for (i = 0; i < ERNST__COUNT; i++)
		assert_non_null(ernst_titel[i]);
	for (i = 0; i < GB__COUNT; i++)
		assert_non_null(gb_soort_titel[i]);
	for (i = 0; i < ROL__COUNT; i++)
		assert_non_null(catalogus_rol_titel(rol_naam[i],
						    strlen(rol_naam[i])));
	assert_int_equal(rol_ntitels, ROL__COUNT);
	assert_null(catalogus_rol_titel("rector", 6));
	/* the Atw remarks tijdlijn_atw_opmerking gives are these */
	assert_non_null(atw_opmerking[ATW_REGELING]);
	assert_non_null(atw_opmerking[ATW_LANG]);
	assert_non_null(atw_opmerking[ATW_TERUG]);
	assert_null(atw_opmerking[ATW_GEEN]);
}

/* Every event type in exactly one group of the entry form. */
static void
test_groepen(void **state)
{
	unsigned tel[GB__COUNT];
	size_t i, j;

	(void)state;
	memset(tel, 0, sizeof(tel));
	for (i = 0; i < gb_soort_ngroepen; i++)
		for (j = 0; j < gb_soort_groepen[i].n; j++) {
			assert_true(gb_soort_groepen[i].soorten[j] < GB__COUNT);
			tel[gb_soort_groepen[i].soorten[j]]++;
		}
	for (i = 0; i < GB__COUNT; i++)
		if (tel[i] != 1)
			fail_msg("%s in %u groups", gb_soort_naam[i], tel[i]);
}

static void
test_document(void **state)
{
	json_t *doc = api_catalogus_json(), *e, *g;
	size_t i;

	(void)state;
	assert_non_null(doc);
	assert_string_equal(veld(doc, "formaat"), "spoor-catalogus/1");
	assert_int_equal(controleer_lijst(doc, "mijlpalen"), MP__COUNT);
	assert_int_equal(controleer_lijst(doc, "bevindingen"), BV__COUNT);
	assert_int_equal(controleer_lijst(doc, "statussen"), ST__COUNT);
	assert_int_equal(controleer_lijst(doc, "ernst"), ERNST__COUNT);
	assert_int_equal(controleer_lijst(doc, "gebeurtenissoorten"),
			 GB__COUNT);
	assert_int_equal(controleer_lijst(doc, "klassen"), 3);
	assert_int_equal(controleer_lijst(doc, "rollen"), ROL__COUNT);
	assert_int_equal(controleer_lijst(doc, "vangnet"), 4);
	assert_int_equal(controleer_lijst(doc, "contractsoorten"), 2);
	assert_int_equal(controleer_lijst(doc, "verzuimsoorten"), VZ__COUNT);
	assert_int_equal(controleer_lijst(doc, "instrumenten"), INS__COUNT);
	assert_int_equal(controleer_lijst(doc, "conclusies"), ADC__COUNT);
	assert_int_equal(controleer_lijst(doc, "modules"), MOD__COUNT);
	assert_int_equal(controleer_lijst(doc, "uitkomsten"), SOL__COUNT);
	assert_int_equal(controleer_lijst(doc, "bij"), BIJ__COUNT);

	/* ids are the contract's, every one of core's is there */
	json_array_foreach(json_object_get(doc, "mijlpalen"), i, e) {
		assert_true(in_lijst(contract_mijlpalen, NP(contract_mijlpalen),
				     veld(e, "id")));
		assert_true(strncmp(veld(e, "regel"), "R-", 2) == 0);
		assert_true(strlen(veld(e, "bron")) > 5);
		assert_true(strlen(veld(e, "uitleg")) > 20);
	}
	for (i = 0; i < NP(contract_mijlpalen); i++)
		assert_non_null(zoek(doc, "mijlpalen", contract_mijlpalen[i]));
	json_array_foreach(json_object_get(doc, "bevindingen"), i, e)
		assert_true(in_lijst(contract_bevindingen,
				     NP(contract_bevindingen), veld(e, "id")));
	for (i = 0; i < BV__COUNT; i++)
		assert_non_null(zoek(doc, "bevindingen",
				     bevinding_defs[i].naam));

	/* a few entries exactly */
	e = zoek(doc, "mijlpalen", "melding_42e_week");
	assert_non_null(e);
	assert_string_equal(veld(e, "titel"), "42e-weekmelding UWV");
	assert_string_equal(veld(e, "soort"), "actie");
	assert_string_equal(veld(e, "kort"), "42");
	assert_string_equal(veld(e, "regel"), "R-TL-8");
	assert_string_equal(veld(e, "bron"), "Ziektewet art. 38 lid 1");
	assert_string_equal(veld(e, "atw"), "lang");
	assert_string_equal(veld(e, "uitleg"),
			    "De werkgever meldt de ziekte bij UWV op de eerste "
			    "dag nadat zij 42 weken heeft geduurd.");
	e = zoek(doc, "mijlpalen", "einde_wachttijd");
	assert_string_equal(veld(e, "soort"), "moment");
	assert_string_equal(veld(e, "titel"), "Laatste dag wachttijd en loon");
	e = zoek(doc, "bevindingen", "PA_TE_LAAT");
	assert_string_equal(veld(e, "titel"), "Probleemanalyse te laat");
	assert_string_equal(veld(e, "ernst"), "laag");
	assert_string_equal(veld(e, "regel"), "R-TL-3");
	assert_true(strlen(veld(e, "herstel")) > 10);
	assert_string_equal(veld(zoek(doc, "statussen", "te_laat"), "titel"),
			    "Te laat gedaan");
	assert_string_equal(veld(zoek(doc, "ernst", "hoog"), "titel"), "Hoog");
	assert_string_equal(veld(zoek(doc, "rollen", "bedrijfsarts"), "titel"),
			    "Bedrijfsarts");
	e = zoek(doc, "klassen", "medisch");
	assert_string_equal(veld(e, "titel"), "Medisch");
	assert_string_equal(veld(e, "uitleg"),
			    "alleen bedrijfsarts en werknemer");
	assert_string_equal(veld(zoek(doc, "vangnet", ""), "titel"),
			    "Geen vangnet");
	assert_string_equal(veld(zoek(doc, "gebeurtenissoorten",
				      "loonsanctie"), "titel"),
			    "Loonsanctie (besluit UWV)");
	g = json_array_get(json_object_get(doc, "soortgroepen"), 1);
	assert_string_equal(veld(g, "titel"), "Tweede spoor");
	assert_string_equal(json_string_value(json_array_get(
				    json_object_get(g, "soorten"), 0)),
			    "start_tweede_spoor");
	e = zoek(doc, "atw", "terug");
	assert_string_equal(veld(e, "opmerking"),
			    "geen verschuiving: terugrekenende termijn "
			    "(Atw art. 1 lid 2)");
	assert_true(json_is_null(json_object_get(zoek(doc, "atw", "geen"),
						 "opmerking")));
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tabellen_volledig),
		cmocka_unit_test(test_groepen),
		cmocka_unit_test(test_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

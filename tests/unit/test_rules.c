/*
 * test_rules.c - the rule table and the ±1-day conventions of R-CNT-10,
 * each pinned by a test so a change of reading is a visible decision.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/rules.h"
#include "core/tijdlijn.h"
#include "core/toets.h"

static void
test_table_integrity(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < MP__COUNT; i++) {
		const struct regel *r = &regels[i];

		assert_int_equal(r->id, i);
		assert_non_null(r->naam);
		assert_true(strlen(r->bron) > 5);
		assert_true(strncmp(r->regel, "R-", 2) == 0);
		assert_true(r->soort == MPS_ACTIE || r->soort == MPS_MOMENT);
		assert_ptr_equal(regel_by_naam(r->naam, strlen(r->naam)), r);
		for (j = 0; j < i; j++)
			assert_string_not_equal(regels[j].naam, r->naam);
	}
	assert_null(regel_by_naam("probleem", 8));
	assert_string_equal(zekerheid_naam(ZEKER_M), "M");
}

static void
test_contract_ids(void **state)
{
	/* architecture §5.1: the ids are the contract */
	static const char *const ids[MP__COUNT] = {
		"probleemanalyse", "plan_van_aanpak", "evaluatie",
		"melding_42e_week", "melding_vangnet",
		"melding_einde_dienstverband", "eerstejaarsevaluatie",
		"start_tweede_spoor", "actueel_oordeel", "eindevaluatie",
		"re_integratieverslag", "wia_aanvraag",
		"einde_minimumloongrens", "vervroegde_iva_uiterlijk",
		"melding_42e_week_grens", "wia_brief_uwv",
		"besluit_loonsanctie_uiterlijk", "einde_wachttijd",
		"einde_opzegverbod", "einde_loonsanctie",
	};
	size_t i;

	(void)state;
	for (i = 0; i < MP__COUNT; i++)
		assert_string_equal(regels[i].naam, ids[i]);
	assert_string_equal(regels[MP_PROBLEEMANALYSE].regel, "R-TL-3");
	assert_string_equal(regels[MP_PROBLEEMANALYSE].bron,
			    "Regeling procesgang art. 2 lid 2");
	assert_string_equal(regels[MP_EINDE_WACHTTIJD].regel, "R-TL-18");
	assert_string_equal(regels[MP_EINDE_WACHTTIJD].bron,
			    "WIA art. 23 lid 1");
}

static void
test_cnt4_forward(void **state)
{
	/* R-CNT-4: "binnen 6 weken na D" = D+42 = sick day 43; the
	 * streefdatum is one day earlier (D+41) */
	(void)state;
	assert_int_equal(CNT4_NA_WEKEN(6), 43);
	assert_int_equal(CNT4_NA_WEKEN(42), 295);
	assert_int_equal(CNT4_STREEF_EERDER, 1);
	assert_int_equal(regels[MP_PROBLEEMANALYSE].offset, 43);
	assert_int_equal(regels[MP_MELDING_42E_WEEK].offset, 295);
}

static void
test_cnt5_backward(void **state)
{
	/* R-CNT-5: L - 7N from the last day L = D+727: RIV D+636, WIA
	 * application D+650, loonsanctie decision D+685 (sick days
	 * 637, 651, 686) */
	(void)state;
	assert_int_equal(CNT5_CORRECTIE, 0);
	assert_int_equal(TL16_RIV_VOOR_EINDE, 91);
	assert_int_equal(TL17_WIA_VOOR_EINDE, 77);
	assert_int_equal(LS3_BESLUIT_VOOR_EINDE, 42);
	assert_int_equal(regels[MP_RE_INTEGRATIEVERSLAG].offset, 637);
	assert_int_equal(regels[MP_ACTUEEL_OORDEEL].offset, 637);
	assert_int_equal(regels[MP_EINDEVALUATIE].offset, 637);
	assert_int_equal(regels[MP_WIA_AANVRAAG].offset, 651);
	assert_int_equal(regels[MP_BESLUIT_LOONSANCTIE_UITERLIJK].offset, 686);
}

static void
test_cnt6_lasted(void **state)
{
	/* R-CNT-6: "has lasted N weeks" = D+7N-1 = sick day 7N: 89 weeks
	 * D+622, 104 weeks D+727, 52 weeks D+363, 81 weeks D+566 (report
	 * due the day before: D+565 = sick day 566) */
	(void)state;
	assert_int_equal(CNT6_CORRECTIE, 0);
	assert_int_equal(regels[MP_WIA_BRIEF_UWV].offset, 623);
	assert_int_equal(regels[MP_EINDE_WACHTTIJD].offset, 728);
	assert_int_equal(regels[MP_EERSTEJAARSEVALUATIE].offset, 364);
	assert_int_equal(regels[MP_EINDE_MINIMUMLOONGRENS].offset, 364);
	assert_int_equal(regels[MP_MELDING_42E_WEEK_GRENS].offset - 1, 566);
	/* R-TL-20: the latest vervroegde-IVA application is D+475 */
	assert_int_equal(regels[MP_VERVROEGDE_IVA_UITERLIJK].offset, 476);
}

static void
test_ls_and_dsm(void **state)
{
	/* R-LS-6: last sanction day H+42; R-LS-5: UWV has 21 days;
	 * R-LS-4: 52 weeks; R-DSM-1: two calendar years */
	(void)state;
	assert_int_equal(LS6_EINDE_NA_BESLUIT, 42);
	assert_int_equal(LS5_BESLISTERMIJN, 21);
	assert_int_equal(LS4_MAX_DAGEN, 364);
	assert_int_equal(DSM1_KALENDERJAREN, 1);
	assert_int_equal(DSM1_JAREN, 2);
	assert_int_equal(TL7_EVALUATIE_DAGEN, 42);
	assert_int_equal(TL5_PVA_DAGEN, 14);
	assert_int_equal(TL12_SPOOR2_DAGEN, 42);
	assert_int_equal(SP23_TERUGKEER_MAANDEN, 3);
	assert_int_equal(TL10_VENSTER_WEEK, 46);
}

/* An event date column: an sdate field inside struct tijdlijn_feiten. */
static void
assert_feit(uint8_t off)
{
	assert_int_not_equal(off, FEIT_GEEN);
	assert_int_equal(off % sizeof(sdate), 0);
	assert_true(off + sizeof(sdate) <= sizeof(struct tijdlijn_feiten));
}

/*
 * Issue 13: the columns that drive tijdlijn_bereken. A row anchored on an
 * event may only fall back on an earlier row (the rows are evaluated in
 * table order); event offsets point at dates; the Atw extension of a short
 * forward term is the vangnet report's alone; every finding has its check.
 */
static void
test_rij_kolommen(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < MP__COUNT; i++) {
		const struct regel *r = &regels[i];

		assert_true(r->anker <= ANK_EINDE_LOON);
		assert_true(r->stap < STAP__COUNT);
		assert_true(r->voorwaarde <= VW_LOONSANCTIE);
		if (r->anker == ANK_NA_FEIT) {
			assert_feit(r->feit);
			assert_true(r->na < i);
		} else {
			assert_int_equal(r->feit, FEIT_GEEN);
		}
		if (r->soort == MPS_MOMENT)
			assert_int_equal(r->gedaan, FEIT_GEEN);
		else if (r->gedaan != FEIT_GEEN)
			assert_feit(r->gedaan);
		assert_int_equal(r->atw == ATW_VERLENGD,
				 i == MP_MELDING_VANGNET);
	}
	assert_int_equal(regels[MP_PLAN_VAN_AANPAK].feit,
			 offsetof(struct tijdlijn_feiten, pa));
	assert_int_equal(regels[MP_PLAN_VAN_AANPAK].na, MP_PROBLEEMANALYSE);
	assert_int_equal(regels[MP_PLAN_VAN_AANPAK].gedaan,
			 offsetof(struct tijdlijn_feiten, pva));
	assert_int_equal(regels[MP_START_TWEEDE_SPOOR].na,
			 MP_EERSTEJAARSEVALUATIE);
	assert_int_equal(regels[MP_EVALUATIE].gedaan, FEIT_GEEN);
	assert_int_equal(regels[MP_MELDING_VANGNET].voorwaarde, VW_VANGNET);
	assert_int_equal(regels[MP_MELDING_EINDE_DIENSTVERBAND].voorwaarde,
			 VW_UIT_DIENST);
	assert_int_equal(regels[MP_EINDE_LOONSANCTIE].voorwaarde,
			 VW_LOONSANCTIE);
	assert_int_equal(regels[MP_WIA_AANVRAAG].stap, STAP_WIA_BRIEF);
	assert_int_equal(regels[MP_EINDE_WACHTTIJD].stap, STAP_LOONSANCTIE);
	assert_int_equal(regels[MP_BESLUIT_LOONSANCTIE_UITERLIJK].anker,
			 ANK_VOOR_EINDE_LAAT);
	assert_int_equal(regels[MP_RE_INTEGRATIEVERSLAG].anker,
			 ANK_VOOR_EINDE);
	for (i = 0; i < BV__COUNT; i++)
		assert_non_null(bevinding_defs[i].vind);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_integrity),
		cmocka_unit_test(test_contract_ids),
		cmocka_unit_test(test_rij_kolommen),
		cmocka_unit_test(test_cnt4_forward),
		cmocka_unit_test(test_cnt5_backward),
		cmocka_unit_test(test_cnt6_lasted),
		cmocka_unit_test(test_ls_and_dsm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * rules.c - the milestone table (see rules.h and docs/rules.md).
 *
 * Sick day numbers follow R-CNT-9: a milestone at D+o of a continuous
 * illness is sick day o+1.
 */
#include <string.h>

#include "rules.h"

#define ROW(ID, S, A, Z, ATW, OFF, TERUG, NAAM, TITEL, REGEL, BRON) \
	[ID] = {ID, S, A, Z, ATW, OFF, TERUG, NAAM, TITEL, REGEL, BRON}

const struct regel regels[MP__COUNT] = {
	/* D+42, sick day 43: "binnen zes weken na de eerste dag" (R-CNT-4) */
	ROW(MP_PROBLEEMANALYSE, MPS_ACTIE, ANK_ZIEKTEDAG, ZEKER_H, ATW_REGELING,
	    CNT4_NA_WEKEN(6), 0, "probleemanalyse", "Probleemanalyse",
	    "R-TL-3", "Regeling procesgang art. 2 lid 2"),
	/* "binnen twee weken na het oordeel" */
	ROW(MP_PLAN_VAN_AANPAK, MPS_ACTIE, ANK_PA_PLUS, ZEKER_H, ATW_REGELING,
	    TL5_PVA_DAGEN, 0, "plan_van_aanpak", "Plan van aanpak",
	    "R-TL-5", "Regeling procesgang art. 4 lid 1"),
	/* periodic evaluation, 6 weeks is practice (conf M) */
	ROW(MP_EVALUATIE, MPS_ACTIE, ANK_EVALUATIE, ZEKER_M, ATW_REGELING,
	    TL7_EVALUATIE_DAGEN, 0, "evaluatie", "Evaluatie plan van aanpak",
	    "R-TL-7", "BW 7:658a lid 3; Regeling procesgang art. 4 lid 4"),
	/* D+294, sick day 295: "eerste dag nadat ... 42 weken heeft geduurd" */
	ROW(MP_MELDING_42E_WEEK, MPS_ACTIE, ANK_ZIEKTEDAG, ZEKER_H, ATW_LANG,
	    CNT4_NA_WEKEN(42), 0, "melding_42e_week", "42e-weekmelding UWV",
	    "R-TL-8", "Ziektewet art. 38 lid 1"),
	/* vangnet: "uiterlijk op de eerste dag na zes weken", D+42 calendar
	 * days, extended by Atw art. 1; earlier when the contract ends */
	ROW(MP_MELDING_VANGNET, MPS_ACTIE, ANK_DAG_ATW, ZEKER_H, ATW_VERLENGD,
	    ZW2_VANGNET_DAGEN, 0, "melding_vangnet", "Ziekmelding vangnet UWV",
	    "R-ZW-2", "Ziektewet art. 38a lid 3"),
	/* ziek uit dienst: report on the last working day */
	ROW(MP_MELDING_EINDE_DIENSTVERBAND, MPS_ACTIE, ANK_LAATSTE_WERKDAG,
	    ZEKER_H, ATW_WERKDAG, 0, 0, "melding_einde_dienstverband",
	    "Ziekmelding einde dienstverband UWV", ZW3_REGEL, ZW3_BRON),
	/* end of week 52 = D+363, sick day 364; window from week 46 */
	ROW(MP_EERSTEJAARSEVALUATIE, MPS_ACTIE, ANK_ZIEKTEDAG, ZEKER_M,
	    ATW_REGELING,
	    CNT6_GEDUURD_WEKEN(52), 0, "eerstejaarsevaluatie",
	    "Eerstejaarsevaluatie", "R-TL-10",
	    "Regeling procesgang art. 4 lid 2 onder b"),
	/* EJE + 6 weeks (UWV Werkwijzer Poortwachter) */
	ROW(MP_START_TWEEDE_SPOOR, MPS_ACTIE, ANK_EJE_PLUS, ZEKER_M,
	    ATW_REGELING,
	    TL12_SPOOR2_DAGEN, 0, "start_tweede_spoor", "Start tweede spoor",
	    "R-TL-12", "BW 7:658a lid 1; UWV Werkwijzer Poortwachter"),
	/* 13 weeks before the end of the wachttijd: D+636, sick day 637 */
	ROW(MP_ACTUEEL_OORDEEL, MPS_ACTIE, ANK_EINDE_MIN, ZEKER_M,
	    ATW_REGELING,
	    7 * 104 - TL16_RIV_VOOR_EINDE, TL16_RIV_VOOR_EINDE,
	    "actueel_oordeel", "Actueel oordeel bedrijfsarts", "R-TL-15",
	    "Regeling procesgang art. 6 lid 1 onder j"),
	ROW(MP_EINDEVALUATIE, MPS_ACTIE, ANK_EINDE_MIN, ZEKER_M, ATW_REGELING,
	    7 * 104 - TL16_RIV_VOOR_EINDE, TL16_RIV_VOOR_EINDE,
	    "eindevaluatie", "Eindevaluatie", "R-TL-15",
	    "Regeling procesgang art. 6 lid 1 onder h"),
	ROW(MP_RE_INTEGRATIEVERSLAG, MPS_ACTIE, ANK_EINDE_MIN, ZEKER_H,
	    ATW_TERUG,
	    7 * 104 - TL16_RIV_VOOR_EINDE, TL16_RIV_VOOR_EINDE,
	    "re_integratieverslag", "Re-integratieverslag", "R-TL-16",
	    "WIA art. 25 lid 3"),
	/* 11 weeks before the end: D+650, sick day 651 */
	ROW(MP_WIA_AANVRAAG, MPS_ACTIE, ANK_WIA_AANVRAAG, ZEKER_H, ATW_TERUG,
	    7 * 104 - TL17_WIA_VOOR_EINDE, TL17_WIA_VOOR_EINDE,
	    "wia_aanvraag", "WIA-aanvraag werknemer", "R-TL-17",
	    "WIA art. 64 lid 3"),
	/* first 52 weeks at least the minimum wage: last day D+363 */
	ROW(MP_EINDE_MINIMUMLOONGRENS, MPS_MOMENT, ANK_ZIEKTEDAG, ZEKER_H,
	    ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(52), 0, "einde_minimumloongrens",
	    "Einde minimumloongrens", "R-PAY-1", "BW 7:629 lid 1"),
	/* shortened wachttijd <= 78 weeks ending >= 10 weeks after A: D+475 */
	ROW(MP_VERVROEGDE_IVA_UITERLIJK, MPS_MOMENT, ANK_ZIEKTEDAG, ZEKER_M,
	    ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(78) - 7 * 10, 0, "vervroegde_iva_uiterlijk",
	    "Uiterste aanvraag vervroegde IVA", "R-TL-20",
	    "WIA art. 23 lid 6"),
	/* report "voor de dag waarop de wachttijd 81 weken heeft geduurd" */
	ROW(MP_MELDING_42E_WEEK_GRENS, MPS_MOMENT, ANK_81_WEKEN, ZEKER_M,
	    ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(81), 0, "melding_42e_week_grens",
	    "Grens 42e-weekmelding (81 weken)", "R-TL-9",
	    "WIA art. 64 lid 6"),
	/* UWV informs at the latest when the wachttijd has lasted 89 weeks */
	ROW(MP_WIA_BRIEF_UWV, MPS_MOMENT, ANK_ZIEKTEDAG, ZEKER_H, ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(89), 0, "wia_brief_uwv",
	    "Uiterste WIA-brief UWV", "R-TL-14", "WIA art. 64 lid 2"),
	/* 6 weeks before the end: D+685, sick day 686 */
	ROW(MP_BESLUIT_LOONSANCTIE_UITERLIJK, MPS_MOMENT, ANK_EINDE_MIN,
	    ZEKER_H, ATW_TERUG, 7 * 104 - LS3_BESLUIT_VOOR_EINDE,
	    LS3_BESLUIT_VOOR_EINDE,
	    "besluit_loonsanctie_uiterlijk", "Uiterste besluit loonsanctie",
	    "R-LS-3", "WIA art. 25 lid 10"),
	/* 104 weeks: D+727, sick day 728 */
	ROW(MP_EINDE_WACHTTIJD, MPS_MOMENT, ANK_EINDE, ZEKER_H, ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(104), 0, "einde_wachttijd",
	    "Laatste dag wachttijd en loon", "R-TL-18",
	    "WIA art. 23 lid 1"),
	/* the first day notice is possible, not a last day: named so */
	ROW(MP_EINDE_OPZEGVERBOD, MPS_MOMENT, ANK_OPZEGVERBOD, ZEKER_M,
	    ATW_GEEN, 0, 0, "einde_opzegverbod",
	    "Eerste dag opzegging mogelijk", "R-DSM-1",
	    "BW 7:670 lid 1 onder a"),
	ROW(MP_EINDE_LOONSANCTIE, MPS_MOMENT, ANK_LOONSANCTIE, ZEKER_M,
	    ATW_GEEN,
	    LS4_MAX_DAGEN, 0, "einde_loonsanctie", "Einde loonsanctie",
	    "R-LS-4", "WIA art. 25 lid 9"),
};

const struct regel *
regel_by_naam(const char *naam, size_t len)
{
	size_t i;

	for (i = 0; i < MP__COUNT; i++)
		if (strlen(regels[i].naam) == len &&
		    memcmp(regels[i].naam, naam, len) == 0)
			return &regels[i];
	return NULL;
}

const char *
zekerheid_naam(enum zekerheid z)
{
	return z == ZEKER_H ? "H" : z == ZEKER_M ? "M" : "L";
}

/*
 * rules.c - the milestone table (see rules.h and docs/rules.md).
 *
 * Sick day numbers follow R-CNT-9: a milestone at D+o of a continuous
 * illness is sick day o+1.
 */
#include <stddef.h>
#include <string.h>

#include "rules.h"
#include "tijdlijn.h"

/* The rows' data: id, kind, anchor, confidence, Atw rule, offset, terug,
 * texts; then HOE: the event date that does it, the event date and the
 * milestone it counts from (ANK_NA_FEIT), its named step and condition. */
#define ROW(ID, S, A, Z, ATW, OFF, TERUG, NAAM, TITEL, REGEL, BRON, HOE) \
	[ID] = {.id = ID, .soort = S, .anker = A, .zekerheid = Z, .atw = ATW, \
		.offset = OFF, .terug = TERUG, .naam = NAAM, .titel = TITEL, \
		.regel = REGEL, .bron = BRON, HOE}
#define HOE(GEDAAN, FEIT, NA, STAP, VW) \
	.gedaan = GEDAAN, .feit = FEIT, .na = NA, .stap = STAP, .voorwaarde = VW
#define F(veld) ((uint8_t)offsetof(struct tijdlijn_feiten, veld))
#define GEEN HOE(FEIT_GEEN, FEIT_GEEN, 0, STAP_GEEN, VW_ALTIJD)

const struct regel regels[MP__COUNT] = {
	/* D+42, sick day 43: "binnen zes weken na de eerste dag" (R-CNT-4) */
	ROW(MP_PROBLEEMANALYSE, MPS_ACTIE, ANK_ZIEKTEDAG, ZEKER_H, ATW_REGELING,
	    CNT4_NA_WEKEN(6), 0, "probleemanalyse", "Probleemanalyse",
	    "R-TL-3", "Regeling procesgang art. 2 lid 2",
	    HOE(F(pa), FEIT_GEEN, 0, STAP_STREEF, VW_ALTIJD)),
	/* "binnen twee weken na het oordeel" */
	ROW(MP_PLAN_VAN_AANPAK, MPS_ACTIE, ANK_NA_FEIT, ZEKER_H, ATW_REGELING,
	    TL5_PVA_DAGEN, 0, "plan_van_aanpak", "Plan van aanpak",
	    "R-TL-5", "Regeling procesgang art. 4 lid 1",
	    HOE(F(pva), F(pa), MP_PROBLEEMANALYSE, STAP_GEEN,
		VW_ALTIJD)),
	/* periodic evaluation, 6 weeks is practice (conf M) */
	ROW(MP_EVALUATIE, MPS_ACTIE, ANK_NA_FEIT, ZEKER_M, ATW_REGELING,
	    TL7_EVALUATIE_DAGEN, 0, "evaluatie", "Evaluatie plan van aanpak",
	    "R-TL-7", "BW 7:658a lid 3; Regeling procesgang art. 4 lid 4",
	    HOE(FEIT_GEEN, F(laatste_evaluatie), MP_PLAN_VAN_AANPAK,
		STAP_GEEN, VW_ALTIJD)),
	/* D+294, sick day 295: "eerste dag nadat ... 42 weken heeft geduurd" */
	ROW(MP_MELDING_42E_WEEK, MPS_ACTIE, ANK_ZIEKTEDAG, ZEKER_H, ATW_LANG,
	    CNT4_NA_WEKEN(42), 0, "melding_42e_week", "42e-weekmelding UWV",
	    "R-TL-8", "Ziektewet art. 38 lid 1",
	    HOE(F(melding42), FEIT_GEEN, 0, STAP_GEEN_VANGNET, VW_ALTIJD)),
	/* vangnet: "uiterlijk op de eerste dag na zes weken", D+42 calendar
	 * days, extended by Atw art. 1; earlier when the contract ends */
	ROW(MP_MELDING_VANGNET, MPS_ACTIE, ANK_DAG, ZEKER_H, ATW_VERLENGD,
	    ZW2_VANGNET_DAGEN, 0, "melding_vangnet", "Ziekmelding vangnet UWV",
	    "R-ZW-2", "Ziektewet art. 38a lid 3",
	    HOE(F(melding_vangnet), FEIT_GEEN, 0, STAP_VANGNET_EINDE,
		VW_VANGNET)),
	/* ziek uit dienst: report on the last working day; not in a vangnet
	 * case, which reports under ZW 38a lid 3 (ZW 38 lid 4 leaves only
	 * the RIV sentences of lid 2 for 29 lid 2 e, f and g) */
	ROW(MP_MELDING_EINDE_DIENSTVERBAND, MPS_ACTIE, ANK_LAATSTE_WERKDAG,
	    ZEKER_H, ATW_WERKDAG, 0, 0, "melding_einde_dienstverband",
	    "Ziekmelding einde dienstverband UWV", ZW3_REGEL, ZW3_BRON,
	    HOE(F(melding_einde_dv), FEIT_GEEN, 0, STAP_GEEN_VANGNET,
		VW_UIT_DIENST)),
	/* end of week 52 = D+363, sick day 364; window from week 46 */
	ROW(MP_EERSTEJAARSEVALUATIE, MPS_ACTIE, ANK_ZIEKTEDAG, ZEKER_M,
	    ATW_REGELING,
	    CNT6_GEDUURD_WEKEN(52), 0, "eerstejaarsevaluatie",
	    "Eerstejaarsevaluatie", "R-TL-10",
	    "Regeling procesgang art. 4 lid 2 onder b",
	    HOE(F(eje), FEIT_GEEN, 0, STAP_EJE_VENSTER, VW_ALTIJD)),
	/* EJE + 6 weeks (UWV Werkwijzer Poortwachter) */
	ROW(MP_START_TWEEDE_SPOOR, MPS_ACTIE, ANK_NA_FEIT, ZEKER_M,
	    ATW_REGELING,
	    TL12_SPOOR2_DAGEN, 0, "start_tweede_spoor", "Start tweede spoor",
	    "R-TL-12", "BW 7:658a lid 1; UWV Werkwijzer Poortwachter",
	    HOE(F(start_spoor2), F(eje), MP_EERSTEJAARSEVALUATIE,
		STAP_SPOOR2_NVT, VW_ALTIJD)),
	/* 13 weeks before the end of the wachttijd: D+636, sick day 637 */
	ROW(MP_ACTUEEL_OORDEEL, MPS_ACTIE, ANK_VOOR_EINDE, ZEKER_M,
	    ATW_REGELING,
	    7 * 104 - TL16_RIV_VOOR_EINDE, TL16_RIV_VOOR_EINDE,
	    "actueel_oordeel", "Actueel oordeel bedrijfsarts", "R-TL-15",
	    "Regeling procesgang art. 6 lid 1 onder j",
	    HOE(F(actueel_oordeel), FEIT_GEEN, 0, STAP_GEEN, VW_ALTIJD)),
	ROW(MP_EINDEVALUATIE, MPS_ACTIE, ANK_VOOR_EINDE, ZEKER_M, ATW_REGELING,
	    7 * 104 - TL16_RIV_VOOR_EINDE, TL16_RIV_VOOR_EINDE,
	    "eindevaluatie", "Eindevaluatie", "R-TL-15",
	    "Regeling procesgang art. 6 lid 1 onder h",
	    HOE(F(eindevaluatie), FEIT_GEEN, 0, STAP_GEEN, VW_ALTIJD)),
	ROW(MP_RE_INTEGRATIEVERSLAG, MPS_ACTIE, ANK_VOOR_EINDE, ZEKER_H,
	    ATW_TERUG,
	    7 * 104 - TL16_RIV_VOOR_EINDE, TL16_RIV_VOOR_EINDE,
	    "re_integratieverslag", "Re-integratieverslag", "R-TL-16",
	    "WIA art. 25 lid 3",
	    HOE(F(riv), FEIT_GEEN, 0, STAP_RIV_UIT_DIENST, VW_ALTIJD)),
	/* 11 weeks before the end: D+650, sick day 651 */
	ROW(MP_WIA_AANVRAAG, MPS_ACTIE, ANK_VOOR_EINDE, ZEKER_H, ATW_TERUG,
	    7 * 104 - TL17_WIA_VOOR_EINDE, TL17_WIA_VOOR_EINDE,
	    "wia_aanvraag", "WIA-aanvraag werknemer", "R-TL-17",
	    "WIA art. 64 lid 3",
	    HOE(F(wia_aanvraag), FEIT_GEEN, 0, STAP_WIA_BRIEF, VW_ALTIJD)),
	/* first 52 weeks at least the minimum wage: last day D+363 */
	ROW(MP_EINDE_MINIMUMLOONGRENS, MPS_MOMENT, ANK_ZIEKTEDAG, ZEKER_H,
	    ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(52), 0, "einde_minimumloongrens",
	    "Einde minimumloongrens", "R-PAY-1", "BW 7:629 lid 1",
	    GEEN),
	/* shortened wachttijd <= 78 weeks ending >= 10 weeks after A: D+475 */
	ROW(MP_VERVROEGDE_IVA_UITERLIJK, MPS_MOMENT, ANK_ZIEKTEDAG, ZEKER_M,
	    ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(78) - 7 * 10, 0, "vervroegde_iva_uiterlijk",
	    "Uiterste aanvraag vervroegde IVA", "R-TL-20",
	    "WIA art. 23 lid 6",
	    GEEN),
	/* report "voor de dag waarop de wachttijd 81 weken heeft geduurd" */
	ROW(MP_MELDING_42E_WEEK_GRENS, MPS_MOMENT, ANK_ZIEKTEDAG_ERVOOR, ZEKER_M,
	    ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(81), 0, "melding_42e_week_grens",
	    "Grens 42e-weekmelding (81 weken)", "R-TL-9",
	    "WIA art. 64 lid 6",
	    GEEN),
	/* UWV informs at the latest when the wachttijd has lasted 89 weeks */
	ROW(MP_WIA_BRIEF_UWV, MPS_MOMENT, ANK_ZIEKTEDAG, ZEKER_H, ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(89), 0, "wia_brief_uwv",
	    "Uiterste WIA-brief UWV", "R-TL-14", "WIA art. 64 lid 2",
	    GEEN),
	/* 6 weeks before the end: D+685, sick day 686 */
	ROW(MP_BESLUIT_LOONSANCTIE_UITERLIJK, MPS_MOMENT, ANK_VOOR_EINDE_LAAT,
	    ZEKER_H, ATW_TERUG, 7 * 104 - LS3_BESLUIT_VOOR_EINDE,
	    LS3_BESLUIT_VOOR_EINDE,
	    "besluit_loonsanctie_uiterlijk", "Uiterste besluit loonsanctie",
	    "R-LS-3", "WIA art. 25 lid 10",
	    GEEN),
	/* 104 weeks: D+727, sick day 728 */
	ROW(MP_EINDE_WACHTTIJD, MPS_MOMENT, ANK_VOOR_EINDE_LAAT, ZEKER_H, ATW_GEEN,
	    CNT6_GEDUURD_WEKEN(104), 0, "einde_wachttijd",
	    "Laatste dag wachttijd en loon", "R-TL-18",
	    "WIA art. 23 lid 1",
	    HOE(FEIT_GEEN, FEIT_GEEN, 0, STAP_LOONSANCTIE, VW_ALTIJD)),
	/* the first day notice is possible, not a last day: named so */
	ROW(MP_EINDE_OPZEGVERBOD, MPS_MOMENT, ANK_OPZEGVERBOD, ZEKER_M,
	    ATW_GEEN, 0, 0, "einde_opzegverbod",
	    "Eerste dag opzegging mogelijk", "R-DSM-1",
	    "BW 7:670 lid 1 onder a",
	    HOE(FEIT_GEEN, FEIT_GEEN, 0, STAP_OPZEGVERBOD_NVT, VW_ALTIJD)),
	ROW(MP_EINDE_LOONSANCTIE, MPS_MOMENT, ANK_EINDE_LOON, ZEKER_M,
	    ATW_GEEN,
	    LS4_MAX_DAGEN, 0, "einde_loonsanctie", "Einde loonsanctie",
	    "R-LS-4", "WIA art. 25 lid 9",
	    HOE(FEIT_GEEN, FEIT_GEEN, 0, STAP_GEEN, VW_LOONSANCTIE)),
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

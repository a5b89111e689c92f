/*
 * catalogus.c - the words of the contract ids (see catalogus.h).
 *
 * Tables are indexed by enum with designated initialisers, so the order
 * here is the reader's, not the enum's; test_catalogus checks that no
 * entry is missing.
 */
#include <string.h>

#include "catalogus.h"

const char *const mijlpaal_uitleg[MP__COUNT] = {
	[MP_PROBLEEMANALYSE] =
	    "De bedrijfsarts maakt de probleemanalyse uiterlijk in de "
	    "zesde ziekteweek (ziektedag 43).",
	[MP_PLAN_VAN_AANPAK] =
	    "Werkgever en werknemer stellen het plan van aanpak op "
	    "binnen twee weken na de probleemanalyse.",
	[MP_EVALUATIE] =
	    "Het plan van aanpak wordt minstens elke zes weken "
	    "geëvalueerd.",
	[MP_MELDING_42E_WEEK] =
	    "De werkgever meldt de ziekte bij UWV op de eerste dag "
	    "nadat zij 42 weken heeft geduurd.",
	[MP_MELDING_VANGNET] =
	    "Bij zwangerschap, orgaandonatie of de no-riskpolis meldt "
	    "de werkgever de ziekte bij UWV uiterlijk op de eerste dag "
	    "na zes weken; valt die dag in een weekend of op een "
	    "feestdag, dan de eerstvolgende werkdag.",
	[MP_MELDING_EINDE_DIENSTVERBAND] =
	    "Eindigt het dienstverband tijdens de ziekte, dan meldt de "
	    "werkgever dat uiterlijk op de laatste werkdag bij UWV, "
	    "met het re-integratieverslag als de ziekte dan zes weken "
	    "of langer duurt.",
	[MP_EERSTEJAARSEVALUATIE] =
	    "Werkgever en werknemer evalueren het eerste ziektejaar "
	    "tussen week 46 en het einde van week 52.",
	[MP_START_TWEEDE_SPOOR] =
	    "Lukt terugkeer bij de eigen werkgever niet, dan start het "
	    "tweede spoor uiterlijk zes weken na de "
	    "eerstejaarsevaluatie.",
	[MP_ACTUEEL_OORDEEL] =
	    "Voor het re-integratieverslag geeft de bedrijfsarts "
	    "uiterlijk in week 91 een actueel oordeel.",
	[MP_EINDEVALUATIE] =
	    "Werkgever en werknemer maken uiterlijk in week 91 de "
	    "eindevaluatie.",
	[MP_RE_INTEGRATIEVERSLAG] =
	    "Het re-integratieverslag is uiterlijk in week 91 klaar "
	    "voor de WIA-aanvraag.",
	[MP_WIA_AANVRAAG] =
	    "De werknemer vraagt de WIA-uitkering aan uiterlijk elf "
	    "weken voor het einde van de wachttijd (week 93).",
	[MP_EINDE_MINIMUMLOONGRENS] =
	    "Na 52 weken ziekte geldt het minimumloon niet meer als "
	    "ondergrens van de loondoorbetaling.",
	[MP_VERVROEGDE_IVA_UITERLIJK] =
	    "Laatste dag om een vervroegde IVA-uitkering aan te "
	    "vragen: de wachttijd eindigt op zijn vroegst tien weken "
	    "na de aanvraag en uiterlijk na 78 weken.",
	[MP_MELDING_42E_WEEK_GRENS] =
	    "Zonder 42e-weekmelding vóór deze dag vervalt de "
	    "bescherming bij een late WIA-aanvraag; de werkgever kan "
	    "dan langer loon moeten betalen.",
	[MP_WIA_BRIEF_UWV] =
	    "UWV stuurt uiterlijk in week 89 de brief over het "
	    "aanvragen van de WIA-uitkering.",
	[MP_BESLUIT_LOONSANCTIE_UITERLIJK] =
	    "UWV beslist over een loonsanctie uiterlijk zes weken voor "
	    "het einde van de wachttijd.",
	[MP_EINDE_WACHTTIJD] =
	    "De laatste dag van de wachttijd voor de WIA en van de "
	    "loondoorbetaling (104 weken ziekte, eventueel verlengd).",
	[MP_EINDE_OPZEGVERBOD] =
	    "Vanaf deze dag geldt het opzegverbod bij ziekte niet "
	    "meer: na twee jaar ziekte (samengeteld, eventueel "
	    "verlengd).",
	[MP_EINDE_LOONSANCTIE] =
	    "De door UWV opgelegde verlenging van de loondoorbetaling "
	    "eindigt.",
};

const char *const mijlpaal_kort[MP__COUNT] = {
	[MP_PROBLEEMANALYSE] = "PA",
	[MP_PLAN_VAN_AANPAK] = "PvA",
	[MP_EVALUATIE] = "Ev",
	[MP_MELDING_42E_WEEK] = "42",
	[MP_MELDING_VANGNET] = "ZW",
	[MP_MELDING_EINDE_DIENSTVERBAND] = "UD",
	[MP_EERSTEJAARSEVALUATIE] = "EJE",
	[MP_START_TWEEDE_SPOOR] = "2S",
	[MP_ACTUEEL_OORDEEL] = "AO",
	[MP_EINDEVALUATIE] = "EE",
	[MP_RE_INTEGRATIEVERSLAG] = "RIV",
	[MP_WIA_AANVRAAG] = "WIA",
	[MP_EINDE_MINIMUMLOONGRENS] = "ML",
	[MP_VERVROEGDE_IVA_UITERLIJK] = "IVA",
	[MP_MELDING_42E_WEEK_GRENS] = "81w",
	[MP_WIA_BRIEF_UWV] = "Brief",
	[MP_BESLUIT_LOONSANCTIE_UITERLIJK] = "LS",
	[MP_EINDE_WACHTTIJD] = "104w",
	[MP_EINDE_OPZEGVERBOD] = "Opz",
	[MP_EINDE_LOONSANCTIE] = "Einde LS",
};

const char *const mp_status_titel[ST__COUNT] = {
	[ST_OP_TIJD] = "Op tijd gedaan",
	[ST_TE_LAAT] = "Te laat gedaan",
	[ST_VERLOPEN] = "Verlopen",
	[ST_OPEN] = "Open",
	[ST_NIET_VAN_TOEPASSING] = "Niet van toepassing",
	[ST_KOMEND] = "Komend",
	[ST_VOORBIJ] = "Voorbij",
};

const char *const bevinding_titel[BV__COUNT] = {
	[BV_PA_ONTBREEKT] =
	    "Probleemanalyse ontbreekt",
	[BV_PA_TE_LAAT] =
	    "Probleemanalyse te laat",
	[BV_PVA_ONTBREEKT] =
	    "Plan van aanpak ontbreekt",
	[BV_PVA_TE_LAAT] =
	    "Plan van aanpak te laat",
	[BV_GEEN_CASEMANAGER] =
	    "Geen casemanager in het plan van aanpak",
	[BV_EVALUATIE_ACHTERSTALLIG] =
	    "Evaluatie achterstallig",
	[BV_MELDING_42_ONTBREEKT] =
	    "42e-weekmelding ontbreekt",
	[BV_MELDING_42_TE_LAAT] =
	    "42e-weekmelding te laat",
	[BV_EJE_ONTBREEKT] =
	    "Eerstejaarsevaluatie ontbreekt",
	[BV_SPOOR2_NIET_GESTART] =
	    "Tweede spoor niet gestart",
	[BV_SPOOR2_TE_LAAT_GESTART] =
	    "Tweede spoor te laat gestart",
	[BV_SPOOR2_ZONDER_BEMIDDELING] =
	    "Tweede spoor zonder bemiddeling",
	[BV_SPOOR2_STIL] =
	    "Tweede spoor ligt stil",
	[BV_OUTPLACEMENT_I_P_V_SPOOR2] =
	    "Outplacement in plaats van tweede spoor",
	[BV_THERAPEUTISCH_TE_LANG] =
	    "Therapeutisch werken te lang",
	[BV_WEIGERING_ZONDER_MAATREGEL] =
	    "Weigering zonder maatregel",
	[BV_ACTUEEL_OORDEEL_ONTBREEKT] =
	    "Actueel oordeel ontbreekt",
	[BV_EINDEVALUATIE_ONTBREEKT] =
	    "Eindevaluatie ontbreekt",
	[BV_RIV_ONTBREEKT] =
	    "Re-integratieverslag ontbreekt",
	[BV_RIV_ONVOLLEDIG] =
	    "Re-integratieverslag onvolledig",
	[BV_WIA_AANVRAAG_TE_LAAT] =
	    "WIA-aanvraag te laat",
	[BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT] =
	    "Re-integratieverslag bij einde dienstverband ontbreekt",
	[BV_MELDING_VANGNET_ONTBREEKT] =
	    "Ziekmelding vangnet ontbreekt",
	[BV_MELDING_VANGNET_TE_LAAT] =
	    "Ziekmelding vangnet te laat",
	[BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT] =
	    "Melding einde dienstverband ontbreekt",
	[BV_MELDING_EINDE_DIENSTVERBAND_TE_LAAT] =
	    "Melding einde dienstverband te laat",
	[BV_BEVREDIGEND_RESULTAAT] =
	    "Bevredigend resultaat",
	[BV_GEEN_BENUTBARE_MOGELIJKHEDEN] =
	    "Geen benutbare mogelijkheden",
};

const char *const ernst_titel[ERNST__COUNT] = {
	[ERNST_LAAG] = "Laag",
	[ERNST_MIDDEN] = "Midden",
	[ERNST_HOOG] = "Hoog",
	[ERNST_INFO] = "Info",
};

const char *const gb_soort_titel[GB__COUNT] = {
	[GB_VERZUIMMELDING_ARBODIENST] = "Verzuimmelding arbodienst",
	[GB_PROBLEEMANALYSE] = "Probleemanalyse",
	[GB_BIJSTELLING_PROBLEEMANALYSE] = "Bijstelling probleemanalyse",
	[GB_PLAN_VAN_AANPAK] = "Plan van aanpak",
	[GB_BIJSTELLING_PLAN_VAN_AANPAK] = "Bijstelling plan van aanpak",
	[GB_EVALUATIE] = "Evaluatie plan van aanpak",
	[GB_ACTUEEL_OORDEEL] = "Actueel oordeel bedrijfsarts",
	[GB_EINDEVALUATIE] = "Eindevaluatie",
	[GB_VISIE_WERKNEMER] = "Visie werknemer",
	[GB_RE_INTEGRATIEVERSLAG] = "Re-integratieverslag",
	[GB_WIA_AANVRAAG] = "WIA-aanvraag",
	[GB_VERVROEGDE_IVA_AANVRAAG] = "Aanvraag vervroegde IVA",
	[GB_VOORTGANGSRAPPORTAGE] = "Voortgangsrapportage",
	[GB_CONTACT] = "Contact",
	[GB_WAARSCHUWING_WERKNEMER] = "Waarschuwing aan werknemer",
	[GB_LOONOPSCHORTING] = "Loonopschorting",
	[GB_LOONSTOP] = "Loonstop",
	[GB_WEIGERING_WERKNEMER] = "Weigering werknemer",
	[GB_OUTPLACEMENT] = "Outplacement",
	[GB_BEKORTINGSVERZOEK] = "Bekortingsverzoek",
	[GB_BELASTBAARHEID] = "Belastbaarheid",
	[GB_ARBEIDSDESKUNDIG_ONDERZOEK] = "Arbeidsdeskundig onderzoek",
	[GB_MELDING_42E_WEEK] = "42e-weekmelding UWV",
	[GB_EERSTEJAARSEVALUATIE] = "Eerstejaarsevaluatie",
	[GB_START_TWEEDE_SPOOR] = "Start tweede spoor",
	[GB_ACTIVITEIT] = "Activiteit tweede spoor",
	[GB_SOLLICITATIE] = "Sollicitatie",
	[GB_WERKHERVATTING] = "Werkhervatting",
	[GB_DESKUNDIGENOORDEEL] = "Deskundigenoordeel UWV",
	[GB_WIA_BRIEF_UWV] = "WIA-brief UWV",
	[GB_VERLENGING_LOONDOORBETALING] = "Verlenging loondoorbetaling",
	[GB_LOONSANCTIE] = "Loonsanctie (besluit UWV)",
	[GB_BESLUIT_BEKORTING] = "Besluit bekorting loonsanctie",
	[GB_EINDE_DIENSTVERBAND] = "Einde dienstverband",
	[GB_MELDING_VANGNET] = "Ziekmelding vangnet UWV",
	[GB_MELDING_EINDE_DIENSTVERBAND] = "Ziekmelding einde dienstverband UWV",
};

static const uint8_t groep0[] = {
	GB_VERZUIMMELDING_ARBODIENST, GB_PROBLEEMANALYSE,
	GB_BIJSTELLING_PROBLEEMANALYSE, GB_PLAN_VAN_AANPAK,
	GB_BIJSTELLING_PLAN_VAN_AANPAK, GB_EVALUATIE, GB_BELASTBAARHEID,
	GB_ARBEIDSDESKUNDIG_ONDERZOEK, GB_MELDING_42E_WEEK,
	GB_MELDING_VANGNET, GB_EERSTEJAARSEVALUATIE,
};
static const uint8_t groep1[] = {
	GB_START_TWEEDE_SPOOR, GB_ACTIVITEIT, GB_SOLLICITATIE,
	GB_VOORTGANGSRAPPORTAGE, GB_OUTPLACEMENT,
};
static const uint8_t groep2[] = {
	GB_WERKHERVATTING,
};
static const uint8_t groep3[] = {
	GB_ACTUEEL_OORDEEL, GB_EINDEVALUATIE, GB_VISIE_WERKNEMER,
	GB_RE_INTEGRATIEVERSLAG, GB_WIA_AANVRAAG, GB_VERVROEGDE_IVA_AANVRAAG,
	GB_WIA_BRIEF_UWV, GB_BEKORTINGSVERZOEK, GB_BESLUIT_BEKORTING,
	GB_VERLENGING_LOONDOORBETALING, GB_LOONSANCTIE,
};
static const uint8_t groep4[] = {
	GB_WEIGERING_WERKNEMER, GB_WAARSCHUWING_WERKNEMER,
	GB_LOONOPSCHORTING, GB_LOONSTOP, GB_DESKUNDIGENOORDEEL,
};
static const uint8_t groep5[] = {
	GB_CONTACT, GB_EINDE_DIENSTVERBAND, GB_MELDING_EINDE_DIENSTVERBAND,
};

#define GROEP(T, A) {T, A, sizeof(A) / sizeof((A)[0])}

const struct cat_groep gb_soort_groepen[] = {
	GROEP("Poortwachterstappen", groep0),
	GROEP("Tweede spoor", groep1),
	GROEP("Werkhervatting", groep2),
	GROEP("Einde wachttijd en WIA", groep3),
	GROEP("Maatregelen en geschillen", groep4),
	GROEP("Overig", groep5),
};
const size_t gb_soort_ngroepen =
	sizeof(gb_soort_groepen) / sizeof(gb_soort_groepen[0]);

const char *const zichtbaarheid_titel[3] = {
	[ZB_ALGEMEEN] = "Algemeen",
	[ZB_MEDISCH] = "Medisch",
	[ZB_VERTROUWELIJK] = "Vertrouwelijk",
};

/* who reads each class: the access table of architecture §6 */
const char *const zichtbaarheid_uitleg[3] = {
	[ZB_ALGEMEEN] = "alle betrokkenen",
	[ZB_MEDISCH] = "alleen bedrijfsarts en werknemer",
	[ZB_VERTROUWELIJK] = "alleen loopbaancoach en werknemer",
};

const char *const vangnet_titel[4] = {
	[VN_GEEN] = "Geen vangnet",
	[VN_ZWANGERSCHAP] = "Zwangerschap",
	[VN_ORGAANDONATIE] = "Orgaandonatie",
	[VN_NO_RISK] = "No-riskpolis",
};

const char *const contract_titel[2] = {
	[CS_ONBEPAALDE_TIJD] = "Onbepaalde tijd",
	[CS_BEPAALDE_TIJD] = "Bepaalde tijd",
};

const char *const verzuim_soort_titel[VZ__COUNT] = {
	[VZ_ZIEK] = "Ziek",
	[VZ_HERSTELD] = "Hersteld",
	[VZ_ZWANGERSCHAPSVERLOF] = "Zwangerschapsverlof",
};

const char *const instrument_titel[INS__COUNT] = {
	[INS_FML] = "FML",
	[INS_IZP] = "IZP",
	[INS_LAB] = "LAB",
};

const char *const conclusie_titel[ADC__COUNT] = {
	[ADC_SPOOR1] = "Spoor 1: passend werk bij de eigen werkgever",
	[ADC_SPOOR2] = "Spoor 2: werk bij een andere werkgever",
	[ADC_GEEN_MOGELIJKHEDEN] = "Geen mogelijkheden",
};

const char *const module_titel[MOD__COUNT] = {
	[MOD_LOOPBAANORIENTATIE] = "Loopbaanoriëntatie",
	[MOD_ASSESSMENT] = "Assessment",
	[MOD_COACHING] = "Coaching",
	[MOD_SOLLICITATIETRAINING] = "Sollicitatietraining",
	[MOD_ARBEIDSMARKTVERKENNING] = "Arbeidsmarktverkenning",
	[MOD_JOBHUNTING] = "Jobhunting",
	[MOD_BEMIDDELING] = "Bemiddeling",
	[MOD_SCHOLING] = "Scholing",
	[MOD_WERKERVARINGSPLAATS] = "Werkervaringsplaats",
	[MOD_PROEFPLAATSING] = "Proefplaatsing",
	[MOD_DETACHERING] = "Detachering",
	[MOD_ZELFSTANDIG_ONDERNEMERSCHAP] = "Zelfstandig ondernemerschap",
	[MOD_NAZORG] = "Nazorg",
};

const char *const sol_uitkomst_titel[SOL__COUNT] = {
	[SOL_VERSTUURD] = "Verstuurd",
	[SOL_GESPREK] = "Gesprek",
	[SOL_AFGEWEZEN] = "Afgewezen",
	[SOL_AANGENOMEN] = "Aangenomen",
};

const char *const bij_titel[BIJ__COUNT] = {
	[BIJ_EIGEN_WERK] = "Eigen werk",
	[BIJ_ANDER_WERK_EIGEN_WERKGEVER] = "Ander werk bij de eigen werkgever",
	[BIJ_ANDERE_WERKGEVER] = "Andere werkgever",
};

const char *const atw_naam[ATW__COUNT] = {
	[ATW_GEEN] = "geen",
	[ATW_REGELING] = "regeling",
	[ATW_LANG] = "lang",
	[ATW_TERUG] = "terug",
	[ATW_VERLENGD] = "verlengd",
	[ATW_WERKDAG] = "werkdag",
};

/* A moment is no term for an act, and a working day needs no remark. */
const char *const atw_opmerking[ATW__COUNT] = {
	[ATW_GEEN] = NULL,
	[ATW_REGELING] = "geen verschuiving: de termijn komt uit een "
			 "ministeriële regeling of beleid (Atw art. 5)",
	[ATW_LANG] = "geen verschuiving: termijn langer dan 12 weken (Atw "
		     "art. 4); meld uiterlijk op de werkdag ervoor (UWV "
		     "aanvaardt in de praktijk ook de eerste werkdag erna)",
	[ATW_TERUG] = "geen verschuiving: terugrekenende termijn (Atw art. 1 "
		      "lid 2)",
	[ATW_VERLENGD] = "de termijn loopt door tot de eerstvolgende werkdag "
			 "(Atw art. 1 lid 1)",
	[ATW_WERKDAG] = NULL,
};

const struct cat_woord rol_titels[] = {
	{"beheerder", "Beheerder"},
	{"casemanager", "Casemanager"},
	{"werkgever", "Werkgever"},
	{"leidinggevende", "Leidinggevende"},
	{"bedrijfsarts", "Bedrijfsarts"},
	{"arbeidsdeskundige", "Arbeidsdeskundige"},
	{"loopbaancoach", "Loopbaancoach"},
	{"werknemer", "Werknemer"},
	{"adviseur", "Adviseur"},
};
const size_t rol_ntitels = sizeof(rol_titels) / sizeof(rol_titels[0]);

const char *
catalogus_rol_titel(const char *naam, size_t len)
{
	size_t i;

	for (i = 0; i < rol_ntitels; i++)
		if (strlen(rol_titels[i].id) == len &&
		    !memcmp(rol_titels[i].id, naam, len))
			return rol_titels[i].titel;
	return NULL;
}

/*
 * toets.c - the poortwachtertoets (see toets.h, docs/rules.md).
 */
#include <stdio.h>
#include <string.h>

#include "toets.h"

const char *const ernst_naam[ERNST__COUNT] = {"info", "laag", "midden",
					      "hoog"};

const char *const riv_deel_naam[RIV__COUNT] = {
	"(a) gegevens arbodienst/bedrijfsarts (verzuimmelding)",
	"(c) functie van de werknemer",
	"(e) eerste ziektedag",
	"(f) probleemanalyse",
	"(g) plan van aanpak",
	"(h) eerstejaarsevaluatie",
	"(h) eindevaluatie",
	"(j) actueel oordeel bedrijfsarts",
	"(l) visie van de werknemer",
};

/* The checks, one per finding; defined below the table. */
static bevinding_vind vind_riv_ontbreekt,
	vind_riv_einde_dienstverband_ontbreekt, vind_riv_onvolledig,
	vind_actueel_oordeel_ontbreekt, vind_eindevaluatie_ontbreekt,
	vind_bevredigend_resultaat, vind_geen_benutbare_mogelijkheden,
	vind_spoor2_niet_gestart, vind_spoor2_te_laat_gestart,
	vind_spoor2_zonder_bemiddeling, vind_spoor2_stil,
	vind_outplacement_i_p_v_spoor2, vind_eje_ontbreekt,
	vind_therapeutisch_te_lang, vind_weigering_zonder_maatregel,
	vind_pa_ontbreekt, vind_pa_te_laat, vind_pva_ontbreekt,
	vind_pva_te_laat, vind_geen_casemanager, vind_evaluatie_achterstallig,
	vind_melding_42_ontbreekt, vind_melding_42_te_laat,
	vind_melding_vangnet_ontbreekt, vind_melding_vangnet_te_laat,
	vind_melding_einde_dienstverband_ontbreekt,
	vind_melding_einde_dienstverband_te_laat, vind_wia_aanvraag_te_laat;

#define DEF(ID, NAAM, ERNST, SP2, REGEL, BRON, HERSTEL, VIND) \
	[ID] = {NAAM, ERNST, SP2, REGEL, BRON, HERSTEL, VIND}

const struct bevinding_def bevinding_defs[BV__COUNT] = {
	DEF(BV_RIV_ONTBREEKT, "RIV_ONTBREEKT", ERNST_HOOG, 0, "R-TL-16",
	    "WIA art. 25 lid 3",
	    "Stel het re-integratieverslag nu op met de werknemer, geef hem "
	    "een afschrift en voeg alle verplichte onderdelen toe.",
	    vind_riv_ontbreekt),
	DEF(BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT,
	    "RIV_EINDE_DIENSTVERBAND_ONTBREEKT", ERNST_HOOG, 0, "R-ZW-3",
	    "Ziektewet art. 38 lid 2",
	    "Stel het re-integratieverslag alsnog op met de werknemer en "
	    "stuur het naar UWV; UWV kan de Ziektewet-uitkering tot 52 weken "
	    "op de werkgever verhalen (Ziektewet art. 39a).",
	    vind_riv_einde_dienstverband_ontbreekt),
	DEF(BV_RIV_ONVOLLEDIG, "RIV_ONVOLLEDIG", ERNST_HOOG, 0, "R-RIV-1",
	    "Regeling procesgang art. 6 lid 1",
	    "Vul het re-integratieverslag aan met de ontbrekende onderdelen; "
	    "UWV geeft in de praktijk een week, daarna volgt een "
	    "administratieve loonsanctie.",
	    vind_riv_onvolledig),
	DEF(BV_ACTUEEL_OORDEEL_ONTBREEKT, "ACTUEEL_OORDEEL_ONTBREEKT",
	    ERNST_HOOG, 0, "R-TL-15", "Regeling procesgang art. 6 lid 1 onder j",
	    "Vraag de bedrijfsarts om een actueel oordeel over het verloop "
	    "van de ongeschiktheid en de functionele mogelijkheden.",
	    vind_actueel_oordeel_ontbreekt),
	DEF(BV_EINDEVALUATIE_ONTBREEKT, "EINDEVALUATIE_ONTBREEKT", ERNST_HOOG,
	    0, "R-TL-15", "Regeling procesgang art. 6 lid 1 onder h",
	    "Maak samen met de werknemer de eindevaluatie (UWV-formulier "
	    "Eindevaluatie) en voeg die bij het re-integratieverslag.",
	    vind_eindevaluatie_ontbreekt),
	DEF(BV_BEVREDIGEND_RESULTAAT, "BEVREDIGEND_RESULTAAT", ERNST_INFO, 0,
	    "R-SP2-7", "Beleidsregels beoordelingskader poortwachter par. 3",
	    "Leg vast dat werkgever en werknemer het resultaat bevredigend "
	    "vinden; UWV toetst de inspanningen dan niet verder.",
	    vind_bevredigend_resultaat),
	DEF(BV_GEEN_BENUTBARE_MOGELIJKHEDEN, "GEEN_BENUTBARE_MOGELIJKHEDEN",
	    ERNST_INFO, 0, "R-SP2-4",
	    "Beleidsregels beoordelingskader poortwachter par. 3 en 7.4",
	    "Laat de bedrijfsarts de conclusie 'geen benutbare mogelijkheden' "
	    "goed onderbouwen en periodiek herbeoordelen.",
	    vind_geen_benutbare_mogelijkheden),
	DEF(BV_SPOOR2_NIET_GESTART, "SPOOR2_NIET_GESTART", ERNST_HOOG, 1,
	    "R-SP2-3", "BW 7:658a lid 1; UWV Werkwijzer Poortwachter",
	    "Start direct een adequaat tweedespoortraject via een "
	    "re-integratiebedrijf, met bemiddeling naar concrete vacatures "
	    "die passen bij de belastbaarheid.",
	    vind_spoor2_niet_gestart),
	DEF(BV_SPOOR2_TE_LAAT_GESTART, "SPOOR2_TE_LAAT_GESTART", ERNST_HOOG, 1,
	    "R-SP2-3", "BW 7:658a lid 1; UWV Werkwijzer Poortwachter",
	    "Leg vast waarom later is gestart en maak de achterstand goed met "
	    "een intensief traject (jobhunting, bemiddeling, "
	    "werkervaringsplaats).",
	    vind_spoor2_te_laat_gestart),
	DEF(BV_SPOOR2_ZONDER_BEMIDDELING, "SPOOR2_ZONDER_BEMIDDELING",
	    ERNST_HOOG, 1, "R-SP2-5",
	    "Beleidsregels beoordelingskader poortwachter par. 9",
	    "Zet jobhunting of bemiddeling naar concrete vacatures in; "
	    "algemene training of outplacement alleen is onvoldoende.",
	    vind_spoor2_zonder_bemiddeling),
	DEF(BV_SPOOR2_STIL, "SPOOR2_STIL", ERNST_MIDDEN, 1, "R-SP2-5",
	    "Beleidsregels beoordelingskader poortwachter par. 9",
	    "Vraag het re-integratiebedrijf om een voortgangsrapportage, "
	    "spreek passiviteit aan en vervang zo nodig de aanbieder.",
	    vind_spoor2_stil),
	DEF(BV_OUTPLACEMENT_I_P_V_SPOOR2, "OUTPLACEMENT_I_P_V_SPOOR2",
	    ERNST_HOOG, 1, "R-SP2-5",
	    "Beleidsregels beoordelingskader poortwachter par. 9",
	    "Maak van de outplacement een tweedespoortraject: een plan van "
	    "aanpak op basis van de belastbaarheid, met bemiddeling naar "
	    "passend werk.",
	    vind_outplacement_i_p_v_spoor2),
	DEF(BV_EJE_ONTBREEKT, "EJE_ONTBREEKT", ERNST_HOOG, 0, "R-TL-10",
	    "Regeling procesgang art. 4 lid 2 onder b",
	    "Houd alsnog de eerstejaarsevaluatie en beslis daarin expliciet "
	    "over de inzet van het tweede spoor.",
	    vind_eje_ontbreekt),
	DEF(BV_THERAPEUTISCH_TE_LANG, "THERAPEUTISCH_TE_LANG", ERNST_MIDDEN, 0,
	    "R-SP2-2", "Beleidsregels beoordelingskader poortwachter par. 8",
	    "Zet de therapeutische werkhervatting om in werk met loonwaarde of "
	    "leg vast waarom dat (nog) niet kan.",
	    vind_therapeutisch_te_lang),
	DEF(BV_WEIGERING_ZONDER_MAATREGEL, "WEIGERING_ZONDER_MAATREGEL",
	    ERNST_MIDDEN, 0, "R-PAY-2",
	    "BW 7:629 lid 3; Beleidsregels beoordelingskader poortwachter "
	    "par. 3",
	    "Waarschuw de werknemer schriftelijk, schort het loon op of stop "
	    "het, of vraag een deskundigenoordeel aan.",
	    vind_weigering_zonder_maatregel),
	DEF(BV_PA_ONTBREEKT, "PA_ONTBREEKT", ERNST_MIDDEN, 0, "R-TL-3",
	    "Regeling procesgang art. 2 lid 2",
	    "Laat de bedrijfsarts onverwijld de probleemanalyse maken "
	    "(Regeling procesgang art. 2 lid 3).",
	    vind_pa_ontbreekt),
	DEF(BV_PA_TE_LAAT, "PA_TE_LAAT", ERNST_LAAG, 0, "R-TL-3",
	    "Regeling procesgang art. 2 lid 2",
	    "Leg in het dossier vast waarom de probleemanalyse later kwam en "
	    "dat de re-integratie daardoor niet is vertraagd.",
	    vind_pa_te_laat),
	DEF(BV_PVA_ONTBREEKT, "PVA_ONTBREEKT", ERNST_MIDDEN, 0, "R-TL-5",
	    "Regeling procesgang art. 4 lid 1",
	    "Stel samen met de werknemer direct een plan van aanpak op, met "
	    "activiteiten, doelen, evaluatiemomenten en een casemanager.",
	    vind_pva_ontbreekt),
	DEF(BV_PVA_TE_LAAT, "PVA_TE_LAAT", ERNST_LAAG, 0, "R-TL-5",
	    "Regeling procesgang art. 4 lid 1",
	    "Leg in het dossier vast waarom het plan van aanpak later kwam "
	    "(Regeling procesgang art. 5).",
	    vind_pva_te_laat),
	DEF(BV_GEEN_CASEMANAGER, "GEEN_CASEMANAGER", ERNST_LAAG, 0, "R-TL-5",
	    "Regeling procesgang art. 4 lid 2 onder c",
	    "Wijs een casemanager aan en leg dat vast in een plan van aanpak "
	    "dat het vorige corrigeert.",
	    vind_geen_casemanager),
	DEF(BV_EVALUATIE_ACHTERSTALLIG, "EVALUATIE_ACHTERSTALLIG", ERNST_LAAG,
	    0, "R-TL-7", "BW 7:658a lid 3; Regeling procesgang art. 4 lid 4",
	    "Evalueer het plan van aanpak met de werknemer en stel het zo "
	    "nodig bij.",
	    vind_evaluatie_achterstallig),
	DEF(BV_MELDING_42_ONTBREEKT, "MELDING_42_ONTBREEKT", ERNST_MIDDEN, 0,
	    "R-TL-8", "Ziektewet art. 38 lid 1",
	    "Doe direct de 42e-weekmelding bij UWV; na de 81-wekengrens "
	    "vervalt de bescherming van WIA art. 64 lid 6.",
	    vind_melding_42_ontbreekt),
	DEF(BV_MELDING_42_TE_LAAT, "MELDING_42_TE_LAAT", ERNST_LAAG, 0,
	    "R-TL-9", "Ziektewet art. 38 lid 3; WIA art. 64 lid 6",
	    "Houd rekening met een boete van UWV; zorg dat de WIA-aanvraag "
	    "op tijd gebeurt.",
	    vind_melding_42_te_laat),
	DEF(BV_MELDING_VANGNET_ONTBREEKT, "MELDING_VANGNET_ONTBREEKT",
	    ERNST_MIDDEN, 0, "R-ZW-2", "Ziektewet art. 38a lid 3 en lid 8",
	    "Meld de ziekte direct bij UWV (vangnet); UWV kan een boete "
	    "opleggen en betaalt over de periode vóór de melding hooguit een "
	    "jaar terug (Ziektewet art. 38a lid 8 en 9).",
	    vind_melding_vangnet_ontbreekt),
	DEF(BV_MELDING_VANGNET_TE_LAAT, "MELDING_VANGNET_TE_LAAT", ERNST_LAAG,
	    0, "R-ZW-2", "Ziektewet art. 38a lid 3 en lid 8",
	    "Houd rekening met een boete van UWV en leg vast waarom de "
	    "melding later kwam.",
	    vind_melding_vangnet_te_laat),
	DEF(BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT,
	    "MELDING_EINDE_DIENSTVERBAND_ONTBREEKT", ERNST_MIDDEN, 0, "R-ZW-3",
	    "Ziektewet art. 38 lid 2",
	    "Meld direct bij UWV dat de werknemer ziek uit dienst is gegaan, "
	    "zodat UWV de Ziektewet-uitkering kan beoordelen.",
	    vind_melding_einde_dienstverband_ontbreekt),
	DEF(BV_MELDING_EINDE_DIENSTVERBAND_TE_LAAT,
	    "MELDING_EINDE_DIENSTVERBAND_TE_LAAT", ERNST_LAAG, 0, "R-ZW-3",
	    "Ziektewet art. 38 lid 2",
	    "Leg vast waarom de melding na de laatste werkdag kwam; UWV kan "
	    "een boete opleggen.",
	    vind_melding_einde_dienstverband_te_laat),
	DEF(BV_WIA_AANVRAAG_TE_LAAT, "WIA_AANVRAAG_TE_LAAT", ERNST_MIDDEN, 0,
	    "R-TL-17", "WIA art. 64 lid 3; BW 7:629 lid 11 onder a",
	    "Reken met een langere loondoorbetaling (BW 7:629 lid 11 onder a) "
	    "en controleer of de werknemer een goede reden had.",
	    vind_wia_aanvraag_te_laat),
};

/* Case facts the assessment needs beyond the timeline. */
struct feiten {
	sdate pva;
	int pva_casemanager;
	sdate outplacement;
	sdate weigering_zonder;     /* first refusal without a measure */
	sdate bevredigend;          /* first structural resumption >= 65 % */
	sdate therapeutisch_van;    /* longest therapeutic stretch */
	int32_t therapeutisch_dagen;
	sdate bemiddeling;          /* first jobhunting/bemiddeling/sollicitatie */
	sdate laatste_activiteit;   /* latest sign of second-track activity */
	sdate structureel_hervat;   /* first structural resumption */
	sdate pa_laatst;            /* latest (bijstelling) PA */
	int gbm;                    /* it found no benutbare mogelijkheden */
	uint32_t riv;               /* parts present */
};

static int
telt(const struct gebeurtenis *g, sdate d, sdate peil)
{
	return !g->gecorrigeerd && g->datum >= d && g->datum <= peil;
}

static int
is_maatregel(uint8_t s)
{
	return s == GB_WAARSCHUWING_WERKNEMER || s == GB_LOONOPSCHORTING ||
	       s == GB_LOONSTOP || s == GB_DESKUNDIGENOORDEEL;
}

/* Therapeutic work without loonwaarde (R-SP2-2). */
static int
zonder_loonwaarde(const struct gebeurtenis *g)
{
	return (g->velden & GV_THERAPEUTISCH) && g->therapeutisch &&
	       (!(g->velden & GV_LOONWAARDE) || g->loonwaarde_procent == 0);
}

static void
verzamel(const struct dossier *ds, const struct tijdlijn *t,
	 sdate spoor2_start, struct feiten *f)
{
	sdate d = t->eerste_ziektedag, peil = t->peildatum;
	size_t i, j;

	memset(f, 0, sizeof(*f));
	f->pva = f->outplacement = f->weigering_zonder = DATE_NONE;
	f->bevredigend = f->therapeutisch_van = f->bemiddeling = DATE_NONE;
	f->laatste_activiteit = f->structureel_hervat = DATE_NONE;
	f->pa_laatst = DATE_NONE;
	f->riv = 1u << RIV_EERSTE_ZIEKTEDAG;
	if (ds->functie.s && ds->functie.len)
		f->riv |= 1u << RIV_FUNCTIE;

	for (i = 0; i < ds->ngb; i++) {
		const struct gebeurtenis *g = &ds->gb[i];

		if (!telt(g, d, peil))
			continue;
		switch (g->soort) {
		case GB_VERZUIMMELDING_ARBODIENST:
			f->riv |= 1u << RIV_ADMINISTRATIEF;
			break;
		case GB_PROBLEEMANALYSE:
		case GB_BIJSTELLING_PROBLEEMANALYSE:
			f->riv |= 1u << RIV_PROBLEEMANALYSE;
			/* the latest verdict decides GBM (R-SP2-4) */
			if (f->pa_laatst == DATE_NONE || g->datum >= f->pa_laatst) {
				f->pa_laatst = g->datum;
				f->gbm = (g->velden & GV_BENUTBARE) &&
					 !g->benutbare;
			}
			break;
		case GB_PLAN_VAN_AANPAK:
			f->riv |= 1u << RIV_PLAN_VAN_AANPAK;
			if (f->pva == DATE_NONE || g->datum < f->pva) {
				f->pva = g->datum;
				f->pva_casemanager = g->casemanager.s &&
						     g->casemanager.len > 0;
			}
			break;
		case GB_EERSTEJAARSEVALUATIE:
			f->riv |= 1u << RIV_EERSTEJAARSEVALUATIE;
			break;
		case GB_EINDEVALUATIE:
			f->riv |= 1u << RIV_EINDEVALUATIE;
			break;
		case GB_ACTUEEL_OORDEEL:
			f->riv |= 1u << RIV_ACTUEEL_OORDEEL;
			break;
		case GB_VISIE_WERKNEMER:
			f->riv |= 1u << RIV_VISIE_WERKNEMER;
			break;
		case GB_OUTPLACEMENT:
			if (f->outplacement == DATE_NONE ||
			    g->datum < f->outplacement)
				f->outplacement = g->datum;
			break;
		case GB_WEIGERING_WERKNEMER:
			/* R-LS-10.8: a measure within 4 weeks, judged once the
			 * 4 weeks have passed */
			if (g->datum + LS108_MAATREGEL_DAGEN >= peil)
				break;
			for (j = 0; j < ds->ngb; j++)
				if (is_maatregel(ds->gb[j].soort) &&
				    !ds->gb[j].gecorrigeerd &&
				    ds->gb[j].datum >= g->datum &&
				    ds->gb[j].datum <=
					    g->datum + LS108_MAATREGEL_DAGEN)
					break;
			if (j == ds->ngb &&
			    (f->weigering_zonder == DATE_NONE ||
			     g->datum < f->weigering_zonder))
				f->weigering_zonder = g->datum;
			break;
		case GB_WERKHERVATTING:
			if ((g->velden & GV_STRUCTUREEL) && g->structureel) {
				if (f->structureel_hervat == DATE_NONE ||
				    g->datum < f->structureel_hervat)
					f->structureel_hervat = g->datum;
				if ((g->velden & GV_LOONWAARDE) &&
				    g->loonwaarde_procent >=
					    SP27_LOONWAARDE_PROCENT &&
				    (f->bevredigend == DATE_NONE ||
				     g->datum < f->bevredigend))
					f->bevredigend = g->datum;
			}
			if (zonder_loonwaarde(g)) {
				/* until the next resumption with loonwaarde,
				 * the recovery, or the peildatum */
				sdate eind = peil;
				int32_t dagen;

				if (t->laatste_ziektedag != DATE_NONE &&
				    t->laatste_ziektedag < eind)
					eind = t->laatste_ziektedag;
				for (j = 0; j < ds->ngb; j++) {
					const struct gebeurtenis *h = &ds->gb[j];

					if (h->soort == GB_WERKHERVATTING &&
					    !h->gecorrigeerd &&
					    h->datum > g->datum && h->datum < eind &&
					    !zonder_loonwaarde(h))
						eind = h->datum;
				}
				dagen = eind - g->datum;
				if (dagen > f->therapeutisch_dagen) {
					f->therapeutisch_dagen = dagen;
					f->therapeutisch_van = g->datum;
				}
			}
			break;
		default:
			break;
		}
		/* second-track activity on or after its start (R-SP2-5) */
		if (spoor2_start == DATE_NONE || g->datum < spoor2_start)
			continue;
		if ((g->soort == GB_ACTIVITEIT &&
		     (g->module == MOD_JOBHUNTING ||
		      g->module == MOD_BEMIDDELING)) ||
		    g->soort == GB_SOLLICITATIE) {
			if (f->bemiddeling == DATE_NONE ||
			    g->datum < f->bemiddeling)
				f->bemiddeling = g->datum;
		}
		if (g->soort == GB_ACTIVITEIT || g->soort == GB_SOLLICITATIE ||
		    g->soort == GB_VOORTGANGSRAPPORTAGE) {
			/* an activity with an end date is active until then */
			sdate laatst = g->soort == GB_ACTIVITEIT &&
						       (g->velden & GV_TOT) &&
						       g->tot > g->datum
					       ? (g->tot < peil ? g->tot : peil)
					       : g->datum;

			if (f->laatste_activiteit == DATE_NONE ||
			    laatst > f->laatste_activiteit)
				f->laatste_activiteit = laatst;
		}
	}
}

/* What the checks read: the timeline and the facts gathered once. */
struct toets_bron {
	const struct tijdlijn *t;
	const struct mijlpaal *m;   /* t->m */
	const struct mijlpaal *sp2; /* start_tweede_spoor */
	struct feiten f;
	sdate peil;
	uint32_t ontbrekend;        /* RIV parts missing (enum riv_deel) */
};

/* An action is due for assessment: past, and inside the illness. */
static int
verzuimd(const struct tijdlijn *t, const struct mijlpaal *m)
{
	return m->status == ST_VERLOPEN &&
	       (t->laatste_ziektedag == DATE_NONE ||
		m->datum <= t->laatste_ziektedag);
}

/* The action milestone id was not done when due; n counts the days. */
static int
ontbreekt(const struct toets_bron *c, enum mijlpaal_id id, int dagen,
	  struct bevinding *b)
{
	const struct mijlpaal *m = &c->m[id];

	if (!verzuimd(c->t, m))
		return 0;
	b->d1 = m->datum;
	b->n = dagen ? c->peil - m->datum : 0;
	return 1;
}

/* The action milestone id was done after its date. */
static int
te_laat(const struct toets_bron *c, enum mijlpaal_id id, struct bevinding *b)
{
	const struct mijlpaal *m = &c->m[id];

	if (m->status != ST_TE_LAAT)
		return 0;
	b->d1 = m->datum;
	b->d2 = m->gedaan;
	b->n = m->gedaan - m->datum;
	return 1;
}

/* 1. completeness of the RIV (R-LS-1.1, R-RIV-1): R-TL-16 */
static int
vind_riv_ontbreekt(const struct toets_bron *c, struct bevinding *b)
{
	return !c->t->uit_dienst && ontbreekt(c, MP_RE_INTEGRATIEVERSLAG, 0, b);
}

/* R-ZW-3: ill out of service it is due with the report of ZW 38 lid 2 */
static int
vind_riv_einde_dienstverband_ontbreekt(const struct toets_bron *c,
				       struct bevinding *b)
{
	return c->t->uit_dienst && ontbreekt(c, MP_RE_INTEGRATIEVERSLAG, 0, b);
}

/* R-RIV-1: a RIV without its mandatory parts */
static int
vind_riv_onvolledig(const struct toets_bron *c, struct bevinding *b)
{
	sdate g = c->m[MP_RE_INTEGRATIEVERSLAG].gedaan;

	if (g == DATE_NONE || g > c->peil || !c->ontbrekend)
		return 0;
	b->d1 = g;
	b->delen = c->ontbrekend;
	return 1;
}

/* R-TL-15 */
static int
vind_actueel_oordeel_ontbreekt(const struct toets_bron *c,
			       struct bevinding *b)
{
	return ontbreekt(c, MP_ACTUEEL_OORDEEL, 0, b);
}

/* R-TL-15 */
static int
vind_eindevaluatie_ontbreekt(const struct toets_bron *c, struct bevinding *b)
{
	return ontbreekt(c, MP_EINDEVALUATIE, 0, b);
}

/* 2. a satisfactory result (R-SP2-7) */
static int
vind_bevredigend_resultaat(const struct toets_bron *c, struct bevinding *b)
{
	b->d1 = c->f.bevredigend;
	return c->f.bevredigend != DATE_NONE;
}

/* 3. no work possibilities (R-SP2-4) */
static int
vind_geen_benutbare_mogelijkheden(const struct toets_bron *c,
				  struct bevinding *b)
{
	b->d1 = c->f.pa_laatst;
	return c->f.gbm;
}

/* 4. the efforts, second track first, it is the main ground: R-SP2-3 */
static int
vind_spoor2_niet_gestart(const struct toets_bron *c, struct bevinding *b)
{
	return ontbreekt(c, MP_START_TWEEDE_SPOOR, 1, b);
}

/* R-SP2-3 */
static int
vind_spoor2_te_laat_gestart(const struct toets_bron *c, struct bevinding *b)
{
	return te_laat(c, MP_START_TWEEDE_SPOOR, b);
}

/* R-SP2-5: a second track running longer than eight weeks, not ended by a
 * structural return before it started */
static int
spoor2_loopt(const struct toets_bron *c)
{
	const struct mijlpaal *sp2 = c->sp2;

	return sp2->gedaan != DATE_NONE && sp2->gedaan <= c->peil &&
	       sp2->status != ST_NIET_VAN_TOEPASSING &&
	       (c->f.structureel_hervat == DATE_NONE ||
		c->f.structureel_hervat < sp2->gedaan) &&
	       c->peil - sp2->gedaan > SP25_STIL_DAGEN;
}

/* R-SP2-5 */
static int
vind_spoor2_zonder_bemiddeling(const struct toets_bron *c,
			       struct bevinding *b)
{
	if (!spoor2_loopt(c) || c->f.bemiddeling != DATE_NONE)
		return 0;
	b->d1 = c->sp2->gedaan;
	b->n = c->peil - c->sp2->gedaan;
	return 1;
}

/* R-SP2-5; R-CNT-4: an activity on E counts through E + 56, as the start
 * does */
static int
vind_spoor2_stil(const struct toets_bron *c, struct bevinding *b)
{
	sdate l = c->f.laatste_activiteit;

	if (!spoor2_loopt(c) ||
	    (l != DATE_NONE && c->peil - l <= SP25_STIL_DAGEN))
		return 0;
	b->d1 = c->sp2->gedaan;
	b->d2 = l;
	b->n = c->peil - (l != DATE_NONE ? l : c->sp2->gedaan);
	return 1;
}

/* R-SP2-5: outplacement from the moment the second track had to be decided
 * (the EJE), while it had not started */
static int
vind_outplacement_i_p_v_spoor2(const struct toets_bron *c,
			       struct bevinding *b)
{
	const struct mijlpaal *sp2 = c->sp2;
	sdate o = c->f.outplacement;

	if (o == DATE_NONE || sp2->status == ST_NIET_VAN_TOEPASSING ||
	    o < sp2->datum - TL12_SPOOR2_DAGEN ||
	    (sp2->gedaan != DATE_NONE && sp2->gedaan <= o))
		return 0;
	b->d1 = o;
	return 1;
}

/* R-TL-10 */
static int
vind_eje_ontbreekt(const struct toets_bron *c, struct bevinding *b)
{
	return ontbreekt(c, MP_EERSTEJAARSEVALUATIE, 0, b);
}

/* R-SP2-2 */
static int
vind_therapeutisch_te_lang(const struct toets_bron *c, struct bevinding *b)
{
	if (c->f.therapeutisch_dagen <= SP22_THERAPEUTISCH_DAGEN)
		return 0;
	b->d1 = c->f.therapeutisch_van;
	b->n = c->f.therapeutisch_dagen;
	return 1;
}

/* R-PAY-2, R-LS-10.8 */
static int
vind_weigering_zonder_maatregel(const struct toets_bron *c,
				struct bevinding *b)
{
	if (c->f.weigering_zonder == DATE_NONE)
		return 0;
	b->d1 = c->f.weigering_zonder;
	b->d2 = c->f.weigering_zonder + LS108_MAATREGEL_DAGEN;
	return 1;
}

/* procedure (secondary for UWV, beoordelingskader par. 4): R-TL-3 */
static int
vind_pa_ontbreekt(const struct toets_bron *c, struct bevinding *b)
{
	return ontbreekt(c, MP_PROBLEEMANALYSE, 1, b);
}

/* R-TL-3 */
static int
vind_pa_te_laat(const struct toets_bron *c, struct bevinding *b)
{
	return te_laat(c, MP_PROBLEEMANALYSE, b);
}

/* R-TL-5; no PvA is required without work possibilities (R-SP2-4) */
static int
vind_pva_ontbreekt(const struct toets_bron *c, struct bevinding *b)
{
	return !c->f.gbm && ontbreekt(c, MP_PLAN_VAN_AANPAK, 1, b);
}

/* R-TL-5 */
static int
vind_pva_te_laat(const struct toets_bron *c, struct bevinding *b)
{
	return !c->f.gbm && te_laat(c, MP_PLAN_VAN_AANPAK, b);
}

/* R-TL-5: Regeling procesgang art. 4 lid 2 onder c */
static int
vind_geen_casemanager(const struct toets_bron *c, struct bevinding *b)
{
	b->d1 = c->f.pva;
	return c->f.pva != DATE_NONE && !c->f.pva_casemanager;
}

/* R-TL-7: only while the wage period runs */
static int
vind_evaluatie_achterstallig(const struct toets_bron *c, struct bevinding *b)
{
	return c->f.pva != DATE_NONE &&
	       c->peil <= c->m[MP_EINDE_WACHTTIJD].datum &&
	       ontbreekt(c, MP_EVALUATIE, 1, b);
}

/* R-TL-8, R-TL-9: hoog once the 81-week line has passed */
static int
vind_melding_42_ontbreekt(const struct toets_bron *c, struct bevinding *b)
{
	sdate grens = c->m[MP_MELDING_42E_WEEK_GRENS].datum;

	if (!ontbreekt(c, MP_MELDING_42E_WEEK, 1, b))
		return 0;
	b->d2 = grens;
	if (c->peil > grens)
		b->ernst = ERNST_HOOG;
	return 1;
}

/* R-TL-9 */
static int
vind_melding_42_te_laat(const struct toets_bron *c, struct bevinding *b)
{
	if (!te_laat(c, MP_MELDING_42E_WEEK, b))
		return 0;
	if (b->d2 > c->m[MP_MELDING_42E_WEEK_GRENS].datum)
		b->ernst = ERNST_HOOG;
	return 1;
}

/* R-ZW-2, R-ZW-3: the reports to UWV under the Ziektewet, where the
 * timeline has them */
static int
vind_melding_vangnet_ontbreekt(const struct toets_bron *c,
			       struct bevinding *b)
{
	return tijdlijn_mijlpaal(c->t, MP_MELDING_VANGNET) &&
	       ontbreekt(c, MP_MELDING_VANGNET, 1, b);
}

/* R-ZW-2 */
static int
vind_melding_vangnet_te_laat(const struct toets_bron *c, struct bevinding *b)
{
	return tijdlijn_mijlpaal(c->t, MP_MELDING_VANGNET) &&
	       te_laat(c, MP_MELDING_VANGNET, b);
}

/* R-ZW-3 */
static int
vind_melding_einde_dienstverband_ontbreekt(const struct toets_bron *c,
					   struct bevinding *b)
{
	return tijdlijn_mijlpaal(c->t, MP_MELDING_EINDE_DIENSTVERBAND) &&
	       ontbreekt(c, MP_MELDING_EINDE_DIENSTVERBAND, 1, b);
}

/* R-ZW-3 */
static int
vind_melding_einde_dienstverband_te_laat(const struct toets_bron *c,
					 struct bevinding *b)
{
	return tijdlijn_mijlpaal(c->t, MP_MELDING_EINDE_DIENSTVERBAND) &&
	       te_laat(c, MP_MELDING_EINDE_DIENSTVERBAND, b);
}

/* R-TL-17 */
static int
vind_wia_aanvraag_te_laat(const struct toets_bron *c, struct bevinding *b)
{
	return te_laat(c, MP_WIA_AANVRAAG, b);
}

static int
by_severity(const struct bevinding *a, const struct bevinding *b)
{
	if (a->ernst != b->ernst)
		return a->ernst > b->ernst;
	return a->id < b->id;
}

void
toets_bereken(const struct dossier *ds, const struct tijdlijn *t,
	      struct toets *o)
{
	struct toets_bron c;
	const struct mijlpaal *sp2 = &t->m[MP_START_TWEEDE_SPOOR];
	uint32_t i, j;
	int bevredigend;

	o->peildatum = t->peildatum;
	o->n = 0;
	o->loonsanctie_blootstelling_cent = -1;
	c.t = t;
	c.m = t->m;
	c.sp2 = sp2;
	c.peil = t->peildatum;
	verzamel(ds, t, sp2->gedaan != DATE_NONE && sp2->gedaan <= c.peil
				? sp2->gedaan : DATE_NONE, &c.f);
	o->riv_aanwezig = c.f.riv;
	if (c.f.gbm)
		c.f.riv |= 1u << RIV_PLAN_VAN_AANPAK; /* no PvA required */
	c.ontbrekend = ((1u << RIV__COUNT) - 1) & ~c.f.riv;

	/* every finding's check in table order, UWV's order (R-LS-1) */
	for (i = 0; i < BV__COUNT; i++) {
		struct bevinding *b = &o->b[o->n];

		b->id = (uint8_t)i;
		b->ernst = bevinding_defs[i].ernst;
		b->d1 = b->d2 = DATE_NONE;
		b->n = 0;
		b->delen = 0;
		if (bevinding_defs[i].vind(&c, b))
			o->n++;
	}

	/* R-LS-1.2: with a satisfactory result UWV tests no further */
	bevredigend = c.f.bevredigend != DATE_NONE;
	o->risico = ERNST_LAAG;
	for (i = 0; i < o->n; i++) {
		if (bevredigend && bevinding_defs[o->b[i].id].spoor2)
			o->b[i].ernst = ERNST_INFO;
		if (o->b[i].ernst > o->risico)
			o->risico = o->b[i].ernst;
	}
	/* insertion sort: severity first, then UWV's order */
	for (i = 1; i < o->n; i++) {
		struct bevinding b = o->b[i];

		for (j = i; j > 0 && by_severity(&b, &o->b[j - 1]); j--)
			o->b[j] = o->b[j - 1];
		o->b[j] = b;
	}
}

static const char *
dstr(sdate d, char buf[DATE_STRLEN])
{
	if (d == DATE_NONE)
		return "-";
	date_format(d, buf);
	return buf;
}

size_t
toets_toelichting(const struct bevinding *b, char *buf, size_t n)
{
	char a[DATE_STRLEN], c[DATE_STRLEN], lijst[512];
	const char *d1 = dstr(b->d1, a), *d2 = dstr(b->d2, c);
	int r = 0;
	size_t used = 0;
	uint32_t i;

	switch (b->id) {
	case BV_RIV_ONTBREEKT:
		r = snprintf(buf, n, "Het re-integratieverslag moest uiterlijk "
			     "%s klaar zijn en ontbreekt.", d1);
		break;
	case BV_RIV_ONVOLLEDIG:
		lijst[0] = '\0';
		for (i = 0; i < RIV__COUNT; i++) {
			int w;

			if (!(b->delen & (1u << i)) || used >= sizeof(lijst))
				continue;
			w = snprintf(lijst + used, sizeof(lijst) - used, "%s%s",
				     used ? "; " : "", riv_deel_naam[i]);
			if (w > 0)
				used += (size_t)w;
		}
		r = snprintf(buf, n, "Het re-integratieverslag van %s mist "
			     "verplichte onderdelen: %s.", d1, lijst);
		break;
	case BV_ACTUEEL_OORDEEL_ONTBREEKT:
		r = snprintf(buf, n, "Het actueel oordeel van de bedrijfsarts "
			     "moest uiterlijk %s in het dossier staan en "
			     "ontbreekt.", d1);
		break;
	case BV_EINDEVALUATIE_ONTBREEKT:
		r = snprintf(buf, n, "De eindevaluatie moest uiterlijk %s "
			     "gemaakt zijn en ontbreekt.", d1);
		break;
	case BV_BEVREDIGEND_RESULTAAT:
		r = snprintf(buf, n, "Sinds %s is er structurele "
			     "werkhervatting met een loonwaarde van ten minste "
			     "%d%%: UWV toetst de inspanningen niet verder.", d1,
			     SP27_LOONWAARDE_PROCENT);
		break;
	case BV_GEEN_BENUTBARE_MOGELIJKHEDEN:
		r = snprintf(buf, n, "De laatste probleemanalyse (%s) "
			     "concludeert dat er geen benutbare mogelijkheden "
			     "zijn; een tweede spoor is dan niet nodig, zolang "
			     "die conclusie periodiek wordt herbeoordeeld.",
			     d1);
		break;
	case BV_SPOOR2_NIET_GESTART:
		r = snprintf(buf, n, "Het tweede spoor moest uiterlijk %s "
			     "starten en is %d dagen later nog niet gestart.",
			     d1, b->n);
		break;
	case BV_SPOOR2_TE_LAAT_GESTART:
		r = snprintf(buf, n, "Het tweede spoor moest uiterlijk %s "
			     "starten en startte op %s, %d dagen te laat.", d1,
			     d2, b->n);
		break;
	case BV_SPOOR2_ZONDER_BEMIDDELING:
		r = snprintf(buf, n, "Het tweede spoor loopt sinds %s (%d "
			     "dagen) zonder jobhunting, bemiddeling of "
			     "sollicitatie.", d1, b->n);
		break;
	case BV_SPOOR2_STIL:
		if (b->d2 != DATE_NONE)
			r = snprintf(buf, n, "Het tweede spoor loopt sinds %s; "
				     "de laatste activiteit was op %s, %d dagen "
				     "geleden.", d1, d2, b->n);
		else
			r = snprintf(buf, n, "Het tweede spoor loopt sinds %s "
				     "zonder enige activiteit, sollicitatie of "
				     "voortgangsrapportage (%d dagen).", d1,
				     b->n);
		break;
	case BV_OUTPLACEMENT_I_P_V_SPOOR2:
		r = snprintf(buf, n, "Op %s is outplacement vastgelegd terwijl "
			     "het verplichte tweede spoor niet was gestart.",
			     d1);
		break;
	case BV_EJE_ONTBREEKT:
		r = snprintf(buf, n, "De eerstejaarsevaluatie moest uiterlijk "
			     "%s plaatsvinden en ontbreekt.", d1);
		break;
	case BV_THERAPEUTISCH_TE_LANG:
		r = snprintf(buf, n, "De werknemer werkt sinds %s %d dagen op "
			     "therapeutische basis zonder loonwaarde (in de "
			     "regel niet langer dan 6 weken).", d1, b->n);
		break;
	case BV_WEIGERING_ZONDER_MAATREGEL:
		r = snprintf(buf, n, "Na de weigering van de werknemer op %s "
			     "volgde tot en met %s geen waarschuwing, "
			     "loonopschorting, loonstop of deskundigenoordeel.",
			     d1, d2);
		break;
	case BV_PA_ONTBREEKT:
		r = snprintf(buf, n, "De probleemanalyse moest uiterlijk %s "
			     "klaar zijn en ontbreekt (%d dagen).", d1, b->n);
		break;
	case BV_PA_TE_LAAT:
		r = snprintf(buf, n, "De probleemanalyse moest uiterlijk %s "
			     "klaar zijn en kwam op %s, %d dagen te laat.", d1,
			     d2, b->n);
		break;
	case BV_PVA_ONTBREEKT:
		r = snprintf(buf, n, "Het plan van aanpak moest uiterlijk %s "
			     "klaar zijn en ontbreekt (%d dagen).", d1, b->n);
		break;
	case BV_PVA_TE_LAAT:
		r = snprintf(buf, n, "Het plan van aanpak moest uiterlijk %s "
			     "klaar zijn en kwam op %s, %d dagen te laat.", d1,
			     d2, b->n);
		break;
	case BV_GEEN_CASEMANAGER:
		r = snprintf(buf, n, "Het plan van aanpak van %s noemt geen "
			     "casemanager.", d1);
		break;
	case BV_EVALUATIE_ACHTERSTALLIG:
		r = snprintf(buf, n, "De volgende evaluatie van het plan van "
			     "aanpak was uiterlijk %s (%d dagen geleden).", d1,
			     b->n);
		break;
	case BV_MELDING_42_ONTBREEKT:
		r = snprintf(buf, n, "De 42e-weekmelding moest uiterlijk %s bij "
			     "UWV zijn en ontbreekt; de 81-wekengrens is %s.",
			     d1, d2);
		break;
	case BV_MELDING_42_TE_LAAT:
		r = snprintf(buf, n, "De 42e-weekmelding moest uiterlijk %s bij "
			     "UWV zijn en is op %s gedaan, %d dagen te laat.",
			     d1, d2, b->n);
		break;
	case BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT:
		r = snprintf(buf, n, "De werknemer is ziek uit dienst gegaan; het "
			     "re-integratieverslag moest uiterlijk %s bij de "
			     "melding aan UWV zijn en ontbreekt.", d1);
		break;
	case BV_MELDING_VANGNET_ONTBREEKT:
		r = snprintf(buf, n, "De ziekmelding bij UWV (vangnet) moest "
			     "uiterlijk %s en ontbreekt (%d dagen).", d1, b->n);
		break;
	case BV_MELDING_VANGNET_TE_LAAT:
		r = snprintf(buf, n, "De ziekmelding bij UWV (vangnet) moest "
			     "uiterlijk %s en is op %s gedaan, %d dagen te laat.",
			     d1, d2, b->n);
		break;
	case BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT:
		r = snprintf(buf, n, "Het dienstverband eindigde tijdens de "
			     "ziekte; de melding bij UWV moest uiterlijk %s (de "
			     "laatste werkdag) en ontbreekt (%d dagen).", d1,
			     b->n);
		break;
	case BV_MELDING_EINDE_DIENSTVERBAND_TE_LAAT:
		r = snprintf(buf, n, "De melding bij UWV van het einde van het "
			     "dienstverband moest uiterlijk %s en is op %s "
			     "gedaan, %d dagen te laat.", d1, d2, b->n);
		break;
	case BV_WIA_AANVRAAG_TE_LAAT:
		r = snprintf(buf, n, "De WIA-aanvraag moest uiterlijk %s en is "
			     "op %s gedaan, %d dagen te laat.", d1, d2, b->n);
		break;
	default:
		r = snprintf(buf, n, "-");
		break;
	}
	return r > 0 ? (size_t)r : 0;
}

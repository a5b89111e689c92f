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
	[ID] = {NAAM, ERNST, SP2, REGEL, BRON, HERSTEL, VIND},

/* The rows are in bevindingen.def, which toets_bereken expands as well. */
const struct bevinding_def bevinding_defs[BV__COUNT] = {
#include "bevindingen.def"
};
#undef DEF

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
	int spoor2_loopt;           /* R-SP2-5: see spoor2_loopt() */
};

/* An action is due for assessment: past, and inside the illness. */
static int
verzuimd(const struct tijdlijn *t, const struct mijlpaal *m)
{
	return m->status == ST_VERLOPEN &&
	       (t->laatste_ziektedag == DATE_NONE ||
		m->datum <= t->laatste_ziektedag);
}

/* The timeline has milestone id (tijdlijn_mijlpaal() without the call). */
static int
heeft(const struct toets_bron *c, enum mijlpaal_id id)
{
	return (c->t->aanwezig & (UINT32_C(1) << id)) != 0;
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
spoor2_loopt(const struct mijlpaal *sp2, const struct feiten *f, sdate peil)
{
	return sp2->gedaan != DATE_NONE && sp2->gedaan <= peil &&
	       sp2->status != ST_NIET_VAN_TOEPASSING &&
	       (f->structureel_hervat == DATE_NONE ||
		f->structureel_hervat < sp2->gedaan) &&
	       peil - sp2->gedaan > SP25_STIL_DAGEN;
}

/* R-SP2-5 */
static int
vind_spoor2_zonder_bemiddeling(const struct toets_bron *c,
			       struct bevinding *b)
{
	if (!c->spoor2_loopt || c->f.bemiddeling != DATE_NONE)
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

	if (!c->spoor2_loopt ||
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
	return heeft(c, MP_MELDING_VANGNET) &&
	       ontbreekt(c, MP_MELDING_VANGNET, 1, b);
}

/* R-ZW-2 */
static int
vind_melding_vangnet_te_laat(const struct toets_bron *c, struct bevinding *b)
{
	return heeft(c, MP_MELDING_VANGNET) &&
	       te_laat(c, MP_MELDING_VANGNET, b);
}

/* R-ZW-3 */
static int
vind_melding_einde_dienstverband_ontbreekt(const struct toets_bron *c,
					   struct bevinding *b)
{
	return heeft(c, MP_MELDING_EINDE_DIENSTVERBAND) &&
	       ontbreekt(c, MP_MELDING_EINDE_DIENSTVERBAND, 1, b);
}

/* R-ZW-3 */
static int
vind_melding_einde_dienstverband_te_laat(const struct toets_bron *c,
					 struct bevinding *b)
{
	return heeft(c, MP_MELDING_EINDE_DIENSTVERBAND) &&
	       te_laat(c, MP_MELDING_EINDE_DIENSTVERBAND, b);
}

/* R-TL-17 */
static int
vind_wia_aanvraag_te_laat(const struct toets_bron *c, struct bevinding *b)
{
	return te_laat(c, MP_WIA_AANVRAAG, b);
}

/* One row: run its check on a fresh finding, keep it when it applies. */
static inline __attribute__((always_inline)) void
vind(const struct toets_bron *c, struct toets *o, enum bevinding_id id,
     enum ernst ernst, bevinding_vind *check)
{
	struct bevinding b;

	b.id = (uint8_t)id;
	b.ernst = (uint8_t)ernst;
	b.d1 = b.d2 = DATE_NONE;
	b.n = 0;
	b.delen = 0;
	if (check(c, &b))
		o->b[o->n++] = b;
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
	c.spoor2_loopt = spoor2_loopt(sp2, &c.f, c.peil);

	/* every finding's check in table order, UWV's order (R-LS-1) */
#define DEF(ID, NAAM, ERNST, SP2, REGEL, BRON, HERSTEL, VIND) \
	vind(&c, o, ID, ERNST, VIND);
#include "bevindingen.def"
#undef DEF

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

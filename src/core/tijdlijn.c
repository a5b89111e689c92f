/*
 * tijdlijn.c - evaluation of the milestone table (see tijdlijn.h).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "catalogus.h"
#include "tijdlijn.h"

const char *const mp_status_naam[ST__COUNT] = {
	"op_tijd", "te_laat", "verlopen", "open", "niet_van_toepassing",
	"komend", "voorbij",
};
const char *const mp_status_label[ST__COUNT] = {
	"op tijd", "te laat", "verlopen", "open", "n.v.t.",
	"komend", "voorbij",
};

void
tijdlijn_feiten_init(struct tijdlijn_feiten *f)
{
	f->vangnet = VN_GEEN;
	f->geen_mogelijkheden = 0;
	f->eje_terugkeer = 0;
	f->erd_zw = 0;
	f->einddatum = f->melding_vangnet = f->melding_einde_dv = DATE_NONE;
	f->pa = f->pva = f->laatste_evaluatie = f->melding42 = DATE_NONE;
	f->eje = f->eje_verwachte_terugkeer = f->start_spoor2 = DATE_NONE;
	f->actueel_oordeel = f->eindevaluatie = f->riv = DATE_NONE;
	f->wia_aanvraag = f->wia_brief = f->wia_brief_uiterste = DATE_NONE;
	f->verlenging = f->verlenging_tot = DATE_NONE;
	f->loonsanctie = f->bekorting_verzoek = DATE_NONE;
	f->bekorting_besluit = DATE_NONE;
}

/* First event of its kind: the earliest date wins. */
static void
first(sdate *slot, sdate d)
{
	if (*slot == DATE_NONE || d < *slot)
		*slot = d;
}

/* Latest event: the latest date wins, a later entry on the same date too. */
static int
latest(sdate *slot, sdate d)
{
	if (*slot == DATE_NONE || d >= *slot) {
		*slot = d;
		return 1;
	}
	return 0;
}

void
tijdlijn_feiten_uit_dossier(const struct dossier *ds, sdate d,
			    struct tijdlijn_feiten *f)
{
	size_t i;
	sdate pa_laatst = DATE_NONE, bekort_h = DATE_NONE;

	tijdlijn_feiten_init(f);
	f->vangnet = ds->vangnet;
	f->erd_zw = ds->eigenrisicodrager_zw != 0;
	f->einddatum = ds->einddatum;
	for (i = 0; i < ds->ngb; i++) {
		const struct gebeurtenis *g = &ds->gb[i];

		/* a corrected entry stops counting; earlier gevallen too */
		if (g->gecorrigeerd || g->datum < d)
			continue;
		switch (g->soort) {
		case GB_PROBLEEMANALYSE:
			first(&f->pa, g->datum);
			/* both kinds set the latest verdict */
			__attribute__((fallthrough));
		case GB_BIJSTELLING_PROBLEEMANALYSE:
			if (latest(&pa_laatst, g->datum))
				f->geen_mogelijkheden =
					(g->velden & GV_BENUTBARE) &&
					!g->benutbare;
			break;
		case GB_PLAN_VAN_AANPAK:
			first(&f->pva, g->datum);
			latest(&f->laatste_evaluatie, g->datum);
			break;
		case GB_BIJSTELLING_PLAN_VAN_AANPAK:
		case GB_EVALUATIE:
			latest(&f->laatste_evaluatie, g->datum);
			break;
		case GB_EERSTEJAARSEVALUATIE:
			latest(&f->laatste_evaluatie, g->datum);
			if (f->eje == DATE_NONE || g->datum < f->eje) {
				f->eje = g->datum;
				f->eje_terugkeer = (g->velden & GV_TERUGKEER) &&
						   g->terugkeer;
				f->eje_verwachte_terugkeer =
					(g->velden & GV_VERWACHTE_TERUGKEER)
						? g->verwachte_terugkeer
						: DATE_NONE;
			}
			break;
		case GB_MELDING_42E_WEEK:
			first(&f->melding42, g->datum);
			break;
		case GB_MELDING_VANGNET:
			first(&f->melding_vangnet, g->datum);
			break;
		case GB_MELDING_EINDE_DIENSTVERBAND:
			first(&f->melding_einde_dv, g->datum);
			break;
		case GB_START_TWEEDE_SPOOR:
			first(&f->start_spoor2, g->datum);
			break;
		case GB_ACTUEEL_OORDEEL:
			first(&f->actueel_oordeel, g->datum);
			break;
		case GB_EINDEVALUATIE:
			first(&f->eindevaluatie, g->datum);
			break;
		case GB_RE_INTEGRATIEVERSLAG:
			first(&f->riv, g->datum);
			break;
		case GB_WIA_AANVRAAG:
			first(&f->wia_aanvraag, g->datum);
			break;
		case GB_WIA_BRIEF_UWV:
			if (latest(&f->wia_brief, g->datum))
				f->wia_brief_uiterste =
					(g->velden & GV_UITERSTE)
						? g->uiterste_aanvraagdatum
						: DATE_NONE;
			break;
		case GB_VERLENGING_LOONDOORBETALING:
			if ((g->velden & GV_TOT) &&
			    latest(&f->verlenging, g->datum))
				f->verlenging_tot = g->tot;
			break;
		case GB_LOONSANCTIE:
			latest(&f->loonsanctie, g->datum);
			break;
		case GB_BESLUIT_BEKORTING:
			if ((g->velden & GV_VOLDOENDE) && g->voldoende)
				first(&bekort_h, g->datum);
			break;
		default:
			break;
		}
	}
	/* R-LS-6: M is the latest bekortingsverzoek on or before H */
	f->bekorting_besluit = bekort_h;
	for (i = 0; bekort_h != DATE_NONE && i < ds->ngb; i++) {
		const struct gebeurtenis *g = &ds->gb[i];

		if (g->soort == GB_BEKORTINGSVERZOEK && !g->gecorrigeerd &&
		    g->datum >= d && g->datum <= bekort_h)
			latest(&f->bekorting_verzoek, g->datum);
	}
}

static void
actie(struct mijlpaal *m, sdate uiterlijk, sdate gedaan, sdate peil)
{
	m->datum = uiterlijk;
	m->gedaan = gedaan;
	if (gedaan != DATE_NONE)
		m->status = gedaan <= uiterlijk ? ST_OP_TIJD : ST_TE_LAAT;
	else
		m->status = peil > uiterlijk ? ST_VERLOPEN : ST_OPEN;
}

static void
moment(struct mijlpaal *m, sdate datum, sdate peil)
{
	m->datum = datum;
	m->status = peil <= datum ? ST_KOMEND : ST_VOORBIJ;
}

#define SD(k) ziekteverloop_sickday(zv, (k))

/* Atw art. 1 lid 1 (R-CNT-8): a short forward term in a wet that ends on
 * a Saturday, Sunday or Atw holiday runs to the next working day. */
static void
atw_verleng(struct mijlpaal *m)
{
	sdate v = date_next_workday(m->datum);

	m->atw = ATW_VERLENGD;
	if (v != m->datum) {
		m->voor_atw = m->datum;
		m->datum = v;
	}
}

/* Ill on day x: x counts as a sick day of this verzuimgeval. */
static int
ziek_op(const struct ziekteverloop *zv, sdate x)
{
	return x >= zv->d && ziekteverloop_ziektedag(zv, x) >
				     ziekteverloop_ziektedag(zv, x - 1);
}

/* R-DSM-1: first day on which notice is possible, before extensions. */
static sdate
opzegverbod_basis(const struct ziekteverloop *zv)
{
	int32_t n = DSM1_KALENDERJAREN
		? date_jaren_dagen(zv->d, DSM1_JAREN)
		: 7 * 104;

	return SD(n + 1);
}

/* What the rows of one evaluation share: the case, and the ends of the
 * wage period that several anchors count back from. */
struct reken {
	const struct ziekteverloop *zv;
	const struct tijdlijn_feiten *f;
	struct tijdlijn *t;
	sdate peil;
	sdate basis_einde; /* end of the wage period, extended (R-TL-19) */
	int verlengd;      /* an extension of the wage period was agreed */
};

/* The event date at offset `off` of struct tijdlijn_feiten. */
static inline __attribute__((always_inline)) sdate
feit(const struct tijdlijn_feiten *f, uint8_t off)
{
	sdate d;

	if (off == FEIT_GEEN)
		return DATE_NONE;
	memcpy(&d, (const unsigned char *)f + off, sizeof(d));
	return d;
}

static inline __attribute__((always_inline)) int
voorwaarde(const struct reken *c, enum voorwaarde v)
{
	switch (v) {
	case VW_VANGNET:
		return c->f->vangnet != VN_GEEN;
	case VW_UIT_DIENST:
		return c->t->uit_dienst;
	case VW_LOONSANCTIE:
		return c->f->loonsanctie != DATE_NONE &&
		       !c->t->loonsanctie_vervallen;
	case VW_ALTIJD:
	default:
		return 1;
	}
}

/* The date a row's anchor gives (rules.h, enum anker). */
static inline __attribute__((always_inline)) sdate
anker(const struct reken *c, enum anker a, int32_t offset, int32_t terug,
      uint8_t feit_off, uint8_t na)
{
	const struct ziekteverloop *zv = c->zv;
	sdate e;

	switch (a) {
	case ANK_ZIEKTEDAG_ERVOOR:
		return SD(offset - 1);
	case ANK_NA_FEIT:
		e = feit(c->f, feit_off);
		return (e != DATE_NONE ? e : c->t->m[na].datum) + offset;
	case ANK_DAG:
		return zv->d + offset;
	case ANK_VOOR_EINDE:
		return c->verlengd ? c->basis_einde - terug : SD(offset);
	case ANK_VOOR_EINDE_LAAT:
		return c->verlengd || c->t->wia_vertraging
			? c->basis_einde + c->t->wia_vertraging - terug
			: SD(offset);
	case ANK_LAATSTE_WERKDAG:
		return date_prev_workday(c->f->einddatum);
	case ANK_OPZEGVERBOD:
		return opzegverbod_basis(zv) +
		       (c->t->einde_loonbetaling -
			SD(regels[MP_EINDE_WACHTTIJD].offset));
	case ANK_EINDE_LOON:
		return c->t->einde_loonbetaling;
	case ANK_ZIEKTEDAG:
	default:
		return SD(offset);
	}
}

/* R-CNT-4: the streefdatum shown is a day before the uiterlijke datum. */
static void
stap_streef(struct reken *c, const struct regel *r, struct mijlpaal *m)
{
	const struct ziekteverloop *zv = c->zv;

	m->streef = SD(r->offset - CNT4_STREEF_EERDER);
}

/* R-TL-8, R-ZW-3, ZW 38 lid 4: no 42e-weekmelding (lid 1) and no report
 * at the end of the contract (lid 2, first sentence) in vangnet cases. */
static void
stap_geen_vangnet(struct reken *c, const struct regel *r, struct mijlpaal *m)
{
	(void)r;
	if (c->f->vangnet != VN_GEEN)
		m->status = ST_NIET_VAN_TOEPASSING;
}

/* R-ZW-2, ZW 38a lid 3: the vangnet report is due on the last day of the
 * contract when that comes before D+42 (extended). */
static void
stap_vangnet_einde(struct reken *c, const struct regel *r, struct mijlpaal *m)
{
	sdate ed = c->f->einddatum;

	(void)r;
	if (ed != DATE_NONE && ed >= c->zv->d && ed < m->datum) {
		m->voor_atw = DATE_NONE;
		m->atw = ATW_GEEN;
		actie(m, ed, m->gedaan, c->peil);
	}
}

/* R-TL-10: the EJE window opens in sick week 46. */
static void
stap_eje_venster(struct reken *c, const struct regel *r, struct mijlpaal *m)
{
	const struct ziekteverloop *zv = c->zv;

	(void)r;
	m->venster = SD(CNT4_NA_WEKEN(TL10_VENSTER_WEEK - 1));
}

/* R-TL-12, R-SP2-3, R-SP2-4: no second track when the (latest) PA found no
 * possibilities or the EJE expects a return within three months. */
static void
stap_spoor2_nvt(struct reken *c, const struct regel *r, struct mijlpaal *m)
{
	const struct tijdlijn_feiten *f = c->f;

	(void)r;
	if (f->geen_mogelijkheden || f->eje_terugkeer ||
	    (f->eje != DATE_NONE && f->eje_verwachte_terugkeer != DATE_NONE &&
	     f->eje_verwachte_terugkeer <=
		     date_add_months(f->eje, SP23_TERUGKEER_MAANDEN)))
		m->status = ST_NIET_VAN_TOEPASSING;
}

/* R-ZW-3, ZW 38 lid 2: ill out of service, the RIV is due with the report
 * when the illness lasted six weeks, not for an eigenrisicodrager ZW. */
static void
stap_riv_uit_dienst(struct reken *c, const struct regel *r,
		    struct mijlpaal *m)
{
	sdate md = c->t->m[MP_MELDING_EINDE_DIENSTVERBAND].datum;

	(void)r;
	if (!c->t->uit_dienst)
		return;
	if (md - c->zv->d >= ZW3_RIV_MIN_DAGEN && !c->f->erd_zw) {
		actie(m, md, m->gedaan, c->peil);
		m->atw = ATW_WERKDAG;
		m->regel = ZW3_REGEL;
		m->bron = ZW3_BRON;
	} else {
		m->status = ST_NIET_VAN_TOEPASSING;
	}
}

/*
 * R-TL-17: UWV's letter may set another last date. R-TL-9.3: a late
 * application extends the wage period (BW 7:629 lid 11 a) unless WIA 64
 * lid 6 deems it timely: UWV sent no notice, or a late one followed within
 * 4 weeks, and the 42e-weekmelding was made before the 81-week line
 * (vangnet cases report under ZW 38a).
 */
static void
stap_wia_brief(struct reken *c, const struct regel *r, struct mijlpaal *m)
{
	const struct ziekteverloop *zv = c->zv;
	const struct tijdlijn_feiten *f = c->f;
	struct tijdlijn *t = c->t;
	sdate w = m->datum, venster;
	int brief_laat = f->wia_brief != DATE_NONE &&
			 f->wia_brief > SD(regels[MP_WIA_BRIEF_UWV].offset);

	(void)r;
	if (f->wia_brief_uiterste != DATE_NONE &&
	    (!c->verlengd || f->wia_brief >= f->verlenging)) {
		w = f->wia_brief_uiterste;
		/* after a late letter its date ends the four weeks of WIA 64
		 * lid 6: a forward term, extended by Atw art. 1 */
		if (brief_laat) {
			m->datum = w;
			atw_verleng(m);
			w = m->datum;
		}
	}
	/* the four weeks run from receipt of the late letter (the date of
	 * wia_brief_uwv), extended by Atw art. 1 */
	venster = brief_laat
		? date_next_workday(f->wia_brief + TL9_BRIEF_AANVRAAG_DAGEN)
		: DATE_NONE;
	if (f->wia_aanvraag != DATE_NONE && f->wia_aanvraag > w) {
		sdate grens = SD(regels[MP_MELDING_42E_WEEK_GRENS].offset - 1);
		int melding_ok = f->vangnet != VN_GEEN ||
				 (f->melding42 != DATE_NONE &&
				  f->melding42 <= grens);
		int brief_ok = f->wia_brief == DATE_NONE ||
			       (brief_laat && f->wia_aanvraag <= venster);

		if (melding_ok && brief_ok)
			t->wia_geacht_tijdig = 1;
		else
			t->wia_vertraging = f->wia_aanvraag - w;
	}
	actie(m, w, m->gedaan, c->peil);
}

/* R-LS-3 .. R-LS-6: a loonsanctie extends the wage payment beyond the end
 * of the wachttijd (row `m`), by at most 52 weeks less a late decision,
 * shortened by a bekorting. */
static void
stap_loonsanctie(struct reken *c, const struct regel *r, struct mijlpaal *m)
{
	const struct tijdlijn_feiten *f = c->f;
	struct tijdlijn *t = c->t;
	sdate einde = m->datum;
	sdate loon_einde = einde;
	sdate besluit = t->m[MP_BESLUIT_LOONSANCTIE_UITERLIJK].datum;

	(void)r;
	if (f->loonsanctie != DATE_NONE && f->loonsanctie > einde) {
		/* WIA 25 lid 11: decided after the end, no extension */
		t->loonsanctie_vervallen = 1;
	} else if (f->loonsanctie != DATE_NONE) {
		int32_t laat = f->loonsanctie > besluit
			? f->loonsanctie - besluit : 0;

		loon_einde = einde + regels[MP_EINDE_LOONSANCTIE].offset - laat;
		if (f->bekorting_besluit != DATE_NONE) {
			sdate h = f->bekorting_besluit, eind;
			/* WIA 25 lid 14: a late decision counts from the end
			 * of the three weeks of lid 13, extended by Atw art. 1 */
			sdate termijn = f->bekorting_verzoek != DATE_NONE
				? date_next_workday(f->bekorting_verzoek +
						    LS5_BESLISTERMIJN)
				: DATE_NONE;

			if (termijn != DATE_NONE && termijn < h)
				h = termijn;
			eind = h + LS6_EINDE_NA_BESLUIT;
			if (eind < loon_einde)
				loon_einde = eind < einde ? einde : eind;
		}
	}
	t->einde_loonbetaling = loon_einde;
}

/* R-ZW-3: out of service no opzegverbod is left. */
static void
stap_opzegverbod_nvt(struct reken *c, const struct regel *r,
		     struct mijlpaal *m)
{
	(void)r;
	if (c->t->uit_dienst)
		m->status = ST_NIET_VAN_TOEPASSING;
}

/* enum stap -> its function; with a constant step a direct call. */
static inline __attribute__((always_inline)) void
stap(struct reken *c, enum stap st, const struct regel *r, struct mijlpaal *m)
{
	switch (st) {
	case STAP_STREEF:
		stap_streef(c, r, m);
		break;
	case STAP_GEEN_VANGNET:
		stap_geen_vangnet(c, r, m);
		break;
	case STAP_VANGNET_EINDE:
		stap_vangnet_einde(c, r, m);
		break;
	case STAP_EJE_VENSTER:
		stap_eje_venster(c, r, m);
		break;
	case STAP_SPOOR2_NVT:
		stap_spoor2_nvt(c, r, m);
		break;
	case STAP_RIV_UIT_DIENST:
		stap_riv_uit_dienst(c, r, m);
		break;
	case STAP_WIA_BRIEF:
		stap_wia_brief(c, r, m);
		break;
	case STAP_LOONSANCTIE:
		stap_loonsanctie(c, r, m);
		break;
	case STAP_OPZEGVERBOD_NVT:
		stap_opzegverbod_nvt(c, r, m);
		break;
	case STAP_GEEN:
	case STAP__COUNT:
	default:
		break;
	}
}

/*
 * One row: its condition, its anchor, the Atw extension of a short forward
 * term, its status and its named step. The arguments are the row's
 * columns, constants where tijdlijn_bereken expands rules.def.
 */
static inline __attribute__((always_inline)) void
rij(struct reken *c, enum mijlpaal_id id, enum mijlpaal_soort soort,
    enum anker a, enum atw atw, int32_t offset, int32_t terug,
    uint8_t gedaan, uint8_t feit_off, uint8_t na, enum stap st,
    enum voorwaarde vw)
{
	struct tijdlijn *t = c->t;
	struct mijlpaal *m = &t->m[id];

	if (vw != VW_ALTIJD && !voorwaarde(c, vw)) {
		t->aanwezig &= ~(UINT32_C(1) << id);
		return;
	}
	sdate d = anker(c, a, offset, terug, feit_off, na);

	/* Atw art. 1 lid 1 (R-CNT-8) extends a short forward term */
	if (atw == ATW_VERLENGD) {
		m->datum = d;
		atw_verleng(m);
		d = m->datum;
	}
	if (soort == MPS_ACTIE)
		actie(m, d, feit(c->f, gedaan), c->peil);
	else
		moment(m, d, c->peil);
	stap(c, st, &regels[id], m);
}

/*
 * R-ZW-3, architecture §5.1: ill out of service, the employer's actions
 * after the einddatum lapse (the RIV's step moved it to the report, the
 * report itself is due before). UWV's moments stay.
 */
static void
na_uit_dienst(struct tijdlijn *t, const struct tijdlijn_feiten *f)
{
	int32_t i;

	for (i = 0; i < MP__COUNT; i++)
		if (regels[i].soort == MPS_ACTIE && t->m[i].datum > f->einddatum)
			t->m[i].status = ST_NIET_VAN_TOEPASSING;
}

/*
 * A recovered illness: actions projected past the last sick day are not due
 * unless the illness returns. Within 28 fit days it may still return into
 * this geval (open); after that a relapse starts a new geval (R-AGG-2), so
 * they no longer apply.
 */
static void
na_hersteld(struct tijdlijn *t, sdate peil)
{
	int32_t i;

	for (i = 0; i < MP__COUNT; i++) {
		struct mijlpaal *m = &t->m[i];

		if (regels[i].soort == MPS_ACTIE && m->gedaan == DATE_NONE &&
		    m->status != ST_NIET_VAN_TOEPASSING &&
		    m->datum > t->laatste_ziektedag)
			m->status = peil - t->laatste_ziektedag >=
						    AGG_NIEUW_GEVAL_DAGEN
					    ? ST_NIET_VAN_TOEPASSING
					    : ST_OPEN;
	}
}

void
tijdlijn_bereken(const struct ziekteverloop *zv,
		 const struct tijdlijn_feiten *f, sdate peil,
		 struct tijdlijn *t)
{
	const struct regel *r = regels;
	struct mijlpaal *m = t->m;
	struct reken c;
	int32_t i;

	for (i = 0; i < MP__COUNT; i++) {
		m[i].id = (uint8_t)i;
		m[i].status = 0;
		m[i].datum = m[i].streef = m[i].venster = DATE_NONE;
		m[i].gedaan = m[i].voor_atw = DATE_NONE;
		m[i].atw = r[i].atw;
		m[i].regel = r[i].regel;
		m[i].bron = r[i].bron;
	}
	/* every row; rij() clears those whose condition fails */
	t->aanwezig = (UINT32_C(1) << MP__COUNT) - 1;
	t->peildatum = peil;
	t->eerste_ziektedag = zv->d;
	t->ziektedag = ziekteverloop_ziektedag(zv, peil);
	t->ziekteweek = (t->ziektedag + 6) / 7;
	t->onderbrekingsdagen = zv->open && peil >= zv->d
		? (peil - zv->d + 1) - t->ziektedag
		: ziekteverloop_onderbreking(zv, peil);
	t->geval_nr = zv->geval_nr;
	t->geval_count = zv->geval_count;
	t->laatste_ziektedag = ziekteverloop_laatste_ziektedag(zv);
	/* R-ZW-3: the dienstverband ends within the verzuimgeval on a day the
	 * employee is ill */
	t->uit_dienst = f->einddatum != DATE_NONE && ziek_op(zv, f->einddatum);
	t->wia_vertraging = 0;
	t->wia_geacht_tijdig = 0;
	t->loonsanctie_vervallen = 0;
	t->einde_loonbetaling = DATE_NONE;

	c.zv = zv;
	c.f = f;
	c.t = t;
	c.peil = peil;
	/* R-TL-18, R-TL-19: end of the wage period, moved by an extension */
	c.verlengd = f->verlenging != DATE_NONE;
	c.basis_einde = c.verlengd ? f->verlenging_tot
				   : SD(r[MP_EINDE_WACHTTIJD].offset);

	/*
	 * The rows in table order: each anchors on the facts or on an earlier
	 * row, then its named step handles what no anchor says. The table is
	 * expanded here from rules.def, the rows' columns as constants, so
	 * this loop over the table costs no more than the hand-written
	 * sequence it replaced (docs/performance.md).
	 */
#define HOE(GEDAAN, FEIT, NA, STAP, VW) GEDAAN, FEIT, NA, STAP, VW
#define F(veld) ((uint8_t)offsetof(struct tijdlijn_feiten, veld))
#define GEEN HOE(FEIT_GEEN, FEIT_GEEN, 0, STAP_GEEN, VW_ALTIJD)
#define ROW(ID, S, A, Z, ATW, OFF, TERUG, NAAM, TITEL, REGEL, BRON, HOE_) \
	rij(&c, ID, S, A, ATW, OFF, TERUG, HOE_);
#include "rules.def"
#undef ROW
#undef GEEN
#undef F
#undef HOE
	/* the rules for every action of a case that ended */
	if (t->uit_dienst)
		na_uit_dienst(t, f);
	if (t->laatste_ziektedag != DATE_NONE)
		na_hersteld(t, peil);
}

const struct mijlpaal *
tijdlijn_mijlpaal(const struct tijdlijn *t, enum mijlpaal_id id)
{
	if ((uint32_t)id >= MP__COUNT ||
	    !(t->aanwezig & (UINT32_C(1) << (uint32_t)id)))
		return NULL;
	return &t->m[id];
}

const char *
tijdlijn_atw_opmerking(const struct mijlpaal *m, char *buf, size_t n)
{
	char d[DATE_STRLEN];
	int r;

	if (m->voor_atw != DATE_NONE) {
		date_format(m->voor_atw, d);
		r = snprintf(buf, n, "de termijn eindigde op %s %s en loopt door "
			     "tot de eerstvolgende werkdag (Atw art. 1 lid 1)",
			     date_weekday_name(m->voor_atw), d);
		return r > 0 && (size_t)r < n ? buf : NULL;
	}
	if (!date_is_nonworking(m->datum))
		return NULL;
	switch (m->atw) {
	case ATW_REGELING:
	case ATW_LANG:
	case ATW_TERUG:
		/* the texts are the catalogue's (catalogus.h) */
		r = snprintf(buf, n, "%s", atw_opmerking[m->atw]);
		break;
	default:
		return NULL;
	}
	return r > 0 && (size_t)r < n ? buf : NULL;
}

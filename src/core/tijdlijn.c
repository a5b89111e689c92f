/*
 * tijdlijn.c - evaluation of the milestone table (see tijdlijn.h).
 */
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

void
tijdlijn_bereken(const struct ziekteverloop *zv,
		 const struct tijdlijn_feiten *f, sdate peil,
		 struct tijdlijn *t)
{
	const struct regel *r = regels;
	struct mijlpaal *m = t->m;
	sdate pa_uiterlijk, pva_uiterlijk, basis_einde, einde, w, eje_basis;
	sdate besluit, loon_einde, venster;
	int32_t i, vertraging = 0;
	int verlengd = f->verlenging != DATE_NONE, brief_laat;

	for (i = 0; i < MP__COUNT; i++) {
		m[i].id = (uint8_t)i;
		m[i].status = 0;
		m[i].datum = m[i].streef = m[i].venster = DATE_NONE;
		m[i].gedaan = m[i].voor_atw = DATE_NONE;
		m[i].atw = r[i].atw;
		m[i].regel = r[i].regel;
		m[i].bron = r[i].bron;
	}
	/* every milestone but the conditional ones */
	t->aanwezig = (UINT32_C(1) << MP__COUNT) - 1;
	t->aanwezig &= ~((UINT32_C(1) << MP_MELDING_VANGNET) |
			 (UINT32_C(1) << MP_MELDING_EINDE_DIENSTVERBAND) |
			 (UINT32_C(1) << MP_EINDE_LOONSANCTIE));
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

	/* R-TL-3, R-CNT-4, R-AGG-9 */
	pa_uiterlijk = SD(r[MP_PROBLEEMANALYSE].offset);
	actie(&m[MP_PROBLEEMANALYSE], pa_uiterlijk, f->pa, peil);
	m[MP_PROBLEEMANALYSE].streef =
		SD(r[MP_PROBLEEMANALYSE].offset - CNT4_STREEF_EERDER);

	/* R-TL-5 */
	pva_uiterlijk = (f->pa != DATE_NONE ? f->pa : pa_uiterlijk) +
			r[MP_PLAN_VAN_AANPAK].offset;
	actie(&m[MP_PLAN_VAN_AANPAK], pva_uiterlijk, f->pva, peil);

	/* R-TL-7: the next evaluation after the latest one */
	actie(&m[MP_EVALUATIE],
	      (f->laatste_evaluatie != DATE_NONE ? f->laatste_evaluatie
						 : pva_uiterlijk) +
		      r[MP_EVALUATIE].offset,
	      DATE_NONE, peil);

	/* R-TL-8; ZW 38 lid 4: no 42e-weekmelding in vangnet cases */
	actie(&m[MP_MELDING_42E_WEEK], SD(r[MP_MELDING_42E_WEEK].offset),
	      f->melding42, peil);
	if (f->vangnet != VN_GEEN)
		m[MP_MELDING_42E_WEEK].status = ST_NIET_VAN_TOEPASSING;

	/*
	 * Ziek uit dienst (R-ZW-3): the dienstverband ends within the
	 * verzuimgeval on a day the employee is ill.
	 */
	t->uit_dienst = f->einddatum != DATE_NONE && ziek_op(zv, f->einddatum);

	/* R-ZW-2, ZW 38a lid 3: the vangnet report, D+42 extended by the
	 * Atw, or the last day of the contract when that comes first */
	if (f->vangnet != VN_GEEN) {
		struct mijlpaal *v = &m[MP_MELDING_VANGNET];

		v->datum = zv->d + r[MP_MELDING_VANGNET].offset;
		atw_verleng(v);
		if (f->einddatum != DATE_NONE && f->einddatum >= zv->d &&
		    f->einddatum < v->datum) {
			v->datum = f->einddatum;
			v->voor_atw = DATE_NONE;
			v->atw = ATW_GEEN;
		}
		actie(v, v->datum, f->melding_vangnet, peil);
		t->aanwezig |= UINT32_C(1) << MP_MELDING_VANGNET;
	}

	/* R-ZW-3, ZW 38 lid 2: the report on the last working day */
	if (t->uit_dienst) {
		actie(&m[MP_MELDING_EINDE_DIENSTVERBAND],
		      date_prev_workday(f->einddatum), f->melding_einde_dv,
		      peil);
		t->aanwezig |= UINT32_C(1) << MP_MELDING_EINDE_DIENSTVERBAND;
	}

	/* R-TL-10 */
	actie(&m[MP_EERSTEJAARSEVALUATIE],
	      SD(r[MP_EERSTEJAARSEVALUATIE].offset), f->eje, peil);
	m[MP_EERSTEJAARSEVALUATIE].venster =
		SD(CNT4_NA_WEKEN(TL10_VENSTER_WEEK - 1));

	/* R-TL-12, R-SP2-3, R-SP2-4 */
	eje_basis = f->eje != DATE_NONE ? f->eje
					: SD(r[MP_EERSTEJAARSEVALUATIE].offset);
	actie(&m[MP_START_TWEEDE_SPOOR],
	      eje_basis + r[MP_START_TWEEDE_SPOOR].offset, f->start_spoor2,
	      peil);
	if (f->geen_mogelijkheden || f->eje_terugkeer ||
	    (f->eje != DATE_NONE && f->eje_verwachte_terugkeer != DATE_NONE &&
	     f->eje_verwachte_terugkeer <=
		     date_add_months(f->eje, SP23_TERUGKEER_MAANDEN)))
		m[MP_START_TWEEDE_SPOOR].status = ST_NIET_VAN_TOEPASSING;

	/* R-TL-18, R-TL-19: end of the wage period, moved by an extension */
	basis_einde = verlengd ? f->verlenging_tot
			       : SD(r[MP_EINDE_WACHTTIJD].offset);

	/* R-TL-17: 11 weeks before the end, or the date in UWV's letter */
	w = verlengd ? basis_einde - r[MP_WIA_AANVRAAG].terug
		     : SD(r[MP_WIA_AANVRAAG].offset);
	brief_laat = f->wia_brief != DATE_NONE &&
		     f->wia_brief > SD(r[MP_WIA_BRIEF_UWV].offset);
	if (f->wia_brief_uiterste != DATE_NONE &&
	    (!verlengd || f->wia_brief >= f->verlenging)) {
		w = f->wia_brief_uiterste;
		/* after a late letter its date ends the four weeks of WIA 64
		 * lid 6: a forward term, extended by Atw art. 1 */
		if (brief_laat) {
			m[MP_WIA_AANVRAAG].datum = w;
			atw_verleng(&m[MP_WIA_AANVRAAG]);
			w = m[MP_WIA_AANVRAAG].datum;
		}
	}
	/* R-TL-9.3: the four weeks run from receipt of the late letter (the
	 * date of wia_brief_uwv), extended by Atw art. 1 */
	venster = brief_laat
		? date_next_workday(f->wia_brief + TL9_BRIEF_AANVRAAG_DAGEN)
		: DATE_NONE;

	/*
	 * R-TL-9.3: a late application extends the wage period (BW 7:629 lid
	 * 11 a) unless WIA 64 lid 6 deems it timely: UWV sent no notice, or a
	 * late one followed within 4 weeks, and the 42e-weekmelding was made
	 * before the 81-week line (vangnet cases report under ZW 38a).
	 */
	t->wia_geacht_tijdig = 0;
	if (f->wia_aanvraag != DATE_NONE && f->wia_aanvraag > w) {
		sdate grens = SD(r[MP_MELDING_42E_WEEK_GRENS].offset - 1);
		int melding_ok = f->vangnet != VN_GEEN ||
				 (f->melding42 != DATE_NONE &&
				  f->melding42 <= grens);
		int brief_ok = f->wia_brief == DATE_NONE ||
			       (brief_laat && f->wia_aanvraag <= venster);

		if (melding_ok && brief_ok)
			t->wia_geacht_tijdig = 1;
		else
			vertraging = f->wia_aanvraag - w;
	}
	t->wia_vertraging = vertraging;
	einde = basis_einde + vertraging;

	/* R-TL-15, R-TL-16, R-CNT-5: backward terms */
	for (i = MP_ACTUEEL_OORDEEL; i <= MP_RE_INTEGRATIEVERSLAG; i++) {
		sdate due = verlengd ? basis_einde - r[i].terug
				     : SD(r[i].offset);
		sdate done = i == MP_ACTUEEL_OORDEEL ? f->actueel_oordeel
			   : i == MP_EINDEVALUATIE ? f->eindevaluatie
						     : f->riv;
		actie(&m[i], due, done, peil);
	}
	actie(&m[MP_WIA_AANVRAAG], w, f->wia_aanvraag, peil);

	moment(&m[MP_EINDE_MINIMUMLOONGRENS],
	       SD(r[MP_EINDE_MINIMUMLOONGRENS].offset), peil);
	moment(&m[MP_VERVROEGDE_IVA_UITERLIJK],
	       SD(r[MP_VERVROEGDE_IVA_UITERLIJK].offset), peil);
	/* "voor de dag waarop de wachttijd 81 weken heeft geduurd" */
	moment(&m[MP_MELDING_42E_WEEK_GRENS],
	       SD(r[MP_MELDING_42E_WEEK_GRENS].offset - 1), peil);
	moment(&m[MP_WIA_BRIEF_UWV], SD(r[MP_WIA_BRIEF_UWV].offset), peil);

	/* R-LS-3: WIA 25 lid 10, also after an extension or a late claim */
	besluit = (verlengd || vertraging)
		? einde - r[MP_BESLUIT_LOONSANCTIE_UITERLIJK].terug
		: SD(r[MP_BESLUIT_LOONSANCTIE_UITERLIJK].offset);
	moment(&m[MP_BESLUIT_LOONSANCTIE_UITERLIJK], besluit, peil);
	moment(&m[MP_EINDE_WACHTTIJD], einde, peil);

	/* R-LS-3 .. R-LS-6 */
	loon_einde = einde;
	t->loonsanctie_vervallen = 0;
	if (f->loonsanctie != DATE_NONE && f->loonsanctie > einde) {
		/* WIA 25 lid 11: decided after the end, no extension */
		t->loonsanctie_vervallen = 1;
	} else if (f->loonsanctie != DATE_NONE) {
		int32_t laat = f->loonsanctie > besluit
			? f->loonsanctie - besluit : 0;
		sdate max = einde + r[MP_EINDE_LOONSANCTIE].offset - laat;

		loon_einde = max;
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
		moment(&m[MP_EINDE_LOONSANCTIE], loon_einde, peil);
		t->aanwezig |= UINT32_C(1) << MP_EINDE_LOONSANCTIE;
	}
	t->einde_loonbetaling = loon_einde;

	/* R-DSM-1: the opzegverbod moves with the end of the wage period */
	moment(&m[MP_EINDE_OPZEGVERBOD],
	       opzegverbod_basis(zv) +
		       (loon_einde - SD(r[MP_EINDE_WACHTTIJD].offset)),
	       peil);

	/*
	 * R-ZW-3, architecture §5.1: ill out of service, the employer's duties
	 * end with the dienstverband. Actions after the einddatum lapse; the
	 * RIV is due with the report when the illness lasted six weeks (ZW 38
	 * lid 2, not for an eigenrisicodrager ZW); no opzegverbod is left.
	 * UWV's moments stay.
	 */
	if (t->uit_dienst) {
		sdate md = m[MP_MELDING_EINDE_DIENSTVERBAND].datum;

		for (i = 0; i < MP__COUNT; i++)
			if (r[i].soort == MPS_ACTIE &&
			    i != MP_MELDING_EINDE_DIENSTVERBAND &&
			    i != MP_RE_INTEGRATIEVERSLAG &&
			    m[i].datum > f->einddatum)
				m[i].status = ST_NIET_VAN_TOEPASSING;
		if (md - zv->d >= ZW3_RIV_MIN_DAGEN && !f->erd_zw) {
			actie(&m[MP_RE_INTEGRATIEVERSLAG], md, f->riv, peil);
			m[MP_RE_INTEGRATIEVERSLAG].atw = ATW_WERKDAG;
			m[MP_RE_INTEGRATIEVERSLAG].regel = ZW3_REGEL;
			m[MP_RE_INTEGRATIEVERSLAG].bron = ZW3_BRON;
		} else {
			m[MP_RE_INTEGRATIEVERSLAG].status =
				ST_NIET_VAN_TOEPASSING;
		}
		m[MP_EINDE_OPZEGVERBOD].status = ST_NIET_VAN_TOEPASSING;
	}

	/*
	 * A recovered illness: actions projected past the last sick day are
	 * not due unless the illness returns. Within 28 fit days it may
	 * still return into this geval (open); after that a relapse starts
	 * a new geval (R-AGG-2), so they no longer apply.
	 */
	if (t->laatste_ziektedag != DATE_NONE) {
		for (i = 0; i < MP__COUNT; i++)
			if (r[i].soort == MPS_ACTIE &&
			    m[i].gedaan == DATE_NONE &&
			    m[i].status != ST_NIET_VAN_TOEPASSING &&
			    m[i].datum > t->laatste_ziektedag)
				m[i].status =
					peil - t->laatste_ziektedag >=
							AGG_NIEUW_GEVAL_DAGEN
						? ST_NIET_VAN_TOEPASSING
						: ST_OPEN;
	}
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

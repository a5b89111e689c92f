/*
 * loon.c - loondoorbetaling per period (see loon.h, docs/rules.md).
 */
#include <string.h>

#include "loon.h"

const char *const grondslag_naam[4] = {"wettelijk_70", "minimumloon",
				       "maximum_dagloon", "contract"};

int32_t
loon_leeftijd(sdate geb, sdate d)
{
	int by, bm, bd, y, m, dd;
	int32_t a;

	date_to_ymd(geb, &by, &bm, &bd);
	date_to_ymd(d, &y, &m, &dd);
	a = y - by;
	/* not yet this year's birthday */
	if (date_add_years(geb, a) > d)
		a--;
	return a;
}

/*
 * R-PAY-3: the youth minimum wage as a percentage (in promille) of the
 * adult hourly WML, by age: WML art. 7 lid 1 gives the full minimum wage
 * from 21; art. 7 lid 3 and 8 lid 3 let the Besluit
 * minimumjeugdloonregeling give 15- to 20-year-olds a percentage of it
 * (art. 1, 2 lid 1); below 15 there is none. The scale is data
 * (data/parameters/jeugdloon.tsv, overridable per age by a beheerder); the
 * lower scale of art. 3 for learners in a beroepsbegeleidende leerweg
 * (WML art. 8 lid 4) is not modelled: the case file has no field for it
 * (docs/rules.md). Each age is looked up on its own, so a stored row for
 * one age changes that age only.
 */
int
loon_jeugd_zoek(const struct param_tabel *t, int32_t leeftijd, sdate d,
		const struct param_rij **out, sdate *van)
{
	size_t i, hit = t->n;
	int32_t klasse = -1;

	*out = NULL;
	*van = DATE_NONE;
	/* the age class: the highest age listed on or before d */
	for (i = 0; i < t->n && t->rij[i].van <= d; i++)
		if (t->rij[i].leeftijd <= leeftijd &&
		    t->rij[i].leeftijd > klasse)
			klasse = t->rij[i].leeftijd;
	if (klasse < 0)
		return -1;
	/* its last row on or before d; the table is sorted by date */
	for (i = 0; i < t->n && t->rij[i].van <= d; i++)
		if (t->rij[i].leeftijd == klasse)
			hit = i;
	*van = t->rij[hit].van;
	if (t->rij[hit].waarde >= 0) {
		*out = &t->rij[hit];
		return 0;
	}
	/* 'onbekend': offer the last earlier row of that age that knows it */
	while (hit-- > 0)
		if (t->rij[hit].leeftijd == klasse && t->rij[hit].waarde >= 0) {
			*out = &t->rij[hit];
			break;
		}
	return -1;
}

int
param_zoek(const struct param_tabel *t, sdate d, const struct param_rij **out)
{
	size_t i, hit = t->n;

	for (i = 0; i < t->n && t->rij[i].van <= d; i++)
		hit = i;
	if (hit == t->n) {
		*out = NULL;
		return -1;
	}
	if (t->rij[hit].waarde >= 0) {
		*out = &t->rij[hit];
		return 0;
	}
	/* an 'onbekend' row: report the gap, offer the last known value */
	*out = NULL;
	while (hit-- > 0)
		if (t->rij[hit].waarde >= 0) {
			*out = &t->rij[hit];
			break;
		}
	return -1;
}

/* amount x num / den, rounded half up; all operands non-negative */
static int64_t
deel(int64_t amount, int64_t num, int64_t den)
{
	return (amount * num * 2 + den) / (2 * den);
}

int64_t
loon_dagloon(int64_t maandloon_cent)
{
	return deel(maandloon_cent, 12, PAY4_DAGEN_PER_JAAR);
}

int64_t
loon_maand(int64_t dag_cent)
{
	return deel(dag_cent, PAY4_DAGEN_PER_MAAND_X100, 100);
}

static int32_t
contract_procent(const struct dossier *ds, int32_t week)
{
	size_t i;

	for (i = 0; i < ds->nldb; i++)
		if (week <= ds->ldb[i].tot_en_met_week)
			return ds->ldb[i].procent;
	return -1;
}

/* The first unknown date of a table at or before d, for the gap list. */
static sdate
gat_vanaf(const struct param_tabel *t, sdate d)
{
	size_t i;
	sdate v = d;

	for (i = 0; i < t->n && t->rij[i].van <= d; i++)
		v = t->rij[i].waarde < 0 ? t->rij[i].van : d;
	return i == 0 ? d : v;
}

static void
meld_gat(struct loon *o, const struct param_tabel *t, sdate d)
{
	sdate v = gat_vanaf(t, d);
	uint32_t i;

	for (i = 0; i < o->ngaten; i++) {
		if (o->gaten[i].tabel != t->naam)
			continue;
		if (o->gaten[i].vanaf == v)
			return;
		/* before the first row the gap runs from the first day
		 * looked up; later days extend it, not a new gap */
		if (t->n && d < t->rij[0].van && o->gaten[i].vanaf <= d)
			return;
	}
	if (o->ngaten < LOON_MAX_GATEN) {
		o->gaten[o->ngaten].tabel = t->naam;
		o->gaten[o->ngaten].vanaf = v;
		o->gaten[o->ngaten].laatst_bekend =
			(uint8_t)(t->n && t->rij[0].van <= d);
		o->ngaten++;
	}
}

/* A gap in the age scale t from van (once per date). */
static void
meld_jeugd_gat(struct loon *o, const struct param_tabel *t, sdate van,
	       int laatst_bekend)
{
	uint32_t i;

	for (i = 0; i < o->ngaten; i++)
		if (o->gaten[i].tabel == t->naam && o->gaten[i].vanaf == van)
			return;
	if (o->ngaten < LOON_MAX_GATEN) {
		o->gaten[o->ngaten].tabel = t->naam;
		o->gaten[o->ngaten].vanaf = van;
		o->gaten[o->ngaten].laatst_bekend = (uint8_t)laatst_bekend;
		o->ngaten++;
	}
}

static void
bedragen(const struct loon *o, struct loon_periode *p)
{
	int64_t basis = o->dagloon;

	p->grondslag = GR_WETTELIJK;
	if (p->max && basis > p->max->waarde) {
		basis = p->max->waarde;
		p->grondslag = GR_MAXIMUM;
	}
	p->wettelijk_dag = deel(basis, PAY1_PROCENT, 100);
	if (p->week_van <= PAY1_WML_WEKEN && p->wml && o->wml_uren_x100 >= 0) {
		/* hourly WML (for a youth: its age percentage, rounded half
		 * up to a cent as Besluit minimumjeugdloonregeling art. 2
		 * lid 2
		 * prescribes) x hours a week / 5 working days, not above
		 * the wage itself */
		int64_t uur = p->jeugd ? deel(p->wml->waarde,
					      p->jeugd->waarde, 1000)
				       : p->wml->waarde;
		int64_t vloer = deel(uur, o->wml_uren_x100, 500);

		if (vloer > o->dagloon)
			vloer = o->dagloon;
		if (vloer > p->wettelijk_dag) {
			p->wettelijk_dag = vloer;
			p->grondslag = GR_MINIMUMLOON;
		}
	}
	p->contract_dag = p->contract_procent >= 0
		? deel(o->dagloon, p->contract_procent, 100) : 0;
	p->verschuldigd_dag = p->wettelijk_dag;
	if (p->contract_dag > p->wettelijk_dag) {
		p->verschuldigd_dag = p->contract_dag;
		p->grondslag = GR_CONTRACT;
	}
	p->totaal = p->verschuldigd_dag * p->werkdagen;
}

/* Add day d of sick week `week` to the periods; 0 or LOONF_TE_VEEL. */
static int
dag(struct loon *o, const struct dossier *ds, const struct param_tabel *wml,
    const struct param_tabel *maxd, const struct param_tabel *jeugd, sdate d,
    int32_t week, int sanctie)
{
	const struct param_rij *w = NULL, *m = NULL, *j = NULL;
	int32_t pct = contract_procent(ds, week);
	int voorlopig = 0;
	struct loon_periode *p = o->n ? &o->p[o->n - 1] : NULL;
	enum weekday wd = date_weekday(d);

	if (week <= PAY1_WML_WEKEN && o->wml_uren_x100 >= 0 &&
	    param_zoek(wml, d, &w) != 0) {
		voorlopig = 1;
		meld_gat(o, wml, d);
	}
	if (param_zoek(maxd, d, &m) != 0) {
		voorlopig = 1;
		meld_gat(o, maxd, d);
	}
	if (week > PAY1_WML_WEKEN)
		w = NULL;
	/* R-PAY-3: the minimum wage "dat voor hem geldt" depends on his age
	 * on this day; without a birth date the adult rate is assumed and
	 * the output says so */
	if (w && ds->geboortedatum == DATE_NONE) {
		o->geboortedatum_onbekend = 1;
	} else if (w) {
		sdate van;

		if (loon_jeugd_zoek(jeugd, loon_leeftijd(ds->geboortedatum, d),
				    d, &j, &van) != 0) {
			voorlopig = 1;
			meld_jeugd_gat(o, jeugd, van == DATE_NONE ? d : van,
				       j != NULL);
			/* no percentage known at all: leave the floor out,
			 * as the gap report says, rather than assume 100 % */
			if (!j)
				w = NULL;
		}
	}
	if (!p || p->wml != w || p->max != m || p->jeugd != j ||
	    p->contract_procent != pct ||
	    p->loonsanctie != sanctie || p->voorlopig != voorlopig ||
	    (p->week_van <= PAY1_WML_WEKEN) != (week <= PAY1_WML_WEKEN) ||
	    d != p->tot + 1) {
		if (o->n == LOON_MAX_PERIODEN)
			return LOONF_TE_VEEL;
		p = &o->p[o->n++];
		memset(p, 0, sizeof(*p));
		p->van = d;
		p->week_van = week;
		p->wml = w;
		p->max = m;
		p->jeugd = j;
		p->contract_procent = pct;
		p->loonsanctie = (uint8_t)sanctie;
		p->voorlopig = (uint8_t)voorlopig;
	}
	p->tot = d;
	p->week_tot = week;
	if (wd != WD_ZA && wd != WD_ZO)
		p->werkdagen++;
	return 0;
}

/*
 * R-PAY-1 with R-AGG-4: the first day in [van, tot] on which the employee
 * works again in part (a `ziek` mutation below 100 % or a recorded
 * `werkhervatting`); he stays ill, and spoor keeps paying 70 % of the full
 * wage, which the output says. DATE_NONE when there is none.
 */
static sdate
hervatting(const struct dossier *ds, sdate van, sdate tot)
{
	sdate eerste = DATE_NONE;
	size_t i;

	for (i = 0; i < ds->nverzuim; i++) {
		const struct verzuim_mutatie *m = &ds->verzuim[i];

		if (m->soort == VZ_ZIEK && m->percentage < 100 &&
		    m->datum >= van && m->datum <= tot &&
		    (eerste == DATE_NONE || m->datum < eerste))
			eerste = m->datum;
	}
	for (i = 0; i < ds->ngb; i++) {
		const struct gebeurtenis *g = &ds->gb[i];

		if (g->soort == GB_WERKHERVATTING && !g->gecorrigeerd &&
		    g->datum >= van && g->datum <= tot &&
		    (eerste == DATE_NONE || g->datum < eerste))
			eerste = g->datum;
	}
	return eerste;
}

int
loon_bereken(const struct dossier *ds, const struct ziekteverloop *zv,
	     const struct tijdlijn *t, const struct param_tabel *wml,
	     const struct param_tabel *maxd, const struct param_tabel *jeugd,
	     struct loon *o)
{
	sdate einde = t->m[MP_EINDE_WACHTTIJD].datum, d;
	int32_t k, i;
	uint32_t j;
	int rc;

	if (ds->maandloon_cent < 0)
		return LOONF_GEEN_MAANDLOON;
	o->n = 0;
	o->ngaten = 0;
	o->geboortedatum_onbekend = 0;
	o->jeugdloon = 0;
	o->hervatting = DATE_NONE;
	o->dagloon = loon_dagloon(ds->maandloon_cent);
	o->wml_uren_x100 = ds->uren_honderdsten;
	/* the wage obligation ends with the employment (R-ZW-3: then the
	 * Ziektewet takes over) */
	if (ds->einddatum != DATE_NONE && ds->einddatum < einde)
		einde = ds->einddatum;
	/* the wage period: every aggregated sick day up to the end */
	for (k = 1; (d = ziekteverloop_sickday(zv, k)) <= einde; k++)
		if ((rc = dag(o, ds, wml, maxd, jeugd, d, (k - 1) / 7 + 1, 0)))
			return rc;
	/* R-LS-4: a loonsanctie adds a fixed calendar period of 52 weeks,
	 * within the employment */
	for (i = 0; i < LS4_MAX_DAGEN &&
		    (ds->einddatum == DATE_NONE || einde + 1 + i <= ds->einddatum);
	     i++)
		if ((rc = dag(o, ds, wml, maxd, jeugd, einde + 1 + i,
			      (k - 1 + i) / 7 + 1, 1)))
			return rc;
	o->totaal = o->blootstelling = 0;
	if (o->n)
		o->hervatting = hervatting(ds, zv->d, o->p[o->n - 1].tot);
	for (j = 0; j < o->n; j++) {
		bedragen(o, &o->p[j]);
		if (o->p[j].jeugd && o->p[j].jeugd->waarde < 1000)
			o->jeugdloon = 1;
		if (o->p[j].loonsanctie)
			o->blootstelling += o->p[j].totaal;
		else
			o->totaal += o->p[j].totaal;
	}
	return LOONF_OK;
}

size_t
loon_meldingen(const struct loon *l, struct loon_melding m[LOON_MAX_MELDINGEN])
{
	size_t n = 0;

	if (l->geboortedatum_onbekend)
		m[n++] = (struct loon_melding){
			"GEBOORTEDATUM_ONBEKEND", "R-PAY-3",
			"BW 7:629 lid 1; WML art. 8 lid 3",
			"Het dossier heeft geen geboortedatum: de "
			"minimumloongrens is berekend met het minimumloon voor "
			"21 jaar en ouder. Is de werknemer jonger, dan geldt "
			"een lager minimumjeugdloon en is die grens te hoog; "
			"vul werknemer.geboortedatum in.", DATE_NONE};
	if (l->jeugdloon)
		m[n++] = (struct loon_melding){
			"MINIMUMJEUGDLOON", "R-PAY-3",
			"WML art. 8 lid 3; Besluit minimumjeugdloonregeling art. 2",
			"Zolang de werknemer jonger is dan 21 jaar, is de "
			"minimumloongrens het minimumjeugdloon voor zijn "
			"leeftijd, per periode vanaf zijn verjaardag. De lagere "
			"staffel voor een leerling in de beroepsbegeleidende "
			"leerweg (bbl, art. 3) rekent spoor niet.", DATE_NONE};
	if (l->hervatting != DATE_NONE)
		m[n++] = (struct loon_melding){
			"GEDEELTELIJKE_WERKHERVATTING", "R-PAY-1",
			"BW 7:629 lid 1",
			"De werknemer werkt gedeeltelijk. spoor rekent ook dan "
			"70% van het volle loon (of het hogere percentage uit "
			"contract of cao): het wettelijke minimum voor de uren "
			"die hij niet werkt; hij blijft ziek (R-AGG-4). Wat de "
			"werkgever voor de gewerkte uren betaalt (vaak het "
			"volle loon, R-PAY-5) zit niet in deze bedragen.",
			l->hervatting};
	return n;
}

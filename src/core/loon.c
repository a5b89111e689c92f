/*
 * loon.c - loondoorbetaling per period (see loon.h, docs/rules.md).
 */
#include <string.h>

#include "loon.h"

const char *const grondslag_naam[4] = {"wettelijk_70", "minimumloon",
				       "maximum_dagloon", "contract"};

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
		/* hourly WML x hours a week / 5 working days, not above the
		 * wage itself */
		int64_t vloer = deel(p->wml->waarde, o->wml_uren_x100, 500);

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
    const struct param_tabel *maxd, sdate d, int32_t week, int sanctie)
{
	const struct param_rij *w = NULL, *m = NULL;
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
	if (!p || p->wml != w || p->max != m || p->contract_procent != pct ||
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

int
loon_bereken(const struct dossier *ds, const struct ziekteverloop *zv,
	     const struct tijdlijn *t, const struct param_tabel *wml,
	     const struct param_tabel *maxd, struct loon *o)
{
	sdate einde = t->m[MP_EINDE_WACHTTIJD].datum, d;
	int32_t k, i;
	uint32_t j;
	int rc;

	if (ds->maandloon_cent < 0)
		return LOONF_GEEN_MAANDLOON;
	o->n = 0;
	o->ngaten = 0;
	o->dagloon = loon_dagloon(ds->maandloon_cent);
	o->wml_uren_x100 = ds->uren_honderdsten;
	/* the wage obligation ends with the employment (R-ZW-3: then the
	 * Ziektewet takes over) */
	if (ds->einddatum != DATE_NONE && ds->einddatum < einde)
		einde = ds->einddatum;
	/* the wage period: every aggregated sick day up to the end */
	for (k = 1; (d = ziekteverloop_sickday(zv, k)) <= einde; k++)
		if ((rc = dag(o, ds, wml, maxd, d, (k - 1) / 7 + 1, 0)))
			return rc;
	/* R-LS-4: a loonsanctie adds a fixed calendar period of 52 weeks,
	 * within the employment */
	for (i = 0; i < LS4_MAX_DAGEN &&
		    (ds->einddatum == DATE_NONE || einde + 1 + i <= ds->einddatum);
	     i++)
		if ((rc = dag(o, ds, wml, maxd, einde + 1 + i,
			      (k - 1 + i) / 7 + 1, 1)))
			return rc;
	o->totaal = o->blootstelling = 0;
	for (j = 0; j < o->n; j++) {
		bedragen(o, &o->p[j]);
		if (o->p[j].loonsanctie)
			o->blootstelling += o->p[j].totaal;
		else
			o->totaal += o->p[j].totaal;
	}
	return LOONF_OK;
}

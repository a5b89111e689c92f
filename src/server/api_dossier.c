/*
 * api_dossier.c - the cases: the list, a case and what is computed from
 * it, appends, import, the caller's rights and the access log (see
 * api_dossier.h, docs/api.md).
 */
#define _GNU_SOURCE /* strcasestr */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/date.h"
#include "core/geval.h"
#include "core/loon.h"
#include "core/rules.h"
#include "core/toets.h"
#include "format/casefile.h"
#include "format/params.h"
#include "format/rapport_json.h"
#include "format/tijdlijn_json.h"
#include "server/api.h"
#include "server/api_dossier.h"
#include "server/api_int.h"
#include "server/api_param.h"
#include "store/store.h"

#define PAGINA 50

/* --- cases ------------------------------------------------------- */

static int
peildatum(struct http_req *q, struct http_resp *r, sdate *peil)
{
	const char *p = http_query(q, "peildatum");

	if (!p) {
		*peil = api_vandaag();
		return 0;
	}
	if (date_parse(p, strlen(p), peil)) {
		http_resp_fout(r, 400, "ongeldig", "peildatum: verwacht een "
			       "datum als JJJJ-MM-DD", "peildatum");
		return 1;
	}
	return 0;
}

/* Compute the filtered case; on a case without illness answer 422. */
static int
bereken(struct http_resp *r, struct geval *g, sdate peil)
{
	int rc = geval_bereken(g, peil);

	if (rc == GEVAL_NOMEM) {
		(void)api_intern(r);
		return 1;
	}
	if (rc) {
		http_resp_fout(r, 422, "geen_verzuim", "het dossier heeft geen "
			       "bruikbare ziekmelding", "$.verzuim");
		return 1;
	}
	return 0;
}

enum soort_uit { UIT_DOSSIER = GC_DOSSIER, UIT_TIJDLIJN = GC_TIJDLIJN,
		 UIT_TOETS = GC_TOETS, UIT_LOON = GC_LOON };

static struct gcache *
cache(const struct http_req *q)
{
	return q->app ? ((struct api *)q->app)->cache : NULL;
}

/* Load the case filtered for the caller's roles, and audit the read
 * (app_dossier_lees). */
static int
laad_gefilterd(struct api_ctx *c, int64_t id, uint32_t rollen,
	       const char *actie, struct dossier *d)
{
	struct app_wie aw = {c->w.id, c->w.naam};

	return app_dossier_lees(&c->app, &aw, id, rollen, actie, d);
}

static int
lees_dossier(struct api_ctx *c, enum soort_uit soort)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	static const char *const actie[] = {"dossier lezen", "tijdlijn lezen",
					    "toets lezen", "loon lezen"};
	struct geval g;
	struct params pa;
	struct loon *l = NULL;
	struct toets t;
	struct gcache_sleutel k;
	char *out = NULL;
	size_t len = 0;
	int64_t id = c->dossier, versie = c->versie;
	uint32_t rollen = c->rollen;
	sdate peil;
	int rc;

	geval_init(&g);
	params_init(&pa);
	if (peildatum(q, r, &peil)) {
		rc = 0;
		goto out;
	}
	/* the result depends only on the case's versie, the classes the
	 * caller may read and the peildatum (gcache.h); the case itself
	 * also on whether the BSN is in it, the computed results not, so
	 * they stay shared between roles that read the same classes */
	k.dossier = id;
	k.klassen = soort == UIT_DOSSIER ? toegang_zicht(rollen)
					 : toegang_klassen(rollen);
	k.versie = versie;
	k.peil = peil;
	/* wage and assessment also depend on the parameter tables */
	k.params = soort == UIT_TOETS || soort == UIT_LOON
		   ? api_param_generatie() : 0;
	if (cache(q) &&
	    gcache_json(cache(q), &k, (enum gcache_uit)soort, &out, &len) == 0) {
		rc = api_ctx_audit(c, rollen, id, actie[soort],
				    toegang_klassen(rollen));
		rc = rc ? api_db_fout(r, rc) : http_resp_json(r, 200, out, len);
		goto out;
	}
	if ((rc = laad_gefilterd(c, id, rollen, actie[soort], &g.ds))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (soort == UIT_DOSSIER) {
		rc = casefile_schrijf(&g.ds, &out, &len);
	} else {
		if (bereken(r, &g, peil)) {
			rc = 0;
			goto out;
		}
		if (soort == UIT_TIJDLIJN) {
			rc = tijdlijn_json(&g.t, &out, &len);
		} else {
			int lrc = LOONF_GEEN_MAANDLOON;

			/* the compiled tables with the stored rows */
			l = calloc(1, sizeof(*l));
			if (!l || api_params(&pa)) {
				rc = api_intern(r);
				goto out;
			}
			if (g.ds.maandloon_cent >= 0)
				lrc = loon_bereken(&g.ds, &g.zv, &g.t, &pa.wml,
						   &pa.maxd, &pa.jeugd, l);
			if (soort == UIT_LOON) {
				if (lrc == LOONF_GEEN_MAANDLOON) {
					rc = http_resp_fout(r, 422, "geen_loon",
						"nodig voor de loonberekening",
						"$.dienstverband.maandloon_cent");
					goto out;
				}
				rc = lrc ? -1 : loon_json(l, g.ds.dossier_id.s,
							  &out, &len);
			} else {
				toets_bereken(&g.ds, &g.t, &t);
				if (lrc == LOONF_OK)
					t.loonsanctie_blootstelling_cent =
						l->blootstelling;
				rc = toets_json(&t, &out, &len);
			}
		}
	}
	if (!rc && cache(q))
		gcache_zet_json(cache(q), &k, (enum gcache_uit)soort, out, len);
	rc = rc ? api_intern(r) : http_resp_json(r, 200, out, len);
out:
	free(out);
	free(l);
	params_release(&pa);
	geval_release(&g);
	return rc;
}

int
h_dossier(struct api_ctx *c)
{
	return lees_dossier(c, UIT_DOSSIER);
}

int
h_tijdlijn(struct api_ctx *c)
{
	return lees_dossier(c, UIT_TIJDLIJN);
}

int
h_toets(struct api_ctx *c)
{
	return lees_dossier(c, UIT_TOETS);
}

int
h_loon(struct api_ctx *c)
{
	return lees_dossier(c, UIT_LOON);
}

static int
h_toevoegen(struct api_ctx *c, int verzuim)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct casefile_fout f;
	char *nid = NULL;
	int rc;

	rc = app_toevoegen(&c->app, verzuim, c->dossier, q->body, q->bodylen,
			   c->rollen, c->w.id, c->w.weergave,
			   verzuim ? NULL : &nid, &f);
	if (rc) {
		rc = api_store_fout(r, rc, &f, "dossier");
	} else {
		json_t *o = json_object();

		if (nid)
			json_object_set_new(o, "id", json_string(nid));
		json_object_set_new(o, "dossier_id", json_string(q->param[0]));
		rc = api_stuur(r, 201, o);
	}
	free(nid);
	return rc;
}

int
h_verzuim(struct api_ctx *c)
{
	return h_toevoegen(c, 1);
}

int
h_gebeurtenis(struct api_ctx *c)
{
	return h_toevoegen(c, 0);
}

/* POST /dossiers: only a casemanager or werkgever of the employer in
 * the document may create its case. */
int
h_import(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct dossier d;
	struct casefile_fout f;
	int64_t id;
	uint32_t rollen = 0;
	int rc;

	dossier_init(&d);
	if (casefile_lees(q->body, q->bodylen, &d, &f) != CF_OK) {
		rc = api_store_fout(r, ST_ONGELDIG, &f, "dossier");
		goto out;
	}
	rc = store_werkgever_rollen(c->app.st, c->w.id, d.werkgever_id.s, &rollen);
	if (rc && rc != ST_NIET_GEVONDEN) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (!(rollen & (ROL_BIT(ROL_CASEMANAGER) | ROL_BIT(ROL_WERKGEVER)))) {
		rc = http_resp_fout(r, 403, "verboden", "alleen een casemanager "
				    "of werkgever van deze werkgever maakt hier "
				    "een dossier aan", "$.werkgever.id");
		goto out;
	}
	rc = store_import_als(c->app.st, q->body, q->bodylen, c->w.id, c->w.weergave,
			      c->w.naam, rollen, &id, &f);
	if (rc) {
		rc = api_store_fout(r, rc, &f, "dossier");
		goto out;
	}
	{
		json_t *o = json_object();

		json_object_set_new(o, "dossier_id", json_string(d.dossier_id.s));
		rc = api_stuur(r, 201, o);
	}
out:
	dossier_release(&d);
	return rc;
}

/* One case of the dashboard: where its names are in the query result,
 * and its summary. */
struct rij {
	size_t res;        /* row of store_dossierlijst's result */
	const char *naam;  /* werknemer, for search and sort */
	struct gcache_samenvatting sv;
};

static int
sorteer_datum(const void *a, const void *b)
{
	const struct rij *x = a, *y = b;
	sdate dx = x->sv.actie_datum, dy = y->sv.actie_datum;

	/* cases without a next action last */
	if (dx != dy) {
		if (dx == DATE_NONE || dy == DATE_NONE)
			return dx == DATE_NONE ? 1 : -1;
		return dx < dy ? -1 : 1;
	}
	return strcmp(x->naam, y->naam);
}

static int
sorteer_risico(const void *a, const void *b)
{
	const struct rij *x = a, *y = b;

	if (x->sv.risico != y->sv.risico)
		return y->sv.risico - x->sv.risico;
	return sorteer_datum(a, b);
}

static int
sorteer_naam(const void *a, const void *b)
{
	const struct rij *x = a, *y = b;
	int c = strcmp(x->naam, y->naam);

	return c ? c : sorteer_datum(a, b);
}

static json_t *
rij_json(const struct rij *x, const struct db_res *res, sdate peil)
{
	json_t *o = json_object();
	char dd[DATE_STRLEN];

	json_object_set_new(o, "dossier_id", json_string(db_cel(res, x->res, 3)));
	json_object_set_new(o, "werknemer", json_string(x->naam));
	json_object_set_new(o, "werkgever", json_string(db_cel(res, x->res, 5)));
	if (x->sv.eerste_ziektedag == DATE_NONE) {
		json_object_set_new(o, "volgende_actie", json_null());
		json_object_set_new(o, "te_laat", json_integer(0));
		json_object_set_new(o, "risico", json_null());
		json_object_set_new(o, "tweede_spoor", json_false());
		return o;
	}
	date_format(x->sv.eerste_ziektedag, dd);
	json_object_set_new(o, "eerste_ziektedag", json_string(dd));
	json_object_set_new(o, "ziekteweek", json_integer(x->sv.ziekteweek));
	if (x->sv.actie >= 0) {
		json_t *v = json_object();

		date_format(x->sv.actie_datum, dd);
		json_object_set_new(v, "id", json_string(regels[x->sv.actie].naam));
		json_object_set_new(v, "titel",
				    json_string(regels[x->sv.actie].titel));
		json_object_set_new(v, "datum", json_string(dd));
		json_object_set_new(v, "dagen",
				    json_integer(x->sv.actie_datum - peil));
		json_object_set_new(o, "volgende_actie", v);
	} else {
		json_object_set_new(o, "volgende_actie", json_null());
	}
	json_object_set_new(o, "te_laat", json_integer(x->sv.te_laat));
	json_object_set_new(o, "risico", json_string(ernst_naam[x->sv.risico]));
	json_object_set_new(o, "tweede_spoor", json_boolean(x->sv.tweede_spoor));
	return o;
}

/* Does the row pass ?filter= (NULL: no filter)? */
static int
past_filter(const char *fi, const struct gcache_samenvatting *sv, sdate peil)
{
	if (!fi)
		return 1;
	if (!strcmp(fi, "te_laat"))
		return sv->te_laat > 0;
	if (!strcmp(fi, "hoog"))
		return sv->risico == ERNST_HOOG;
	if (!strcmp(fi, "tweede_spoor"))
		return sv->tweede_spoor;
	/* deze_week: the next action falls within seven days (or is due) */
	return sv->actie >= 0 && sv->actie_datum <= peil + 7;
}

/*
 * GET /dossiers: one query for the caller's cases with their names and
 * versie; each case's summary from the cache (computed on a miss); the
 * JSON only for the page asked for.
 */
int
h_lijst(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	const char *so = http_query(q, "sorteer"), *fi = http_query(q, "filter"),
		   *zo = http_query(q, "zoek"), *pg = http_query(q, "pagina");
	struct db_res res;
	struct rij *rijen = NULL;
	size_t k = 0, i, j, pagina = 1;
	sdate peil = api_vandaag();
	struct app ctx = c->app;
	json_t *o, *a;
	int rc;

	if ((so && strcmp(so, "datum") != 0 && strcmp(so, "risico") != 0 &&
	     strcmp(so, "naam") != 0) ||
	    (fi && strcmp(fi, "te_laat") != 0 && strcmp(fi, "deze_week") != 0 &&
	     strcmp(fi, "hoog") != 0 && strcmp(fi, "tweede_spoor") != 0)) {
		return http_resp_fout(r, 400, "ongeldig", "sorteer: datum, "
				      "risico of naam; filter: te_laat, "
				      "deze_week, hoog of tweede_spoor",
				      so ? "sorteer" : "filter");
	}
	if (pg) {
		char *e;
		long v = strtol(pg, &e, 10);

		if (*e || v < 1 || v > 1000000) {
			return http_resp_fout(r, 400, "ongeldig", "pagina: een "
					      "getal vanaf 1", "pagina");
		}
		pagina = (size_t)v;
	}
	if ((rc = store_dossierlijst(c->app.st, c->w.id, &res)))
		return api_db_fout(r, rc);
	rijen = calloc(res.nrows ? res.nrows : 1, sizeof(*rijen));
	if (!rijen) {
		rc = api_intern(r);
		goto out;
	}
	/* one row per grant: fold the roles of each case */
	for (i = 0; i < res.nrows; i = j) {
		int64_t id = db_cel_int(&res, i, 0);
		uint32_t rollen = 0;
		struct gcache_sleutel key;

		for (j = i; j < res.nrows && db_cel_int(&res, j, 0) == id; j++) {
			const char *rn = db_cel(&res, j, 2);
			int rol = rn ? rol_zoek(rn, strlen(rn)) : -1;

			if (rol >= 0)
				rollen |= ROL_BIT(rol);
		}
		rijen[k].res = i;
		rijen[k].naam = db_cel(&res, i, 4);
		if (!rijen[k].naam)
			rijen[k].naam = "";
		if (zo && !strcasestr(rijen[k].naam, zo))
			continue;
		key.dossier = id;
		key.klassen = toegang_klassen(rollen);
		key.versie = db_cel_int(&res, i, 1);
		key.peil = peil;
		if ((rc = app_samenvatting(&ctx, id, rollen, &key,
					   &rijen[k].sv))) {
			rc = api_db_fout(r, rc);
			goto out;
		}
		if (past_filter(fi, &rijen[k].sv, peil))
			k++;
	}
	qsort(rijen, k, sizeof(*rijen),
	      so && !strcmp(so, "risico") ? sorteer_risico
	      : so && !strcmp(so, "naam") ? sorteer_naam
					  : sorteer_datum);
	o = json_object();
	a = json_array();
	for (i = (pagina - 1) * PAGINA; i < k && i < pagina * PAGINA; i++)
		json_array_append_new(a, rij_json(&rijen[i], &res, peil));
	json_object_set_new(o, "dossiers", a);
	json_object_set_new(o, "totaal", json_integer((json_int_t)k));
	json_object_set_new(o, "pagina", json_integer((json_int_t)pagina));
	json_object_set_new(o, "per_pagina", json_integer(PAGINA));
	rc = api_ctx_audit(c, 0, 0, "dossierlijst lezen", 1u);
	if (rc) {
		json_decref(o);
		rc = api_db_fout(r, rc);
	} else {
		rc = api_stuur(r, 200, o);
	}
out:
	free(rijen);
	db_res_release(&res);
	return rc;
}

/* The page of the access log asked for (docs/api.md). */
struct toegang_vraag {
	size_t pagina, per_pagina;
	int64_t van, tot; /* unix seconds; tot 0: no end */
};

#define TOEGANG_PER_PAGINA 50
#define TOEGANG_PER_PAGINA_MAX 500

/* The start of day d in local time, as unix seconds. */
static int64_t
dag_begin(sdate d)
{
	struct tm tm;
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = dd;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/* ?name=N with lo <= N <= hi into *out (unchanged when absent); answers
 * 400 itself and returns 1. */
static int
getal_param(struct http_req *q, struct http_resp *r, const char *naam,
	    long lo, long hi, size_t *out)
{
	const char *t = http_query(q, naam);
	char *e, m[80];
	long v;

	if (!t)
		return 0;
	v = strtol(t, &e, 10);
	if (*t && !*e && v >= lo && v <= hi) {
		*out = (size_t)v;
		return 0;
	}
	snprintf(m, sizeof(m), "%s: een getal van %ld tot en met %ld", naam, lo,
		 hi);
	http_resp_fout(r, 400, "ongeldig", m, naam);
	return 1;
}

/* ?van=JJJJ-MM-DD (from its first second) into *out; answers 400 itself
 * and returns 1. */
static int
dag_param(struct http_req *q, struct http_resp *r, const char *naam,
	  int volgende, int64_t *out)
{
	const char *t = http_query(q, naam);
	char m[80];
	sdate d;

	if (!t)
		return 0;
	if (!date_parse(t, strlen(t), &d)) {
		*out = dag_begin(volgende ? d + 1 : d);
		return 0;
	}
	snprintf(m, sizeof(m), "%s: verwacht een datum als JJJJ-MM-DD", naam);
	http_resp_fout(r, 400, "ongeldig", m, naam);
	return 1;
}

/* Read pagina, per_pagina, van and tot; answers 400 itself and returns
 * 1. */
static int
toegang_vraag_lees(struct http_req *q, struct http_resp *r,
		   struct toegang_vraag *v)
{
	v->pagina = 1;
	v->per_pagina = TOEGANG_PER_PAGINA;
	v->van = 0;
	v->tot = 0;
	if (getal_param(q, r, "pagina", 1, 1000000, &v->pagina) ||
	    getal_param(q, r, "per_pagina", 1, TOEGANG_PER_PAGINA_MAX,
			&v->per_pagina) ||
	    dag_param(q, r, "van", 0, &v->van) ||
	    dag_param(q, r, "tot", 1, &v->tot))
		return 1;
	if (v->tot && v->van >= v->tot) {
		http_resp_fout(r, 400, "ongeldig", "tot: een datum op of na "
			       "van", "tot");
		return 1;
	}
	return 0;
}

/* GET /dossiers/{id}/toegang: the werknemer of the case, or beheerder;
 * one page, newest first. */
int
h_toegang(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct db_res res;
	struct toegang_vraag v;
	int64_t id;
	uint32_t rollen = 0, alle = 0;
	json_t *o, *a;
	size_t i, n;
	int rc;

	if (toegang_vraag_lees(q, r, &v))
		return 0;
	rc = store_dossier_zoek(c->app.st, q->param[0], &id);
	if (!rc)
		rc = store_rollen(c->app.st, c->w.id, id, &rollen);
	if (!rc)
		rc = store_alle_rollen(c->app.st, c->w.id, &alle);
	if (rc == ST_NIET_GEVONDEN ||
	    (!rc && !toegang_inzage(rollen) &&
	     !(alle & ROL_BIT(ROL_BEHEERDER)))) {
		return http_resp_fout(r, 404, "niet_gevonden",
				      "dossier niet gevonden", NULL);
	}
	/* the log shows every read up to this moment */
	if (!rc && ((struct api *)q->app)->auditq)
		auditq_flush(((struct api *)q->app)->auditq);
	/* one row more than the page says whether a next page exists */
	if (rc || (rc = store_toegang_log(c->app.st, id, v.van, v.tot,
					  (v.pagina - 1) * v.per_pagina,
					  v.per_pagina + 1, &res))) {
		return api_db_fout(r, rc);
	}
	o = json_object();
	a = json_array();
	n = res.nrows > v.per_pagina ? v.per_pagina : res.nrows;
	for (i = 0; i < n; i++) {
		json_t *t = json_object();

		json_object_set_new(t, "tijd", json_integer(db_cel_int(&res, i, 0)));
		json_object_set_new(t, "gebruiker", json_string(db_cel(&res, i, 1)));
		json_object_set_new(t, "rol", json_string(db_cel(&res, i, 2)));
		json_object_set_new(t, "actie", json_string(db_cel(&res, i, 3)));
		json_object_set_new(t, "klasse", json_string(db_cel(&res, i, 4)));
		json_object_set_new(t, "aantal", json_integer(db_cel_int(&res, i, 5)));
		json_object_set_new(t, "laatst", json_integer(db_cel_int(&res, i, 6)));
		json_array_append_new(a, t);
	}
	json_object_set_new(o, "volgende", json_boolean(res.nrows > n));
	db_res_release(&res);
	json_object_set_new(o, "dossier_id", json_string(q->param[0]));
	json_object_set_new(o, "toegang", a);
	json_object_set_new(o, "pagina", json_integer((json_int_t)v.pagina));
	json_object_set_new(o, "per_pagina",
			    json_integer((json_int_t)v.per_pagina));
	rc = api_ctx_audit(c, rollen | (alle & ROL_BIT(ROL_BEHEERDER)),
			 id, "toegangslog lezen", 0);
	if (rc) {
		json_decref(o);
		return api_db_fout(r, rc);
	}
	return api_stuur(r, 200, o);
}

/* GET /dossiers/{id}/rechten: the caller's roles in this case and what
 * toegang.c lets them do there, so the web application offers exactly
 * the forms the server will accept. No case content: not audited. */
int
h_rechten(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	uint32_t rollen = c->rollen, org = 0;
	json_t *o, *ro, *le, *sc;
	unsigned i;
	int rc;

	rc = store_dossier_org_rollen(c->app.st, c->w.id, c->dossier, &org);
	if (rc)
		return api_db_fout(r, rc);
	o = json_object();
	ro = json_array();
	le = json_array();
	sc = json_array();
	for (i = 0; i < ROL__COUNT; i++)
		if (rollen & ROL_BIT(i) && i != ROL_BEHEERDER)
			json_array_append_new(ro, json_string(rol_naam[i]));
	for (i = 0; i < 3; i++) {
		if (toegang_lees(rollen, (enum zichtbaarheid)i))
			json_array_append_new(le, json_string(zichtbaarheid_naam[i]));
		if (toegang_schrijf(rollen, (enum zichtbaarheid)i))
			json_array_append_new(sc, json_string(zichtbaarheid_naam[i]));
	}
	json_object_set_new(o, "dossier_id", json_string(q->param[0]));
	json_object_set_new(o, "rollen", ro);
	json_object_set_new(o, "lezen", le);
	json_object_set_new(o, "schrijven", sc);
	json_object_set_new(o, "verzuim",
			    json_boolean(toegang_verzuim_schrijf(rollen)));
	json_object_set_new(o, "dienstverband",
			    json_boolean(toegang_stamdata(rollen)));
	/* PUT /werkgevers/{id} and /werknemers/{id}: an organisation-wide
	 * casemanager or werkgever grant (api_doc.c) */
	json_object_set_new(o, "organisatie",
			    json_boolean(toegang_stamdata(org)));
	json_object_set_new(o, "bsn", json_boolean(toegang_bsn(rollen)));
	json_object_set_new(o, "toegangslog",
			    json_boolean(toegang_inzage(rollen)));
	return api_stuur(r, 200, o);
}

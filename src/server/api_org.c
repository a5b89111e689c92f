/*
 * api_org.c - the organisation (see api_org.h, docs/api.md). Who may do
 * what, in one table per handler:
 *   werkgevers    list: beheerder all, others their organisation-wide
 *                 grants; add: beheerder; change: beheerder or the
 *                 employer's casemanager/werkgever
 *   werknemers    the employer's casemanager/werkgever
 *   dienstverband the case's casemanager/werkgever
 * Something the caller may see but not change is 403; something out of
 * his sight is 404, the same answer as for what does not exist.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/api_int.h"
#include "server/api_org.h"
#include "store/store_doc.h"
#include "store/toegang.h"

/* --- werkgevers ----------------------------------------------------- */

static json_t *
werkgever_json(const struct store_werkgever *g)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(g->id));
	json_object_set_new(o, "naam", json_string(g->naam));
	json_object_set_new(o, "eigenrisicodrager_wga",
			    json_boolean(g->eigenrisicodrager_wga));
	json_object_set_new(o, "eigenrisicodrager_zw",
			    json_boolean(g->eigenrisicodrager_zw));
	json_object_set_new(o, "aantal_dossiers",
			    json_integer((json_int_t)g->dossiers));
	{
		char etag[STORE_ETAG_LEN];

		store_werkgever_etag(g, etag);
		json_object_set_new(o, "etag", json_string(etag));
	}
	return o;
}

/* --- optimistic concurrency (issue 12) ------------------------------ */

/* The If-Match of a whole-object write: the header without surrounding
 * blanks in buf, or "" when absent (the store then answers
 * ST_VERANDERD: 428). */
static const char *
als_van(const struct http_req *q, char *buf, size_t n)
{
	const char *v = http_header(q, "If-Match");
	size_t l;

	if (!v)
		return "";
	while (*v == ' ' || *v == '\t')
		v++;
	l = strlen(v);
	while (l && (v[l - 1] == ' ' || v[l - 1] == '\t'))
		l--;
	if (l >= n)
		l = n - 1;
	memcpy(buf, v, l);
	buf[l] = '\0';
	return buf;
}

/* 200 with object o and its ETag etag in the header. */
static int
stuur_etag(struct http_resp *r, json_t *o, const char *etag)
{
	if (http_resp_header(r, "ETag", etag)) {
		json_decref(o);
		return api_intern(r);
	}
	return api_stuur(r, 200, o);
}

/* A whole-object write that did not match the stored version: 428 when
 * the caller sent no If-Match, else 412; both with the stored object as
 * "huidig" and its ETag, so the writer can show the newer values. */
static int
stuur_veranderd(struct http_req *q, struct http_resp *r, json_t *huidig,
		const char *etag)
{
	int zonder = http_header(q, "If-Match") == NULL;
	json_t *o = json_object(), *f = json_object();

	json_object_set_new(f, "code", json_string(zonder ? "voorwaarde_vereist"
							  : "gewijzigd"));
	json_object_set_new(f, "bericht", json_string(
		zonder ? "If-Match ontbreekt: lees het object eerst en stuur "
			 "zijn ETag mee in de kop If-Match, zodat een "
			 "wijziging van een ander niet verloren gaat"
		       : "iemand anders heeft dit intussen gewijzigd: bekijk "
			 "de nieuwe gegevens (huidig) en voer uw wijziging "
			 "opnieuw in met de nieuwe ETag"));
	json_object_set_new(f, "veld", json_string("If-Match"));
	json_object_set_new(o, "fout", f);
	json_object_set_new(o, "huidig", huidig);
	if (http_resp_header(r, "ETag", etag)) {
		json_decref(o);
		return api_intern(r);
	}
	return api_stuur(r, zonder ? 428 : 412, o);
}

/* *beheerder: whether the caller holds beheerder. 0, or the store error
 * answered (returns 1). */
static int
is_beheerder(struct store *st, struct http_resp *r, const struct wie *w,
	     int *beheerder)
{
	uint32_t alle = 0;
	int rc = store_alle_rollen(st, w->id, &alle);

	if (rc) {
		(void)api_db_fout(r, rc);
		return 1;
	}
	*beheerder = (alle & ROL_BIT(ROL_BEHEERDER)) != 0;
	return 0;
}

/* GET /werkgevers: beheerder every employer, others those of their
 * organisation-wide grants, each with its number of cases. */
int
h_werkgevers(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_werkgever *g = NULL;
	size_t n = 0, i, van, tot, pagina;
	int beheerder, rc;
	json_t *o, *a;

	if (api_pagina_van(q, r, &pagina) || is_beheerder(st, r, w, &beheerder)) {
		rc = 0;
		goto out;
	}
	if ((rc = store_werkgevers(st, w->id, beheerder, &g, &n)) ||
	    (rc = api_lees_audit(q, w, beheerder ? ROL_BIT(ROL_BEHEERDER) : 0,
				 0, "werkgevers lezen", 0))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	o = json_object();
	a = json_array();
	api_pagineer(o, n, pagina, &van, &tot);
	for (i = van; i < tot; i++)
		json_array_append_new(a, werkgever_json(&g[i]));
	json_object_set_new(o, "werkgevers", a);
	rc = api_stuur(r, 200, o);
out:
	store_werkgevers_free(g, n);
	return rc;
}

/* POST /werkgevers {id, naam, eigenrisicodrager_wga}: beheerder. */
int
h_werkgever_nieuw(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_werkgever g;
	struct casefile_fout f;
	int beheerder, rc;

	memset(&g, 0, sizeof(g));
	if (is_beheerder(st, r, w, &beheerder)) {
		rc = 0;
		goto out;
	}
	if (!beheerder) {
		rc = http_resp_fout(r, 403, "verboden", "alleen een beheerder "
				    "voegt werkgevers toe", NULL);
		goto out;
	}
	rc = store_werkgever_nieuw(st, q->body, q->bodylen, w->id, w->naam,
				   ROL_BIT(ROL_BEHEERDER), &g, &f);
	rc = rc ? api_store_fout(r, rc, &f, "werkgever")
		: api_stuur(r, 201, werkgever_json(&g));
out:
	store_werkgever_release(&g);
	return rc;
}

/* PUT /werkgevers/{id} {naam, eigenrisicodrager_wga}: beheerder, or the
 * employer's casemanager or werkgever. */
int
h_werkgever_wijzig(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_werkgever g;
	struct casefile_fout f;
	char als[80], etag[STORE_ETAG_LEN];
	uint32_t org = 0;
	int beheerder, rc;

	memset(&g, 0, sizeof(g));
	if (is_beheerder(st, r, w, &beheerder)) {
		rc = 0;
		goto out;
	}
	if ((rc = store_werkgever_rollen(st, w->id, q->param[0], &org))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (!beheerder && !toegang_stamdata(org)) {
		/* a party of the employer sees it in GET /werkgevers */
		rc = org ? http_resp_fout(r, 403, "verboden", "alleen een "
					  "beheerder, of een casemanager of "
					  "werkgever van deze werkgever, wijzigt "
					  "haar gegevens", NULL)
			 : http_resp_fout(r, 404, "niet_gevonden",
					  "werkgever niet gevonden", NULL);
		goto out;
	}
	rc = store_werkgever_wijzig_als(st, q->param[0], q->body,
					q->bodylen, als_van(q, als, sizeof(als)),
					w->id, w->naam,
					org | (beheerder ? ROL_BIT(ROL_BEHEERDER)
							 : 0),
					&g, &f);
	if (rc == ST_OK || rc == ST_VERANDERD)
		store_werkgever_etag(&g, etag);
	rc = rc == ST_VERANDERD ? stuur_veranderd(q, r, werkgever_json(&g), etag)
	     : rc ? api_store_fout(r, rc, &f, "werkgever")
		  : stuur_etag(r, werkgever_json(&g), etag);
out:
	store_werkgever_release(&g);
	return rc;
}

/* --- werknemers ----------------------------------------------------- */

static json_t *
werknemer_json(const struct store_werknemer *n)
{
	json_t *o = json_object();
	char gd[DATE_STRLEN];
	size_t i;

	json_object_set_new(o, "id", json_string(n->id));
	json_object_set_new(o, "naam", json_string(n->naam));
	if (n->geboortedatum != DATE_NONE) {
		date_format(n->geboortedatum, gd);
		json_object_set_new(o, "geboortedatum", json_string(gd));
	}
	if (n->bsn)
		json_object_set_new(o, "bsn", json_string(n->bsn));
	if (n->dossiers) {
		json_t *a = json_array();

		for (i = 0; i < n->ndossiers; i++)
			json_array_append_new(a, json_string(n->dossiers[i]));
		json_object_set_new(o, "dossiers", a);
	}
	{
		char etag[STORE_ETAG_LEN];

		store_werknemer_etag(n, etag);
		json_object_set_new(o, "etag", json_string(etag));
	}
	return o;
}

/* GET /werknemers?werkgever=ID: the employees of the employer's cases,
 * for its casemanager and werkgever only (they hold the BSN anyway). */
int
h_werknemers(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	const char *wg = http_query(q, "werkgever");
	struct store_werknemer *n = NULL;
	size_t k = 0, i, van, tot, pagina;
	uint32_t org = 0;
	int beheerder, rc;
	char actie[120];
	json_t *o, *a;

	if (!wg || !*wg) {
		rc = http_resp_fout(r, 400, "ongeldig", "werkgever ontbreekt: "
				    "geef ?werkgever=ID", "werkgever");
		goto out;
	}
	if (api_pagina_van(q, r, &pagina) || is_beheerder(st, r, w, &beheerder)) {
		rc = 0;
		goto out;
	}
	if ((rc = store_werkgever_rollen(st, w->id, wg, &org))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (!toegang_stamdata(org)) {
		rc = org || beheerder
			? http_resp_fout(r, 403, "verboden", "alleen een "
					 "casemanager of werkgever van deze "
					 "werkgever ziet haar werknemers", NULL)
			: http_resp_fout(r, 404, "niet_gevonden",
					 "werkgever niet gevonden", NULL);
		goto out;
	}
	snprintf(actie, sizeof(actie), "werknemers lezen (werkgever %.80s)", wg);
	if ((rc = store_werknemers(st, wg, &n, &k)) ||
	    (rc = api_lees_audit(q, w, org, 0, actie, 1u))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	o = json_object();
	a = json_array();
	json_object_set_new(o, "werkgever", json_string(wg));
	api_pagineer(o, k, pagina, &van, &tot);
	for (i = van; i < tot; i++)
		json_array_append_new(a, werknemer_json(&n[i]));
	json_object_set_new(o, "werknemers", a);
	rc = api_stuur(r, 200, o);
out:
	store_werknemers_free(n, k);
	return rc;
}

/* PUT /werknemers/{id}[?werkgever=ID] {naam, geboortedatum, bsn}: the
 * casemanager or werkgever of the employee's employer (an id is unique
 * per employer; ?werkgever= picks one when the caller manages several
 * that use the id). */
int
h_werknemer_wijzig(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_werknemer n;
	struct casefile_fout f;
	char als[80], etag[STORE_ETAG_LEN];
	uint32_t org = 0, partij = 0;
	int rc;

	memset(&n, 0, sizeof(n));
	if ((rc = store_werknemer_rollen(st, w->id, q->param[0],
					 http_query(q, "werkgever"), &org,
					 &partij))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (!toegang_stamdata(org)) {
		rc = toegang_dossier(partij)
			? http_resp_fout(r, 403, "verboden", "alleen een "
					 "casemanager of werkgever van zijn "
					 "werkgever wijzigt de gegevens van een "
					 "werknemer", NULL)
			: http_resp_fout(r, 404, "niet_gevonden",
					 "werknemer niet gevonden", NULL);
		goto out;
	}
	rc = store_werknemer_wijzig_als(st, q->param[0],
					http_query(q, "werkgever"), q->body,
					q->bodylen, als_van(q, als, sizeof(als)),
					w->id, w->naam, org, &n, &f);
	if (rc == ST_OK || rc == ST_VERANDERD)
		store_werknemer_etag(&n, etag);
	rc = rc == ST_VERANDERD ? stuur_veranderd(q, r, werknemer_json(&n), etag)
	     : rc ? api_store_fout(r, rc, &f, "werknemer")
		  : stuur_etag(r, werknemer_json(&n), etag);
out:
	store_werknemer_release(&n);
	return rc;
}

/* --- dienstverband -------------------------------------------------- */

/* PUT /dossiers/{id}/dienstverband with the dienstverband object of
 * spoor-dossier/1: the case's casemanager or werkgever. */
int
h_dienstverband_wijzig(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct casefile_fout f;
	char *canon = NULL, als[80], etag[STORE_ETAG_LEN];
	int64_t id = c->dossier;
	uint32_t rollen = c->rollen;
	json_t *o;
	int rc;

	rc = store_dienstverband_wijzig_als(st, id, q->body, q->bodylen,
					    als_van(q, als, sizeof(als)),
					    rollen, w->id, w->naam, &canon, &f);
	if (rc && rc != ST_VERANDERD) {
		rc = api_store_fout(r, rc, &f, "dossier");
		goto out;
	}
	store_dienstverband_etag(canon, etag);
	o = json_object();
	json_object_set_new(o, "dossier_id", json_string(q->param[0]));
	json_object_set_new(o, "dienstverband", json_loads(canon, 0, NULL));
	json_object_set_new(o, "etag", json_string(etag));
	rc = rc ? stuur_veranderd(q, r, o, etag) : stuur_etag(r, o, etag);
out:
	free(canon);
	return rc;
}

/* GET /dossiers/{id}/dienstverband: the object PUT replaces, with its
 * ETag, for every party of the case (it is in the case file too). */
int
h_dienstverband(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	char *canon = NULL, etag[STORE_ETAG_LEN];
	int64_t id = c->dossier;
	uint32_t rollen = c->rollen;
	json_t *o;
	int rc;

	if ((rc = store_dienstverband_lees(st, id, &canon)) ||
	    (rc = api_lees_audit(q, w, rollen, id, "dienstverband lezen",
				 1u))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	store_dienstverband_etag(canon, etag);
	o = json_object();
	json_object_set_new(o, "dossier_id", json_string(q->param[0]));
	json_object_set_new(o, "dienstverband", json_loads(canon, 0, NULL));
	json_object_set_new(o, "etag", json_string(etag));
	rc = stuur_etag(r, o, etag);
out:
	free(canon);
	return rc;
}

/* GET /werkgevers/{id}: the employer with its ETag, for those who see it
 * in GET /werkgevers (beheerder, organisation-wide grant); 404 else. */
int
h_werkgever(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_werkgever g;
	char etag[STORE_ETAG_LEN];
	uint32_t org = 0;
	int beheerder, rc;

	memset(&g, 0, sizeof(g));
	if (is_beheerder(st, r, w, &beheerder)) {
		rc = 0;
		goto out;
	}
	if ((rc = store_werkgever_rollen(st, w->id, q->param[0], &org))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (!beheerder && !org) {
		rc = http_resp_fout(r, 404, "niet_gevonden",
				    "werkgever niet gevonden", NULL);
		goto out;
	}
	if ((rc = store_werkgever_lees(st, q->param[0], &g))) {
		rc = rc == ST_NIET_GEVONDEN
			? http_resp_fout(r, 404, "niet_gevonden",
					 "werkgever niet gevonden", NULL)
			: api_db_fout(r, rc);
		goto out;
	}
	if ((rc = api_lees_audit(q, w, beheerder ? ROL_BIT(ROL_BEHEERDER)
						  : org, 0, "werkgever lezen",
				 0))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	store_werkgever_etag(&g, etag);
	rc = stuur_etag(r, werkgever_json(&g), etag);
out:
	store_werkgever_release(&g);
	return rc;
}

/* GET /werknemers/{id}[?werkgever=ID]: the employee PUT would change,
 * with its ETag, for the same callers (403/404 as PUT). */
int
h_werknemer(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_werknemer n;
	struct casefile_fout f;
	char etag[STORE_ETAG_LEN];
	uint32_t org = 0, partij = 0;
	int rc;

	memset(&n, 0, sizeof(n));
	if ((rc = store_werknemer_rollen(st, w->id, q->param[0],
					 http_query(q, "werkgever"), &org,
					 &partij))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (!toegang_stamdata(org)) {
		rc = toegang_dossier(partij)
			? http_resp_fout(r, 403, "verboden", "alleen een "
					 "casemanager of werkgever van zijn "
					 "werkgever ziet de gegevens van een "
					 "werknemer", NULL)
			: http_resp_fout(r, 404, "niet_gevonden",
					 "werknemer niet gevonden", NULL);
		goto out;
	}
	if ((rc = store_werknemer_lees(st, q->param[0],
				       http_query(q, "werkgever"), w->id, &n,
				       &f)) ||
	    (rc = api_lees_audit(q, w, org, 0, "werknemer lezen", 1u))) {
		rc = api_store_fout(r, rc, &f, "werknemer");
		goto out;
	}
	store_werknemer_etag(&n, etag);
	rc = stuur_etag(r, werknemer_json(&n), etag);
out:
	store_werknemer_release(&n);
	return rc;
}

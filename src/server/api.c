/*
 * api.c - what every handler of /api/v1/ shares (see api.h, api_int.h,
 * docs/api.md): the worker's store, error answers, authentication, the
 * route flags' dispatcher, pages of a list, the warmer, and the route
 * table. The handlers are in api_<resource>.c: api_sessie.c (session,
 * ik), api_beheer.c (tokens, users, grants), api_dossier.c (cases),
 * api_doc.c (documents), api_org.c (organisation), api_param.c,
 * api_proef.c, api_totp.c, api_catalogus.c.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "lib/klok.h"
#include "app/app.h"
#include "server/api.h"
#include "server/api_beheer.h"
#include "server/api_catalogus.h"
#include "server/api_doc.h"
#include "server/api_dossier.h"
#include "server/api_int.h"
#include "server/api_limiet.h"
#include "server/api_org.h"
#include "server/api_param.h"
#include "server/api_proef.h"
#include "server/api_sessie.h"
#include "server/api_totp.h"
#include "server/web.h"
#include "store/store.h"
#include "store/store_bereik.h"

void
api_wie_release(struct wie *w)
{
	/* the next request on this thread starts without the scope */
	if (w->werkgever && api_st())
		api_st()->bereik_werkgever = 0;
	free(w->naam);
	free(w->weergave);
	free(w->csrf);
	memset(w, 0, sizeof(*w));
}

sdate
api_vandaag(void)
{
	int j, m, d;

	klok_vandaag(&j, &m, &d);
	return date_from_ymd(j, m, d);
}

struct store *
api_st(void)
{
	return http_thread_ctx();
}

void *
api_thread_init(void *app)
{
	struct api *a = app;
	struct store *s = NULL;
	char err[300];

	if (store_open(a->db_url, 0, &s, err, sizeof(err))) {
		fprintf(stderr, "spoor serve: %s\n", err);
		return NULL;
	}
	return s;
}

void
api_thread_free(void *ctx)
{
	store_free(ctx);
}

int
api_intern(struct http_resp *r)
{
	return http_resp_fout(r, 500, "intern", "interne fout; zie het "
			      "serverlog", NULL);
}

/* This worker has no connection: the database was unreachable when it
 * last tried (http.h tries again after a back-off). */
int
api_geen_db(struct http_resp *r)
{
	int rc = http_resp_fout(r, 503, "bezet", "database niet bereikbaar; "
				"probeer het opnieuw", NULL);

	if (!rc)
		rc = http_resp_header(r, "Retry-After", "2");
	r->db_fout = 1;
	return rc;
}

int
api_db_fout(struct http_resp *r, int rc)
{
	if (api_st())
		fprintf(stderr, "spoor serve: database: %s\n",
			store_errmsg(api_st()));
	if (rc == ST_BUSY)
		rc = http_resp_fout(r, 503, "bezet", "de database is bezet; "
				    "probeer het opnieuw", NULL);
	else
		rc = api_intern(r);
	r->db_fout = 1;
	return rc;
}

/* Send a jansson tree (stolen) as the response. */
int
api_stuur(struct http_resp *r, unsigned status, json_t *j)
{
	char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
	int rc;

	json_decref(j);
	if (!s)
		return api_intern(r);
	rc = http_resp_json(r, status, s, strlen(s));
	free(s);
	return rc;
}

static int
is_schrijf(const struct http_req *q)
{
	return q->methode != HTTP_GET && q->methode != HTTP_HEAD &&
	       q->methode != HTTP_OPTIONS;
}

/*
 * Authenticate on st: the bearer token or the session cookie; schrijf
 * refuses a read-only token, csrf checks a cookie's CSRF token. Returns
 * 0 with *w filled, or answers 401/403 itself and returns 1.
 */
static int
aanmelden(struct http_req *q, struct http_resp *r, struct store *st,
	  int schrijf, int csrf, struct wie *w)
{
	const char *auth = http_header(q, "Authorization");
	const char *c = http_cookie(q, "spoor_sessie");
	char h[AUTH_TOKEN_HASH_LEN + 1];
	int rc;

	memset(w, 0, sizeof(*w));
	if (!st) {
		(void)api_geen_db(r);
		return 1;
	}
	st->bereik_werkgever = 0;
	if (auth && !strncmp(auth, "Bearer ", 7)) {
		const char *t = auth + 7;

		if (!auth_token_geldig(t, strlen(t)))
			goto weg;
		auth_token_hash(t, strlen(t), h);
		rc = store_token_wie_at(st, h, store_nu(), &w->id,
					&w->naam, &w->weergave,
					&w->alleen_lezen);
		/* a token limited to one employer: from here on the store
		 * resolves this caller's grants within it only */
		if (!rc)
			rc = store_token_bereik(st, h, &w->werkgever);
	} else if (c) {
		if (!auth_token_geldig(c, strlen(c)))
			goto weg;
		auth_token_hash(c, strlen(c), h);
		rc = store_sessie_wie(st, h, store_nu(),
				      ((const struct api *)q->app)->sessie_idle,
				      &w->id, &w->csrf, &w->naam, &w->weergave);
		w->cookie = 1;
	} else {
		goto weg;
	}
	if (rc == ST_NIET_GEVONDEN)
		goto weg;
	if (rc) {
		api_wie_release(w);
		(void)api_db_fout(r, rc);
		return 1;
	}
	st->bereik_werkgever = w->werkgever;
	/* the one place writes of a read-only token are refused (issue
	 * 12): every handler authenticates here */
	if (w->alleen_lezen && schrijf) {
		api_wie_release(w);
		http_resp_fout(r, 403, "alleen_lezen", "dit API-token mag "
			       "alleen lezen: maak een token zonder "
			       "\"alleen_lezen\" om te schrijven", NULL);
		return 1;
	}
	if (w->cookie && csrf) {
		const char *x = http_header(q, "X-CSRF-Token");

		if (!x || !auth_gelijk(x, strlen(x), w->csrf, strlen(w->csrf))) {
			api_wie_release(w);
			http_resp_fout(r, 403, "csrf", "de kop X-CSRF-Token "
				       "ontbreekt of klopt niet", NULL);
			return 1;
		}
	}
	/* a role that must use a second factor, without one: only its
	 * enrolment (api_totp.h) */
	if (api_totp_afdwingen(q, r, w)) {
		api_wie_release(w);
		return 1;
	}
	return 0;
weg:
	api_wie_release(w);
	http_resp_fout(r, 401, "niet_aangemeld", "meld u eerst aan", NULL);
	return 1;
}

/* For a handler without route flags: a write is what its method says. */
int
api_aanmelden(struct http_req *q, struct http_resp *r, struct wie *w)
{
	return aanmelden(q, r, api_st(), is_schrijf(q), is_schrijf(q), w);
}

int
api_vooraf(struct http_req *q, struct http_resp *r)
{
	struct wie w;

	if (api_aanmelden(q, r, &w))
		return 1;
	api_wie_release(&w);
	return 0;
}

/* The case {id} of the path with the caller's roles in it and its
 * versie (raised by every write); answers 404 itself (also when the
 * caller has no role there) and returns 1. */
static int
dossier_versie(struct store *st, struct http_req *q, struct http_resp *r,
	       const struct wie *w, int64_t *id, int64_t *versie,
	       uint32_t *rollen)
{
	int rc = store_dossier_toegang(st, w->id, q->param[0], id, versie,
				       rollen);

	if (rc == ST_NIET_GEVONDEN || (rc == ST_OK && !toegang_dossier(*rollen))) {
		http_resp_fout(r, 404, "niet_gevonden",
			       "dossier niet gevonden", NULL);
		return 1;
	}
	if (rc) {
		api_db_fout(r, rc);
		return 1;
	}
	return 0;
}

/* The use-case context of this request: its store (the worker's), the
 * process's cache and audit queue (app.h). */
static struct app
app_van(const struct http_req *q)
{
	const struct api *a = q->app;
	struct app c = {q->ctx, a ? a->cache : NULL, a ? a->auditq : NULL,
			a ? a->schrijfq : NULL};

	return c;
}

/* The audit record of a read (app_lees_audit). */
int
api_lees_audit(struct http_req *q, const struct wie *w, uint32_t rollen,
	       int64_t dossier, const char *actie, uint32_t klassen)
{
	struct app c = app_van(q);
	struct app_wie aw = {w->id, w->naam};

	return app_lees_audit(&c, &aw, rollen, dossier, actie, klassen);
}

/* 0 when the caller holds beheerder; answers 403 itself otherwise. */
static int
beheerder(struct store *st, struct http_resp *r, const struct wie *w)
{
	uint32_t alle = 0;
	int rc = store_alle_rollen(st, w->id, &alle);

	if (rc) {
		(void)api_db_fout(r, rc);
		return 1;
	}
	if (!(alle & ROL_BIT(ROL_BEHEERDER))) {
		http_resp_fout(r, 403, "verboden", "alleen een beheerder "
			       "beheert gebruikers", NULL);
		return 1;
	}
	return 0;
}

int
api_store_fout(struct http_resp *r, int rc, const struct casefile_fout *f,
	       const char *wat)
{
	const char *pad = f->pad[0] ? f->pad : NULL;
	char m[80];

	if (rc == ST_ONGELDIG)
		return http_resp_fout(r, 422, "ongeldig", f->reden, pad);
	if (rc == ST_VERBODEN)
		return http_resp_fout(r, 403, "verboden", f->reden, pad);
	if (rc == ST_CONFLICT)
		return http_resp_fout(r, 409, "bestaat_al", f->reden, pad);
	if (rc == ST_NIET_GEVONDEN) {
		snprintf(m, sizeof(m), "%s niet gevonden", wat);
		return http_resp_fout(r, 404, "niet_gevonden", m, NULL);
	}
	return api_db_fout(r, rc);
}

int
api_dispatch(struct http_req *q, struct http_resp *r)
{
	const struct http_route *rt = q->rt;
	struct api_ctx c;
	unsigned v;
	int rc = 0;

	/* a route without R_ANONIEM or R_AANMELDEN is a mistake in the
	 * table: 500, never an open route */
	if (!rt || !rt->hc || !(rt->vlag & (R_ANONIEM | R_AANMELDEN)))
		return -1;
	v = rt->vlag;
	memset(&c, 0, sizeof(c));
	c.q = q;
	c.r = r;
	c.app = app_van(q);
	if (v & R_AANMELDEN) {
		if (aanmelden(q, r, c.app.st, (v & R_SCHRIJF) != 0,
			      (v & R_CSRF) != 0, &c.w))
			return 0;
		/* 401 before 404 before 403: an unknown case of a known
		 * caller is 404 whatever he may do elsewhere */
		if ((v & R_DOSSIER) &&
		    dossier_versie(c.app.st, q, r, &c.w, &c.dossier, &c.versie,
				   &c.rollen))
			goto out;
		if ((v & R_BEHEERDER) && beheerder(c.app.st, r, &c.w))
			goto out;
	}
	rc = rt->hc(&c);
out:
	api_wie_release(&c.w);
	return rc;
}

/* The audit record of a read by the caller of c (app_lees_audit). */
int
api_ctx_audit(struct api_ctx *c, uint32_t rollen, int64_t dossier,
	      const char *actie, uint32_t klassen)
{
	struct app_wie aw = {c->w.id, c->w.naam};

	return app_lees_audit(&c->app, &aw, rollen, dossier, actie, klassen);
}

/* --- pages of a list ---------------------------------------------- */

/* ?pagina=N (default 1); answers 400 itself and returns 1. */
int
api_pagina_van(struct http_req *q, struct http_resp *r, size_t *pagina)
{
	const char *pg = http_query(q, "pagina");
	char *e;
	long v;

	*pagina = 1;
	if (!pg)
		return 0;
	v = strtol(pg, &e, 10);
	if (e == pg || *e || v < 1 || v > 1000000) {
		http_resp_fout(r, 400, "ongeldig", "pagina: een getal vanaf 1",
			       "pagina");
		return 1;
	}
	*pagina = (size_t)v;
	return 0;
}

/* Put the page of a list of n into o: "totaal", "pagina", "per_pagina";
 * *van and *tot bound the indices shown. */
void
api_pagineer(json_t *o, size_t n, size_t pagina, size_t *van, size_t *tot)
{
	*van = (pagina - 1) * API_PAGINA;
	if (*van > n)
		*van = n;
	*tot = *van + API_PAGINA < n ? *van + API_PAGINA : n;
	json_object_set_new(o, "totaal", json_integer((json_int_t)n));
	json_object_set_new(o, "pagina", json_integer((json_int_t)pagina));
	json_object_set_new(o, "per_pagina", json_integer(API_PAGINA));
}

/* --- warming the summaries ----------------------------------------- */

struct api_warmer {
	struct api *a;
	pthread_t draad;
	pthread_mutex_t m;
	pthread_cond_t c;
	atomic_int stop;   /* also read by a pass without the lock */
};

/* app_opwarmen's question between cases: is the server stopping? */
static int
warmer_stopt(void *arg)
{
	const struct api_warmer *w = arg;

	return w->stop;
}

/* Ended sessions leave the table here, once a minute, at most ten
 * bounded batches per pass (several servers on one database may each do
 * it; the DELETEs do not conflict). */
static void
sessies_opruimen(struct store *st, const struct api *a)
{
	int64_t n = 0;
	int i;

	for (i = 0; i < 10; i++) {
		if (store_sessies_opruimen(st, store_nu(), a->sessie_idle, &n)) {
			fprintf(stderr, "spoor serve: sessies opruimen: %s\n",
				store_errmsg(st));
			return;
		}
		if (n < 1000)
			return;
	}
}

static void *
warmer(void *arg)
{
	struct api_warmer *w = arg;
	struct store *st = NULL;
	sdate klaar = DATE_NONE;
	char err[300];

	if (store_open(w->a->db_url, 0, &st, err, sizeof(err))) {
		fprintf(stderr, "spoor serve: opwarmen: %s\n", err);
		return NULL;
	}
	pthread_mutex_lock(&w->m);
	while (!w->stop) {
		sdate peil = api_vandaag();
		struct timespec t;

		pthread_mutex_unlock(&w->m);
		if (peil != klaar) {
			struct app c = {st, w->a->cache, NULL, NULL};

			if (app_opwarmen(&c, peil, warmer_stopt, w) == 0)
				klaar = peil;
			else
				fprintf(stderr, "spoor serve: opwarmen: %s\n",
					store_errmsg(st));
		}
		sessies_opruimen(st, w->a);
		api_limiet_opruimen(st, store_nu());
		pthread_mutex_lock(&w->m);
		/* look at the date again in a minute */
		clock_gettime(CLOCK_REALTIME, &t);
		t.tv_sec += 60;
		if (!w->stop)
			pthread_cond_timedwait(&w->c, &w->m, &t);
	}
	pthread_mutex_unlock(&w->m);
	store_free(st);
	return NULL;
}

int
api_warmer_start(struct api *a, struct api_warmer **out)
{
	struct api_warmer *w = calloc(1, sizeof(*w));

	if (!w || !a->cache) {
		free(w);
		return -1;
	}
	w->a = a;
	pthread_mutex_init(&w->m, NULL);
	pthread_cond_init(&w->c, NULL);
	if (pthread_create(&w->draad, NULL, warmer, w)) {
		pthread_cond_destroy(&w->c);
		pthread_mutex_destroy(&w->m);
		free(w);
		return -1;
	}
	*out = w;
	return 0;
}

void
api_warmer_stop(struct api_warmer *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->m);
	w->stop = 1;
	pthread_cond_signal(&w->c);
	pthread_mutex_unlock(&w->m);
	pthread_join(w->draad, NULL);
	pthread_cond_destroy(&w->c);
	pthread_mutex_destroy(&w->m);
	free(w);
}

extern const char *const spoor_openapi;
extern const unsigned long spoor_openapi_len;

static int
h_openapi(struct api_ctx *c)
{
	return http_resp_json(c->r, 200, spoor_openapi, spoor_openapi_len);
}

/* A route through api_dispatch, with what it needs (api_int.h R_*). */
#define RC(m, p, hc, vlag) {m, vlag, p, api_dispatch, 0, hc}
/* The same with its own body cap (http_route.max_body). */
#define RCB(m, p, hc, vlag, max) {m, vlag, p, api_dispatch, max, hc}
/* A route whose handler establishes what it needs itself. */
#define RH(m, p, h, max) {m, 0, p, h, max, NULL}

const struct http_route api_routes[] = {
	RC(HTTP_GET, "/api/v1/openapi.json", h_openapi, R_ANONIEM),
	/* the words of core, no login (api_catalogus.h) */
	RH(HTTP_GET, "/api/v1/catalogus", h_catalogus, 0),
	/* before a login: a 4 KiB body, no session looked for */
	RH(HTTP_POST, "/api/v1/sessie", h_login, HTTP_BODY_ANONIEM),
	RC(HTTP_DELETE, "/api/v1/sessie", h_logout, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/ik", h_ik, R_AANMELDEN),
	/* the second factor: api_totp.c */
	RC(HTTP_GET, "/api/v1/sessie/totp", h_totp_status, R_AANMELDEN),
	RC(HTTP_POST, "/api/v1/sessie/totp", h_totp_begin, R_WIJZIG),
	RC(HTTP_POST, "/api/v1/sessie/totp/bevestig", h_totp_bevestig,
	   R_WIJZIG),
	RC(HTTP_POST, "/api/v1/sessie/totp/uit", h_totp_uit, R_WIJZIG),
	RC(HTTP_DELETE, "/api/v1/gebruikers/{}/totp", h_totp_wis,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_POST, "/api/v1/ik/wachtwoord", h_wachtwoord, R_WIJZIG),
	RC(HTTP_POST, "/api/v1/tokens", h_token, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/tokens", h_tokens, R_AANMELDEN),
	RC(HTTP_DELETE, "/api/v1/tokens/{}", h_token_weg, R_WIJZIG),
	RC(HTTP_PUT, "/api/v1/gebruikers/{}/actief", h_gebruiker_actief,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_DELETE, "/api/v1/toekenningen/{}", h_toekenning_weg,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_GET, "/api/v1/gebruikers", h_gebruikers,
	   R_AANMELDEN | R_BEHEERDER),
	RC(HTTP_POST, "/api/v1/gebruikers", h_gebruiker_nieuw,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_POST, "/api/v1/toekenningen", h_toekenning,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_GET, "/api/v1/dossiers", h_lijst, R_AANMELDEN),
	RC(HTTP_POST, "/api/v1/dossiers", h_import, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/dossiers/{}", h_dossier, R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/tijdlijn", h_tijdlijn,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/toets", h_toets,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/loon", h_loon,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_POST, "/api/v1/dossiers/{}/verzuim", h_verzuim,
	   R_WIJZIG | R_DOSSIER),
	/* the dry run and the week axis: api_proef.c */
	RC(HTTP_POST, "/api/v1/dossiers/{}/verzuim/proef", h_verzuim_proef,
	   R_WIJZIG | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/verzuim/proef", h_verzuim_verloop,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_POST, "/api/v1/dossiers/{}/gebeurtenissen", h_gebeurtenis,
	   R_WIJZIG | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/toegang", h_toegang, R_AANMELDEN),
	RC(HTTP_GET, "/api/v1/dossiers/{}/rechten", h_rechten,
	   R_AANMELDEN | R_DOSSIER),
	/* documents (api_doc.c) and the organisation (api_org.c) */
	RC(HTTP_GET, "/api/v1/dossiers/{}/documenten", h_documenten,
	   R_AANMELDEN | R_DOSSIER),
	/* cap: upload_max of spoor.conf (http_config.max_upload) */
	RCB(HTTP_POST, "/api/v1/dossiers/{}/documenten", h_document_nieuw,
	    R_WIJZIG | R_DOSSIER, HTTP_BODY_UPLOAD),
	RC(HTTP_GET, "/api/v1/dossiers/{}/documenten/{}", h_document,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/werkgevers", h_werkgevers, R_AANMELDEN),
	RC(HTTP_POST, "/api/v1/werkgevers", h_werkgever_nieuw, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/werkgevers/{}", h_werkgever, R_AANMELDEN),
	RC(HTTP_PUT, "/api/v1/werkgevers/{}", h_werkgever_wijzig, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/werknemers", h_werknemers, R_AANMELDEN),
	RC(HTTP_GET, "/api/v1/werknemers/{}", h_werknemer, R_AANMELDEN),
	RC(HTTP_PUT, "/api/v1/werknemers/{}", h_werknemer_wijzig, R_WIJZIG),
	RC(HTTP_PUT, "/api/v1/dossiers/{}/dienstverband", h_dienstverband_wijzig,
	   R_WIJZIG | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/dienstverband", h_dienstverband,
	   R_AANMELDEN | R_DOSSIER),
	/* parameter tables: api_param.c */
	RC(HTTP_GET, "/api/v1/parameters", h_parameters, R_AANMELDEN),
	RC(HTTP_PUT, "/api/v1/parameters/{}/{}", h_parameter_zet, R_WIJZIG),
	RC(HTTP_DELETE, "/api/v1/parameters/{}/{}", h_parameter_wis, R_WIJZIG),
	/* for operators (ops.c): no login, no audit, no cache */
	RH(HTTP_GET, "/healthz", ops_h_healthz, 0),
	RH(HTTP_GET, "/readyz", ops_h_readyz, 0),
	RH(HTTP_GET, "/metrics", ops_h_metrics, 0),
	/* the web application (web.c): last, so /api/ paths win */
	RH(HTTP_GET, "/{*}", web_bestand, 0),
};
const size_t api_nroutes = sizeof(api_routes) / sizeof(api_routes[0]);

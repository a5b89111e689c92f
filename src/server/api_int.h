/*
 * api_int.h - what the handler files of the API share (api.c and the
 * files that add routes to it). Not a public interface.
 */
#ifndef SPOOR_API_INT_H
#define SPOOR_API_INT_H

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"
#include "core/date.h"
#include "server/http.h"
#include "store/store.h"

/* Who is calling: filled by api_dispatch (R_AANMELDEN) or
 * api_aanmelden(); api_wie_release frees. */
struct wie {
	int64_t id;
	char *naam, *weergave;
	int cookie;   /* authenticated by session cookie: CSRF applies */
	int alleen_lezen; /* a read-only API token (api_aanmelden refuses
			   * its writes) */
	int64_t werkgever; /* an API token limited to this employer
			    * (werkgever.id; 0: none): api_aanmelden sets it
			    * as the store's bereik_werkgever (store_bereik.h)
			    * and api_wie_release clears it */
	char *csrf;
};

void api_wie_release(struct wie *w);

/* The worker thread's store (NULL when it could not be opened). */
struct store *api_st(void);

/* Today in local time: the default peildatum. */
sdate api_vandaag(void);

/* Answer 500 (detail in the server log) / the error of a store call
 * (503 when the database is busy). Both return the http_resp result. */
int api_intern(struct http_resp *r);
int api_db_fout(struct http_resp *r, int rc);

/* The answer to a refused store write: 422 ST_ONGELDIG, 403 ST_VERBODEN,
 * 409 ST_CONFLICT with f's reason and JSON path; 404 "<wat> niet
 * gevonden" for ST_NIET_GEVONDEN; anything else as api_db_fout. */
int api_store_fout(struct http_resp *r, int rc, const struct casefile_fout *f,
		   const char *wat);

/* Answer 503: this worker has no database connection (http.h tries
 * again after a back-off). Returns the http_resp result. */
int api_geen_db(struct http_resp *r);

/* 403 alleen_sessie: what only a logged-in person may do (change the
 * password, make tokens), asked with an API token. */
int api_alleen_sessie(struct http_resp *r);

/* A page of a list: API_PAGINA items; ?pagina=N (default 1) in
 * *pagina, or 400 answered and 1 returned; api_pagineer puts "totaal",
 * "pagina" and "per_pagina" into o and bounds the indices shown. */
#define API_PAGINA 50
int api_pagina_van(struct http_req *q, struct http_resp *r, size_t *pagina);
void api_pagineer(json_t *o, size_t n, size_t pagina, size_t *van,
		  size_t *tot);

/* Send a jansson tree as the response; takes the reference. */
int api_stuur(struct http_resp *r, unsigned status, json_t *j);

/*
 * Authenticate: bearer token or session cookie (CSRF checked for a
 * cookie on a state-changing request). 0 with *w filled; otherwise the
 * 401/403 is already answered and the result is 1. For api_vooraf; a
 * handler gets its caller from api_dispatch (route flags, below).
 */
int api_aanmelden(struct http_req *q, struct http_resp *r, struct wie *w);

/* Audit a read of case data (queued for group commit when the server
 * has a queue). klassen: toegang_klassen() of what was shown. */
int api_lees_audit(struct http_req *q, const struct wie *w, uint32_t rollen,
		   int64_t dossier, const char *actie, uint32_t klassen);

/*
 * Route flags (http_route.vlag): what a route needs, established once by
 * api_dispatch before its handler runs, in this order, each answering
 * itself: no database 503; R_AANMELDEN 401 (no valid session or token);
 * R_SCHRIJF 403 alleen_lezen (a read-only token); R_CSRF 403 csrf (a
 * cookie without the matching X-CSRF-Token); a role that must use a
 * second factor without one 403; R_DOSSIER 404 (no such case, or no role
 * of the caller in it); R_BEHEERDER 403 verboden. A route has R_ANONIEM
 * or R_AANMELDEN; api_dispatch answers 500 for one with neither, so a
 * forgotten flag never opens a route.
 */
enum api_vlag {
	R_ANONIEM = 1u << 0,   /* no login (the login, catalogue, openapi) */
	R_AANMELDEN = 1u << 1, /* a session cookie or a bearer token */
	R_SCHRIJF = 1u << 2,   /* changes state: not for a read-only token */
	R_CSRF = 1u << 3,      /* changes state: a cookie needs the CSRF token */
	R_DOSSIER = 1u << 4,   /* path parameter 0 is a case the caller has a
				* role in: c->dossier, c->versie, c->rollen */
	R_BEHEERDER = 1u << 5  /* the caller holds beheerder */
};
/* A state-changing route that needs a login. */
#define R_WIJZIG (R_AANMELDEN | R_SCHRIJF | R_CSRF)

/* The request context a route handler (http_route.hc) receives. Owned by
 * api_dispatch, which releases w after the handler returns. */
struct api_ctx {
	struct http_req *q;
	struct http_resp *r;
	struct wie w;        /* R_AANMELDEN: the caller; else zero */
	int64_t dossier;     /* R_DOSSIER: the case of path parameter 0 */
	int64_t versie;      /* R_DOSSIER: its versie (raised by every write) */
	uint32_t rollen;     /* R_DOSSIER: the caller's roles there */
	struct app app;      /* the use-case context: this request's store
			      * connection, the cache, the queues (app.h) */
};

/* http_route.h of a route with flags: establishes q->rt->vlag (above),
 * then runs q->rt->hc with the context. Needs no socket: a test builds
 * the request (q->ctx the store, q->app a struct api, q->rt the route). */
int api_dispatch(struct http_req *q, struct http_resp *r);

/* Audit a read by the caller of c (api_lees_audit). */
int api_ctx_audit(struct api_ctx *c, uint32_t rollen, int64_t dossier,
		  const char *actie, uint32_t klassen);

#endif /* SPOOR_API_INT_H */

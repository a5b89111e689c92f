/*
 * api_int.h - what the handler files of the API share (api.c and the
 * files that add routes to it). Not a public interface.
 */
#ifndef SPOOR_API_INT_H
#define SPOOR_API_INT_H

#include <jansson.h>
#include <stdint.h>

#include "core/date.h"
#include "server/http.h"
#include "store/store.h"

/* Who is calling: filled by api_aanmelden(); api_wie_release frees. */
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

/* Send a jansson tree as the response; takes the reference. */
int api_stuur(struct http_resp *r, unsigned status, json_t *j);

/*
 * Authenticate: bearer token or session cookie (CSRF checked for a
 * cookie on a state-changing request). 0 with *w filled; otherwise the
 * 401/403 is already answered and the result is 1.
 */
int api_aanmelden(struct http_req *q, struct http_resp *r, struct wie *w);

/* The case of path parameter 0 and the caller's roles in it; answers
 * 404 itself (also for a case the caller has no role in) and returns 1. */
int api_dossier_van(struct http_req *q, struct http_resp *r,
		    const struct wie *w, int64_t *id, uint32_t *rollen);
/* The same, with the case's versie (raised by every write). */
int api_dossier_versie(struct http_req *q, struct http_resp *r,
		       const struct wie *w, int64_t *id, int64_t *versie,
		       uint32_t *rollen);

/* Audit a read of case data (queued for group commit when the server
 * has a queue). klassen: toegang_klassen() of what was shown. */
int api_lees_audit(struct http_req *q, const struct wie *w, uint32_t rollen,
		   int64_t dossier, const char *actie, uint32_t klassen);

/* 0 when the caller holds beheerder; answers 403 itself otherwise. */
int api_beheerder(struct http_resp *r, const struct wie *w);

#endif /* SPOOR_API_INT_H */

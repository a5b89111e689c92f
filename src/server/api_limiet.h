/*
 * api_limiet.h - the login limiter of the API (docs/security.md, Login
 * limiter): growing delays per user name and per client address, as
 * auth.h describes them, counted in the database so that every server on
 * it shares them and a restart forgets none (store_limiet.h).
 *
 * Two layers: the in-memory tables of struct api (auth_limiet) are asked
 * first and answer a held key without a database query, which is what a
 * login flood from a held name or address meets; only a key this server
 * does not hold costs one indexed query (both keys at once). A failure is
 * written to both, a success forgets the name in both. The database
 * holds a SHA-256 of a name or address, never the text.
 *
 * The rules: a name's delay holds only an address that failed itself
 * (unless naam_altijd: a caller who is already logged in, guessing his
 * second factor), so nobody locks the real user out by failing on his
 * name; success forgets the name's failures, not the address's.
 */
#ifndef SPOOR_API_LIMIET_H
#define SPOOR_API_LIMIET_H

#include <stdint.h>

#include "server/api.h"
#include "store/store.h"

/* The seconds a login by naam from address adres must still wait at
 * time nu by this server's own counts (no query; 0: ask the database). */
int64_t api_limiet_snel(struct api *a, const char *naam, const char *adres,
			int naam_altijd, int64_t nu);

/*
 * The seconds a login (or code check) by naam from address adres must
 * still wait at time nu into *wacht (0: go on): this server's counts,
 * then the database's. 0, or the store's error
 * when the database could not be read (the caller answers it: refusing
 * is safer than an unlimited guess).
 */
int api_limiet_wacht(struct api *a, struct store *st, const char *naam,
		     const char *adres, int naam_altijd, int64_t nu,
		     int64_t *wacht);

/* A failed attempt by naam from adres at time nu, in memory and in the
 * database (a database failure is logged to stderr; memory still
 * counts). */
void api_limiet_mislukt(struct api *a, struct store *st, const char *naam,
			const char *adres, int64_t nu);

/* A complete login of naam: his name's failures are forgotten in memory
 * and in the database; his address's stay. */
void api_limiet_gelukt(struct api *a, struct store *st, const char *naam);

/* Old rows leave the database: called once a minute by the warmer
 * thread, at most ten bounded batches. */
void api_limiet_opruimen(struct store *st, int64_t nu);

#endif /* SPOOR_API_LIMIET_H */

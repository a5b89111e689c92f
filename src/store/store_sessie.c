/*
 * store_sessie.c - sessions and API tokens (only hashes are stored)
 * (see store.h, docs/store.md).
 */
#include <jansson.h>
#include <sodium.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "lib/klok.h"
#include "migrate.h"
#include "store.h"
#include "store/laad.h"
#include "store_int.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

/* --- sessions and tokens ------------------------------------------ */

int
store_sessie_nieuw(struct store *s, const char *token_hash, int64_t gebruiker,
		   const char *csrf, int64_t verloopt)
{
	struct db_param p[] = {db_text(token_hash), db_int(gebruiker),
			       db_text(csrf), db_int(store_nu()),
			       db_int(verloopt)};

	/* gezien starts at the login ($4 twice) */
	return db_exec(s->db, "INSERT INTO sessie (token_hash, gebruiker_id, "
		       "csrf, aangemaakt, verloopt, gezien) VALUES ($1, $2, $3, "
		       "$4, $5, $4)", p, NP(p), NULL);
}

int
store_sessie_zoek(struct store *s, const char *token_hash, int64_t nu,
		  int64_t idle, int64_t *gebruiker, char **csrf)
{
	char *naam = NULL, *weergave = NULL;
	int rc = store_sessie_wie(s, token_hash, nu, idle, gebruiker, csrf,
				  &naam, &weergave);

	free(naam);
	free(weergave);
	return rc;
}

/* The oldest gezien that still counts as seen within idle at nu (see
 * STORE_SESSIE_GEZIEN in store.h); INT64_MIN: no idle limit. */
static int64_t
gezien_grens(int64_t nu, int64_t idle)
{
	if (idle <= 0 || nu < INT64_MIN + idle + STORE_SESSIE_GEZIEN)
		return INT64_MIN;
	return nu - idle - STORE_SESSIE_GEZIEN;
}

int
store_sessies_opruimen(struct store *s, int64_t nu, int64_t idle,
		       int64_t *weg)
{
	struct db_param p[] = {db_int(nu), db_int(gezien_grens(nu, idle))};
	int64_t n = 0;
	int rc;

	/* bounded: a long list of ended sessions goes in several passes
	 * instead of one long write lock */
	rc = db_exec(s->db, "DELETE FROM sessie WHERE token_hash IN (SELECT "
		     "token_hash FROM sessie WHERE verloopt <= $1 OR gezien <= "
		     "$2 LIMIT 1000)", p, NP(p), &n);
	if (rc)
		return rc;
	if (weg)
		*weg = n;
	return ST_OK;
}

int
store_sessie_weg(struct store *s, const char *token_hash)
{
	struct db_param p[] = {db_text(token_hash)};

	return db_exec(s->db, "DELETE FROM sessie WHERE token_hash = $1", p,
		       NP(p), NULL);
}

int
store_token_nieuw(struct store *s, const char *token_hash, int64_t gebruiker,
		  const char *naam)
{
	return store_token_maak(s, token_hash, gebruiker, naam,
				store_nu() + (int64_t)STORE_TOKEN_DAGEN * 86400,
				0);
}

int
store_token_maak(struct store *s, const char *token_hash, int64_t gebruiker,
		 const char *naam, int64_t verloopt, int alleen_lezen)
{
	struct db_param p[] = {db_text(token_hash), db_int(gebruiker),
			       db_text(naam), db_int(store_nu()),
			       db_int(verloopt), db_int(alleen_lezen ? 1 : 0)};

	return db_exec(s->db, "INSERT INTO api_token (token_hash, "
		       "gebruiker_id, naam, aangemaakt, verloopt, alleen_lezen) "
		       "VALUES ($1, $2, $3, $4, $5, $6)", p, NP(p), NULL);
}

int
store_tokens(struct store *s, int64_t gebruiker, struct db_res *out)
{
	struct db_param p[] = {db_int(gebruiker)};

	return db_query(s->db, "SELECT substr(t.token_hash, 1, 16), t.naam, "
			"t.aangemaakt, t.verloopt, t.alleen_lezen, "
			"t.ingetrokken, g.naam, w.extern_id FROM api_token t "
			"JOIN gebruiker g ON g.id = t.gebruiker_id LEFT JOIN "
			"werkgever w ON w.id = t.werkgever_id WHERE "
			"(t.gebruiker_id = $1 OR $1 = 0) ORDER BY t.aangemaakt "
			"DESC, t.token_hash", p, NP(p), out);
}

int
store_token_intrekken(struct store *s, const char *id, int64_t gebruiker,
		      int64_t *van)
{
	struct db_param p[] = {db_text(id), db_int(gebruiker)};
	int64_t g = 0;
	int rc;

	if (strlen(id) != STORE_TOKEN_ID_LEN)
		return ST_NIET_GEVONDEN;
	if ((rc = store_een_int(s, "SELECT gebruiker_id FROM api_token WHERE "
				"substr(token_hash, 1, 16) = $1 AND "
				"(gebruiker_id = $2 OR $2 = 0) ORDER BY token_hash "
				"LIMIT 1", p, NP(p), &g)))
		return rc;
	if ((rc = db_exec(s->db, "UPDATE api_token SET ingetrokken = 1 WHERE "
			  "substr(token_hash, 1, 16) = $1 AND (gebruiker_id "
			  "= $2 OR $2 = 0)", p, NP(p), NULL)))
		return rc;
	if (van)
		*van = g;
	return ST_OK;
}

/* Columns: id, csrf, naam, weergavenaam and, for gezien, a fifth
 * integer; csrf and gezien may be left out. */
static int
wie_query(struct store *s, const char *sql, const struct db_param *p,
	  size_t np, int64_t *id, char **csrf, char **naam, char **weergave,
	  int64_t *gezien)
{
	struct db_res r;
	char *c = NULL, *a, *b;
	int rc = db_query(s->db, sql, p, np, &r);

	if (rc)
		return rc;
	if (r.nrows == 0) {
		db_res_release(&r);
		return ST_NIET_GEVONDEN;
	}
	a = store_dup(db_cel(&r, 0, 2));
	b = store_dup(db_cel(&r, 0, 3));
	if (csrf)
		c = store_dup(db_cel(&r, 0, 1));
	*id = db_cel_int(&r, 0, 0);
	if (gezien)
		*gezien = db_cel_int(&r, 0, 4);
	db_res_release(&r);
	if (!a || !b || (csrf && !c)) {
		free(a);
		free(b);
		free(c);
		return ST_NOMEM;
	}
	if (csrf)
		*csrf = c;
	*naam = a;
	*weergave = b;
	return ST_OK;
}

/*
 * A live session: not past verloopt, and seen within idle. gezien is
 * written at most once per STORE_SESSIE_GEZIEN seconds of a session, not
 * at every request: a read stays a read for SQLite's single writer and
 * PostgreSQL's WAL. The stored value therefore lags the last request by
 * less than that step, and the check allows the step on top of idle, so
 * a session never ends early and ends at most one step late.
 */
int
store_sessie_wie(struct store *s, const char *token_hash, int64_t nu,
		 int64_t idle, int64_t *gebruiker, char **csrf, char **naam,
		 char **weergavenaam)
{
	struct db_param p[] = {db_text(token_hash), db_int(nu),
			       db_int(gezien_grens(nu, idle))};
	int64_t id, gezien = 0;
	char *c = NULL, *a = NULL, *b = NULL;
	int rc = wie_query(s, "SELECT s.gebruiker_id, s.csrf, g.naam, "
			   "g.weergavenaam, s.gezien FROM sessie s, gebruiker "
			   "g WHERE s.token_hash = $1 AND s.verloopt > $2 AND "
			   "s.gezien > $3 AND g.id = s.gebruiker_id AND "
			   "g.actief = 1", p, NP(p), &id, &c, &a, &b, &gezien);

	if (rc)
		return rc;
	if (nu - gezien >= STORE_SESSIE_GEZIEN) {
		/* several processes may race here: the condition keeps
		 * gezien from going back, and either write will do */
		rc = db_exec(s->db, "UPDATE sessie SET gezien = $2 WHERE "
			     "token_hash = $1 AND gezien < $2", p, 2, NULL);
		if (rc)
			goto out;
	}
	*gebruiker = id;
	*csrf = c;
	*naam = a;
	*weergavenaam = b;
	return ST_OK;
out:
	free(c);
	free(a);
	free(b);
	return rc;
}

int
store_token_wie(struct store *s, const char *token_hash, int64_t *gebruiker,
		char **naam, char **weergavenaam)
{
	int lezen = 0;

	return store_token_wie_at(s, token_hash, store_nu(), gebruiker, naam,
				  weergavenaam, &lezen);
}

int
store_token_wie_at(struct store *s, const char *token_hash, int64_t nu,
		   int64_t *gebruiker, char **naam, char **weergavenaam,
		   int *alleen_lezen)
{
	struct db_param p[] = {db_text(token_hash), db_int(nu)};
	int64_t lezen = 0;
	int rc;

	/* the fifth column (wie_query's gezien) carries alleen_lezen */
	rc = wie_query(s, "SELECT t.gebruiker_id, '', g.naam, "
		       "g.weergavenaam, t.alleen_lezen FROM api_token t, "
		       "gebruiker g WHERE t.token_hash = $1 AND t.ingetrokken "
		       "= 0 AND t.verloopt > $2 AND g.id = t.gebruiker_id AND "
		       "g.actief = 1", p, NP(p), gebruiker, NULL, naam,
		       weergavenaam, &lezen);
	if (!rc)
		*alleen_lezen = lezen != 0;
	return rc;
}

int
store_token_zoek(struct store *s, const char *token_hash, int64_t *gebruiker)
{
	struct db_param p[] = {db_text(token_hash), db_int(store_nu())};

	return store_een_int(s, "SELECT t.gebruiker_id FROM api_token t, gebruiker "
		       "g WHERE t.token_hash = $1 AND t.ingetrokken = 0 AND "
		       "t.verloopt > $2 AND g.id = t.gebruiker_id AND "
		       "g.actief = 1", p, NP(p), gebruiker);
}

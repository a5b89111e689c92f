/*
 * store_limiet.c - failed logins on record in the database (see
 * store_limiet.h).
 */
#include <string.h>

#include "store/store_int.h"
#include "store/store_limiet.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

static int
key_geldig(const char *k)
{
	size_t n;

	if (!k)
		return 1;
	n = strlen(k);
	return n >= 1 && n <= STORE_LIMIET_KEY_MAX;
}

int
store_limiet_lees(struct store *s, const char *naam, const char *adres,
		  int64_t nu, int64_t vergeet, int64_t *fn, int64_t *ln,
		  int64_t *fa, int64_t *la)
{
	struct db_param p[] = {db_int(STORE_LIMIET_NAAM), db_text(naam),
			       db_int(STORE_LIMIET_ADRES), db_text(adres),
			       db_int(nu - vergeet)};
	int64_t f[2] = {0, 0}, l[2] = {0, 0};
	struct db_res r;
	size_t i;
	int rc;

	if (!key_geldig(naam) || !key_geldig(adres) || vergeet < 1)
		return ST_ONGELDIG;
	/* both keys through the primary key in one round trip; a row past
	 * its window counts as none, whether or not cleanup took it yet */
	rc = db_query(s->db, "SELECT soort, fouten, laatste FROM aanmeldfout "
		      "WHERE ((soort = $1 AND sleutel = $2) OR (soort = $3 AND "
		      "sleutel = $4)) AND laatste > $5", p, NP(p), &r);
	if (rc)
		return rc;
	for (i = 0; i < r.nrows; i++) {
		int64_t k = db_cel_int(&r, i, 0);

		if (k == STORE_LIMIET_NAAM || k == STORE_LIMIET_ADRES) {
			f[k] = db_cel_int(&r, i, 1);
			l[k] = db_cel_int(&r, i, 2);
		}
	}
	db_res_release(&r);
	*fn = f[STORE_LIMIET_NAAM];
	*ln = l[STORE_LIMIET_NAAM];
	*fa = f[STORE_LIMIET_ADRES];
	*la = l[STORE_LIMIET_ADRES];
	return ST_OK;
}

/* One key's failure: the upsert counts on, or starts at 1 past the
 * window; the later of two clocks stays the last time. */
static int
mislukt_een(struct store *s, enum store_limiet_soort k, const char *key,
	    int64_t nu, int64_t vergeet)
{
	struct db_param p[] = {db_int(k), db_text(key), db_int(nu),
			       db_int(nu - vergeet)};

	return db_exec(s->db, "INSERT INTO aanmeldfout (soort, sleutel, fouten, "
		       "laatste) VALUES ($1, $2, 1, $3) ON CONFLICT (soort, "
		       "sleutel) DO UPDATE SET fouten = CASE WHEN "
		       "aanmeldfout.laatste <= $4 THEN 1 ELSE aanmeldfout.fouten "
		       "+ 1 END, laatste = CASE WHEN aanmeldfout.laatste > "
		       "excluded.laatste THEN aanmeldfout.laatste ELSE "
		       "excluded.laatste END", p, NP(p), NULL);
}

int
store_limiet_mislukt(struct store *s, const char *naam, const char *adres,
		     int64_t nu, int64_t vergeet)
{
	int rc;

	if (!key_geldig(naam) || !key_geldig(adres) || vergeet < 1)
		return ST_ONGELDIG;
	if (!naam && !adres)
		return ST_OK;
	/* one commit (one fsync on SQLite) for both rows */
	if ((rc = store_begin(s)))
		return rc;
	if ((naam && (rc = mislukt_een(s, STORE_LIMIET_NAAM, naam, nu,
				       vergeet))) ||
	    (adres && (rc = mislukt_een(s, STORE_LIMIET_ADRES, adres, nu,
					vergeet))) ||
	    (rc = store_commit(s))) {
		store_rollback(s);
		return rc;
	}
	return ST_OK;
}

int
store_limiet_gelukt(struct store *s, const char *naam)
{
	struct db_param p[] = {db_int(STORE_LIMIET_NAAM), db_text(naam)};

	if (!naam || !key_geldig(naam))
		return ST_ONGELDIG;
	return db_exec(s->db, "DELETE FROM aanmeldfout WHERE soort = $1 AND "
		       "sleutel = $2", p, NP(p), NULL);
}

int
store_limiet_opruimen(struct store *s, int64_t voor, int64_t max, int64_t *n)
{
	struct db_param p[] = {db_int(voor), db_int(max)};
	int64_t weg = 0;
	int rc;

	if (max < 1)
		return ST_ONGELDIG;
	/* a LIMIT on DELETE is not in both dialects: the keys of at most
	 * max old rows, found through the index on laatste */
	rc = db_exec(s->db, "DELETE FROM aanmeldfout WHERE (soort, sleutel) IN "
		     "(SELECT soort, sleutel FROM aanmeldfout WHERE laatste < $1 "
		     "LIMIT $2)", p, NP(p), &weg);
	if (rc)
		return rc;
	*n = weg;
	return ST_OK;
}

/*
 * store_bereik.c - API tokens limited to one employer (see
 * store_bereik.h).
 */
#include "store/store_bereik.h"
#include "store/store_int.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

int
store_token_bereik_zet(struct store *s, const char *token_hash,
		       int64_t gebruiker, const char *werkgever_ext)
{
	struct db_param p[] = {db_text(werkgever_ext), db_int(gebruiker)};
	struct db_param q[] = {db_int(0), db_text(token_hash),
			       db_int(gebruiker)};
	int64_t wg = 0, n = 0;
	int rc;

	/* the employer, only when one of the user's grants is within it
	 * (TK_BEREIK with that employer's id) */
	rc = store_een_int(s, "SELECT g.id FROM werkgever g WHERE g.extern_id "
			   "= $1 AND EXISTS (SELECT 1 FROM toekenning t WHERE "
			   "t.gebruiker_id = $2 AND t.rol <> 'beheerder' AND "
			   "(t.werkgever_id = g.id OR t.dossier_id IN (SELECT "
			   "bd.id FROM dossier bd JOIN dienstverband bv ON bv.id "
			   "= bd.dienstverband_id WHERE bv.werkgever_id = "
			   "g.id)))", p, NP(p), &wg);
	if (rc)
		return rc;
	q[0] = db_int(wg);
	rc = db_exec(s->db, "UPDATE api_token SET werkgever_id = $1 WHERE "
		     "token_hash = $2 AND gebruiker_id = $3 AND werkgever_id IS "
		     "NULL", q, NP(q), &n);
	if (rc)
		return rc;
	return n == 1 ? ST_OK : ST_NIET_GEVONDEN;
}

int
store_token_bereik(struct store *s, const char *token_hash,
		   int64_t *werkgever)
{
	struct db_param p[] = {db_text(token_hash)};

	return store_een_int(s, "SELECT coalesce(werkgever_id, 0) FROM "
			     "api_token WHERE token_hash = $1", p, NP(p),
			     werkgever);
}

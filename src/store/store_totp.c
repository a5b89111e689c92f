/*
 * store_totp.c - the stored second factor (see store_totp.h).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_totp.h"
#include "store/toegang.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

int
store_totp_begin(struct store *s, int64_t gebruiker, const uint8_t *geheim,
		 size_t len)
{
	struct db_param p[] = {db_int(gebruiker), db_blob(geheim, len),
			       db_int(store_nu())};
	int64_t n = 0;
	int rc;

	if (len == 0 || len > STORE_TOTP_GEHEIM_MAX)
		return ST_ONGELDIG;
	/* a confirmed secret is never replaced here: the WHERE of the
	 * upsert leaves it, and 0 rows changed says so */
	rc = db_exec(s->db, "INSERT INTO totp (gebruiker_id, geheim, actief, "
		     "laatste_stap, aangemaakt) VALUES ($1, $2, 0, 0, $3) ON "
		     "CONFLICT (gebruiker_id) DO UPDATE SET geheim = "
		     "excluded.geheim, laatste_stap = 0, aangemaakt = "
		     "excluded.aangemaakt WHERE totp.actief = 0", p, NP(p), &n);
	if (rc)
		return rc;
	return n > 0 ? ST_OK : ST_CONFLICT;
}

int
store_totp_lees(struct store *s, int64_t gebruiker, uint8_t *geheim, size_t max,
		size_t *len, int *actief, int64_t *laatste)
{
	struct db_param p[] = {db_int(gebruiker)};
	struct db_res r;
	int rc = db_query(s->db, "SELECT geheim, actief, laatste_stap FROM totp "
			  "WHERE gebruiker_id = $1", p, NP(p), &r);

	if (rc)
		return rc;
	if (r.nrows != 1 || !r.cel[0]) {
		rc = ST_NIET_GEVONDEN;
		goto out;
	}
	if (r.len[0] == 0 || r.len[0] > max) {
		rc = ST_ERR;
		goto out;
	}
	memcpy(geheim, r.cel[0], r.len[0]);
	*len = r.len[0];
	*actief = db_cel_int(&r, 0, 1) == 1;
	*laatste = db_cel_int(&r, 0, 2);
out:
	/* the copy of the secret in the result goes before it is freed */
	if (r.nrows >= 1 && r.cel[0])
		memset(r.cel[0], 0, r.len[0]);
	db_res_release(&r);
	return rc;
}

int
store_totp_stap(struct store *s, int64_t gebruiker, int64_t stap, int bevestig)
{
	struct db_param p[] = {db_int(stap), db_int(gebruiker)};
	int64_t n = 0, bestaat = 0;
	int rc;

	rc = db_exec(s->db, bevestig ?
		     "UPDATE totp SET laatste_stap = $1, actief = 1 WHERE "
		     "gebruiker_id = $2 AND laatste_stap < $1 AND actief = 0" :
		     "UPDATE totp SET laatste_stap = $1 WHERE gebruiker_id = "
		     "$2 AND laatste_stap < $1 AND actief = 1", p, NP(p), &n);
	if (rc)
		return rc;
	if (n > 0)
		return ST_OK;
	rc = store_een_int(s, "SELECT count(*) FROM totp WHERE gebruiker_id = "
			   "$1", p + 1, 1, &bestaat);
	if (rc)
		return rc;
	return bestaat ? ST_CONFLICT : ST_NIET_GEVONDEN;
}

int
store_totp_herstel_zet(struct store *s, int64_t gebruiker,
		       const char *const *hashes, size_t n)
{
	struct db_param p[] = {db_int(gebruiker)};
	size_t i;
	int rc;

	if ((rc = db_exec(s->db, "DELETE FROM herstelcode WHERE gebruiker_id = "
			  "$1", p, NP(p), NULL)))
		return rc;
	for (i = 0; i < n; i++) {
		struct db_param q[] = {db_int(gebruiker), db_text(hashes[i])};

		if ((rc = db_exec(s->db, "INSERT INTO herstelcode (gebruiker_id, "
				  "hash) VALUES ($1, $2)", q, NP(q), NULL)))
			return rc;
	}
	return ST_OK;
}

int
store_totp_herstel(struct store *s, int64_t gebruiker, const char *hash,
		   int64_t nu)
{
	struct db_param p[] = {db_int(nu), db_int(gebruiker), db_text(hash)};
	int64_t n = 0;
	int rc = db_exec(s->db, "UPDATE herstelcode SET gebruikt = $1 WHERE "
			 "gebruiker_id = $2 AND hash = $3 AND gebruikt IS NULL",
			 p, NP(p), &n);

	if (rc)
		return rc;
	return n > 0 ? ST_OK : ST_NIET_GEVONDEN;
}

int
store_totp_herstel_over(struct store *s, int64_t gebruiker, int64_t *n)
{
	struct db_param p[] = {db_int(gebruiker)};

	return store_een_int(s, "SELECT count(*) FROM herstelcode WHERE "
			     "gebruiker_id = $1 AND gebruikt IS NULL", p, NP(p),
			     n);
}

int
store_totp_weg(struct store *s, int64_t gebruiker)
{
	struct db_param p[] = {db_int(gebruiker)};
	int64_t n = 0;
	int rc;

	if ((rc = db_exec(s->db, "DELETE FROM herstelcode WHERE gebruiker_id = "
			  "$1", p, NP(p), NULL)) ||
	    (rc = db_exec(s->db, "DELETE FROM totp WHERE gebruiker_id = $1", p,
			  NP(p), &n)))
		return rc;
	return n > 0 ? ST_OK : ST_NIET_GEVONDEN;
}

int
store_totp_gebruiker(struct store *s, const char *naam, int64_t *id)
{
	struct db_param p[] = {db_text(naam)};

	return store_een_int(s, "SELECT id FROM gebruiker WHERE naam = $1", p,
			     NP(p), id);
}

int
store_totp_nodig(struct store *s, int64_t gebruiker, uint32_t verplicht,
		 int *nodig)
{
	struct db_param p[] = {db_int(gebruiker)};
	struct db_res r;
	size_t i;
	int rc, ja = 0;

	if (!verplicht) {
		*nodig = 0;
		return ST_OK;
	}
	/* any grant of the role counts, whatever its scope: the factor
	 * protects the account, not one case */
	rc = db_query(s->db, "SELECT DISTINCT t.rol FROM toekenning t WHERE "
		      "t.gebruiker_id = $1 AND NOT EXISTS (SELECT 1 FROM totp o "
		      "WHERE o.gebruiker_id = $1 AND o.actief = 1)", p, NP(p),
		      &r);
	if (rc)
		return rc;
	for (i = 0; i < r.nrows; i++) {
		const char *rol = db_cel(&r, i, 0);
		int k = rol ? rol_zoek(rol, strlen(rol)) : -1;

		if (k >= 0 && (verplicht & ROL_BIT(k)))
			ja = 1;
	}
	db_res_release(&r);
	*nodig = ja;
	return ST_OK;
}

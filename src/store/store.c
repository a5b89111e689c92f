/*
 * store.c - the dossier store (see store.h, docs/store.md).
 *
 * Cases go in and out as spoor-dossier/1: a write parses the resulting
 * whole case with the case-file reader (so the store accepts exactly
 * what the command line accepts) and keeps the canonical JSON of each
 * part in its row. A read joins the rows back into the document.
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

int64_t
store_nu(void)
{
	return klok_nu();
}

int
store_open(const char *url, int migreer, struct store **out, char *err,
	   size_t errlen)
{
	struct store *s;
	int rc, v;

	s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return ST_NOMEM;
	}
	if ((rc = db_open(url, &s->db, err, errlen)))
		goto fout;
	if (migreer)
		rc = migrate_run(s->db, NULL, &v);
	else
		rc = migrate_versie(s->db, &v);
	if (rc) {
		snprintf(err, errlen, "%s", db_errmsg(s->db));
		goto fout;
	}
	if (v != migrate_laatste()) {
		snprintf(err, errlen,
			 "database heeft schemaversie %d, verwacht %d: voer "
			 "'spoor init' uit",
			 v, migrate_laatste());
		rc = ST_ERR;
		goto fout;
	}
	*out = s;
	return ST_OK;
fout:
	store_free(s);
	return rc;
}

void
store_free(struct store *s)
{
	if (!s)
		return;
	db_free(s->db);
	free(s);
}

const char *
store_errmsg(const struct store *s)
{
	return db_errmsg(s->db);
}

int
store_begin(struct store *s)
{
	return db_begin(s->db);
}

int
store_commit(struct store *s)
{
	return db_commit(s->db);
}

int
store_rollback(struct store *s)
{
	/* keep the message of the failure that led here */
	char keep[sizeof(s->db->fout)];
	int rc;

	memcpy(keep, s->db->fout, sizeof(keep));
	rc = db_rollback(s->db);
	memcpy(s->db->fout, keep, sizeof(keep));
	return rc;
}

char *
store_dup(const char *p)
{
	return p ? strdup(p) : NULL;
}

int
store_een_int(struct store *s, const char *sql, const struct db_param *p,
	      size_t np, int64_t *out)
{
	struct db_res r;
	int rc = db_query(s->db, sql, p, np, &r);

	if (rc)
		return rc;
	if (r.nrows == 0 || !db_cel(&r, 0, 0))
		rc = ST_NIET_GEVONDEN;
	else
		*out = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return rc;
}

/* One row of (integer, text) from a query, the text malloc'd; or
 * ST_NIET_GEVONDEN. */
static int
int_en_tekst(struct store *s, const char *sql, const struct db_param *p,
	     size_t np, int64_t *i, char **t)
{
	struct db_res r;
	int rc = db_query(s->db, sql, p, np, &r);
	char *c;

	if (rc)
		return rc;
	if (r.nrows == 0) {
		db_res_release(&r);
		return ST_NIET_GEVONDEN;
	}
	c = store_dup(db_cel(&r, 0, 1));
	if (!c) {
		db_res_release(&r);
		return ST_NOMEM;
	}
	*i = db_cel_int(&r, 0, 0);
	*t = c;
	db_res_release(&r);
	return ST_OK;
}

/* --- users, grants ------------------------------------------------ */

int
store_gebruiker_nieuw(struct store *s, const char *naam,
		      const char *weergavenaam, const char *hash, int64_t *id)
{
	struct db_param p[] = {db_text(naam), db_text(weergavenaam),
			       db_text(hash), db_int(store_nu())};

	return store_een_int(s, "INSERT INTO gebruiker (naam, weergavenaam, "
		       "wachtwoord_hash, aangemaakt) VALUES ($1, $2, $3, $4) "
		       "RETURNING id", p, NP(p), id);
}

int
store_gebruiker_login(struct store *s, const char *naam, int64_t *id,
		      char **hash)
{
	struct db_param p[] = {db_text(naam)};

	return int_en_tekst(s, "SELECT id, wachtwoord_hash FROM gebruiker "
			    "WHERE naam = $1 AND actief = 1", p, NP(p), id,
			    hash);
}

int
store_gebruiker_info(struct store *s, int64_t id, char **naam,
		     char **weergavenaam)
{
	struct db_param p[] = {db_int(id)};
	struct db_res r;
	int rc = db_query(s->db, "SELECT naam, weergavenaam FROM gebruiker "
			  "WHERE id = $1", p, NP(p), &r);
	char *a, *b;

	if (rc)
		return rc;
	if (r.nrows == 0) {
		db_res_release(&r);
		return ST_NIET_GEVONDEN;
	}
	a = store_dup(db_cel(&r, 0, 0));
	b = store_dup(db_cel(&r, 0, 1));
	db_res_release(&r);
	if (!a || !b) {
		free(a);
		free(b);
		return ST_NOMEM;
	}
	*naam = a;
	*weergavenaam = b;
	return ST_OK;
}

int
store_gebruiker_wachtwoord(struct store *s, int64_t id, const char *hash)
{
	struct db_param p[] = {db_text(hash), db_int(id)};
	int64_t n = 0;
	int rc = db_exec(s->db, "UPDATE gebruiker SET wachtwoord_hash = $1 "
			 "WHERE id = $2", p, NP(p), &n);

	if (rc)
		return rc;
	/* existing sessions and API tokens end with the old password */
	if (n == 0)
		return ST_NIET_GEVONDEN;
	if ((rc = db_exec(s->db, "UPDATE api_token SET ingetrokken = 1 WHERE "
			  "gebruiker_id = $1", p + 1, 1, NULL)))
		return rc;
	return db_exec(s->db, "DELETE FROM sessie WHERE gebruiker_id = $1",
		       p + 1, 1, NULL);
}

int
store_gebruiker_actief(struct store *s, const char *naam, int actief,
		       int64_t *id)
{
	struct db_param p[] = {db_text(naam)};
	int64_t g = 0;
	int rc;

	if ((rc = store_een_int(s, "SELECT id FROM gebruiker WHERE naam = $1",
				p, NP(p), &g)))
		return rc;
	if (!actief) {
		/* the last active beheerder stays: someone must manage */
		struct db_param q[] = {db_int(g)};
		int64_t eigen = 0, anderen = 0;

		if ((rc = store_een_int(s, "SELECT count(*) FROM toekenning "
					"WHERE gebruiker_id = $1 AND rol = "
					"'beheerder'", q, NP(q), &eigen)))
			return rc;
		if (eigen > 0 &&
		    (rc = store_een_int(s, "SELECT count(*) FROM toekenning t, "
					"gebruiker g WHERE t.rol = 'beheerder' "
					"AND g.id = t.gebruiker_id AND g.actief "
					"= 1 AND g.id <> $1", q, NP(q),
					&anderen)))
			return rc;
		if (eigen > 0 && anderen == 0)
			return ST_VERBODEN;
	}
	{
		struct db_param q[] = {db_int(actief ? 1 : 0), db_int(g)};

		if ((rc = db_exec(s->db, "UPDATE gebruiker SET actief = $1 "
				  "WHERE id = $2", q, NP(q), NULL)))
			return rc;
		if (!actief &&
		    ((rc = db_exec(s->db, "DELETE FROM sessie WHERE "
				   "gebruiker_id = $1", q + 1, 1, NULL)) ||
		     (rc = db_exec(s->db, "UPDATE api_token SET ingetrokken = "
				   "1 WHERE gebruiker_id = $1", q + 1, 1,
				   NULL))))
			return rc;
	}
	if (id)
		*id = g;
	return ST_OK;
}

int
store_gebruikers(struct store *s, struct db_res *out)
{
	return db_query(s->db,
			"SELECT g.naam, g.weergavenaam, g.actief, t.rol, "
			"w.extern_id, d.extern_id, t.id FROM gebruiker g LEFT JOIN "
			"toekenning t ON t.gebruiker_id = g.id LEFT JOIN "
			"werkgever w ON w.id = t.werkgever_id LEFT JOIN dossier "
			"d ON d.id = t.dossier_id ORDER BY g.naam, t.id",
			NULL, 0, out);
}

/* Is the user a beheerder (holds == 1) or holding any other role
 * (holds == 0)? */
static int
houdt(struct store *s, int64_t gebruiker, int beheerder, int *ja)
{
	struct db_param p[] = {db_int(gebruiker)};
	int64_t n = 0;
	int rc = store_een_int(s, beheerder
				   ? "SELECT count(*) FROM toekenning WHERE "
				     "gebruiker_id = $1 AND rol = 'beheerder'"
				   : "SELECT count(*) FROM toekenning WHERE "
				     "gebruiker_id = $1 AND rol <> 'beheerder'",
			       p, NP(p), &n);

	if (rc)
		return rc;
	*ja = n > 0;
	return ST_OK;
}

int
store_toekenning(struct store *s, int64_t gebruiker, enum rol r,
		 const char *werkgever_ext, const char *dossier_ext)
{
	int64_t wg = 0, ds = 0;
	int rc, ander = 0;

	if (!toegang_bereik(r, werkgever_ext ? BEREIK_WERKGEVER
			       : dossier_ext ? BEREIK_DOSSIER
					     : BEREIK_GEEN))
		return ST_ONGELDIG;
	/* a beheerder manages access and holds no role in a case, in the
	 * same account: neither order is accepted */
	if ((rc = houdt(s, gebruiker, r != ROL_BEHEERDER, &ander)))
		return rc;
	if (ander)
		return ST_VERBODEN;
	if (werkgever_ext) {
		struct db_param p[] = {db_text(werkgever_ext)};

		if ((rc = store_een_int(s, "SELECT id FROM werkgever WHERE "
				  "extern_id = $1", p, 1, &wg)))
			return rc;
	}
	if (dossier_ext && (rc = store_dossier_zoek(s, dossier_ext, &ds)))
		return rc;
	{
		struct db_param p[] = {db_int(gebruiker), db_text(rol_naam[r]),
				       wg ? db_int(wg) : db_null(),
				       ds ? db_int(ds) : db_null()};

		return db_exec(s->db, "INSERT INTO toekenning (gebruiker_id, "
			       "rol, werkgever_id, dossier_id) VALUES ($1, $2, "
			       "$3, $4)", p, NP(p), NULL);
	}
}

static int toekenning_audit(struct store *s, int64_t door,
			    const char *door_wie, const char *wat,
			    const char *naam, enum rol r,
			    const char *werkgever_ext, const char *dossier_ext);

int
store_toekenning_audit(struct store *s, int64_t door, const char *door_wie,
		       const char *naam, enum rol r, const char *werkgever_ext,
		       const char *dossier_ext)
{
	return toekenning_audit(s, door, door_wie, "toekenning", naam, r,
				werkgever_ext, dossier_ext);
}

int
store_intrekking_audit(struct store *s, int64_t door, const char *door_wie,
		       const char *naam, enum rol r, const char *werkgever_ext,
		       const char *dossier_ext)
{
	return toekenning_audit(s, door, door_wie, "toekenning ingetrokken",
				naam, r, werkgever_ext, dossier_ext);
}

int
store_toekenning_weg(struct store *s, int64_t gebruiker, enum rol r,
		     const char *werkgever_ext, const char *dossier_ext)
{
	struct db_param p[] = {db_int(gebruiker), db_text(rol_naam[r]),
			       werkgever_ext ? db_text(werkgever_ext)
					     : db_null(),
			       dossier_ext ? db_text(dossier_ext) : db_null()};
	int64_t n = 0;
	int rc;

	/* the scope must match exactly: no werkgever means none */
	rc = db_exec(s->db, "DELETE FROM toekenning WHERE gebruiker_id = $1 "
		     "AND rol = $2 AND (werkgever_id = (SELECT id FROM "
		     "werkgever WHERE extern_id = $3) OR (werkgever_id IS NULL "
		     "AND $3 IS NULL)) AND (dossier_id = (SELECT id FROM "
		     "dossier WHERE extern_id = $4) OR (dossier_id IS NULL AND "
		     "$4 IS NULL))", p, NP(p), &n);
	if (rc)
		return rc;
	return n > 0 ? ST_OK : ST_NIET_GEVONDEN;
}

int
store_toekenning_weg_id(struct store *s, int64_t id, char **naam, enum rol *r,
			char **werkgever_ext, char **dossier_ext)
{
	struct db_param p[] = {db_int(id)};
	struct db_res res;
	char *a = NULL, *w = NULL, *d = NULL;
	const char *rn;
	int k, rc = db_query(s->db, "SELECT g.naam, t.rol, w.extern_id, "
			     "d.extern_id FROM toekenning t JOIN gebruiker g ON "
			     "g.id = t.gebruiker_id LEFT JOIN werkgever w ON "
			     "w.id = t.werkgever_id LEFT JOIN dossier d ON d.id "
			     "= t.dossier_id WHERE t.id = $1", p, NP(p), &res);

	if (rc)
		return rc;
	if (res.nrows == 0) {
		rc = ST_NIET_GEVONDEN;
		goto out;
	}
	rn = db_cel(&res, 0, 1);
	k = rn ? rol_zoek(rn, strlen(rn)) : -1;
	if (k < 0) {
		rc = ST_NIET_GEVONDEN;
		goto out;
	}
	a = store_dup(db_cel(&res, 0, 0));
	if (db_cel(&res, 0, 2))
		w = store_dup(db_cel(&res, 0, 2));
	if (db_cel(&res, 0, 3))
		d = store_dup(db_cel(&res, 0, 3));
	if (!a || (db_cel(&res, 0, 2) && !w) || (db_cel(&res, 0, 3) && !d)) {
		rc = ST_NOMEM;
		goto out;
	}
	if ((rc = db_exec(s->db, "DELETE FROM toekenning WHERE id = $1", p,
			  NP(p), NULL)))
		goto out;
	*naam = a;
	*r = (enum rol)k;
	*werkgever_ext = w;
	*dossier_ext = d;
	a = w = d = NULL;
out:
	free(a);
	free(w);
	free(d);
	db_res_release(&res);
	return rc;
}

static int
toekenning_audit(struct store *s, int64_t door, const char *door_wie,
		 const char *wat, const char *naam, enum rol r,
		 const char *werkgever_ext, const char *dossier_ext)
{
	char actie[300];
	int64_t ds = 0;
	int rc;

	if (dossier_ext && (rc = store_dossier_zoek(s, dossier_ext, &ds)))
		return rc;
	snprintf(actie, sizeof(actie), "%s: %s aan %.64s%s%.80s", wat,
		 rol_naam[r], naam, werkgever_ext ? " bij werkgever " : "",
		 werkgever_ext ? werkgever_ext : "");
	return store_audit(s, door, door_wie, door ? ROL_BIT(ROL_BEHEERDER) : 0,
			   ds, actie, 0);
}

/*
 * The roles that count of rows (rol, werkgever_id, dossier_id) from
 * column col on: each grant checked against its scope, and none when
 * one of the rows is a beheerder grant (toegang_geldig()). The queries
 * below fetch the user's beheerder grants along with the grants that
 * reach a case, so this decision is made here and in toegang.c only.
 */
static uint32_t
rollen_geldig(const struct db_res *r, size_t col)
{
	uint32_t m = 0;
	int beheerder = 0;
	size_t i;

	for (i = 0; i < r->nrows; i++) {
		const char *n = db_cel(r, i, col);
		int k = n ? rol_zoek(n, strlen(n)) : -1;
		enum bereik b = db_cel(r, i, col + 1)	? BEREIK_WERKGEVER
				: db_cel(r, i, col + 2) ? BEREIK_DOSSIER
							: BEREIK_GEEN;

		if (k == ROL_BEHEERDER)
			beheerder = 1;
		else if (k >= 0)
			m = toegang_toekenning(m, (enum rol)k, b);
	}
	return toegang_geldig(m, beheerder);
}

static int
rollen_geldig_query(struct store *s, const char *sql,
		    const struct db_param *p, size_t np, uint32_t *rollen)
{
	struct db_res r;
	int rc = db_query(s->db, sql, p, np, &r);

	if (rc)
		return rc;
	*rollen = rollen_geldig(&r, 0);
	db_res_release(&r);
	return ST_OK;
}

int
store_rollen(struct store *s, int64_t gebruiker, int64_t dossier,
	     uint32_t *rollen)
{
	struct db_param p[] = {db_int(gebruiker), db_int(dossier),
			       db_int(s->bereik_werkgever)};

	/* a caller limited to one employer has no roles in another's case */
	return rollen_geldig_query(s, "SELECT t.rol, t.werkgever_id, "
			    "t.dossier_id FROM toekenning t, dossier d, "
			    "dienstverband v WHERE t.gebruiker_id = $1 AND "
			    "d.id = $2 AND v.id = d.dienstverband_id AND "
			    "(t.dossier_id = d.id OR t.werkgever_id = "
			    "v.werkgever_id OR t.rol = 'beheerder') AND ($3 = 0 "
			    "OR v.werkgever_id = $3)", p, NP(p), rollen);
}

int
store_werkgever_rollen(struct store *s, int64_t gebruiker,
		       const char *werkgever_ext, uint32_t *rollen)
{
	struct db_param p[] = {db_int(gebruiker), db_text(werkgever_ext),
			       db_int(s->bereik_werkgever)};

	return rollen_geldig_query(s, "SELECT t.rol, t.werkgever_id, "
			    "t.dossier_id FROM toekenning t LEFT JOIN "
			    "werkgever g ON g.id = t.werkgever_id WHERE "
			    "t.gebruiker_id = $1 AND (g.extern_id = $2 OR "
			    "t.rol = 'beheerder') AND ($3 = 0 OR g.id = $3)", p,
			    NP(p), rollen);
}

int
store_dossier_org_rollen(struct store *s, int64_t gebruiker, int64_t dossier,
			 uint32_t *rollen)
{
	struct db_param p[] = {db_int(gebruiker), db_int(dossier),
			       db_int(s->bereik_werkgever)};

	return rollen_geldig_query(s, "SELECT t.rol, t.werkgever_id, "
			    "t.dossier_id FROM toekenning t, dossier d, "
			    "dienstverband v WHERE t.gebruiker_id = $1 AND "
			    "d.id = $2 AND v.id = d.dienstverband_id AND "
			    "(t.werkgever_id = v.werkgever_id OR t.rol = "
			    "'beheerder') AND ($3 = 0 OR v.werkgever_id = $3)", p,
			    NP(p), rollen);
}

int
store_alle_rollen(struct store *s, int64_t gebruiker, uint32_t *rollen)
{
	struct db_param p[] = {db_int(gebruiker), db_int(s->bereik_werkgever)};
	struct db_res r;
	int rc = db_query(s->db, "SELECT t.rol, t.werkgever_id, t.dossier_id "
			  "FROM toekenning t WHERE t.gebruiker_id = $1 AND "
			  TK_BEREIK("$2"), p, NP(p), &r);
	uint32_t m;
	size_t i;

	if (rc)
		return rc;
	/* a beheerder is only that: his other grants count nowhere */
	m = rollen_geldig(&r, 0);
	for (i = 0; i < r.nrows; i++)
		if (db_cel(&r, i, 0) && !strcmp(db_cel(&r, i, 0), "beheerder"))
			m = ROL_BIT(ROL_BEHEERDER);
	db_res_release(&r);
	*rollen = m;
	return ST_OK;
}

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

/* --- audit ------------------------------------------------------- */

/* The hash of a record: SHA-256 over the previous hash and every field,
 * each field preceded by its length so no two records collide by
 * shifting text between fields. */
static void
audit_hash(const char *vorige, int64_t volgnr, int64_t tijd, int64_t gebruiker,
	   const char *wie, const char *rol, int64_t dossier, const char *actie,
	   const char *klasse, char out[65])
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	char num[96];
	const char *veld[5];
	size_t i;

	veld[0] = vorige;
	veld[1] = wie;
	veld[2] = rol;
	veld[3] = actie;
	veld[4] = klasse;
	crypto_hash_sha256_init(&st);
	snprintf(num, sizeof(num), "%lld %lld %lld %lld\n", (long long)volgnr,
		 (long long)tijd, (long long)gebruiker, (long long)dossier);
	crypto_hash_sha256_update(&st, (const unsigned char *)num, strlen(num));
	for (i = 0; i < NP(veld); i++) {
		size_t n = strlen(veld[i]);

		snprintf(num, sizeof(num), "%zu:", n);
		crypto_hash_sha256_update(&st, (const unsigned char *)num,
					  strlen(num));
		crypto_hash_sha256_update(&st, (const unsigned char *)veld[i], n);
	}
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static void
rollen_tekst(uint32_t rollen, char *buf, size_t n)
{
	size_t o = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < ROL__COUNT; i++)
		if (rollen & ROL_BIT(i)) {
			int k = snprintf(buf + o, n - o, "%s%s", o ? "," : "",
					 rol_naam[i]);

			if (k < 0 || (size_t)k >= n - o)
				break;
			o += (size_t)k;
		}
}

/* Rows per multi-row INSERT of a batch of audit records. */
#define AUDIT_BLOK 32
#define AUDIT_KOLOMMEN 12

static char audit_sql_blok[AUDIT_BLOK * AUDIT_KOLOMMEN * 8 + 160];
static char audit_sql_een[AUDIT_KOLOMMEN * 8 + 160];
static pthread_once_t audit_sql_klaar = PTHREAD_ONCE_INIT;

static void
audit_sql_rijen(char *buf, size_t n, size_t rijen)
{
	size_t o, r, c;

	o = (size_t)snprintf(buf, n, "INSERT INTO audit (volgnr, tijd, "
			     "gebruiker_id, gebruiker, rol, dossier_id, actie, "
			     "klasse, vorige, hash, aantal, laatst) VALUES ");
	for (r = 0; r < rijen; r++)
		for (c = 0; c < AUDIT_KOLOMMEN; c++)
			o += (size_t)snprintf(buf + o, n - o, "%s$%zu%s",
					      c ? ", " : r ? ", (" : "(",
					      r * AUDIT_KOLOMMEN + c + 1,
					      c == AUDIT_KOLOMMEN - 1 ? ")" : "");
}

static void
audit_sql_maak(void)
{
	audit_sql_rijen(audit_sql_blok, sizeof(audit_sql_blok), AUDIT_BLOK);
	audit_sql_rijen(audit_sql_een, sizeof(audit_sql_een), 1);
}

/* "INSERT INTO audit (...) VALUES ($1, ..., $12), ..., (..., $384)" for
 * 1 or AUDIT_BLOK rows: placeholders only, built once. */
static const char *
audit_insert_sql(size_t rijen)
{
	(void)pthread_once(&audit_sql_klaar, audit_sql_maak);
	return rijen == 1 ? audit_sql_een : audit_sql_blok;
}

/* The text of the audit columns rol and klasse. */
static void
audit_teksten(uint32_t rollen, uint32_t klassen, char *rol, size_t rn,
	      char *klasse, size_t kn)
{
	size_t o = 0;
	int z;

	rollen_tekst(rollen, rol, rn);
	klasse[0] = '\0';
	for (z = 0; z < 3; z++)
		if (klassen & (1u << z)) {
			int k = snprintf(klasse + o, kn - o, "%s%s",
					 o ? "," : "", zichtbaarheid_naam[z]);

			if (k < 0 || (size_t)k >= kn - o)
				break;
			o += (size_t)k;
		}
}

/*
 * Append n records inside the caller's transaction. One UPDATE of the
 * head reserves n numbers and takes the row lock that serialises appends
 * from all processes; the chain is computed here; the rows go in with
 * multi-row INSERTs; one UPDATE stores the new head hash. aantal (NULL:
 * 1 each) is the number of reads a record stands for (audit_vouw).
 */
static int
audit_schrijf(struct store *s, const struct store_audit_rec *rec,
	      const int64_t *aantal, size_t n)
{
	struct audit_rij {
		char rol[160], klasse[48], vorige[65], hash[65];
	} *rij = NULL;
	struct db_param *p = NULL;
	struct db_res r;
	int64_t eerste, tijd = store_nu();
	size_t i, k;
	int rc;

	if (n == 0)
		return ST_OK;
	rij = calloc(n, sizeof(*rij));
	p = calloc((size_t)AUDIT_BLOK * AUDIT_KOLOMMEN, sizeof(*p));
	if (!rij || !p) {
		rc = ST_NOMEM;
		goto out;
	}
	{
		struct db_param q[] = {db_int((int64_t)n)};

		rc = db_query(s->db, "UPDATE audit_kop SET volgnr = volgnr + $1 "
			      "WHERE id = 1 RETURNING volgnr, hash", q, NP(q),
			      &r);
	}
	if (rc)
		goto out;
	if (r.nrows != 1) {
		db_res_release(&r);
		snprintf(s->db->fout, sizeof(s->db->fout), "audit_kop ontbreekt");
		rc = ST_ERR;
		goto out;
	}
	eerste = db_cel_int(&r, 0, 0) - (int64_t)n + 1;
	snprintf(rij[0].vorige, sizeof(rij[0].vorige), "%s", db_cel(&r, 0, 1));
	db_res_release(&r);
	for (i = 0; i < n; i++) {
		if (i)
			memcpy(rij[i].vorige, rij[i - 1].hash, 65);
		audit_teksten(rec[i].rollen, rec[i].klassen, rij[i].rol,
			      sizeof(rij[i].rol), rij[i].klasse,
			      sizeof(rij[i].klasse));
		audit_hash(rij[i].vorige, eerste + (int64_t)i, tijd,
			   rec[i].gebruiker, rec[i].wie, rij[i].rol,
			   rec[i].dossier, rec[i].actie, rij[i].klasse,
			   rij[i].hash);
	}
	for (i = 0; i < n; i += k) {
		size_t j;

		k = n - i >= AUDIT_BLOK ? AUDIT_BLOK : 1;
		for (j = 0; j < k; j++) {
			const struct store_audit_rec *a = &rec[i + j];
			const struct audit_rij *b = &rij[i + j];
			struct db_param *c = &p[j * AUDIT_KOLOMMEN];

			c[0] = db_int(eerste + (int64_t)(i + j));
			c[1] = db_int(tijd);
			c[2] = a->gebruiker ? db_int(a->gebruiker) : db_null();
			c[3] = db_text(a->wie);
			c[4] = db_text(b->rol);
			c[5] = a->dossier ? db_int(a->dossier) : db_null();
			c[6] = db_text(a->actie);
			c[7] = db_text(b->klasse);
			c[8] = db_text(b->vorige);
			c[9] = db_text(b->hash);
			c[10] = db_int(aantal ? aantal[i + j] : 1);
			c[11] = db_int(tijd);
		}
		rc = db_exec(s->db, audit_insert_sql(k), p, k * AUDIT_KOLOMMEN,
			     NULL);
		if (rc)
			goto out;
	}
	{
		struct db_param q[] = {db_text(rij[n - 1].hash)};

		rc = db_exec(s->db, "UPDATE audit_kop SET hash = $1 WHERE "
			     "id = 1", q, NP(q), NULL);
	}
out:
	free(rij);
	free(p);
	return rc;
}

int
store_audit(struct store *s, int64_t gebruiker, const char *wie,
	    uint32_t rollen, int64_t dossier, const char *actie,
	    uint32_t klassen)
{
	struct store_audit_rec r;
	int rc = ST_NOMEM;

	r.gebruiker = gebruiker;
	r.dossier = dossier;
	r.rollen = rollen;
	r.klassen = klassen;
	/* the record owns its strings (the audit queue's records do) */
	r.wie = strdup(wie);
	r.actie = strdup(actie);
	if (r.wie && r.actie)
		rc = audit_schrijf(s, &r, NULL, 1);
	free(r.wie);
	free(r.actie);
	return rc;
}

/* Would b fold into a, both reads (same user, case, roles, action and
 * classes)? */
static int
zelfde_lezing(const struct store_audit_rec *a, const struct store_audit_rec *b)
{
	return a->gebruiker == b->gebruiker && a->dossier == b->dossier &&
	       a->rollen == b->rollen && a->klassen == b->klassen &&
	       !strcmp(a->actie, b->actie) && !strcmp(a->wie, b->wie);
}

/*
 * Fold the read r into the last record of the same read (zelfde_lezing)
 * when that one was appended at most STORE_AUDIT_VOUW seconds before
 * tijd: its aantal and laatst go up, columns outside the hash, so the
 * chain stays as it was. *gevouwen says whether it did.
 */
static int
audit_vouw(struct store *s, const struct store_audit_rec *r, int64_t tijd,
	   int *gevouwen)
{
	char rol[160], klasse[48];
	int64_t n = 0;
	int rc;

	audit_teksten(r->rollen, r->klassen, rol, sizeof(rol), klasse,
		      sizeof(klasse));
	{
		struct db_param p[] = {
			db_int(tijd), db_int(r->dossier), db_int(r->gebruiker),
			db_int(tijd - STORE_AUDIT_VOUW), db_text(rol),
			db_text(r->actie), db_text(klasse), db_text(r->wie)};

		/* the index audit_vouw bounds the search to this user's
		 * records of this case inside the window */
		rc = db_exec(s->db, "UPDATE audit SET aantal = aantal + 1, "
			     "laatst = $1 WHERE volgnr = (SELECT volgnr FROM "
			     "audit WHERE dossier_id = $2 AND gebruiker_id = $3 "
			     "AND tijd >= $4 AND rol = $5 AND actie = $6 AND "
			     "klasse = $7 AND gebruiker = $8 ORDER BY volgnr "
			     "DESC LIMIT 1)", p, NP(p), &n);
	}
	if (!rc)
		*gevouwen = n > 0;
	return rc;
}

/*
 * n read records inside the caller's transaction: each read of a case by
 * a user folds into an earlier record of the same read in this batch or
 * (audit_vouw) in the log; the rest is appended to the chain. The head's
 * row lock is taken first, so every process folds and appends in the
 * same lock order (no deadlock between two servers on PostgreSQL).
 */
static int
audit_lees_schrijf(struct store *s, const struct store_audit_rec *r, size_t n)
{
	struct store_audit_rec *rest = NULL;
	int64_t *aantal = NULL, tijd = store_nu();
	size_t i, j, k = 0;
	int rc;

	rest = calloc(n ? n : 1, sizeof(*rest));
	aantal = calloc(n ? n : 1, sizeof(*aantal));
	if (!rest || !aantal) {
		rc = ST_NOMEM;
		goto out;
	}
	if ((rc = db_exec(s->db, "UPDATE audit_kop SET volgnr = volgnr WHERE "
			  "id = 1", NULL, 0, NULL)))
		goto out;
	for (i = 0; i < n; i++) {
		int gevouwen = 0;

		if (r[i].gebruiker && r[i].dossier) {
			for (j = 0; j < k; j++)
				if (zelfde_lezing(&rest[j], &r[i]))
					break;
			if (j < k) {
				aantal[j]++;
				continue;
			}
			if ((rc = audit_vouw(s, &r[i], tijd, &gevouwen)))
				goto out;
		}
		if (!gevouwen) {
			rest[k] = r[i];
			aantal[k++] = 1;
		}
	}
	rc = audit_schrijf(s, rest, aantal, k);
out:
	free(rest);
	free(aantal);
	return rc;
}

int
store_audit_lees(struct store *s, int64_t gebruiker, const char *wie,
		 uint32_t rollen, int64_t dossier, const char *actie,
		 uint32_t klassen)
{
	int pg = db_soort(s->db) == DB_PG, rc;

	if (!pg && (rc = db_script(s->db, "PRAGMA synchronous=NORMAL")))
		return rc;
	if ((rc = db_begin(s->db)))
		goto out;
	{
		struct store_audit_rec r;

		r.gebruiker = gebruiker;
		r.dossier = dossier;
		r.rollen = rollen;
		r.klassen = klassen;
		r.wie = strdup(wie);
		r.actie = strdup(actie);
		if (!r.wie || !r.actie)
			rc = ST_NOMEM;
		if (rc || (pg && (rc = db_script(s->db, "SET LOCAL "
						 "synchronous_commit = off"))) ||
		    (rc = audit_lees_schrijf(s, &r, 1)) ||
		    (rc = db_commit(s->db)))
			store_rollback(s);
		free(r.wie);
		free(r.actie);
	}
out:
	if (!pg) {
		int r2 = db_script(s->db, "PRAGMA synchronous=FULL");

		if (!rc)
			rc = r2;
	}
	return rc;
}

int
store_audit_reeks(struct store *s, const struct store_audit_rec *r, size_t n)
{
	int pg = db_soort(s->db) == DB_PG, rc;

	if (!pg && (rc = db_script(s->db, "PRAGMA synchronous=NORMAL")))
		return rc;
	if ((rc = db_begin(s->db)))
		goto out;
	if (pg && (rc = db_script(s->db, "SET LOCAL synchronous_commit = off")))
		goto terug;
	if ((rc = audit_lees_schrijf(s, r, n)))
		goto terug;
	if (!(rc = db_commit(s->db)))
		goto out;
terug:
	store_rollback(s);
out:
	if (!pg) {
		int r2 = db_script(s->db, "PRAGMA synchronous=FULL");

		if (!rc)
			rc = r2;
	}
	return rc;
}

int
store_audit_kop(struct store *s, int64_t *volgnr, char hash[65], int64_t *tijd)
{
	struct db_res r;
	int rc;

	rc = db_query(s->db, "SELECT k.volgnr, k.hash, (SELECT a.tijd FROM "
		      "audit a WHERE a.volgnr = k.volgnr) FROM audit_kop k "
		      "WHERE k.id = 1", NULL, 0, &r);
	if (rc)
		return rc;
	if (r.nrows != 1 || !db_cel(&r, 0, 1) ||
	    strlen(db_cel(&r, 0, 1)) != 64) {
		db_res_release(&r);
		snprintf(s->db->fout, sizeof(s->db->fout), "audit_kop ontbreekt");
		return ST_ERR;
	}
	*volgnr = db_cel_int(&r, 0, 0);
	memcpy(hash, db_cel(&r, 0, 1), 65);
	*tijd = db_cel(&r, 0, 2) ? db_cel_int(&r, 0, 2) : 0;
	db_res_release(&r);
	return ST_OK;
}

int
store_audit_hash(struct store *s, int64_t volgnr, char hash[65])
{
	struct db_param p[] = {db_int(volgnr)};
	struct db_res r;
	int rc;

	rc = db_query(s->db, "SELECT hash FROM audit WHERE volgnr = $1", p,
		      NP(p), &r);
	if (rc)
		return rc;
	if (r.nrows != 1 || !db_cel(&r, 0, 0)) {
		rc = ST_NIET_GEVONDEN;
	} else {
		snprintf(hash, 65, "%s", db_cel(&r, 0, 0));
		rc = ST_OK;
	}
	db_res_release(&r);
	return rc;
}

int
store_audit_verify(struct store *s, int64_t *n, int64_t *fout_volgnr)
{
	struct db_res r, k;
	char vorige[65], hash[65];
	size_t i;
	int rc;

	rc = db_query(s->db, "SELECT volgnr, tijd, gebruiker_id, gebruiker, "
		      "rol, dossier_id, actie, klasse, vorige, hash FROM audit "
		      "ORDER BY volgnr", NULL, 0, &r);
	if (rc)
		return rc;
	memset(vorige, '0', 64);
	vorige[64] = '\0';
	for (i = 0; i < r.nrows; i++) {
		int64_t volgnr = db_cel_int(&r, i, 0);
		const char *c[10];
		size_t j;

		for (j = 0; j < 10; j++)
			c[j] = db_cel(&r, i, j) ? db_cel(&r, i, j) : "";
		audit_hash(vorige, volgnr, db_cel_int(&r, i, 1),
			   db_cel_int(&r, i, 2), c[3], c[4], db_cel_int(&r, i, 5),
			   c[6], c[7], hash);
		/* numbers are gapless from 1, each record names its
		 * predecessor, and its own hash is right */
		if (volgnr != (int64_t)i + 1 || strcmp(c[8], vorige) != 0 ||
		    strcmp(c[9], hash) != 0) {
			*fout_volgnr = volgnr;
			db_res_release(&r);
			return ST_ONGELDIG;
		}
		memcpy(vorige, hash, sizeof(vorige));
	}
	/* the head must match the last record: cutting off the tail is
	 * tampering too */
	rc = db_query(s->db, "SELECT volgnr, hash FROM audit_kop WHERE id = 1",
		      NULL, 0, &k);
	if (rc) {
		db_res_release(&r);
		return rc;
	}
	if (k.nrows != 1 || db_cel_int(&k, 0, 0) != (int64_t)r.nrows ||
	    strcmp(db_cel(&k, 0, 1) ? db_cel(&k, 0, 1) : "", vorige) != 0) {
		*fout_volgnr = (int64_t)r.nrows + 1;
		rc = ST_ONGELDIG;
	} else {
		*n = (int64_t)r.nrows;
	}
	db_res_release(&k);
	db_res_release(&r);
	return rc;
}

int
store_toegang_log(struct store *s, int64_t dossier, int64_t van, int64_t tot,
		  size_t overslaan, size_t max, struct db_res *out)
{
	struct db_param p[] = {db_int(dossier), db_int(van),
			       db_int(tot > 0 ? tot : INT64_MAX),
			       db_int((int64_t)max), db_int((int64_t)overslaan)};

	return db_query(s->db, "SELECT tijd, gebruiker, rol, actie, klasse, "
			"aantal, laatst FROM audit WHERE dossier_id = $1 AND "
			"laatst >= $2 AND tijd < $3 ORDER BY volgnr DESC "
			"LIMIT $4 OFFSET $5", p, NP(p), out);
}

/* --- cases ------------------------------------------------------- */

int
store_dossier_zoek(struct store *s, const char *extern_id, int64_t *id)
{
	struct db_param p[] = {db_text(extern_id)};

	return store_een_int(s, "SELECT id FROM dossier WHERE extern_id = $1", p,
		       NP(p), id);
}

int
store_dossier_toegang(struct store *s, int64_t gebruiker,
		      const char *extern_id, int64_t *id, int64_t *versie,
		      uint32_t *rollen)
{
	struct db_param p[] = {db_int(gebruiker), db_text(extern_id),
			       db_int(s->bereik_werkgever)};
	struct db_res r;
	/* another employer's case is missing for a caller limited to one */
	int rc = db_query(s->db, "SELECT d.id, d.versie, t.rol, t.werkgever_id, "
			  "t.dossier_id FROM dossier d JOIN dienstverband v ON "
			  "v.id = d.dienstverband_id LEFT JOIN toekenning t ON "
			  "t.gebruiker_id = $1 AND (t.dossier_id = d.id OR "
			  "t.werkgever_id = v.werkgever_id OR t.rol = "
			  "'beheerder') WHERE d.extern_id = $2 AND ($3 = 0 OR "
			  "v.werkgever_id = $3)", p, NP(p), &r);

	if (rc)
		return rc;
	if (r.nrows == 0) {
		db_res_release(&r);
		return ST_NIET_GEVONDEN;
	}
	*id = db_cel_int(&r, 0, 0);
	*versie = db_cel_int(&r, 0, 1);
	*rollen = rollen_geldig(&r, 2);
	db_res_release(&r);
	return ST_OK;
}

/* The index of the entry before `voor` whose id is `id`, or `voor`. */
static size_t
zoek_id(const struct dossier *d, size_t voor, const struct str *id)
{
	size_t j;

	for (j = 0; j < voor; j++)
		if (d->gb[j].id.s && d->gb[j].id.len == id->len &&
		    !memcmp(d->gb[j].id.s, id->s, id->len))
			break;
	return j;
}

/* A correction has the class of the entry it corrects, so filtering by
 * class never leaves a correction pointing at a hidden entry. */
static int
klasse_correcties(const struct dossier *d, size_t vanaf,
		  struct casefile_fout *f)
{
	size_t i, j;

	for (i = vanaf; i < d->ngb; i++) {
		const struct gebeurtenis *g = &d->gb[i];

		if (!g->corrigeert.s)
			continue;
		j = zoek_id(d, i, &g->corrigeert);
		if (j < i && d->gb[j].zichtbaarheid != g->zichtbaarheid) {
			snprintf(f->pad, sizeof(f->pad),
				 "$.gebeurtenissen[%zu].zichtbaarheid", i);
			snprintf(f->reden, sizeof(f->reden),
				 "een correctie heeft de zichtbaarheid van het "
				 "item dat zij corrigeert ('%s')",
				 zichtbaarheid_naam[d->gb[j].zichtbaarheid]);
			return ST_ONGELDIG;
		}
	}
	return ST_OK;
}

static char *
dump(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
}

/* Insert entry i of the canonical document as row volgnr of case id. */
static int
zet_gebeurtenis(struct store *s, int64_t id, int64_t volgnr,
		const struct gebeurtenis *g, json_t *obj, int64_t auteur)
{
	char datum[DATE_STRLEN];
	char *txt = dump(obj);
	int rc;

	if (!txt)
		return ST_NOMEM;
	date_format(g->datum, datum);
	{
		struct db_param p[] = {
			db_int(id), db_int(volgnr), db_textn(g->id.s, g->id.len),
			db_text(gb_soort_naam[g->soort]), db_text(datum),
			db_text(zichtbaarheid_naam[g->zichtbaarheid]),
			db_textn(g->corrigeert.s, g->corrigeert.len),
			db_text(txt), db_int(store_nu()),
			auteur ? db_int(auteur) : db_null()};

		rc = db_exec(s->db, "INSERT INTO gebeurtenis (dossier_id, "
			     "volgnr, extern_id, soort, datum, zichtbaarheid, "
			     "corrigeert, gegevens, vastgelegd, auteur_id) "
			     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
			     p, NP(p), NULL);
	}
	free(txt);
	return rc;
}

static int
zet_verzuim(struct store *s, int64_t id, int64_t volgnr,
	    const struct verzuim_mutatie *m, int64_t auteur)
{
	char datum[DATE_STRLEN];

	date_format(m->datum, datum);
	{
		struct db_param p[] = {
			db_int(id), db_int(volgnr), db_text(datum),
			db_text(verzuim_soort_naam[m->soort]),
			m->soort == VZ_ZIEK ? db_int(m->percentage) : db_null(),
			db_int(store_nu()), auteur ? db_int(auteur) : db_null()};

		return db_exec(s->db, "INSERT INTO verzuim (dossier_id, volgnr, "
			       "datum, soort, percentage, vastgelegd, "
			       "auteur_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
			       p, NP(p), NULL);
	}
}

/*
 * A changed werkgever or werknemer row changes what its other cases
 * compute and export: raise their versie, so no cache (gcache.h) serves
 * the old result. sql selects the dienstverband ids by $2.
 */
static int
versie_op(struct store *s, int64_t gewijzigd, const char *sql, int64_t id)
{
	struct db_param p[] = {db_int(store_nu()), db_int(id)};

	if (!gewijzigd)
		return ST_OK;
	return db_exec(s->db, sql, p, NP(p), NULL);
}

int
store_bsn_vrij(struct store *s, int64_t werkgever, const char *werknemer,
	       const char *bsn, const char *pad, struct casefile_fout *f)
{
	struct db_param p[] = {db_int(werkgever), db_text(bsn),
			       db_text(werknemer)};
	int64_t n = 0;
	int rc;

	/* writers of one employer's employees hold its row lock (zet_
	 * werkgever, store_werknemer_wijzig) or SQLite's write lock, so
	 * two of them cannot both pass this check */
	rc = store_een_int(s, "SELECT count(*) FROM werknemer WHERE "
			   "werkgever_id = $1 AND bsn = $2 AND extern_id <> $3",
			   p, NP(p), &n);
	if (rc)
		return rc;
	if (n == 0)
		return ST_OK;
	snprintf(f->pad, sizeof(f->pad), "%s", pad);
	snprintf(f->reden, sizeof(f->reden),
		 "dit BSN hoort al bij een andere werknemer van deze "
		 "werkgever; controleer het nummer, of wijzig die werknemer");
	return ST_CONFLICT;
}

/* The id of the row with extern_id in table (werkgever or werknemer),
 * inserted or brought up to date from the document. */
static int
zet_werkgever(struct store *s, const struct dossier *d, int64_t *id)
{
	struct db_param p[] = {db_textn(d->werkgever_id.s, d->werkgever_id.len),
			       db_textn(d->werkgever_naam.s,
					d->werkgever_naam.len),
			       db_int(d->eigenrisicodrager_wga ? 1 : 0),
			       db_int(d->eigenrisicodrager_zw ? 1 : 0)};
	int64_t n = 0;
	int rc = db_exec(s->db, "UPDATE werkgever SET naam = $2, "
			 "eigenrisicodrager_wga = $3, eigenrisicodrager_zw = $4 "
			 "WHERE extern_id = $1 AND (naam <> $2 OR "
			 "eigenrisicodrager_wga <> $3 OR "
			 "eigenrisicodrager_zw <> $4)", p, NP(p), &n);

	if (!rc)
		rc = store_een_int(s, "INSERT INTO werkgever (extern_id, naam, "
			     "eigenrisicodrager_wga, eigenrisicodrager_zw) "
			     "VALUES ($1, $2, $3, $4) ON "
			     "CONFLICT (extern_id) DO UPDATE SET naam = "
			     "excluded.naam RETURNING id", p, NP(p), id);
	if (!rc)
		rc = versie_op(s, n, "UPDATE dossier SET versie = versie + 1, "
			       "gewijzigd = $1 WHERE dienstverband_id IN "
			       "(SELECT id FROM dienstverband WHERE "
			       "werkgever_id = $2)", *id);
	return rc;
}

static int
zet_werknemer(struct store *s, const struct dossier *d, int64_t wg,
	      int64_t *id, struct casefile_fout *f)
{
	char gd[DATE_STRLEN];
	struct db_param p[5];
	int64_t n = 0;
	int rc;

	p[0] = db_textn(d->werknemer_id.s, d->werknemer_id.len);
	p[1] = db_textn(d->werknemer_naam.s, d->werknemer_naam.len);
	if (d->geboortedatum != DATE_NONE) {
		date_format(d->geboortedatum, gd);
		p[2] = db_text(gd);
	} else {
		p[2] = db_null();
	}
	p[3] = db_textn(d->bsn.s, d->bsn.len);
	p[4] = db_int(wg);
	/* the employee is the employer's: matched on (werkgever, id), so
	 * no import reaches another employer's row */
	if (d->bsn.s && (rc = store_bsn_vrij(s, wg, d->werknemer_id.s,
					     d->bsn.s, "$.werknemer.bsn", f)))
		return rc;
	rc = db_exec(s->db, "UPDATE werknemer SET naam = $2, geboortedatum = "
		     "$3, bsn = $4 WHERE extern_id = $1 AND werkgever_id = $5 "
		     "AND (naam <> $2 OR geboortedatum IS DISTINCT FROM $3 OR "
		     "bsn IS DISTINCT FROM $4)", p, NP(p), &n);
	if (!rc)
		rc = store_een_int(s, "INSERT INTO werknemer (extern_id, naam, "
			     "geboortedatum, bsn, werkgever_id) VALUES ($1, $2, "
			     "$3, $4, $5) ON CONFLICT (werkgever_id, extern_id) "
			     "DO UPDATE SET naam = excluded.naam RETURNING id",
			     p, NP(p), id);
	if (!rc)
		rc = versie_op(s, n, "UPDATE dossier SET versie = versie + 1, "
			       "gewijzigd = $1 WHERE dienstverband_id IN "
			       "(SELECT id FROM dienstverband WHERE "
			       "werknemer_id = $2)", *id);
	return rc;
}

static int
schrijf_import(struct store *s, const struct dossier *d, json_t *canon,
	       size_t omvang, int64_t auteur, const char *wie, int64_t *id,
	       struct casefile_fout *f)
{
	int64_t wg, wn, dv, ds;
	json_t *gb = json_object_get(canon, "gebeurtenissen");
	char *dvtxt = NULL, begin[DATE_STRLEN];
	size_t i;
	int rc;

	if ((rc = zet_werkgever(s, d, &wg)) ||
	    (rc = zet_werknemer(s, d, wg, &wn, f)))
		return rc;
	dvtxt = dump(json_object_get(canon, "dienstverband"));
	if (!dvtxt)
		return ST_NOMEM;
	date_format(d->begindatum, begin);
	{
		struct db_param p[] = {db_int(wg), db_int(wn), db_text(begin),
				       db_text(dvtxt)};

		rc = store_een_int(s, "INSERT INTO dienstverband (werkgever_id, "
			     "werknemer_id, begindatum, gegevens) VALUES ($1, "
			     "$2, $3, $4) RETURNING id", p, NP(p), &dv);
	}
	free(dvtxt);
	if (rc)
		return rc;
	{
		int64_t nu = store_nu();
		struct db_param p[] = {
			db_textn(d->dossier_id.s, d->dossier_id.len), db_int(dv),
			d->vangnet == VN_GEEN ? db_null()
					      : db_text(vangnet_naam[d->vangnet]),
			db_int(nu), db_int((int64_t)omvang)};

		/* omvang: the size of the canonical document as of versie
		 * 0 (migrate.c step 9), for the appends to come */
		rc = store_een_int(s, "INSERT INTO dossier (extern_id, "
			     "dienstverband_id, vangnet, aangemaakt, gewijzigd, "
			     "omvang, omvang_versie) VALUES ($1, $2, $3, $4, $4, "
			     "$5, 0) RETURNING id", p, NP(p), &ds);
	}
	if (rc)
		return rc;
	for (i = 0; i < d->nverzuim; i++)
		if ((rc = zet_verzuim(s, ds, (int64_t)i + 1, &d->verzuim[i],
				      auteur)))
			return rc;
	for (i = 0; i < d->ngb; i++)
		if ((rc = zet_gebeurtenis(s, ds, (int64_t)i + 1, &d->gb[i],
					  json_array_get(gb, i), auteur)))
			return rc;
	{
		uint32_t k = 0;

		for (i = 0; i < d->ngb; i++)
			k |= 1u << d->gb[i].zichtbaarheid;
		if ((rc = store_audit(s, auteur, wie, 0, ds, "dossier importeren",
				      k | 1u)))
			return rc;
	}
	*id = ds;
	return ST_OK;
}

/* The analyzer of GCC 12 loses the heap pointer stored at a computed
 * index (d->gb[i].auteur) and reports it as leaked, as in store_doc.c;
 * the import is checked by valgrind and ASan in the tests instead. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
/*
 * An import by a user of the API writes what every other write of his
 * may: each entry in a class his roles write (else ST_VERBODEN naming
 * the entry), with himself, auteur_naam, as its auteur whatever the
 * document says. (The command line imports documents as they are.)
 */
static int
import_als_schrijver(struct dossier *d, uint32_t rollen,
		     const char *auteur_naam, struct casefile_fout *f)
{
	size_t i;

	for (i = 0; i < d->ngb; i++) {
		struct gebeurtenis *g = &d->gb[i];

		if (!toegang_schrijf(rollen,
				     (enum zichtbaarheid)g->zichtbaarheid)) {
			snprintf(f->pad, sizeof(f->pad),
				 "$.gebeurtenissen[%zu].zichtbaarheid", i);
			snprintf(f->reden, sizeof(f->reden),
				 "uw rol mag geen items met zichtbaarheid '%s' "
				 "vastleggen; er is niets opgeslagen",
				 zichtbaarheid_naam[g->zichtbaarheid]);
			return ST_VERBODEN;
		}
		str_release(&g->auteur);
		if (!(g->auteur.s = strdup(auteur_naam)))
			return ST_NOMEM;
		g->auteur.len = strlen(g->auteur.s);
	}
	return ST_OK;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

/* Before an import writes: a case with its dossier_id that exists is
 * ST_CONFLICT for a caller who sees it, and for anyone else (an API
 * caller without a role in it) ST_NIET_GEVONDEN, the answer of a read,
 * so an import tells nobody which ids other employers use. */
static int
import_bestaat(struct store *s, const struct dossier *d, int64_t auteur,
	       int api)
{
	struct db_param p[] = {db_textn(d->dossier_id.s, d->dossier_id.len)};
	int64_t ds = 0;
	uint32_t hier = 0;
	int rc = store_een_int(s, "SELECT id FROM dossier WHERE extern_id = $1",
			       p, NP(p), &ds);

	if (rc == ST_NIET_GEVONDEN)
		return ST_OK;
	if (rc)
		return rc;
	if (api && ((rc = store_rollen(s, auteur, ds, &hier)) ||
		       !toegang_dossier(hier)))
		return rc ? rc : ST_NIET_GEVONDEN;
	return ST_CONFLICT;
}

static int
importeer(struct store *s, const char *json, size_t len, int64_t auteur,
	  const char *auteur_naam, const char *wie, int api, uint32_t rollen,
	  int64_t *id, struct casefile_fout *f)
{
	struct dossier d;
	json_t *canon = NULL;
	char *txt = NULL;
	size_t tlen;
	int rc;

	dossier_init(&d);
	if (casefile_lees(json, len, &d, f) != CF_OK)
		return ST_ONGELDIG;
	f->pad[0] = f->reden[0] = '\0';
	if ((rc = klasse_correcties(&d, 0, f)) ||
	    (api && (rc = import_als_schrijver(&d, rollen, auteur_naam, f))))
		goto out;
	rc = ST_NOMEM;
	if (casefile_schrijf(&d, &txt, &tlen) != CF_OK)
		goto out;
	canon = json_loadb(txt, tlen, JSON_REJECT_DUPLICATES, NULL);
	if (!canon)
		goto out;
	if ((rc = db_begin(s->db)))
		goto out;
	rc = import_bestaat(s, &d, auteur, api);
	if (rc == ST_OK)
		rc = schrijf_import(s, &d, canon, tlen, auteur, wie, id, f);
	if (rc == ST_OK)
		rc = db_commit(s->db);
	if (rc) {
		store_rollback(s);
		if (rc == ST_CONFLICT && !f->pad[0]) {
			snprintf(f->pad, sizeof(f->pad), "$.dossier_id");
			snprintf(f->reden, sizeof(f->reden),
				 "er bestaat al een dossier '%.*s'",
				 (int)(d.dossier_id.len > 80 ? 80
							     : d.dossier_id.len),
				 d.dossier_id.s);
		}
	}
out:
	json_decref(canon);
	free(txt);
	dossier_release(&d);
	return rc;
}

int
store_import(struct store *s, const char *json, size_t len, int64_t auteur,
	     const char *wie, int64_t *id, struct casefile_fout *f)
{
	return importeer(s, json, len, auteur, wie, wie, 0, 0, id, f);
}

int
store_import_als(struct store *s, const char *json, size_t len,
		 int64_t auteur, const char *auteur_naam, const char *wie,
		 uint32_t rollen, int64_t *id, struct casefile_fout *f)
{
	return importeer(s, json, len, auteur, auteur_naam, wie, 1, rollen, id,
			 f);
}

/*
 * The case's header and verzuim as a JSON tree without entries, read
 * with the case-file reader (a few rows: what the reader checks there
 * costs nothing); the entries are decoded one by one into the same
 * struct dossier by dossier_laad(), without printing the whole case and
 * parsing it again.
 */
static int
laad_kop(struct store *s, int64_t id, json_t **out)
{
	struct db_param p[] = {db_int(id)};
	struct db_res r;
	json_t *root = NULL, *o, *a;
	json_error_t je;
	size_t i;
	int rc, ok = 1;

	rc = db_query(s->db,
		      "SELECT d.extern_id, g.extern_id, g.naam, "
		      "g.eigenrisicodrager_wga, n.extern_id, n.naam, "
		      "n.geboortedatum, n.bsn, v.gegevens, d.vangnet, "
		      "g.eigenrisicodrager_zw FROM "
		      "dossier d, dienstverband v, werkgever g, werknemer n "
		      "WHERE d.id = $1 AND v.id = d.dienstverband_id AND "
		      "g.id = v.werkgever_id AND n.id = v.werknemer_id",
		      p, NP(p), &r);
	if (rc)
		return rc;
	if (r.nrows == 0) {
		db_res_release(&r);
		return ST_NIET_GEVONDEN;
	}
	root = json_object();
	if (!root)
		goto nomem;
	ok &= !json_object_set_new(root, "formaat", json_string("spoor-dossier/1"));
	ok &= !json_object_set_new(root, "dossier_id", json_string(db_cel(&r, 0, 0)));
	o = json_object();
	ok &= !json_object_set_new(root, "werkgever", o);
	ok &= !json_object_set_new(o, "id", json_string(db_cel(&r, 0, 1)));
	ok &= !json_object_set_new(o, "naam", json_string(db_cel(&r, 0, 2)));
	ok &= !json_object_set_new(o, "eigenrisicodrager_wga",
				   json_boolean(db_cel_int(&r, 0, 3)));
	/* optional in spoor-dossier/1: only when set (casefile.c) */
	if (db_cel_int(&r, 0, 10))
		ok &= !json_object_set_new(o, "eigenrisicodrager_zw",
					   json_true());
	o = json_object();
	ok &= !json_object_set_new(root, "werknemer", o);
	ok &= !json_object_set_new(o, "id", json_string(db_cel(&r, 0, 4)));
	ok &= !json_object_set_new(o, "naam", json_string(db_cel(&r, 0, 5)));
	if (db_cel(&r, 0, 6))
		ok &= !json_object_set_new(o, "geboortedatum",
					   json_string(db_cel(&r, 0, 6)));
	if (db_cel(&r, 0, 7))
		ok &= !json_object_set_new(o, "bsn", json_string(db_cel(&r, 0, 7)));
	ok &= !json_object_set_new(root, "dienstverband",
				   json_loads(db_cel(&r, 0, 8), 0, &je));
	ok &= !json_object_set_new(root, "vangnet",
				   db_cel(&r, 0, 9)
					   ? json_string(db_cel(&r, 0, 9))
					   : json_null());
	db_res_release(&r);
	if (!ok)
		goto nomem;

	if ((rc = db_query(s->db, "SELECT datum, soort, percentage FROM "
			   "verzuim WHERE dossier_id = $1 ORDER BY volgnr", p,
			   NP(p), &r)))
		goto fout;
	a = json_array();
	ok &= !json_object_set_new(root, "verzuim", a);
	for (i = 0; ok && i < r.nrows; i++) {
		o = json_object();
		ok &= !json_array_append_new(a, o);
		ok &= !json_object_set_new(o, "datum", json_string(db_cel(&r, i, 0)));
		ok &= !json_object_set_new(o, "soort", json_string(db_cel(&r, i, 1)));
		if (db_cel(&r, i, 2))
			ok &= !json_object_set_new(o, "percentage",
						   json_integer(db_cel_int(&r, i, 2)));
	}
	db_res_release(&r);
	if (!ok)
		goto nomem;
	*out = root;
	return ST_OK;
nomem:
	db_res_release(&r);
	rc = ST_NOMEM;
fout:
	json_decref(root);
	return rc;
}

/* What the database holds and the reader refuses: a store error that
 * names the case and the place. */
static int
onleesbaar(struct store *s, int64_t id, const char *waar,
	   const struct casefile_fout *f)
{
	snprintf(s->db->fout, sizeof(s->db->fout),
		 "opgeslagen dossier %lld onleesbaar: %s%.60s: %.80s",
		 (long long)id, waar, f->pad, f->reden);
	return ST_ERR;
}

/* Decode the stored entry text txt (canonical JSON of one entry) into
 * *g; ST_ONGELDIG with *f when the reader refuses it. */
static int
entry_decode(const char *txt, struct gebeurtenis *g, struct casefile_fout *f)
{
	json_error_t je;
	json_t *e;
	int rc = casefile_gebeurtenis_snel(txt, strlen(txt), g);

	/* the stored canonical form, decoded directly (casefile.h); any
	 * other form through jansson and the full reader */
	if (rc != CF_SCHEMA)
		return rc == CF_OK ? ST_OK : ST_NOMEM;
	e = json_loads(txt, JSON_REJECT_DUPLICATES, &je);
	if (!e) {
		snprintf(f->pad, sizeof(f->pad), "$");
		snprintf(f->reden, sizeof(f->reden), "%s", je.text);
		return ST_ONGELDIG;
	}
	rc = casefile_gebeurtenis_lees(e, g, f);
	json_decref(e);
	if (rc == CF_NOMEM)
		return ST_NOMEM;
	return rc == CF_OK ? ST_OK : ST_ONGELDIG;
}

/* The state of a load while the entry rows stream by. */
struct laden {
	struct store *s;
	struct dossier *d;
	size_t cap;
	int64_t id;
};

static int
laad_rij(void *arg, const char *const *cel, const size_t *len, size_t ncols)
{
	struct laden *l = arg;
	struct dossier *d = l->d;
	struct casefile_fout f;
	int rc;

	(void)len;
	if (ncols != 1 || !cel[0]) {
		snprintf(l->s->db->fout, sizeof(l->s->db->fout),
			 "opgeslagen dossier %lld: item %zu zonder gegevens",
			 (long long)l->id, d->ngb + 1);
		return ST_ERR;
	}
	if (d->ngb == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct gebeurtenis *gb = realloc(d->gb, (cap + 1) * sizeof(*gb));

		if (!gb)
			return ST_NOMEM;
		memset(gb + l->cap, 0, (cap + 1 - l->cap) * sizeof(*gb));
		d->gb = gb;
		l->cap = cap;
	}
	rc = entry_decode(cel[0], &d->gb[d->ngb], &f);
	if (rc == ST_ONGELDIG) {
		char waar[48];

		snprintf(waar, sizeof(waar), "item %zu ", d->ngb + 1);
		return onleesbaar(l->s, l->id, waar, &f);
	}
	if (rc)
		return rc;
	d->ngb++;
	return ST_OK;
}

int
store_dossier_laad(struct store *s, int64_t id, struct dossier *out)
{
	struct db_param p[] = {db_int(id)};
	struct dossier d;
	struct casefile_fout f;
	struct laden l;
	json_t *kop;
	size_t err;
	int rc;

	if ((rc = laad_kop(s, id, &kop)))
		return rc;
	dossier_init(&d);
	rc = casefile_lees_tree(kop, &d, &f);
	json_decref(kop);
	if (rc)
		return rc == CF_NOMEM ? ST_NOMEM : onleesbaar(s, id, "", &f);
	l.s = s;
	l.d = &d;
	l.cap = 0;
	l.id = id;
	/* the entries decoded as the rows stream by (db_query_elk) */
	if ((rc = db_query_elk(s->db, "SELECT gegevens FROM gebeurtenis WHERE "
			       "dossier_id = $1 ORDER BY volgnr", p, NP(p),
			       laad_rij, &l)))
		goto out;
	if (!d.gb && !(d.gb = calloc(1, sizeof(*d.gb)))) {
		rc = ST_NOMEM;
		goto out;
	}
	if (dossier_link(&d, &err)) {
		snprintf(f.pad, sizeof(f.pad), "$.gebeurtenissen[%zu]", err);
		snprintf(f.reden, sizeof(f.reden), "id of corrigeert klopt niet");
		rc = onleesbaar(s, id, "", &f);
		goto out;
	}
	*out = d;
	dossier_init(&d);
out:
	dossier_release(&d);
	return rc;
}

/*
 * Lock case id for writing (the UPDATE of dossier.versie is the lock:
 * writers of one case queue) and read what an append needs in the same
 * breath: the next volgnr in the table of volg_sql, and the document
 * size omvang when it is known as of the versie before this write
 * (else -1).
 */
struct slot {
	int64_t volg, versie, omvang;
};

static int
vergrendel(struct store *s, int64_t id, const char *volg_sql,
	   struct slot *sl)
{
	struct db_param p[] = {db_int(store_nu()), db_int(id)};
	struct db_res r;
	int64_t n = 0;
	int rc = db_exec(s->db, "UPDATE dossier SET versie = versie + 1, "
			 "gewijzigd = $1 WHERE id = $2", p, NP(p), &n);

	if (rc)
		return rc;
	if (n == 0)
		return ST_NIET_GEVONDEN;
	if ((rc = db_query(s->db, volg_sql, p + 1, 1, &r)))
		return rc;
	if (r.nrows != 1) {
		db_res_release(&r);
		return ST_NIET_GEVONDEN;
	}
	sl->volg = db_cel_int(&r, 0, 0);
	sl->versie = db_cel_int(&r, 0, 1);
	sl->omvang = db_cel(&r, 0, 2) && db_cel(&r, 0, 3) &&
			     db_cel_int(&r, 0, 3) == sl->versie - 1
		? db_cel_int(&r, 0, 2)
		: -1;
	db_res_release(&r);
	return ST_OK;
}

#define VOLG_SQL(tabel)                                                   \
	"SELECT (SELECT coalesce(max(volgnr), 0) + 1 FROM " tabel " WHERE "  \
	"dossier_id = d.id), d.versie, d.omvang, d.omvang_versie FROM "     \
	"dossier d WHERE d.id = $1"

/*
 * The spoor-dossier/1 limit on a whole document (CASEFILE_MAX_BYTES)
 * holds for every stored case, so that its export can be imported
 * again. An append adds at most len + 1 bytes (the item and a comma) to
 * the document: with the size known (sl->omvang) that is one addition;
 * otherwise, or near the limit, the case is read and printed once with
 * the new item (nieuw: add it to the loaded case) to know exactly. The
 * new size is stored with the versie of this write.
 */
static int
omvang_bij(struct store *s, int64_t id, const struct slot *sl, size_t len,
	   int (*nieuw)(struct dossier *, const void *), const void *arg,
	   struct casefile_fout *f)
{
	int64_t omvang = sl->omvang >= 0 ? sl->omvang + (int64_t)len + 1 : -1;
	int rc;

	if (omvang < 0 || omvang > (int64_t)CASEFILE_MAX_BYTES) {
		struct dossier d;
		char *txt = NULL;
		size_t n = 0;

		dossier_init(&d);
		rc = store_dossier_laad(s, id, &d);
		if (!rc)
			rc = nieuw(&d, arg);
		if (!rc && casefile_schrijf(&d, &txt, &n) != CF_OK)
			rc = ST_NOMEM;
		free(txt);
		dossier_release(&d);
		if (rc)
			return rc;
		if (n > CASEFILE_MAX_BYTES) {
			f->pad[0] = '\0';
			snprintf(f->reden, sizeof(f->reden),
				 "dossier te groot (%zu bytes, maximaal %zu): "
				 "exporteer het en begin een vervolgdossier",
				 n, CASEFILE_MAX_BYTES);
			return ST_ONGELDIG;
		}
		omvang = (int64_t)n;
	}
	{
		struct db_param p[] = {db_int(omvang), db_int(sl->versie),
				       db_int(id)};

		return db_exec(s->db, "UPDATE dossier SET omvang = $1, "
			       "omvang_versie = $2 WHERE id = $3", p, NP(p),
			       NULL);
	}
}

/* The request body: one JSON object, or ST_ONGELDIG with *f filled. */
static int
lees_object(const char *json, size_t len, json_t **out,
	    struct casefile_fout *f)
{
	json_error_t je;
	json_t *e = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);

	if (json_is_object(e)) {
		*out = e;
		return ST_OK;
	}
	snprintf(f->pad, sizeof(f->pad), e ? "$" : "");
	snprintf(f->reden, sizeof(f->reden),
		 e ? "verwacht een object"
		   : "geen geldige JSON op regel %d, kolom %d: %s",
		 je.line, je.column, je.text);
	json_decref(e);
	return ST_ONGELDIG;
}

/* "E" and 16 base32 digits (Crockford's alphabet, lower case) of 80
 * random bits: 17 characters and the NUL. */
static int
nieuw_entry_id(char eid[32])
{
	static const char abc[] = "0123456789abcdefghjkmnpqrstvwxyz";
	unsigned char b[16];
	size_t i;

	if (sodium_init() < 0)
		return ST_ERR;
	randombytes_buf(b, sizeof(b));
	eid[0] = 'E';
	for (i = 0; i < sizeof(b); i++)
		eid[i + 1] = abc[b[i] & 31u];
	eid[sizeof(b) + 1] = '\0';
	return ST_OK;
}

/* Add a copy of entry arg at the end of the loaded case (for the exact
 * size of omvang_bij()). */
static int
nieuw_item(struct dossier *d, const void *arg)
{
	const json_t *e = arg;
	struct gebeurtenis *gb = realloc(d->gb, (d->ngb + 1) * sizeof(*gb));
	struct casefile_fout f;
	int rc;

	if (!gb)
		return ST_NOMEM;
	d->gb = gb;
	/* the reader takes a non-const tree and only reads it */
	rc = casefile_gebeurtenis_lees((json_t *)(uintptr_t)e, &gb[d->ngb], &f);
	if (rc)
		return rc == CF_NOMEM ? ST_NOMEM : ST_ONGELDIG;
	d->ngb++;
	return ST_OK;
}

static int
nieuw_mutatie(struct dossier *d, const void *arg)
{
	struct verzuim_mutatie *v = realloc(d->verzuim,
					    (d->nverzuim + 1) * sizeof(*v));

	if (!v)
		return ST_NOMEM;
	d->verzuim = v;
	v[d->nverzuim++] = *(const struct verzuim_mutatie *)arg;
	return ST_OK;
}

/*
 * The checks of an entry that need the case, in the order the whole-
 * document reader made them before (issue 13 keeps every answer): the
 * entry it corrects exists earlier in the case, the writer's roles
 * write its class, the corrected entry is one he can read (else the
 * answer is that of an unknown id), and a correction keeps the class of
 * what it corrects. One indexed query: no other entry is read.
 */
static int
item_in_dossier(struct store *s, int64_t id, const struct gebeurtenis *g,
		uint32_t rollen, struct casefile_fout *f)
{
	int z = -1, rc;

	if (g->corrigeert.s) {
		struct db_param p[] = {db_int(id),
				       db_textn(g->corrigeert.s,
						g->corrigeert.len)};
		struct db_res r;

		if ((rc = db_query(s->db, "SELECT zichtbaarheid FROM "
				   "gebeurtenis WHERE dossier_id = $1 AND "
				   "extern_id = $2", p, NP(p), &r)))
			return rc;
		if (r.nrows == 1)
			z = naam_index(zichtbaarheid_naam, 3, db_cel(&r, 0, 0),
				       strlen(db_cel(&r, 0, 0)));
		db_res_release(&r);
		if (z < 0) {
			snprintf(f->pad, sizeof(f->pad), "$.corrigeert");
			snprintf(f->reden, sizeof(f->reden),
				 "verwijst naar onbekend (eerder) id '%.40s'",
				 g->corrigeert.s);
			return ST_ONGELDIG;
		}
	}
	if (!toegang_schrijf(rollen, (enum zichtbaarheid)g->zichtbaarheid)) {
		snprintf(f->pad, sizeof(f->pad), "$.zichtbaarheid");
		snprintf(f->reden, sizeof(f->reden),
			 "uw rol mag geen items met zichtbaarheid '%s' "
			 "vastleggen",
			 zichtbaarheid_naam[g->zichtbaarheid]);
		return ST_VERBODEN;
	}
	if (z < 0)
		return ST_OK;
	if (!toegang_lees(rollen, (enum zichtbaarheid)z)) {
		snprintf(f->pad, sizeof(f->pad), "$.corrigeert");
		/* word for word the answer for an id that does not exist */
		snprintf(f->reden, sizeof(f->reden),
			 "verwijst naar onbekend (eerder) id '%.40s'",
			 g->corrigeert.s);
		return ST_ONGELDIG;
	}
	if (z != g->zichtbaarheid) {
		snprintf(f->pad, sizeof(f->pad), "$.zichtbaarheid");
		snprintf(f->reden, sizeof(f->reden),
			 "een correctie heeft de zichtbaarheid van het item "
			 "dat zij corrigeert ('%s')", zichtbaarheid_naam[z]);
		return ST_ONGELDIG;
	}
	return ST_OK;
}

/* An append in its own transaction (tx 0) or in the caller's (tx 1:
 * nothing is begun, committed or rolled back here). */
static int
gebeurtenis_toevoegen(struct store *s, int tx, int64_t id, const char *json,
		      size_t len, uint32_t rollen, int64_t auteur,
		      const char *auteur_naam, char **nieuw_id,
		      struct casefile_fout *f)
{
	json_t *e = NULL, *canon = NULL;
	struct gebeurtenis g;
	struct slot sl;
	char eid[32], *txt = NULL, *idkopie = NULL;
	int rc;

	memset(&g, 0, sizeof(g));
	f->pad[0] = f->reden[0] = '\0';
	if ((rc = lees_object(json, len, &e, f)))
		goto out;
	if (json_object_get(e, "id") || json_object_get(e, "auteur")) {
		snprintf(f->pad, sizeof(f->pad), "$.%s",
			 json_object_get(e, "id") ? "id" : "auteur");
		snprintf(f->reden, sizeof(f->reden),
			 "wordt door spoor ingevuld; laat dit veld weg");
		rc = ST_ONGELDIG;
		goto out;
	}
	if (!tx && (rc = db_begin(s->db)))
		goto out;
	if ((rc = vergrendel(s, id, VOLG_SQL("gebeurtenis"), &sl)))
		goto terug;
	if (sl.volg > (int64_t)CASEFILE_MAX_GEBEURTENISSEN) {
		snprintf(f->pad, sizeof(f->pad), "$.gebeurtenissen");
		snprintf(f->reden, sizeof(f->reden),
			 "te veel gebeurtenissen (maximaal %u)",
			 CASEFILE_MAX_GEBEURTENISSEN);
		rc = ST_ONGELDIG;
		goto terug;
	}
	/* a random id: it tells nothing of how many entries (of any
	 * class) the case has, and ids an imported case carries cannot
	 * steer it; a collision with an imported id (2^-80) is refused by
	 * the table's unique key, nothing is searched */
	if ((rc = nieuw_entry_id(eid)))
		goto terug;
	rc = ST_NOMEM;
	if (json_object_set_new(e, "id", json_string(eid)) ||
	    json_object_set_new(e, "auteur", json_string(auteur_naam)))
		goto terug;
	rc = casefile_gebeurtenis_lees(e, &g, f);
	if (rc) {
		rc = rc == CF_NOMEM ? ST_NOMEM : ST_ONGELDIG;
		goto terug;
	}
	if ((rc = item_in_dossier(s, id, &g, rollen, f)))
		goto terug;
	/* store the canonical form of the new entry */
	rc = ST_NOMEM;
	if (!(canon = casefile_gebeurtenis_json(&g)) || !(txt = dump(canon)))
		goto terug;
	if ((rc = omvang_bij(s, id, &sl, strlen(txt), nieuw_item, canon, f)))
		goto terug;
	if ((rc = zet_gebeurtenis(s, id, sl.volg, &g, canon, auteur)))
		goto terug;
	rc = store_audit(s, auteur, auteur_naam, rollen, id,
			 "item vastleggen", 1u << g.zichtbaarheid);
	if (rc)
		goto terug;
	if (nieuw_id && !(idkopie = strdup(eid))) {
		rc = ST_NOMEM;
		goto terug;
	}
	if (!tx && (rc = db_commit(s->db)))
		goto terug;
	if (nieuw_id)
		*nieuw_id = idkopie;
	idkopie = NULL;
	goto out;
terug:
	if (!tx)
		store_rollback(s);
out:
	free(idkopie);
	free(txt);
	json_decref(canon);
	json_decref(e);
	gebeurtenis_release(&g);
	return rc;
}

int
store_gebeurtenis_toevoegen(struct store *s, int64_t id, const char *json,
			    size_t len, uint32_t rollen, int64_t auteur,
			    const char *auteur_naam, char **nieuw_id,
			    struct casefile_fout *f)
{
	return gebeurtenis_toevoegen(s, 0, id, json, len, rollen, auteur,
				     auteur_naam, nieuw_id, f);
}

int
store_gebeurtenis_toevoegen_tx(struct store *s, int64_t id, const char *json,
			       size_t len, uint32_t rollen, int64_t auteur,
			       const char *auteur_naam, char **nieuw_id,
			       struct casefile_fout *f)
{
	return gebeurtenis_toevoegen(s, 1, id, json, len, rollen, auteur,
				     auteur_naam, nieuw_id, f);
}

static int
verzuim_toevoegen(struct store *s, int tx, int64_t id, const char *json,
		  size_t len, uint32_t rollen, int64_t auteur,
		  const char *auteur_naam, struct casefile_fout *f)
{
	json_t *e = NULL, *canon = NULL;
	struct verzuim_mutatie m, vorige;
	struct slot sl;
	char *txt = NULL;
	int rc, heeft_vorige = 0;

	f->pad[0] = f->reden[0] = '\0';
	if (!toegang_verzuim_schrijf(rollen)) {
		snprintf(f->reden, sizeof(f->reden),
			 "uw rol mag geen verzuim vastleggen");
		return ST_VERBODEN;
	}
	if ((rc = lees_object(json, len, &e, f)))
		goto out;
	if (!tx && (rc = db_begin(s->db)))
		goto out;
	if ((rc = vergrendel(s, id, VOLG_SQL("verzuim"), &sl)))
		goto terug;
	if (sl.volg > (int64_t)CASEFILE_MAX_VERZUIM) {
		snprintf(f->pad, sizeof(f->pad), "$.verzuim");
		snprintf(f->reden, sizeof(f->reden),
			 "te veel mutaties (maximaal %u)", CASEFILE_MAX_VERZUIM);
		rc = ST_ONGELDIG;
		goto terug;
	}
	{
		struct db_param p[] = {db_int(id)};
		struct db_res r;

		if ((rc = db_query(s->db, "SELECT datum FROM verzuim WHERE "
				   "dossier_id = $1 ORDER BY volgnr DESC "
				   "LIMIT 1", p, NP(p), &r)))
			goto terug;
		if (r.nrows == 1) {
			memset(&vorige, 0, sizeof(vorige));
			heeft_vorige = date_parse(db_cel(&r, 0, 0),
						  strlen(db_cel(&r, 0, 0)),
						  &vorige.datum) == 0;
		}
		db_res_release(&r);
	}
	rc = casefile_verzuim_lees(e, heeft_vorige ? &vorige : NULL, &m, f);
	if (rc) {
		rc = rc == CF_NOMEM ? ST_NOMEM : ST_ONGELDIG;
		goto terug;
	}
	rc = ST_NOMEM;
	if (!(canon = casefile_verzuim_json(&m)) || !(txt = dump(canon)))
		goto terug;
	if ((rc = omvang_bij(s, id, &sl, strlen(txt), nieuw_mutatie, &m, f)) ||
	    (rc = zet_verzuim(s, id, sl.volg, &m, auteur)) ||
	    (rc = store_audit(s, auteur, auteur_naam, rollen, id,
			      "verzuim vastleggen", 1u)) ||
	    (!tx && (rc = db_commit(s->db))))
		goto terug;
	goto out;
terug:
	if (!tx)
		store_rollback(s);
out:
	free(txt);
	json_decref(canon);
	json_decref(e);
	return rc;
}

int
store_verzuim_toevoegen(struct store *s, int64_t id, const char *json,
			size_t len, uint32_t rollen, int64_t auteur,
			const char *auteur_naam, struct casefile_fout *f)
{
	return verzuim_toevoegen(s, 0, id, json, len, rollen, auteur,
				 auteur_naam, f);
}

int
store_verzuim_toevoegen_tx(struct store *s, int64_t id, const char *json,
			   size_t len, uint32_t rollen, int64_t auteur,
			   const char *auteur_naam, struct casefile_fout *f)
{
	return verzuim_toevoegen(s, 1, id, json, len, rollen, auteur,
				 auteur_naam, f);
}

int
store_savepoint(struct store *s)
{
	if (!db_in_tx(s->db)) {
		snprintf(s->db->fout, sizeof(s->db->fout),
			 "savepoint buiten een transactie");
		return ST_ERR;
	}
	return db_script(s->db, "SAVEPOINT spoor_stap");
}

int
store_in_tx(struct store *s)
{
	return db_in_tx(s->db);
}

void
store_fout_zet(struct store *s, const char *reden)
{
	snprintf(s->db->fout, sizeof(s->db->fout), "%s", reden);
}

int
store_savepoint_terug(struct store *s)
{
	int rc = db_script(s->db, "ROLLBACK TO SAVEPOINT spoor_stap");

	return rc ? rc : db_script(s->db, "RELEASE SAVEPOINT spoor_stap");
}

int
store_savepoint_vrij(struct store *s)
{
	return db_script(s->db, "RELEASE SAVEPOINT spoor_stap");
}

int
store_dossierlijst(struct store *s, int64_t gebruiker, struct db_res *out)
{
	struct db_param p[] = {db_int(gebruiker), db_int(s->bereik_werkgever)};

	/* grants for one case, then grants for an employer: two index
	 * joins instead of one join on an OR (a grant has one scope) */
	return db_query(s->db,
			"SELECT d.id, d.versie, t.rol, d.extern_id, n.naam, "
			"g.naam FROM toekenning t JOIN dossier d ON d.id = "
			"t.dossier_id JOIN dienstverband v ON v.id = "
			"d.dienstverband_id JOIN werknemer n ON n.id = "
			"v.werknemer_id JOIN werkgever g ON g.id = v.werkgever_id "
			"WHERE t.gebruiker_id = $1 AND t.rol <> 'beheerder' "
			"AND " TK_GEEN_BEHEERDER " AND ($2 = 0 OR "
			"v.werkgever_id = $2) UNION ALL "
			"SELECT d.id, d.versie, t.rol, d.extern_id, n.naam, "
			"g.naam FROM toekenning t JOIN dienstverband v ON "
			"v.werkgever_id = t.werkgever_id JOIN dossier d ON "
			"d.dienstverband_id = v.id JOIN werknemer n ON n.id = "
			"v.werknemer_id JOIN werkgever g ON g.id = v.werkgever_id "
			"WHERE t.gebruiker_id = $1 AND t.rol IN " TK_ORG_ROLLEN
			" AND " TK_GEEN_BEHEERDER " AND ($2 = 0 OR "
			"v.werkgever_id = $2) ORDER BY 1", p, NP(p), out);
}

int
store_alle_dossierlijsten(struct store *s, struct db_res *out)
{
	return db_query(s->db,
			"SELECT t.gebruiker_id, d.id, d.versie, t.rol, "
			"d.extern_id, n.naam, g.naam FROM toekenning t JOIN "
			"dossier d ON d.id = t.dossier_id JOIN dienstverband v ON "
			"v.id = d.dienstverband_id JOIN werknemer n ON n.id = "
			"v.werknemer_id JOIN werkgever g ON g.id = v.werkgever_id "
			"WHERE t.rol <> 'beheerder' AND " TK_GEEN_BEHEERDER
			" UNION ALL "
			"SELECT t.gebruiker_id, d.id, d.versie, t.rol, "
			"d.extern_id, n.naam, g.naam FROM toekenning t JOIN "
			"dienstverband v ON v.werkgever_id = t.werkgever_id JOIN "
			"dossier d ON d.dienstverband_id = v.id JOIN werknemer n "
			"ON n.id = v.werknemer_id JOIN werkgever g ON g.id = "
			"v.werkgever_id WHERE t.rol IN " TK_ORG_ROLLEN " AND "
			TK_GEEN_BEHEERDER " ORDER BY 1, 2", NULL, 0, out);
}

int
store_dossiers(struct store *s, int64_t gebruiker, int64_t **ids,
	       uint32_t **rollen, size_t *n)
{
	struct db_param p[] = {db_int(gebruiker), db_int(s->bereik_werkgever)};
	struct db_res r;
	int64_t *a = NULL;
	uint32_t *b = NULL;
	size_t i, k = 0;
	int rc;

	rc = db_query(s->db,
		      "SELECT d.id, t.rol FROM toekenning t, dossier d, "
		      "dienstverband v WHERE t.gebruiker_id = $1 AND "
		      "t.rol <> 'beheerder' AND v.id = d.dienstverband_id AND "
		      "(t.dossier_id = d.id OR (t.werkgever_id = v.werkgever_id "
		      "AND t.rol IN " TK_ORG_ROLLEN ")) AND " TK_GEEN_BEHEERDER
		      " AND ($2 = 0 OR v.werkgever_id = $2) ORDER BY d.id",
		      p, NP(p), &r);
	if (rc)
		return rc;
	if (r.nrows) {
		a = malloc(r.nrows * sizeof(*a));
		b = malloc(r.nrows * sizeof(*b));
		if (!a || !b) {
			free(a);
			free(b);
			db_res_release(&r);
			return ST_NOMEM;
		}
	}
	/* one row per grant: fold the roles per case */
	for (i = 0; i < r.nrows; i++) {
		int64_t id = db_cel_int(&r, i, 0);
		const char *rn = db_cel(&r, i, 1);
		int rol = rn ? rol_zoek(rn, strlen(rn)) : -1;

		if (k == 0 || a[k - 1] != id) {
			a[k] = id;
			b[k++] = 0;
		}
		if (rol >= 0)
			b[k - 1] |= ROL_BIT(rol);
	}
	db_res_release(&r);
	*ids = a;
	if (rollen)
		*rollen = b;
	else
		free(b);
	*n = k;
	return ST_OK;
}

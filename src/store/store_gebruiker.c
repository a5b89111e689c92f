/*
 * store_gebruiker.c - users, their grants and the roles they give
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

	return store_int_en_tekst(s, "SELECT id, wachtwoord_hash FROM gebruiker "
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
uint32_t
store_rollen_geldig(const struct db_res *r, size_t col)
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
	*rollen = store_rollen_geldig(&r, 0);
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
	m = store_rollen_geldig(&r, 0);
	for (i = 0; i < r.nrows; i++)
		if (db_cel(&r, i, 0) && !strcmp(db_cel(&r, i, 0), "beheerder"))
			m = ROL_BIT(ROL_BEHEERDER);
	db_res_release(&r);
	*rollen = m;
	return ST_OK;
}

/*
 * store_param.c - stored parameter rows (see store_param.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_param.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

/* The GCC 12 analyzer loses heap pointers stored at a computed index of
 * an array (see store_doc.c); valgrind and ASan check this in the tests. */
#if defined(__GNUC__) && !defined(__clang__)
#define LIJST_BEGIN _Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wanalyzer-malloc-leak\"")
#define LIJST_EINDE _Pragma("GCC diagnostic pop")
#else
#define LIJST_BEGIN
#define LIJST_EINDE
#endif

void
store_params_free(struct store_param *r, size_t n)
{
	size_t i;

	for (i = 0; r && i < n; i++) {
		free(r[i].tabel);
		free(r[i].bron);
		free(r[i].gebruiker);
	}
	free(r);
}

int
store_param_versie(struct store *s, int64_t *versie)
{
	return store_een_int(s, "SELECT versie FROM parameter_kop WHERE id = 1",
			     NULL, 0, versie);
}

LIJST_BEGIN
int
store_params(struct store *s, struct store_param **out, size_t *n,
	     int64_t *versie)
{
	struct db_res r;
	struct store_param *l = NULL;
	size_t i, k = 0;
	int rc;

	/* one statement: the rows and their version from one snapshot */
	rc = db_query(s->db, "SELECT k.versie, p.tabel, p.ingangsdatum, "
		      "p.waarde_cent, p.bron, p.gebruiker, p.vastgelegd FROM "
		      "parameter_kop k LEFT JOIN parameter p ON 1 = 1 WHERE "
		      "k.id = 1 ORDER BY p.tabel, p.ingangsdatum", NULL, 0, &r);
	if (rc)
		return rc;
	if (r.nrows == 0) {
		snprintf(s->db->fout, sizeof(s->db->fout),
			 "parameter_kop ontbreekt");
		rc = ST_ERR;
		goto out;
	}
	if (r.nrows > 1 || db_cel(&r, 0, 1)) {
		l = calloc(r.nrows, sizeof(*l));
		if (!l) {
			rc = ST_NOMEM;
			goto out;
		}
	}
	for (i = 0; l && i < r.nrows; i++) {
		const char *d = db_cel(&r, i, 2);
		struct store_param *p = &l[k++];

		p->tabel = store_dup(db_cel(&r, i, 1));
		p->bron = store_dup(db_cel(&r, i, 4));
		p->gebruiker = store_dup(db_cel(&r, i, 5));
		if (!p->tabel || !p->bron || !p->gebruiker) {
			rc = ST_NOMEM;
			goto out;
		}
		if (!d || date_parse(d, strlen(d), &p->van) != 0) {
			snprintf(s->db->fout, sizeof(s->db->fout),
				 "parameter: ongeldige ingangsdatum");
			rc = ST_ERR;
			goto out;
		}
		p->waarde = db_cel(&r, i, 3) ? db_cel_int(&r, i, 3) : -1;
		p->vastgelegd = db_cel_int(&r, i, 6);
	}
	if (versie)
		*versie = db_cel_int(&r, 0, 0);
	*out = l;
	*n = k;
	l = NULL;
	k = 0;
out:
	store_params_free(l, k);
	db_res_release(&r);
	return rc;
}
LIJST_EINDE

int
store_params_extra(const struct store_param *r, size_t n,
		   struct params_extra **out)
{
	struct params_extra *e = malloc((n ? n : 1) * sizeof(*e));
	size_t i;

	if (!e)
		return ST_NOMEM;
	for (i = 0; i < n; i++) {
		e[i].tabel = r[i].tabel;
		e[i].van = r[i].van;
		e[i].waarde = r[i].waarde;
		e[i].bron = r[i].bron;
	}
	*out = e;
	return ST_OK;
}

/* Raise the version, first in the caller's transaction: the row lock
 * serialises two writers (PostgreSQL), so the second one's DELETE sees
 * the first one's row and its INSERT cannot collide. */
static int
versie_op(struct store *s, int64_t *versie)
{
	struct db_res r;
	int64_t v;
	int rc;

	if ((rc = db_query(s->db, "UPDATE parameter_kop SET versie = versie + 1 "
			   "WHERE id = 1 RETURNING versie", NULL, 0, &r)))
		return rc;
	if (r.nrows != 1) {
		db_res_release(&r);
		snprintf(s->db->fout, sizeof(s->db->fout),
			 "parameter_kop ontbreekt");
		return ST_ERR;
	}
	v = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	*versie = v;
	return ST_OK;
}

int
store_param_zet(struct store *s, const char *tabel, sdate van, int64_t waarde,
		const char *bron, int64_t auteur, const char *wie,
		uint32_t rollen, int64_t *versie)
{
	char d[DATE_STRLEN], actie[PARAMS_BRON_MAX + 160], bedrag[32];
	const char *reden;
	int64_t v = 0;
	int rc;

	if (params_rij_check(tabel, van, waarde, bron, &reden) != PV_OK) {
		snprintf(s->db->fout, sizeof(s->db->fout), "parameter: %s",
			 reden);
		return ST_ONGELDIG;
	}
	date_format(van, d);
	if (waarde < 0)
		snprintf(bedrag, sizeof(bedrag), "onbekend");
	else
		snprintf(bedrag, sizeof(bedrag), "%lld %s", (long long)waarde,
			 params_jeugd_leeftijd(tabel) >= 0 ? "promille" : "cent");
	snprintf(actie, sizeof(actie), "parameter zetten: %s vanaf %s = %s "
		 "(bron: %s)", tabel, d, bedrag, bron);
	if ((rc = db_begin(s->db)))
		return rc;
	if ((rc = versie_op(s, &v)))
		goto fout;
	{
		struct db_param p[] = {
			db_text(tabel), db_text(d),
			waarde < 0 ? db_null() : db_int(waarde), db_text(bron),
			auteur ? db_int(auteur) : db_null(), db_text(wie),
			db_int(store_nu())};

		/* delete and insert: the same SQL on both backends */
		if ((rc = db_exec(s->db, "DELETE FROM parameter WHERE tabel = $1 "
				  "AND ingangsdatum = $2", p, 2, NULL)) ||
		    (rc = db_exec(s->db, "INSERT INTO parameter (tabel, "
				  "ingangsdatum, waarde_cent, bron, "
				  "gebruiker_id, gebruiker, vastgelegd) VALUES "
				  "($1, $2, $3, $4, $5, $6, $7)", p, NP(p),
				  NULL)))
			goto fout;
	}
	/* the tables with this row must still merge (params_parse()'s
	 * rules); the transaction sees its own row */
	{
		struct params q;
		char err[200];

		params_init(&q);
		rc = store_params_laad(s, &q, NULL, err, sizeof(err));
		params_release(&q);
		if (rc == ST_ONGELDIG)
			snprintf(s->db->fout, sizeof(s->db->fout), "%s", err);
		if (rc)
			goto fout;
	}
	if ((rc = store_audit(s, auteur, wie, rollen, 0, actie, 0)) ||
	    (rc = db_commit(s->db)))
		goto fout;
	if (versie)
		*versie = v;
	return ST_OK;
fout:
	store_rollback(s);
	return rc;
}

int
store_param_wis(struct store *s, const char *tabel, sdate van, int64_t auteur,
		const char *wie, uint32_t rollen, int64_t *versie)
{
	char d[DATE_STRLEN], actie[160];
	int64_t n = 0, v = 0;
	int rc;

	if (van == DATE_NONE || !tabel)
		return ST_NIET_GEVONDEN;
	date_format(van, d);
	snprintf(actie, sizeof(actie), "parameter wissen: %.40s vanaf %s",
		 tabel, d);
	if ((rc = db_begin(s->db)))
		return rc;
	if ((rc = versie_op(s, &v)))
		goto fout;
	{
		struct db_param p[] = {db_text(tabel), db_text(d)};

		if ((rc = db_exec(s->db, "DELETE FROM parameter WHERE tabel = $1 "
				  "AND ingangsdatum = $2", p, NP(p), &n)))
			goto fout;
	}
	if (!n) {
		rc = ST_NIET_GEVONDEN;
		goto fout;
	}
	if ((rc = store_audit(s, auteur, wie, rollen, 0, actie, 0)) ||
	    (rc = db_commit(s->db)))
		goto fout;
	if (versie)
		*versie = v;
	return ST_OK;
fout:
	store_rollback(s);
	return rc;
}

int
store_params_laad(struct store *s, struct params *p, int64_t *versie,
		  char *err, size_t errn)
{
	struct store_param *r = NULL;
	struct params_extra *e = NULL;
	struct params q;
	size_t n = 0;
	int64_t v = 0;
	int rc;

	params_init(&q);
	if ((rc = store_params(s, &r, &n, &v)))
		goto out;
	if ((rc = store_params_extra(r, n, &e)))
		goto out;
	if (params_standaard(&q, err, errn) ||
	    params_met_rijen(&q, e, n, err, errn)) {
		rc = ST_ONGELDIG;
		goto out;
	}
	*p = q;
	params_init(&q);
	if (versie)
		*versie = v;
out:
	free(e);
	params_release(&q);
	store_params_free(r, n);
	return rc;
}

/*
 * store_dossier.c - cases: import, the load of a whole case, appends, the case lists
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
	*rollen = store_rollen_geldig(&r, 2);
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
	   int (*nieuw)(struct dossier *, void *), void *arg,
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
nieuw_item(struct dossier *d, void *arg)
{
	json_t *e = arg;
	struct gebeurtenis *gb = realloc(d->gb, (d->ngb + 1) * sizeof(*gb));
	struct casefile_fout f;
	int rc;

	if (!gb)
		return ST_NOMEM;
	d->gb = gb;
	rc = casefile_gebeurtenis_lees(e, &gb[d->ngb], &f);
	if (rc)
		return rc == CF_NOMEM ? ST_NOMEM : ST_ONGELDIG;
	d->ngb++;
	return ST_OK;
}

static int
nieuw_mutatie(struct dossier *d, void *arg)
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

/*
 * app.c - the use cases (see app.h).
 */
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "core/rules.h"
#include "core/toets.h"
#include "format/casefile.h"
#include "store/laad.h"
#include "store/toegang.h"

int
app_lees_audit(const struct app *a, const struct app_wie *w, uint32_t rollen,
	       int64_t dossier, const char *actie, uint32_t klassen)
{
	/* medical content is sent only after its read is stored (docs/
	 * store.md, Reads in the server); a record not stored in time
	 * is a busy database: nothing is sent */
	if (a->auditq && (klassen & (1u << ZB_MEDISCH))) {
		int rc = auditq_zet_wacht(a->auditq, w->id, w->naam, rollen,
					  dossier, actie, klassen);

		if (rc >= 0)
			return rc ? ST_BUSY : ST_OK;
	} else if (a->auditq &&
		   auditq_zet(a->auditq, w->id, w->naam, rollen, dossier, actie,
			      klassen) == 0) {
		return ST_OK;
	}
	return store_audit_lees(a->st, w->id, w->naam, rollen, dossier, actie,
				klassen);
}

int
app_dossier_lees(const struct app *a, const struct app_wie *w, int64_t id,
		 uint32_t rollen, const char *actie, struct dossier *out)
{
	struct dossier d;
	int rc;

	dossier_init(&d);
	if ((rc = store_dossier_laad(a->st, id, &d)))
		return rc;
	toegang_filter(&d, rollen);
	if ((rc = app_lees_audit(a, w, rollen, id, actie,
				 toegang_klassen(rollen)))) {
		dossier_release(&d);
		return rc;
	}
	*out = d;
	return ST_OK;
}

const struct mijlpaal *
app_volgende_actie(const struct tijdlijn *t, int *te_laat)
{
	const struct mijlpaal *best = NULL;
	uint32_t i;

	*te_laat = 0;
	for (i = 0; i < MP__COUNT; i++) {
		const struct mijlpaal *m =
			tijdlijn_mijlpaal(t, (enum mijlpaal_id)i);

		if (!m)
			continue;
		if (m->status == ST_VERLOPEN)
			(*te_laat)++;
		if ((m->status == ST_VERLOPEN || m->status == ST_OPEN ||
		     m->status == ST_KOMEND) && m->datum != DATE_NONE &&
		    regels[m->id].soort == MPS_ACTIE &&
		    (!best || m->datum < best->datum))
			best = m;
	}
	return best;
}

int
app_samenvatting(const struct app *a, int64_t id, uint32_t rollen,
		 const struct gcache_sleutel *k, struct gcache_samenvatting *sv)
{
	struct geval g;
	struct toets t;
	const struct mijlpaal *m;
	int te_laat, rc;

	if (a->cache && gcache_samenvatting(a->cache, k, sv) == 0)
		return ST_OK;
	memset(sv, 0, sizeof(*sv));
	sv->eerste_ziektedag = sv->actie_datum = DATE_NONE;
	sv->actie = -1;
	sv->risico = -1;
	geval_init(&g);
	if ((rc = store_dossier_laad(a->st, id, &g.ds))) {
		geval_release(&g);
		return rc;
	}
	toegang_filter(&g.ds, rollen);
	if (geval_bereken(&g, k->peil) == 0) {
		toets_bereken(&g.ds, &g.t, &t);
		m = app_volgende_actie(&g.t, &te_laat);
		sv->eerste_ziektedag = g.t.eerste_ziektedag;
		sv->ziekteweek = g.t.ziekteweek;
		sv->te_laat = te_laat;
		sv->risico = (int8_t)t.risico;
		if (m) {
			sv->actie = (int16_t)m->id;
			sv->actie_datum = m->datum;
		}
		sv->tweede_spoor = g.feiten.start_spoor2 != DATE_NONE &&
				   g.feiten.start_spoor2 <= k->peil;
	}
	geval_release(&g);
	if (a->cache)
		gcache_zet_samenvatting(a->cache, k, sv);
	return ST_OK;
}

int
app_opwarmen(const struct app *a, sdate peil, int (*stop)(void *), void *arg)
{
	struct db_res res;
	size_t i, j;
	int rc = store_alle_dossierlijsten(a->st, &res);

	if (rc)
		return rc;
	for (i = 0; i < res.nrows && !(stop && stop(arg)); i = j) {
		int64_t gebruiker = db_cel_int(&res, i, 0);
		int64_t id = db_cel_int(&res, i, 1);
		uint32_t rollen = 0;
		struct gcache_sleutel key;
		struct gcache_samenvatting sv;

		for (j = i; j < res.nrows && db_cel_int(&res, j, 0) == gebruiker &&
			    db_cel_int(&res, j, 1) == id; j++) {
			const char *rn = db_cel(&res, j, 3);
			int rol = rn ? rol_zoek(rn, strlen(rn)) : -1;

			if (rol >= 0)
				rollen |= ROL_BIT(rol);
		}
		key.dossier = id;
		key.klassen = toegang_klassen(rollen);
		key.versie = db_cel_int(&res, i, 2);
		key.peil = peil;
		if ((rc = app_samenvatting(a, id, rollen, &key, &sv)))
			break;
	}
	db_res_release(&res);
	return rc;
}

int
app_toevoegen(const struct app *a, int verzuim, int64_t id, const char *json,
	      size_t len, uint32_t rollen, int64_t auteur,
	      const char *auteur_naam, char **nieuw_id, struct casefile_fout *f)
{
	if (a->schrijfq)
		return schrijfq_toevoegen(a->schrijfq, a->st, verzuim, id, json,
					  len, rollen, auteur, auteur_naam,
					  nieuw_id, f);
	if (verzuim)
		return store_verzuim_toevoegen(a->st, id, json, len, rollen,
					       auteur, auteur_naam, f);
	return store_gebeurtenis_toevoegen(a->st, id, json, len, rollen, auteur,
					   auteur_naam, nieuw_id, f);
}

int
app_export(const struct app *a, const struct app_wie *w, const char *extern_id,
	   int filter, uint32_t rollen, char **txt, size_t *len)
{
	struct dossier d;
	char *t = NULL;
	size_t n = 0;
	int64_t id;
	int rc;

	dossier_init(&d);
	if ((rc = store_dossier_zoek(a->st, extern_id, &id)) ||
	    (rc = store_dossier_laad(a->st, id, &d)))
		goto out;
	if (filter)
		toegang_filter(&d, rollen);
	if (casefile_schrijf(&d, &t, &n) != CF_OK) {
		rc = ST_NOMEM;
		goto out;
	}
	if ((rc = store_audit(a->st, w->id, w->naam, rollen, id,
			      "dossier exporteren",
			      filter ? toegang_klassen(rollen) : 7u)))
		goto out;
	*txt = t;
	*len = n;
	t = NULL;
out:
	free(t);
	dossier_release(&d);
	return rc;
}

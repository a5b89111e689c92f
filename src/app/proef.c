/*
 * proef.c - the dry run of a verzuim mutation (see proef.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/proef.h"
#include "store/toegang.h"

/* R-CNT-9: the wachttijd ends on aggregated sick day 728 (104 weeks). */
#define PROEF_EINDE_WACHTTIJD 728

int
proef_verloop_bereken(const struct verzuim_mutatie *m, size_t n,
		      struct proef_verloop *out)
{
	struct proef_verloop v;
	struct ziekrange *buf;
	struct ziekteverloop zv;
	size_t bad = 0;
	int rc, k;

	memset(&v, 0, sizeof(v));
	v.eerste_ziektedag = v.laatste_ziektedag = v.einde_wachttijd =
		DATE_NONE;
	for (k = 0; k < PROEF_WEKEN; k++)
		v.week[k] = DATE_NONE;
	/* at most one range per mutation (verzuim.h) */
	if (!(buf = calloc(n + 1, sizeof(*buf))))
		return ST_NOMEM;
	rc = ziekteverloop_build(m, n, buf, n + 1, &zv, &bad);
	if (rc == VZF_OK) {
		v.ziek = 1;
		v.open = zv.open;
		v.geval_nr = zv.geval_nr;
		v.gevallen = zv.geval_count;
		v.eerste_ziektedag = zv.d;
		v.laatste_ziektedag = ziekteverloop_laatste_ziektedag(&zv);
		v.einde_wachttijd =
			ziekteverloop_sickday(&zv, PROEF_EINDE_WACHTTIJD);
		for (k = 0; k < PROEF_WEKEN; k++)
			v.week[k] = ziekteverloop_sickday(&zv, 7 * (k + 1));
	}
	free(buf);
	/* a list the readers accepted fails only for want of a ziek */
	if (rc != VZF_OK && rc != VZF_GEEN_ZIEK)
		return ST_ERR;
	*out = v;
	return ST_OK;
}

int
proef_bereken(const struct verzuim_mutatie *m, size_t n,
	      const struct verzuim_mutatie *nieuw, struct proef *out)
{
	struct verzuim_mutatie *met;
	struct ziekrange *buf = NULL;
	struct ziekteverloop zv;
	struct proef p;
	size_t bad = 0;
	int rc;

	memset(&p, 0, sizeof(p));
	p.mutatie = *nieuw;
	p.nieuw_geval_vanaf = DATE_NONE;
	if (!(met = malloc((n + 1) * sizeof(*met))))
		return ST_NOMEM;
	if (n)
		memcpy(met, m, n * sizeof(*met));
	met[n] = *nieuw;
	if ((rc = proef_verloop_bereken(m, n, &p.voor)) ||
	    (rc = proef_verloop_bereken(met, n + 1, &p.na)))
		goto out;
	if (p.na.ziek) {
		rc = ST_NOMEM;
		if (!(buf = calloc(n + 2, sizeof(*buf))))
			goto out;
		rc = ziekteverloop_build(met, n + 1, buf, n + 2, &zv, &bad)
		     ? ST_ERR : ST_OK;
		if (rc)
			goto out;
		p.ziektedag = ziekteverloop_ziektedag(&zv, nieuw->datum);
		p.ziekteweek = (p.ziektedag + 6) / 7;
	}
	if (nieuw->soort == VZ_ZIEK) {
		p.nieuw_geval = !p.voor.ziek || p.na.gevallen > p.voor.gevallen;
		p.samengeteld = p.voor.ziek && !p.voor.open && !p.nieuw_geval;
	} else if (nieuw->soort == VZ_HERSTELD && p.voor.ziek && p.voor.open) {
		/* R-AGG-2: fit days from datum; 28 of them are a new geval */
		p.nieuw_geval_vanaf = nieuw->datum + AGG_NIEUW_GEVAL_DAGEN;
	}
	*out = p;
out:
	free(buf);
	free(met);
	return rc;
}

int
app_verzuim_verloop(const struct app *a, const struct app_wie *w, int64_t id,
		    uint32_t rollen, struct proef_verloop *out)
{
	struct dossier d;
	int rc;

	dossier_init(&d);
	if ((rc = app_dossier_lees(a, w, id, rollen, "tijdlijn lezen", &d)))
		return rc;
	rc = proef_verloop_bereken(d.verzuim, d.nverzuim, out);
	dossier_release(&d);
	return rc;
}

/* The body as the append reads it (store.c lees_object): the same
 * reasons, so a dry run and the save refuse alike. */
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

int
app_verzuim_proef(const struct app *a, const struct app_wie *w, int64_t id,
		  uint32_t rollen, const char *json, size_t len,
		  struct proef *out, struct casefile_fout *f)
{
	struct dossier d;
	struct verzuim_mutatie m;
	json_t *e = NULL;
	int rc;

	dossier_init(&d);
	f->pad[0] = f->reden[0] = '\0';
	/* the order of store_verzuim_toevoegen: role, body, case */
	if (!toegang_verzuim_schrijf(rollen)) {
		snprintf(f->reden, sizeof(f->reden),
			 "uw rol mag geen verzuim vastleggen");
		return ST_VERBODEN;
	}
	if ((rc = lees_object(json, len, &e, f)))
		goto out;
	if ((rc = app_dossier_lees(a, w, id, rollen, "verzuim proef", &d)))
		goto out;
	if (d.nverzuim >= CASEFILE_MAX_VERZUIM) {
		snprintf(f->pad, sizeof(f->pad), "$.verzuim");
		snprintf(f->reden, sizeof(f->reden),
			 "te veel mutaties (maximaal %u)", CASEFILE_MAX_VERZUIM);
		rc = ST_ONGELDIG;
		goto out;
	}
	rc = casefile_verzuim_lees(e, d.nverzuim ? &d.verzuim[d.nverzuim - 1]
						 : NULL, &m, f);
	if (rc) {
		rc = rc == CF_NOMEM ? ST_NOMEM : ST_ONGELDIG;
		goto out;
	}
	rc = proef_bereken(d.verzuim, d.nverzuim, &m, out);
out:
	json_decref(e);
	dossier_release(&d);
	return rc;
}

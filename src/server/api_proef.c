/*
 * api_proef.c - POST and GET /api/v1/dossiers/{id}/verzuim/proef (see
 * api_proef.h).
 */
#include <jansson.h>

#include "app/app.h"
#include "app/proef.h"
#include "format/casefile.h"
#include "format/jsonuit.h"
#include "server/api.h"
#include "server/api_int.h"
#include "server/api_proef.h"

/* A verloop as JSON; null without a ziek mutation. */
static json_t *
verloop_json(const struct proef_verloop *v, int *ok)
{
	json_t *o, *weken;
	int k;

	if (!v->ziek)
		return json_null();
	o = json_object();
	weken = json_array();
	if (!o || !weken) {
		json_decref(weken);
		*ok = 0;
		return o;
	}
	for (k = 0; k < PROEF_WEKEN; k++)
		if (json_array_append_new(weken, jsonuit_datum(v->week[k])))
			*ok = 0;
	jsonuit_put(o, "eerste_ziektedag", jsonuit_datum(v->eerste_ziektedag),
		    ok);
	jsonuit_put(o, "open", json_boolean(v->open), ok);
	jsonuit_put(o, "geval_nr", json_integer(v->geval_nr), ok);
	jsonuit_put(o, "gevallen", json_integer(v->gevallen), ok);
	jsonuit_put(o, "laatste_ziektedag",
		    jsonuit_datum(v->laatste_ziektedag), ok);
	jsonuit_put(o, "einde_wachttijd", jsonuit_datum(v->einde_wachttijd),
		    ok);
	jsonuit_put(o, "weken", weken, ok);
	return o;
}

/* Send o (stolen) when every part of it was made, else 500. */
static int
stuur(struct http_resp *r, json_t *o, int ok)
{
	if (!ok || !o) {
		json_decref(o);
		return api_intern(r);
	}
	return api_stuur(r, 200, o);
}

int
h_verzuim_proef(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct casefile_fout f;
	struct proef p;
	json_t *o;
	int64_t id = c->dossier;
	uint32_t rollen = c->rollen;
	int rc, ok = 1;

	{
		struct app_wie aw = {w->id, w->naam};

		rc = app_verzuim_proef(&c->app, &aw, id, rollen, q->body,
				       q->bodylen, &p, &f);
	}
	if (rc) {
		rc = api_store_fout(r, rc, &f, "dossier");
		goto out;
	}
	o = json_object();
	if (o) {
		jsonuit_put(o, "mutatie", casefile_verzuim_json(&p.mutatie),
			    &ok);
		jsonuit_put(o, "voor", verloop_json(&p.voor, &ok), &ok);
		jsonuit_put(o, "na", verloop_json(&p.na, &ok), &ok);
		jsonuit_put(o, "ziektedag", json_integer(p.ziektedag), &ok);
		jsonuit_put(o, "ziekteweek", json_integer(p.ziekteweek), &ok);
		jsonuit_put(o, "samengeteld", json_boolean(p.samengeteld), &ok);
		jsonuit_put(o, "nieuw_geval", json_boolean(p.nieuw_geval), &ok);
		jsonuit_put(o, "nieuw_geval_vanaf",
			    jsonuit_datum(p.nieuw_geval_vanaf), &ok);
	}
	rc = stuur(r, o, ok);
out:
	return rc;
}

int
h_verzuim_verloop(struct api_ctx *c)
{
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct proef_verloop v;
	json_t *o;
	int64_t id = c->dossier;
	uint32_t rollen = c->rollen;
	int rc, ok = 1;

	{
		struct app_wie aw = {w->id, w->naam};

		rc = app_verzuim_verloop(&c->app, &aw, id, rollen, &v);
	}
	if (rc) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	o = json_object();
	if (o)
		jsonuit_put(o, "verloop", verloop_json(&v, &ok), &ok);
	rc = stuur(r, o, ok);
out:
	return rc;
}

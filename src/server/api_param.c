/*
 * api_param.c - parameter tables over the API (see api_param.h).
 */
#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/api_int.h"
#include "server/api_param.h"
#include "store/store_param.h"
#include "store/toegang.h"

/* The process's parameter generation and when it was last read from the
 * database (CLOCK_MONOTONIC, ms; 0: never). */
static atomic_llong generatie;
static atomic_llong gepeild;

static long long
nu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + 1;
}

/* Take version v (never back: a slower reader must not undo a newer
 * value another thread stored). */
static void
generatie_zet(long long v)
{
	long long oud = atomic_load(&generatie);

	while (oud < v && !atomic_compare_exchange_weak(&generatie, &oud, v))
		;
}

int64_t
api_param_generatie(void)
{
	long long t = nu_ms(), vorig = atomic_load(&gepeild);
	int64_t v;

	/* one thread at a time reads the database; the others go on with
	 * the value it had */
	if (api_st() && (vorig == 0 || t - vorig >= API_PARAM_PEIL_MS) &&
	    atomic_compare_exchange_strong(&gepeild, &vorig, t) &&
	    store_param_versie(api_st(), &v) == ST_OK)
		generatie_zet(v);
	return atomic_load(&generatie);
}

int
api_params(struct params *p)
{
	char err[200];
	int rc;

	params_init(p);
	if (!api_st())
		return ST_ERR;
	rc = store_params_laad(api_st(), p, NULL, err, sizeof(err));
	if (rc == ST_ONGELDIG)
		fprintf(stderr, "spoor serve: parameters: %s\n", err);
	return rc;
}

/* RFC 3339 in UTC. */
static json_t *
tijd_json(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char b[32];

	if (!gmtime_r(&tt, &tm) ||
	    !strftime(b, sizeof(b), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return json_null();
	return json_string(b);
}

static json_t *
waarde_json(int64_t w)
{
	return w < 0 ? json_null() : json_integer((json_int_t)w);
}

static json_t *
datum_json(sdate d)
{
	char b[DATE_STRLEN];

	date_format(d, b);
	return json_string(b);
}

static const struct param_rij *
rij_op(const struct param_tabel *t, sdate van, int32_t leeftijd)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->rij[i].van == van && t->rij[i].leeftijd == leeftijd)
			return &t->rij[i];
	return NULL;
}

/* Whether stored row sp is row x of table t (the youth scale stores
 * each age as wml_jeugd_<age>). */
static int
is_rij(const struct store_param *sp, const struct param_tabel *t,
       const struct param_rij *x)
{
	if (sp->van != x->van)
		return 0;
	if (!strcmp(t->naam, PARAMS_JEUGD))
		return params_jeugd_leeftijd(sp->tabel) == x->leeftijd;
	return !strcmp(sp->tabel, t->naam);
}

/* One table of the merged parameters, each row with where it comes from;
 * ingebouwd are the compiled rows. */
static json_t *
tabel_json(const struct param_tabel *t, const struct param_tabel *ingebouwd,
	   const char *eenheid, const struct store_param *sp, size_t n)
{
	json_t *o = json_object(), *a = json_array();
	size_t i, j;
	/* R-PAY-3: the youth scale holds promille per age */
	int jeugd = !strcmp(t->naam, PARAMS_JEUGD);
	const char *veld = jeugd ? "waarde_promille" : "waarde_cent";

	json_object_set_new(o, "tabel", json_string(t->naam));
	json_object_set_new(o, "eenheid", json_string(eenheid));
	for (i = 0; i < t->n; i++) {
		const struct param_rij *x = &t->rij[i], *c;
		json_t *rj = json_object();

		json_object_set_new(rj, "ingangsdatum", datum_json(x->van));
		if (jeugd)
			json_object_set_new(rj, "leeftijd",
					    json_integer(x->leeftijd));
		json_object_set_new(rj, veld, waarde_json(x->waarde));
		json_object_set_new(rj, "bron", json_string(x->bron));
		for (j = 0; j < n; j++)
			if (is_rij(&sp[j], t, x))
				break;
		json_object_set_new(rj, "herkomst", json_string(
			j < n ? "opgeslagen" : "ingebouwd"));
		if (j < n) {
			json_object_set_new(rj, "gebruiker",
					    json_string(sp[j].gebruiker));
			json_object_set_new(rj, "vastgelegd",
					    tijd_json(sp[j].vastgelegd));
			c = rij_op(ingebouwd, x->van, x->leeftijd);
			if (c) {
				json_t *v = json_object();

				json_object_set_new(v, veld,
						    waarde_json(c->waarde));
				json_object_set_new(v, "bron",
						    json_string(c->bron));
				json_object_set_new(rj, "vervangt", v);
			}
		}
		json_array_append_new(a, rj);
	}
	json_object_set_new(o, "rijen", a);
	return o;
}

int
h_parameters(struct api_ctx *c)
{
	struct http_resp *r = c->r;
	struct store *st = c->app.st;
	struct store_param *sp = NULL;
	struct params_extra *e = NULL;
	struct params std, mix;
	size_t n = 0;
	int64_t versie = 0;
	char err[200];
	json_t *o, *a;
	int rc;

	params_init(&std);
	params_init(&mix);
	if ((rc = store_params(st, &sp, &n, &versie))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (store_params_extra(sp, n, &e) ||
	    params_standaard(&std, err, sizeof(err)) ||
	    params_standaard(&mix, err, sizeof(err)) ||
	    params_met_rijen(&mix, e, n, err, sizeof(err))) {
		rc = api_intern(r);
		goto out;
	}
	generatie_zet(versie);
	o = json_object();
	a = json_array();
	json_object_set_new(o, "versie", json_integer((json_int_t)versie));
	json_array_append_new(a, tabel_json(&mix.wml, &std.wml,
					    "cent per uur", sp, n));
	json_array_append_new(a, tabel_json(&mix.maxd, &std.maxd,
					    "cent per dag", sp, n));
	json_array_append_new(a, tabel_json(&mix.jeugd, &std.jeugd,
					    "promille van het minimumuurloon "
					    "per leeftijd", sp, n));
	json_object_set_new(o, "tabellen", a);
	rc = api_stuur(r, 200, o);
out:
	free(e);
	params_release(&std);
	params_release(&mix);
	store_params_free(sp, n);
	return rc;
}

/* 0 when the caller holds beheerder; answers 403 itself otherwise. */
static int
beheerder(struct store *st, struct http_resp *r, const struct wie *w)
{
	uint32_t alle = 0;
	int rc = store_alle_rollen(st, w->id, &alle);

	if (rc) {
		(void)api_db_fout(r, rc);
		return 1;
	}
	if (!(alle & ROL_BIT(ROL_BEHEERDER))) {
		http_resp_fout(r, 403, "verboden", "alleen een beheerder "
			       "wijzigt de parametertabellen", NULL);
		return 1;
	}
	return 0;
}

/* The table and date of the path; answers 422 itself and returns 1. */
static int
pad_rij(struct http_req *q, struct http_resp *r, sdate *van)
{
	const char *reden;
	enum params_veld v;
	const char *d = q->param[1];

	if (date_parse(d, strlen(d), van) != 0)
		*van = DATE_NONE;
	/* the amount and source are checked with the body */
	v = params_rij_check(q->param[0], *van, -1, "-", &reden);
	if (v == PV_TABEL) {
		http_resp_fout(r, 422, "ongeldig", reden, "$.tabel");
		return 1;
	}
	if (v == PV_DATUM) {
		http_resp_fout(r, 422, "ongeldig", *van == DATE_NONE
			       ? "verwacht een datum als JJJJ-MM-DD" : reden,
			       "$.ingangsdatum");
		return 1;
	}
	return 0;
}

/* PUT /parameters/{tabel}/{ingangsdatum} {"waarde_cent": N|null,
 * "bron": "..."}: store the row (beheerder); for a row of the youth scale
 * (tabel wml_jeugd_<age>) the value is "waarde_promille". */
int
h_parameter_zet(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	const char *velden[2] = {"waarde_cent", "bron"};
	char wpad[32];
	int jeugd;
	json_t *b = NULL, *wc, *o, *v;
	const char *bron, *sleutel, *reden;
	char pad[80];
	int64_t waarde = -1, versie = 0;
	sdate van;
	int rc;

	if (beheerder(st, r, w) || pad_rij(q, r, &van)) {
		rc = 0;
		goto out;
	}
	jeugd = params_jeugd_leeftijd(q->param[0]) >= 0;
	if (jeugd)
		velden[0] = "waarde_promille";
	snprintf(wpad, sizeof(wpad), "$.%s", velden[0]);
	b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES, NULL);
	if (!json_is_object(b)) {
		snprintf(pad, sizeof(pad), "verwacht een JSON-object met %s en "
			 "bron", velden[0]);
		rc = http_resp_fout(r, 422, "ongeldig", pad, "$");
		goto out;
	}
	json_object_foreach(b, sleutel, v) {
		if (strcmp(sleutel, velden[0]) != 0 &&
		    strcmp(sleutel, velden[1]) != 0) {
			snprintf(pad, sizeof(pad), "$.%.60s", sleutel);
			rc = http_resp_fout(r, 422, "ongeldig", "onbekend veld",
					    pad);
			goto out;
		}
	}
	wc = json_object_get(b, velden[0]);
	bron = json_string_value(json_object_get(b, "bron"));
	if (!wc || !(json_is_null(wc) || json_is_integer(wc))) {
		rc = http_resp_fout(r, 422, "ongeldig", jeugd
				    ? "een promille van het minimumuurloon "
				      "(geheel getal) of null voor onbekend"
				    : "een bedrag in centen (geheel getal) of "
				      "null voor onbekend", wpad);
		goto out;
	}
	if (json_is_integer(wc)) {
		waarde = (int64_t)json_integer_value(wc);
		/* -1 is 'onbekend' inside spoor: not an amount */
		if (waarde < 1)
			waarde = 0;
	}
	switch (params_rij_check(q->param[0], van, waarde, bron, &reden)) {
	case PV_OK:
		break;
	case PV_WAARDE:
		rc = http_resp_fout(r, 422, "ongeldig", reden, wpad);
		goto out;
	case PV_BRON:
		rc = http_resp_fout(r, 422, "ongeldig", reden, "$.bron");
		goto out;
	default:
		rc = http_resp_fout(r, 422, "ongeldig", reden,
				    "$.ingangsdatum");
		goto out;
	}
	rc = store_param_zet(st, q->param[0], van, waarde, bron, w->id,
			     w->naam, ROL_BIT(ROL_BEHEERDER), &versie);
	if (rc == ST_ONGELDIG) {
		rc = http_resp_fout(r, 422, "ongeldig",
				    store_errmsg(st), "$.ingangsdatum");
		goto out;
	}
	if (rc) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	/* this process serves the new tables from the next request on */
	generatie_zet(versie);
	o = json_object();
	json_object_set_new(o, "tabel", json_string(q->param[0]));
	json_object_set_new(o, "ingangsdatum", datum_json(van));
	json_object_set_new(o, velden[0], waarde_json(waarde));
	json_object_set_new(o, "bron", json_string(bron));
	json_object_set_new(o, "versie", json_integer((json_int_t)versie));
	rc = api_stuur(r, 200, o);
out:
	json_decref(b);
	return rc;
}

/* DELETE /parameters/{tabel}/{ingangsdatum}: remove the stored row, so
 * the compiled row of that date (if any) applies again (beheerder). */
int
h_parameter_wis(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	int64_t versie = 0;
	sdate van;
	int rc;

	if (beheerder(st, r, w) || pad_rij(q, r, &van)) {
		rc = 0;
		goto out;
	}
	rc = store_param_wis(st, q->param[0], van, w->id, w->naam,
			     ROL_BIT(ROL_BEHEERDER), &versie);
	if (rc == ST_NIET_GEVONDEN) {
		rc = http_resp_fout(r, 404, "niet_gevonden", "geen opgeslagen "
				    "parameter voor deze tabel en datum", NULL);
		goto out;
	}
	if (rc) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	generatie_zet(versie);
	{
		json_t *o = json_object();

		json_object_set_new(o, "tabel", json_string(q->param[0]));
		json_object_set_new(o, "ingangsdatum", datum_json(van));
		json_object_set_new(o, "versie",
				    json_integer((json_int_t)versie));
		rc = api_stuur(r, 200, o);
	}
out:
	return rc;
}

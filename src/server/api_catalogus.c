/*
 * api_catalogus.c - GET /api/v1/catalogus (see api_catalogus.h).
 *
 * Lists keep the order of their table, which is the order the web app
 * shows (select options, legends). The document is built per request: a
 * few hundred small objects, cheaper than a cache that must be freed.
 */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalogus.h"
#include "core/dossier.h"
#include "core/rules.h"
#include "core/tijdlijn.h"
#include "core/toets.h"
#include "format/jsonuit.h"
#include "server/api_catalogus.h"
#include "store/toegang.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

/* A missing id, rule or source (NULL) clears *ok. */
static json_t *
tekst(const char *s, int *ok)
{
	if (!s) {
		*ok = 0;
		return NULL;
	}
	return json_string(s);
}

/*
 * {"id": id, "titel": titel}. An id whose word is missing (a new enum
 * value without its catalogue entry) shows as itself, as the web app did
 * before; test_catalogus fails on it, the server keeps answering.
 */
static json_t *
woord(const char *id, const char *titel, int *ok)
{
	json_t *o = json_object();

	if (!o) {
		*ok = 0;
		return NULL;
	}
	jsonuit_put(o, "id", tekst(id, ok), ok);
	jsonuit_put(o, "titel", tekst(titel ? titel : id, ok), ok);
	return o;
}

static void
voeg(json_t *a, json_t *v, int *ok)
{
	if (!v || json_array_append_new(a, v))
		*ok = 0;
}

/* The n pairs of two parallel tables as a list of woord(). */
static json_t *
woorden(const char *const *ids, const char *const *titels, size_t n, int *ok)
{
	json_t *a = json_array();
	size_t i;

	if (!a) {
		*ok = 0;
		return NULL;
	}
	for (i = 0; i < n; i++)
		voeg(a, woord(ids[i], titels[i], ok), ok);
	return a;
}

static json_t *
mijlpalen(int *ok)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < MP__COUNT; i++) {
		const struct regel *r = &regels[i];
		json_t *o = woord(r->naam, r->titel, ok);

		if (o) {
			jsonuit_put(o, "soort", json_string(r->soort == MPS_ACTIE
							    ? "actie" : "moment"), ok);
			jsonuit_put(o, "kort", json_string(mijlpaal_kort[i]
				    ? mijlpaal_kort[i] : r->naam), ok);
			jsonuit_put(o, "uitleg", json_string(mijlpaal_uitleg[i]
				    ? mijlpaal_uitleg[i] : ""), ok);
			jsonuit_put(o, "regel", tekst(r->regel, ok), ok);
			jsonuit_put(o, "bron", tekst(r->bron, ok), ok);
			jsonuit_put(o, "atw", tekst(atw_naam[r->atw], ok), ok);
		}
		voeg(a, o, ok);
	}
	if (!a)
		*ok = 0;
	return a;
}

static json_t *
bevindingen(int *ok)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < BV__COUNT; i++) {
		const struct bevinding_def *b = &bevinding_defs[i];
		json_t *o = woord(b->naam, bevinding_titel[i], ok);

		if (o) {
			jsonuit_put(o, "ernst", tekst(ernst_naam[b->ernst], ok), ok);
			jsonuit_put(o, "regel", tekst(b->regel, ok), ok);
			jsonuit_put(o, "bron", tekst(b->bron, ok), ok);
			jsonuit_put(o, "herstel", tekst(b->herstel, ok), ok);
		}
		voeg(a, o, ok);
	}
	if (!a)
		*ok = 0;
	return a;
}

static json_t *
soortgroepen(int *ok)
{
	json_t *a = json_array();
	size_t i, j;

	for (i = 0; a && i < gb_soort_ngroepen; i++) {
		const struct cat_groep *g = &gb_soort_groepen[i];
		json_t *o = json_object(), *s = json_array();

		for (j = 0; s && j < g->n; j++)
			voeg(s, tekst(g->soorten[j] < GB__COUNT
				      ? gb_soort_naam[g->soorten[j]] : NULL, ok), ok);
		if (o) {
			jsonuit_put(o, "titel", tekst(g->titel, ok), ok);
			jsonuit_put(o, "soorten", s, ok);
		} else {
			json_decref(s);
		}
		voeg(a, o, ok);
	}
	if (!a)
		*ok = 0;
	return a;
}

static json_t *
klassen(int *ok)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < NP(zichtbaarheid_titel); i++) {
		json_t *o = woord(zichtbaarheid_naam[i], zichtbaarheid_titel[i],
				  ok);

		if (o)
			jsonuit_put(o, "uitleg", tekst(zichtbaarheid_uitleg[i], ok),
				    ok);
		voeg(a, o, ok);
	}
	if (!a)
		*ok = 0;
	return a;
}

/* The roles of the access table, each with its word from core. */
static json_t *
rollen(int *ok)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < ROL__COUNT; i++)
		voeg(a, woord(rol_naam[i],
			      catalogus_rol_titel(rol_naam[i],
						  strlen(rol_naam[i])), ok), ok);
	if (!a)
		*ok = 0;
	return a;
}

/* The Atw rules with their remark; null where there is nothing to say. */
static json_t *
atw(int *ok)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < ATW__COUNT; i++) {
		json_t *o = json_object();

		if (o) {
			jsonuit_put(o, "id", tekst(atw_naam[i], ok), ok);
			jsonuit_put(o, "opmerking", atw_opmerking[i]
				    ? json_string(atw_opmerking[i]) : json_null(), ok);
		}
		voeg(a, o, ok);
	}
	if (!a)
		*ok = 0;
	return a;
}

json_t *
api_catalogus_json(void)
{
	json_t *o = json_object();
	int ok = o != NULL;

	if (!ok)
		return NULL;
	jsonuit_put(o, "formaat", json_string(CATALOGUS_FORMAAT), &ok);
	jsonuit_put(o, "mijlpalen", mijlpalen(&ok), &ok);
	jsonuit_put(o, "statussen", woorden(mp_status_naam, mp_status_titel,
					    ST__COUNT, &ok), &ok);
	jsonuit_put(o, "bevindingen", bevindingen(&ok), &ok);
	jsonuit_put(o, "ernst", woorden(ernst_naam, ernst_titel, ERNST__COUNT,
					&ok), &ok);
	jsonuit_put(o, "gebeurtenissoorten", woorden(gb_soort_naam,
						     gb_soort_titel, GB__COUNT,
						     &ok), &ok);
	jsonuit_put(o, "soortgroepen", soortgroepen(&ok), &ok);
	jsonuit_put(o, "klassen", klassen(&ok), &ok);
	jsonuit_put(o, "rollen", rollen(&ok), &ok);
	jsonuit_put(o, "vangnet", woorden(vangnet_naam, vangnet_titel,
					  NP(vangnet_titel), &ok), &ok);
	jsonuit_put(o, "contractsoorten", woorden(contract_naam, contract_titel,
						  NP(contract_titel), &ok), &ok);
	jsonuit_put(o, "verzuimsoorten", woorden(verzuim_soort_naam,
						 verzuim_soort_titel, VZ__COUNT,
						 &ok), &ok);
	jsonuit_put(o, "instrumenten", woorden(instrument_naam,
					       instrument_titel, INS__COUNT,
					       &ok), &ok);
	jsonuit_put(o, "conclusies", woorden(conclusie_naam, conclusie_titel,
					     ADC__COUNT, &ok), &ok);
	jsonuit_put(o, "modules", woorden(module_naam, module_titel,
					  MOD__COUNT, &ok), &ok);
	jsonuit_put(o, "uitkomsten", woorden(sol_uitkomst_naam,
					     sol_uitkomst_titel, SOL__COUNT,
					     &ok), &ok);
	jsonuit_put(o, "bij", woorden(bij_naam, bij_titel, BIJ__COUNT, &ok),
		    &ok);
	jsonuit_put(o, "atw", atw(&ok), &ok);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Does an If-None-Match list name etag ("*", weak or strong)? */
static int
past(const char *lijst, const char *etag)
{
	size_t n = strlen(etag);
	const char *p = lijst;

	while (*p) {
		size_t len;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (!strncmp(p, "W/", 2))
			p += 2;
		len = strcspn(p, ", \t");
		if ((len == 1 && *p == '*') ||
		    (len == n && !memcmp(p, etag, n)))
			return 1;
		p += len;
	}
	return 0;
}

int
h_catalogus(struct http_req *q, struct http_resp *r)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[33], etag[36];
	const char *inm;
	char *s = NULL;
	size_t len;
	int rc = -1;

	/* a catalogue that cannot be built is an internal error (500) */
	if (jsonuit_dump(api_catalogus_json(), 1, &s, &len))
		goto out;
	/* the first 128 bits of SHA-256, as the ETags of the store */
	crypto_hash_sha256(h, (const unsigned char *)s, len);
	sodium_bin2hex(hex, sizeof(hex), h, 16);
	snprintf(etag, sizeof(etag), "\"%s\"", hex);
	inm = http_header(q, "If-None-Match");
	if (inm && past(inm, etag)) {
		r->status = 304;
	} else if (http_resp_json(r, 200, s, len)) {
		goto out;
	}
	/* no-cache: kept by the browser, asked again with If-None-Match,
	 * so a new binary's words arrive at once */
	if (http_resp_header(r, "ETag", etag) ||
	    http_resp_header(r, "Cache-Control", "no-cache"))
		goto out;
	rc = 0;
out:
	free(s);
	return rc;
}

/*
 * api_doc.c - a case's documents (see api_doc.h, docs/api.md): the
 * parties of the case read and write per class (toegang.h); a document
 * the caller may not read is 404, the same answer as for one that does
 * not exist. The organisation is in api_org.c.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/api_doc.h"
#include "server/api_int.h"
#include "store/store_doc.h"
#include "store/toegang.h"

/* --- documents ---------------------------------------------------- */

/* RFC 3339 in UTC: when the document was stored. */
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
doc_json(const struct store_doc *d)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer((json_int_t)d->id));
	json_object_set_new(o, "naam", json_string(d->naam));
	json_object_set_new(o, "mime", json_string(d->mime));
	json_object_set_new(o, "grootte", json_integer((json_int_t)d->grootte));
	json_object_set_new(o, "sha256", json_string(d->sha256));
	json_object_set_new(o, "zichtbaarheid",
			    json_string(zichtbaarheid_naam[d->zichtbaarheid]));
	json_object_set_new(o, "vastgelegd", tijd_json(d->vastgelegd));
	json_object_set_new(o, "auteur",
			    d->auteur ? json_string(d->auteur) : json_null());
	return o;
}

/* What the magic-number check calls a type in its refusal. */
static const char *
soortnaam(const char *mime)
{
	if (!strcmp(mime, "application/pdf"))
		return "PDF";
	if (!strcmp(mime, "image/png"))
		return "PNG";
	if (!strcmp(mime, "image/jpeg"))
		return "JPEG";
	return mime;
}

/* POST /dossiers/{id}/documenten?naam=&zichtbaarheid= with the file as
 * the body and its type in Content-Type. */
int
h_document_nieuw(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	const char *naam = http_query(q, "naam"),
		   *zb = http_query(q, "zichtbaarheid"),
		   *ct = http_header(q, "Content-Type"), *mime, *w_naam;
	struct kantoor_fout kf;
	struct store_doc d;
	char m[CASEFILE_REDEN_MAX + sizeof(kf.reden)];
	int64_t id = c->dossier;
	uint32_t rollen = c->rollen;
	int z, rc;

	memset(&d, 0, sizeof(d));
	if (!naam || !*naam) {
		rc = http_resp_fout(r, 400, "ongeldig", "naam ontbreekt: geef de "
				    "bestandsnaam als ?naam=", "naam");
		goto out;
	}
	if ((w_naam = store_doc_naam_fout(naam, strlen(naam)))) {
		snprintf(m, sizeof(m), "naam: %s; kies een gewone bestandsnaam "
			 "van 1 tot %d bytes, zoals 'brief.pdf'", w_naam,
			 STORE_DOC_NAAM_MAX);
		rc = http_resp_fout(r, 400, "ongeldig", m, "naam");
		goto out;
	}
	z = zb ? naam_index(zichtbaarheid_naam, 3, zb, strlen(zb)) : -1;
	if (z < 0) {
		rc = http_resp_fout(r, 400, "ongeldig", "zichtbaarheid: "
				    "algemeen, medisch of vertrouwelijk",
				    "zichtbaarheid");
		goto out;
	}
	if (!toegang_schrijf(rollen, (enum zichtbaarheid)z)) {
		snprintf(m, sizeof(m), "uw rol mag geen documenten met "
			 "zichtbaarheid '%s' vastleggen", zichtbaarheid_naam[z]);
		rc = http_resp_fout(r, 403, "verboden", m, "zichtbaarheid");
		goto out;
	}
	if (!(mime = store_doc_mime(ct))) {
		snprintf(m, sizeof(m), "bestandstype '%.60s' niet toegestaan; "
			 "wel: PDF, PNG, JPEG, platte tekst (text/plain) en "
			 "kantoordocumenten (OOXML, ODF)", ct ? ct : "");
		rc = http_resp_fout(r, 415, "type_niet_toegestaan", m,
				    "Content-Type");
		goto out;
	}
	if (q->bodylen == 0) {
		rc = http_resp_fout(r, 400, "ongeldig", "het bestand is leeg",
				    NULL);
		goto out;
	}
	if (!store_doc_inhoud_past(mime, q->body, q->bodylen)) {
		snprintf(m, sizeof(m), "de inhoud is geen %s-bestand: de eerste "
			 "bytes passen niet bij het opgegeven type %s",
			 soortnaam(mime), mime);
		rc = http_resp_fout(r, 415, "type_klopt_niet", m,
				    "Content-Type");
		goto out;
	}
	/* the store checks an office document's container (kantoor.h) */
	rc = store_doc_nieuw(st, id, rollen, naam, mime,
			     (enum zichtbaarheid)z, q->body, q->bodylen, w->id,
			     w->naam, &d, &kf);
	if (rc == ST_ONGELDIG && kf.reden[0]) {
		/* naam is valid UTF-8 without control characters */
		snprintf(m, sizeof(m), "document '%s' geweigerd: %s", naam,
			 kf.reden);
		rc = http_resp_fout(r, 422, "document_ongeldig", m,
				    "Content-Type");
	} else if (rc == ST_NIET_GEVONDEN)
		rc = http_resp_fout(r, 404, "niet_gevonden",
				    "dossier niet gevonden", NULL);
	else if (rc)
		rc = api_db_fout(r, rc);
	else
		rc = api_stuur(r, 201, doc_json(&d));
out:
	store_doc_release(&d);
	return rc;
}

/* GET /dossiers/{id}/documenten: what the caller may read; the rest is
 * absent, not marked. */
int
h_documenten(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_doc *d = NULL;
	size_t n = 0, i, van, tot, pagina;
	int64_t id = c->dossier;
	uint32_t rollen = c->rollen;
	json_t *o, *a;
	int rc;

	if (api_pagina_van(q, r, &pagina)) {
		rc = 0;
		goto out;
	}
	if ((rc = store_docs(st, id, rollen, &d, &n)) ||
	    (rc = api_lees_audit(q, w, rollen, id, "documentenlijst lezen",
				 toegang_klassen(rollen)))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	o = json_object();
	a = json_array();
	json_object_set_new(o, "dossier_id", json_string(q->param[0]));
	api_pagineer(o, n, pagina, &van, &tot);
	for (i = van; i < tot; i++)
		json_array_append_new(a, doc_json(&d[i]));
	json_object_set_new(o, "documenten", a);
	rc = api_stuur(r, 200, o);
out:
	store_docs_free(d, n);
	return rc;
}

/* The decimal document id of the path, or 0. */
static int64_t
doc_id(const char *s)
{
	int64_t v = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 18)
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* filename*= of RFC 6266 / RFC 8187: UTF-8, percent-encoded except the
 * attr-chars. malloc'd. */
static char *
bijlage(const char *naam)
{
	static const char pre[] = "attachment; filename*=UTF-8''";
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(naam), o = sizeof(pre) - 1, i;
	char *b = malloc(sizeof(pre) + 3 * n);

	if (!b)
		return NULL;
	memcpy(b, pre, o);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)naam[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("!#$&+-.^_`|~", c)) {
			b[o++] = (char)c;
		} else {
			b[o++] = '%';
			b[o++] = hex[c >> 4];
			b[o++] = hex[c & 15];
		}
	}
	b[o] = '\0';
	return b;
}

/* GET /dossiers/{id}/documenten/{docid}: the bytes as stored. */
int
h_document(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct store_doc d;
	char *inhoud = NULL, *cd = NULL, etag[STORE_DOC_SHA256_HEX + 3];
	size_t len = 0;
	int64_t id = c->dossier, doc;
	uint32_t rollen = c->rollen;
	int rc;

	memset(&d, 0, sizeof(d));
	doc = doc_id(q->param[1]);
	rc = doc ? store_doc_lees(st, id, doc, rollen, &d, &inhoud, &len)
		 : ST_NIET_GEVONDEN;
	/* a document of a class the caller may not read: the same answer
	 * as one that does not exist */
	if (rc == ST_NIET_GEVONDEN) {
		rc = http_resp_fout(r, 404, "niet_gevonden",
				    "document niet gevonden", NULL);
		goto out;
	}
	if (rc || (rc = api_lees_audit(q, w, rollen, id, "document lezen",
				       1u << d.zichtbaarheid))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	snprintf(etag, sizeof(etag), "\"%s\"", d.sha256);
	if (!(cd = bijlage(d.naam)) ||
	    http_resp_bestand(r, inhoud, len, d.mime) ||
	    http_resp_header(r, "Content-Disposition", cd) ||
	    http_resp_header(r, "ETag", etag))
		rc = -1;
out:
	free(cd);
	free(inhoud);
	store_doc_release(&d);
	return rc;
}

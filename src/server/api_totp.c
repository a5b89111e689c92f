/*
 * api_totp.c - the second factor in the API (see api_totp.h).
 */
#include <jansson.h>
#include <qrencode.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/api.h"
#include "server/api_int.h"
#include "server/api_limiet.h"
#include "server/api_totp.h"
#include "server/auth.h"
#include "server/totp.h"
#include "store/store_totp.h"
#include "store/toegang.h"

/* Check code against user gebruiker's secret (confirmed when actief 1,
 * pending when 0), decrypted with sleutel (NULL: none configured): 0
 * with *stap, API_TOTP_ONJUIST, API_TOTP_NODIG when he has no such
 * secret, API_TOTP_SLEUTEL, or a store error. */
static int
code_check(struct store *st, const uint8_t *sleutel, int64_t gebruiker,
	   int actief, const char *code, int64_t nu, int64_t *stap)
{
	uint8_t k[STORE_TOTP_GEHEIM_MAX], g[TOTP_GEHEIM_LEN];
	size_t len = 0;
	int is_actief = 0, rc;
	int64_t laatste = 0;

	rc = store_totp_lees(st, gebruiker, k, sizeof(k), &len, &is_actief,
			     &laatste);
	if (rc == ST_NIET_GEVONDEN || (rc == ST_OK && is_actief != actief)) {
		rc = API_TOTP_NODIG;
	} else if (rc == ST_OK && totp_ontsleutel(sleutel, gebruiker, k, len,
						  g)) {
		fprintf(stderr, "spoor serve: het geheim van de tweede factor "
			"van gebruiker %lld is niet te lezen: "
			"tweede_factor_sleutel ontbreekt of is een andere dan "
			"waarmee het is opgeslagen\n", (long long)gebruiker);
		rc = API_TOTP_SLEUTEL;
	} else if (rc == ST_OK && totp_check(g, sizeof(g), code, nu, laatste,
					     stap)) {
		rc = API_TOTP_ONJUIST;
	}
	sodium_memzero(k, sizeof(k));
	sodium_memzero(g, sizeof(g));
	return rc;
}

/* A recovery code of user gebruiker, used up: 0, API_TOTP_ONJUIST or a
 * store error. */
static int
herstel_gebruik(struct store *st, int64_t gebruiker, const char *code,
		int64_t nu)
{
	char h[TOTP_HERSTEL_HASH_LEN + 1];
	int rc;

	if (totp_herstel_hash(code, h))
		return API_TOTP_ONJUIST;
	rc = store_totp_herstel(st, gebruiker, h, nu);
	return rc == ST_NIET_GEVONDEN ? API_TOTP_ONJUIST : rc;
}

/* A current code (recorded as used) or a recovery code (used up). */
static int
code_of_herstel(struct store *st, const uint8_t *sleutel, int64_t gebruiker,
		const char *code, int64_t nu, int *herstel)
{
	int64_t stap = 0;
	int rc;

	if (!totp_is_code(code)) {
		rc = herstel_gebruik(st, gebruiker, code, nu);
		if (rc == 0)
			*herstel = 1;
		return rc;
	}
	rc = code_check(st, sleutel, gebruiker, 1, code, nu, &stap);
	if (rc)
		return rc == API_TOTP_NODIG ? API_TOTP_ONJUIST : rc;
	/* of two requests with the same code, one records the step */
	rc = store_totp_stap(st, gebruiker, stap, 0);
	if (rc == ST_CONFLICT || rc == ST_NIET_GEVONDEN)
		return API_TOTP_ONJUIST;
	return rc;
}

int
api_totp_login(struct store *st, const uint8_t *sleutel, int64_t gebruiker,
	       const char *code, int64_t nu, int *herstel)
{
	uint8_t k[STORE_TOTP_GEHEIM_MAX];
	size_t len = 0;
	int actief = 0, rc;
	int64_t laatste = 0;

	*herstel = 0;
	rc = store_totp_lees(st, gebruiker, k, sizeof(k), &len, &actief,
			     &laatste);
	sodium_memzero(k, sizeof(k));
	if (rc == ST_NIET_GEVONDEN || (rc == ST_OK && !actief))
		return 0;
	if (rc)
		return rc;
	if (!code)
		return API_TOTP_NODIG;
	return code_of_herstel(st, sleutel, gebruiker, code, nu, herstel);
}

/* The paths a caller who must enrol may use (as sent: an escaped
 * variant is simply refused). */
static int
mag_zonder_factor(const struct http_req *q)
{
	if (!strcmp(q->pad, "/api/v1/sessie/totp") ||
	    !strcmp(q->pad, "/api/v1/sessie/totp/bevestig") ||
	    !strcmp(q->pad, "/api/v1/sessie/totp/uit"))
		return 1;
	if (q->methode == HTTP_GET || q->methode == HTTP_HEAD)
		return !strcmp(q->pad, "/api/v1/ik");
	return q->methode == HTTP_DELETE && !strcmp(q->pad, "/api/v1/sessie");
}

int
api_totp_afdwingen(struct http_req *q, struct http_resp *r,
		   const struct wie *w)
{
	const struct api *a = q->app;
	int nodig = 0, rc;

	if (!a || !a->tweede_factor || mag_zonder_factor(q))
		return 0;
	rc = store_totp_nodig(api_st(), w->id, a->tweede_factor, &nodig);
	if (rc) {
		(void)api_db_fout(r, rc);
		return 1;
	}
	if (!nodig)
		return 0;
	http_resp_fout(r, 403, "tweede_factor_instellen", "uw rol vraagt een "
		       "tweede factor: stel eerst een authenticator-app in "
		       "(POST /api/v1/sessie/totp)", NULL);
	return 1;
}

/* The caller's roles for an audit record (0 when they cannot be read:
 * the record is still made). */
static uint32_t
rollen_van(struct store *st, int64_t id)
{
	uint32_t m = 0;

	if (store_alle_rollen(st, id, &m))
		m = 0;
	return m;
}

/* One audit record in its own transaction. */
static int
audit_los(struct store *st, const struct wie *w, uint32_t rollen,
	  const char *actie)
{
	int rc;

	if ((rc = store_begin(st)))
		return rc;
	if ((rc = store_audit(st, w->id, w->naam, rollen, 0, actie, 0)) ||
	    (rc = store_commit(st)))
		store_rollback(st);
	return rc;
}

/* Authenticated by a session: a token cannot set up or switch off the
 * factor of its owner (like a password change). 1: 403 answered. */
static int
alleen_sessie(struct http_resp *r, const struct wie *w)
{
	if (w->cookie)
		return 0;
	http_resp_fout(r, 403, "alleen_sessie", "de tweede factor stelt u in "
		       "met een sessie (aanmelden), niet met een API-token",
		       NULL);
	return 1;
}

/* The string "code" of the body; 1 with the 400/422 answered. */
static int
body_code(struct http_req *q, struct http_resp *r, json_t **b,
	  const char **code)
{
	*b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES, NULL);
	if (!*b || !json_is_object(*b)) {
		http_resp_fout(r, 400, "ongeldig", "verwacht een object met "
			       "code", "$");
		return 1;
	}
	*code = json_string_value(json_object_get(*b, "code"));
	if (!*code) {
		http_resp_fout(r, 422, "ongeldig", "ontbreekt of is geen tekst: "
			       "de code van zes cijfers uit de "
			       "authenticator-app", "$.code");
		return 1;
	}
	return 0;
}

int
h_totp_status(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	const struct api *a = q->app;
	uint8_t k[STORE_TOTP_GEHEIM_MAX];
	size_t len = 0;
	int actief = 0, nodig = 0, rc;
	int64_t laatste = 0, over = 0;
	uint32_t rollen = 0;
	json_t *o;

	rc = store_totp_lees(st, w->id, k, sizeof(k), &len, &actief,
			     &laatste);
	sodium_memzero(k, sizeof(k));
	if (rc == ST_NIET_GEVONDEN) {
		len = 0;
		rc = 0;
	}
	if (rc || (rc = store_totp_herstel_over(st, w->id, &over)) ||
	    (rc = store_alle_rollen(st, w->id, &rollen)) ||
	    (rc = store_totp_nodig(st, w->id, a ? a->tweede_factor : 0,
				   &nodig))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	o = json_object();
	json_object_set_new(o, "actief", json_boolean(len > 0 && actief));
	json_object_set_new(o, "aangevraagd", json_boolean(len > 0 && !actief));
	json_object_set_new(o, "verplicht", json_boolean(
		a && (a->tweede_factor & rollen) != 0));
	json_object_set_new(o, "instellen", json_boolean(nodig));
	json_object_set_new(o, "herstelcodes_over", json_integer(over));
	rc = api_stuur(r, 200, o);
out:
	return rc;
}

/* The QR code of uri (libqrencode, error correction M) as rows of '0'
 * and '1', one string per row, for the web app to draw (no image or
 * markup travels); NULL when it cannot be made. */
static json_t *
qr_rijen(const char *uri)
{
	QRcode *qr = QRcode_encodeString8bit(uri, 0, QR_ECLEVEL_M);
	json_t *a = NULL;
	char rij[200];
	int x, y;

	if (!qr || qr->width <= 0 || qr->width >= (int)sizeof(rij))
		goto out;
	a = json_array();
	for (y = 0; a && y < qr->width; y++) {
		for (x = 0; x < qr->width; x++)
			rij[x] = (qr->data[y * qr->width + x] & 1) ? '1' : '0';
		rij[qr->width] = '\0';
		json_array_append_new(a, json_string(rij));
	}
out:
	if (qr)
		QRcode_free(qr);
	return a;
}

int
h_totp_begin(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	const struct api *a = q->app;
	uint8_t k[TOTP_GEHEIM_LEN], opslag[TOTP_VERSLEUTELD_LEN];
	char b32[TOTP_B32_LEN + 1], uri[TOTP_URI_MAX];
	json_t *o;
	int rc;

	if (alleen_sessie(r, w)) {
		rc = 0;
		goto out;
	}
	totp_geheim_nieuw(k);
	totp_base32(k, sizeof(k), b32);
	if (totp_uri(b32, w->naam, uri, sizeof(uri))) {
		rc = http_resp_fout(r, 422, "ongeldig", "de gebruikersnaam is "
				    "te lang voor een otpauth-adres", NULL);
		goto out;
	}
	if ((rc = store_begin(st)))
		goto dbfout;
	/* encrypted when a key is configured (totp.h), else as it is */
	if (a->totp_sleutel) {
		totp_versleutel(a->totp_sleutel, w->id, k, opslag);
		rc = store_totp_begin(st, w->id, opslag, sizeof(opslag));
	} else {
		rc = store_totp_begin(st, w->id, k, sizeof(k));
	}
	if (rc == ST_CONFLICT) {
		store_rollback(st);
		rc = http_resp_fout(r, 409, "tweede_factor_actief", "u heeft al "
				    "een tweede factor; zet die eerst uit "
				    "(POST /api/v1/sessie/totp/uit) om een "
				    "nieuwe in te stellen", NULL);
		goto out;
	}
	if (rc || (rc = store_audit(st, w->id, w->naam, rollen_van(st, w->id),
				    0, "tweede factor: instellen begonnen",
				    0)) ||
	    (rc = store_commit(st)))
		goto dbfout;
	/* the only answer that ever holds the secret */
	o = json_object();
	json_object_set_new(o, "geheim", json_string(b32));
	json_object_set_new(o, "uri", json_string(uri));
	json_object_set_new(o, "periode", json_integer(TOTP_PERIODE));
	json_object_set_new(o, "cijfers", json_integer(TOTP_CIJFERS));
	json_object_set_new(o, "qr", qr_rijen(uri));
	rc = api_stuur(r, 201, o);
	goto out;
dbfout:
	store_rollback(st);
	rc = api_db_fout(r, rc);
out:
	sodium_memzero(k, sizeof(k));
	sodium_memzero(b32, sizeof(b32));
	sodium_memzero(uri, sizeof(uri));
	return rc;
}

int
h_totp_bevestig(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	const struct api *a = q->app;
	json_t *b = NULL, *lijst = NULL;
	const char *code = NULL;
	char codes[TOTP_HERSTEL_AANTAL][TOTP_HERSTEL_LEN + 1];
	char hashes[TOTP_HERSTEL_AANTAL][TOTP_HERSTEL_HASH_LEN + 1];
	const char *hp[TOTP_HERSTEL_AANTAL];
	int64_t stap = 0;
	size_t i;
	int rc;

	if (alleen_sessie(r, w) || body_code(q, r, &b, &code)) {
		rc = 0;
		goto out;
	}
	rc = code_check(st, a->totp_sleutel, w->id, 0, code, store_nu(),
			&stap);
	if (rc == API_TOTP_NODIG) {
		rc = http_resp_fout(r, 409, "geen_aanvraag", "er is geen "
				    "tweede factor in te stellen: begin met "
				    "POST /api/v1/sessie/totp", NULL);
		goto out;
	}
	if (rc == API_TOTP_ONJUIST) {
		rc = http_resp_fout(r, 422, "code_onjuist", "deze code klopt "
				    "niet: kijk of de klok van uw telefoon "
				    "goed staat en typ de zes cijfers die de "
				    "app nu toont", "$.code");
		goto out;
	}
	if (rc == API_TOTP_SLEUTEL) {
		rc = api_intern(r);
		goto out;
	}
	if (rc)
		goto dbfout2;
	for (i = 0; i < TOTP_HERSTEL_AANTAL; i++) {
		totp_herstel_nieuw(codes[i]);
		if (totp_herstel_hash(codes[i], hashes[i])) {
			rc = api_intern(r);
			goto out;
		}
		hp[i] = hashes[i];
	}
	if ((rc = store_begin(st)))
		goto dbfout;
	rc = store_totp_stap(st, w->id, stap, 1);
	if (rc == ST_CONFLICT || rc == ST_NIET_GEVONDEN) {
		/* confirmed or removed meanwhile */
		store_rollback(st);
		rc = http_resp_fout(r, 409, "geen_aanvraag", "er is geen "
				    "tweede factor in te stellen: begin met "
				    "POST /api/v1/sessie/totp", NULL);
		goto out;
	}
	if (rc ||
	    (rc = store_totp_herstel_zet(st, w->id, hp,
					 TOTP_HERSTEL_AANTAL)) ||
	    (rc = store_audit(st, w->id, w->naam, rollen_van(st, w->id), 0,
			      "tweede factor ingesteld", 0)) ||
	    (rc = store_commit(st)))
		goto dbfout;
	lijst = json_array();
	for (i = 0; i < TOTP_HERSTEL_AANTAL; i++)
		json_array_append_new(lijst, json_string(codes[i]));
	{
		json_t *o = json_object();

		json_object_set_new(o, "herstelcodes", lijst);
		lijst = NULL;
		rc = api_stuur(r, 200, o);
	}
	goto out;
dbfout:
	store_rollback(st);
dbfout2:
	rc = api_db_fout(r, rc);
out:
	sodium_memzero(codes, sizeof(codes));
	json_decref(lijst);
	json_decref(b);
	return rc;
}

int
h_totp_uit(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	struct api *a = q->app;
	json_t *b = NULL;
	const char *code = NULL;
	int64_t nu = store_nu(), wacht = 0;
	int rc, herstel = 0;

	if (alleen_sessie(r, w) || body_code(q, r, &b, &code)) {
		rc = 0;
		goto out;
	}
	/* guessing the code with a stolen session is limited as a login */
	if ((rc = api_limiet_wacht(a, st, w->naam, q->client_ip, 1, nu,
				   &wacht)))
		goto dbfout2;
	if (wacht > 0) {
		char s[24];

		snprintf(s, sizeof(s), "%lld", (long long)wacht);
		rc = http_resp_fout(r, 429, "te_veel_pogingen", "te veel "
				    "onjuiste codes; probeer het later "
				    "opnieuw", NULL);
		if (!rc)
			rc = http_resp_header(r, "Retry-After", s);
		goto out;
	}
	/* 0 also for a pending secret: that one goes without a code */
	rc = api_totp_login(st, a->totp_sleutel, w->id, code, nu,
			    &herstel);
	if (rc == API_TOTP_ONJUIST) {
		api_limiet_mislukt(a, st, w->naam, q->client_ip, nu);
		(void)audit_los(st, w, rollen_van(st, w->id), "tweede factor: "
				"onjuiste code bij uitzetten");
		rc = http_resp_fout(r, 422, "code_onjuist", "deze code klopt "
				    "niet: typ de zes cijfers die de app nu "
				    "toont, of een herstelcode", "$.code");
		goto out;
	}
	if (rc == API_TOTP_SLEUTEL) {
		rc = api_intern(r);
		goto out;
	}
	if (rc)
		goto dbfout2;
	if ((rc = store_begin(st)))
		goto dbfout;
	rc = store_totp_weg(st, w->id);
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(st);
		rc = http_resp_fout(r, 409, "geen_tweede_factor", "u heeft geen "
				    "tweede factor om uit te zetten", NULL);
		goto out;
	}
	if (rc || (rc = store_audit(st, w->id, w->naam, rollen_van(st, w->id),
				    0, herstel ? "tweede factor uitgezet (met "
				    "herstelcode)" : "tweede factor uitgezet",
				    0)) ||
	    (rc = store_commit(st)))
		goto dbfout;
	rc = http_resp_json(r, 200, "{}", 2);
	goto out;
dbfout:
	store_rollback(st);
dbfout2:
	rc = api_db_fout(r, rc);
out:
	json_decref(b);
	return rc;
}

int
h_totp_wis(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct wie *w = &c->w;
	struct store *st = c->app.st;
	char actie[120];
	int64_t id = 0;
	int rc;

	if ((rc = store_begin(st)))
		goto dbfout;
	rc = store_totp_gebruiker(st, q->param[0], &id);
	if (rc == ST_OK)
		rc = store_totp_weg(st, id);
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(st);
		rc = http_resp_fout(r, 404, "niet_gevonden", "geen gebruiker met "
				    "deze naam, of hij heeft geen tweede "
				    "factor", "gebruikersnaam");
		goto out;
	}
	snprintf(actie, sizeof(actie), "tweede factor gewist van gebruiker "
		 "%.64s", q->param[0]);
	if (rc || (rc = store_audit(st, w->id, w->naam,
				    ROL_BIT(ROL_BEHEERDER), 0, actie, 0)) ||
	    (rc = store_commit(st)))
		goto dbfout;
	rc = http_resp_json(r, 200, "{}", 2);
	goto out;
dbfout:
	store_rollback(st);
	rc = api_db_fout(r, rc);
out:
	return rc;
}

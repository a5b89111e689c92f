/*
 * api_sessie.c - the session and the caller himself: login, logout,
 * GET /ik and the password change (see api_sessie.h, docs/api.md).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "server/api.h"
#include "server/api_int.h"
#include "server/api_limiet.h"
#include "server/api_sessie.h"
#include "server/api_totp.h"
#include "store/store.h"

static json_t *
gebruiker_json(const struct wie *w, uint32_t rollen)
{
	json_t *o = json_object(), *a = json_array();
	int i;

	for (i = 0; a && i < ROL__COUNT; i++)
		if (rollen & ROL_BIT(i))
			json_array_append_new(a, json_string(rol_naam[i]));
	json_object_set_new(o, "gebruikersnaam", json_string(w->naam));
	json_object_set_new(o, "naam", json_string(w->weergave));
	json_object_set_new(o, "rollen", a);
	return o;
}

/* --- sessions ---------------------------------------------------- */

int
h_login(struct http_req *q, struct http_resp *r)
{
	struct api *a = q->app;
	json_t *b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES,
			       NULL);
	const char *naam, *pw, *code;
	char *hash = NULL, cookie[200], tok[AUTH_TOKEN_LEN + 1],
	     ctok[AUTH_TOKEN_LEN + 1], h[AUTH_TOKEN_HASH_LEN + 1];
	struct wie w;
	int64_t wacht = 0, nu = store_nu();
	uint32_t rollen = 0;
	int rc, poort = 0, herstel = 0;

	memset(&w, 0, sizeof(w));
	naam = json_string_value(json_object_get(b, "gebruikersnaam"));
	pw = json_string_value(json_object_get(b, "wachtwoord"));
	code = json_string_value(json_object_get(b, "code"));
	if (!b || !json_is_object(b)) {
		rc = http_resp_fout(r, 400, "ongeldig", "verwacht een object "
				    "met gebruikersnaam en wachtwoord", "$");
		goto out;
	}
	if (!naam || !pw) {
		rc = http_resp_fout(r, 400, "ongeldig", "ontbreekt of is geen "
				    "tekst", naam ? "$.wachtwoord"
						  : "$.gebruikersnaam");
		goto out;
	}
	if (json_object_get(b, "code") && !code) {
		rc = http_resp_fout(r, 400, "ongeldig", "is geen tekst: de zes "
				    "cijfers van de app of een herstelcode",
				    "$.code");
		goto out;
	}
	if (!api_st()) {
		rc = api_geen_db(r);
		goto out;
	}
	/* limited per user name, and per client address at a ten times
	 * higher level (auth.h), counted in the database for every server
	 * on it (api_limiet.h). A name's delay holds only addresses that
	 * failed themselves: from one without failures the right password
	 * still gets in, so nobody keeps the real user out by failing on
	 * his name (docs/security.md). This server's own counts first:
	 * they cost no query */
	wacht = api_limiet_snel(a, naam, q->client_ip, 0, nu);
	/* at most a few argon2id checks at once (auth.h): a login flood
	 * is answered 503, the other requests keep their worker threads */
	if (wacht <= 0 && !auth_poort_in(&a->argon)) {
		rc = http_resp_fout(r, 503, "bezet", "te veel aanmeldingen "
				    "tegelijk; probeer het over een seconde "
				    "opnieuw", NULL);
		if (!rc)
			rc = http_resp_header(r, "Retry-After", "1");
		goto out;
	}
	poort = wacht <= 0;
	/* the shared counts: one query, only for a login that got a place
	 * at the gate, so the 503s of a flood cost the database nothing */
	if (wacht <= 0 && (rc = api_limiet_wacht(a, api_st(), naam,
						 q->client_ip, 0, nu, &wacht))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (wacht > 0) {
		char msg[120], s[24];

		snprintf(msg, sizeof(msg), "te veel mislukte pogingen; "
			 "probeer het over %lld seconden opnieuw",
			 (long long)wacht);
		snprintf(s, sizeof(s), "%lld", (long long)wacht);
		rc = http_resp_fout(r, 429, "te_veel_pogingen", msg, NULL);
		if (!rc)
			rc = http_resp_header(r, "Retry-After", s);
		goto out;
	}
	rc = store_gebruiker_login(api_st(), naam, &w.id, &hash);
	if (rc && rc != ST_NIET_GEVONDEN) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	/* the same answer, and about the same work, for an unknown user
	 * and a wrong password */
	if (rc == ST_NIET_GEVONDEN ||
	    auth_wachtwoord_check(hash, pw, strlen(pw)) != 0) {
		if (rc == ST_NIET_GEVONDEN) {
			char dummy[AUTH_HASH_MAX];

			auth_wachtwoord_hash("x-niet-bestaand-wachtwoord", 26,
					     a->kosten, dummy);
		}
		auth_poort_uit(&a->argon);
		poort = 0;
		api_limiet_mislukt(a, api_st(), naam, q->client_ip, nu);
		rc = http_resp_fout(r, 401, "onjuist", "gebruikersnaam of "
				    "wachtwoord onjuist", NULL);
		goto out;
	}
	auth_poort_uit(&a->argon);
	poort = 0;
	/* the second factor after the password (api_totp.h): no code is
	 * the first step of a login, not a failure; a wrong one counts as
	 * a wrong password */
	rc = api_totp_login(api_st(), a->totp_sleutel, w.id, code, nu,
			    &herstel);
	if (rc == API_TOTP_NODIG) {
		rc = http_resp_fout(r, 401, "tweede_factor_nodig", "typ de code "
				    "van zes cijfers uit uw authenticator-app "
				    "(of een herstelcode)", "$.code");
		goto out;
	}
	if (rc == API_TOTP_ONJUIST) {
		api_limiet_mislukt(a, api_st(), naam, q->client_ip, nu);
		if (!store_gebruiker_info(api_st(), w.id, &w.naam, &w.weergave))
			(void)api_lees_audit(q, &w, 0, 0, "aanmelden: tweede "
					     "factor onjuist", 0);
		rc = http_resp_fout(r, 401, "code_onjuist", "deze code klopt "
				    "niet of is al gebruikt: typ de zes cijfers "
				    "die de app nu toont, of een herstelcode",
				    "$.code");
		goto out;
	}
	if (rc) {
		rc = rc == API_TOTP_SLEUTEL ? api_intern(r) : api_db_fout(r, rc);
		goto out;
	}
	/* a success forgets the name's failures, not the address's: one
	 * account of his own must not reset an attacker's count */
	api_limiet_gelukt(a, api_st(), naam);
	auth_token_nieuw(tok);
	auth_token_nieuw(ctok);
	auth_token_hash(tok, strlen(tok), h);
	if ((rc = store_sessie_nieuw(api_st(), h, w.id, ctok, nu + a->sessie_duur)) ||
	    (rc = store_gebruiker_info(api_st(), w.id, &w.naam, &w.weergave)) ||
	    (rc = store_alle_rollen(api_st(), w.id, &rollen)) ||
	    (rc = api_lees_audit(q, &w, rollen, 0, herstel ?
				 "aanmelden met herstelcode" : "aanmelden",
				 0))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	snprintf(cookie, sizeof(cookie), "spoor_sessie=%s; Path=/; HttpOnly; "
		 "SameSite=Strict; Max-Age=%lld", tok,
		 (long long)a->sessie_duur);
	{
		json_t *o = json_object();

		json_object_set_new(o, "gebruiker", gebruiker_json(&w, rollen));
		json_object_set_new(o, "csrf", json_string(ctok));
		rc = api_stuur(r, 200, o);
	}
	if (!rc && !(r->set_cookie = strdup(cookie)))
		rc = -1;
out:
	if (poort)
		auth_poort_uit(&a->argon);
	sodium_memzero(tok, sizeof(tok));
	free(hash);
	api_wie_release(&w);
	json_decref(b);
	return rc;
}

int
h_logout(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	const char *ck = http_cookie(q, "spoor_sessie");
	char h[AUTH_TOKEN_HASH_LEN + 1];
	int rc;

	if (ck && auth_token_geldig(ck, strlen(ck))) {
		auth_token_hash(ck, strlen(ck), h);
		if ((rc = store_sessie_weg(c->app.st, h)))
			return api_db_fout(r, rc);
	}
	rc = http_resp_json(r, 200, "{}", 2);
	if (!rc)
		rc = http_resp_cookie(r, "spoor_sessie=; Path=/; HttpOnly; "
				      "SameSite=Strict; Max-Age=0");
	return rc;
}

int
h_ik(struct api_ctx *c)
{
	struct http_resp *r = c->r;
	uint32_t rollen;
	int64_t *ids = NULL;
	uint32_t *rs = NULL;
	size_t n = 0;
	json_t *o;
	int rc;

	if ((rc = store_alle_rollen(c->app.st, c->w.id, &rollen)) ||
	    (rc = store_dossiers(c->app.st, c->w.id, &ids, &rs, &n))) {
		return api_db_fout(r, rc);
	}
	o = json_object();
	json_object_set_new(o, "gebruiker", gebruiker_json(&c->w, rollen));
	json_object_set_new(o, "aantal_dossiers", json_integer((json_int_t)n));
	if (c->w.cookie)
		json_object_set_new(o, "csrf", json_string(c->w.csrf));
	free(ids);
	free(rs);
	return api_stuur(r, 200, o);
}

/* 403 for an API token on what only a logged-in person may do: change
 * the password, make tokens (issue 12). */
int
api_alleen_sessie(struct http_resp *r)
{
	return http_resp_fout(r, 403, "alleen_sessie", "met een API-token "
			      "kan dit niet: meld u aan met uw wachtwoord",
			      NULL);
}

/* POST /ik/wachtwoord {"oud","nieuw"}: a new password ends every
 * session of the user and revokes his API tokens
 * (store_gebruiker_wachtwoord), this one included. */
int
h_wachtwoord(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct api *a = q->app;
	json_t *b = NULL;
	const char *oud, *nieuw;
	char *hash = NULL, nh[AUTH_HASH_MAX];
	int64_t id;
	int rc;

	if (!c->w.cookie) {
		rc = api_alleen_sessie(r);
		goto out;
	}
	b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES, NULL);
	oud = json_string_value(json_object_get(b, "oud"));
	nieuw = json_string_value(json_object_get(b, "nieuw"));
	if (!oud || !nieuw) {
		rc = http_resp_fout(r, 400, "ongeldig", "ontbreekt of is geen "
				    "tekst", oud ? "$.nieuw" : "$.oud");
		goto out;
	}
	if ((rc = store_gebruiker_login(c->app.st, c->w.naam, &id, &hash))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (auth_wachtwoord_check(hash, oud, strlen(oud)) != 0) {
		rc = http_resp_fout(r, 403, "onjuist", "het huidige wachtwoord "
				    "klopt niet", "$.oud");
		goto out;
	}
	rc = auth_wachtwoord_regels(nieuw, c->w.naam, c->w.weergave, oud);
	if (rc || (rc = auth_wachtwoord_hash(nieuw, strlen(nieuw), a->kosten,
					     nh))) {
		rc = http_resp_fout(r, 422, "ongeldig",
				    auth_wachtwoord_uitleg(rc), "$.nieuw");
		goto out;
	}
	if ((rc = store_begin(c->app.st)) ||
	    (rc = store_gebruiker_wachtwoord(c->app.st, c->w.id, nh)) ||
	    (rc = store_audit(c->app.st, c->w.id, c->w.naam, 0, 0, "wachtwoord wijzigen",
			      0)) ||
	    (rc = store_commit(c->app.st))) {
		store_rollback(c->app.st);
		rc = api_db_fout(r, rc);
		goto out;
	}
	rc = http_resp_json(r, 200, "{}", 2);
	if (!rc)
		rc = http_resp_cookie(r, "spoor_sessie=; Path=/; HttpOnly; "
				      "SameSite=Strict; Max-Age=0");
out:
	free(hash);
	json_decref(b);
	return rc;
}

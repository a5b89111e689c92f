/*
 * api_beheer.c - API tokens, users and grants (see api_beheer.h,
 * docs/api.md).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "server/api.h"
#include "server/api_beheer.h"
#include "server/api_int.h"
#include "store/store.h"
#include "store/store_bereik.h"

/* POST /tokens {"naam", "dagen", "alleen_lezen", "werkgever"}: an API
 * token for integrations, shown once; it ends after dagen days (default
 * STORE_TOKEN_DAGEN, at most STORE_TOKEN_MAX_DAGEN) and, with werkgever
 * (an extern id the caller holds a grant within), acts only within that
 * employer (store_bereik.h). Only a session makes tokens. */
int
h_token(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	json_t *b = NULL, *o, *d, *l, *wg;
	const char *naam;
	char tok[AUTH_TOKEN_LEN + 1], h[AUTH_TOKEN_HASH_LEN + 1];
	json_int_t dagen = STORE_TOKEN_DAGEN;
	int64_t verloopt;
	int rc, lezen;

	memset(tok, 0, sizeof(tok));
	if (!c->w.cookie) {
		rc = api_alleen_sessie(r);
		goto out;
	}
	b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES, NULL);
	naam = json_string_value(json_object_get(b, "naam"));
	d = json_object_get(b, "dagen");
	l = json_object_get(b, "alleen_lezen");
	wg = json_object_get(b, "werkgever");
	if (!naam || !*naam || strlen(naam) > 100) {
		rc = http_resp_fout(r, 400, "ongeldig", "een naam van 1 tot 100 "
				    "tekens", "$.naam");
		goto out;
	}
	if (d && (!json_is_integer(d) || json_integer_value(d) < 1 ||
		  json_integer_value(d) > STORE_TOKEN_MAX_DAGEN)) {
		rc = http_resp_fout(r, 422, "ongeldig", "een geheel aantal "
				    "dagen van 1 tot 365", "$.dagen");
		goto out;
	}
	if (l && !json_is_boolean(l)) {
		rc = http_resp_fout(r, 422, "ongeldig", "true of false",
				    "$.alleen_lezen");
		goto out;
	}
	if (wg && !json_is_null(wg) &&
	    (!json_is_string(wg) || !json_string_length(wg))) {
		rc = http_resp_fout(r, 422, "ongeldig", "het id van een "
				    "werkgever (tekst), of weglaten voor een "
				    "token zonder beperking", "$.werkgever");
		goto out;
	}
	if (json_is_null(wg))
		wg = NULL;
	if (d)
		dagen = json_integer_value(d);
	verloopt = store_nu() + (int64_t)dagen * 86400;
	auth_token_nieuw(tok);
	auth_token_hash(tok, strlen(tok), h);
	lezen = json_is_true(l);
	/* the token and its scope in one transaction: a token that should
	 * be limited never exists without the limit */
	if ((rc = store_begin(c->app.st)))
		goto dbfout;
	if ((rc = store_token_maak(c->app.st, h, c->w.id, naam, verloopt,
				   lezen)) ||
	    (wg && (rc = store_token_bereik_zet(c->app.st, h, c->w.id,
						json_string_value(wg))))) {
		store_rollback(c->app.st);
		if (rc != ST_NIET_GEVONDEN)
			goto dbfout;
		rc = http_resp_fout(r, 422, "onbekende_werkgever", "geen "
				    "werkgever met dit id waar u een rol "
				    "heeft: zie GET /api/v1/werkgevers",
				    "$.werkgever");
		goto out;
	}
	if ((rc = store_commit(c->app.st)) ||
	    (rc = api_ctx_audit(c, 0, 0, wg ? "API-token maken (alleen voor een "
			     "werkgever)" : "API-token maken", 0)))
		goto dbfout;
	h[STORE_TOKEN_ID_LEN] = '\0';
	o = json_object();
	json_object_set_new(o, "id", json_string(h));
	json_object_set_new(o, "naam", json_string(naam));
	json_object_set_new(o, "token", json_string(tok));
	json_object_set_new(o, "verloopt", json_integer(verloopt));
	json_object_set_new(o, "alleen_lezen", json_boolean(lezen));
	json_object_set_new(o, "werkgever", wg ? json_copy(wg) : json_null());
	rc = api_stuur(r, 201, o);
	goto out;
dbfout:
	rc = api_db_fout(r, rc);
out:
	sodium_memzero(tok, sizeof(tok));
	json_decref(b);
	return rc;
}

/* Is the caller a beheerder? 0 or a store error. */
static int
is_beheerder(struct store *st, const struct wie *w, int *ja)
{
	uint32_t alle = 0;
	int rc = store_alle_rollen(st, w->id, &alle);

	if (!rc)
		*ja = (alle & ROL_BIT(ROL_BEHEERDER)) != 0;
	return rc;
}

/* GET /tokens[?gebruiker=NAAM]: the caller's tokens; a beheerder sees
 * every user's, or one user's with ?gebruiker=. Never the token itself. */
int
h_tokens(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct db_res res;
	const char *wie = http_query(q, "gebruiker");
	json_t *o, *a;
	int64_t van = 0;
	size_t i;
	int rc, beh = 0;

	if ((rc = is_beheerder(c->app.st, &c->w, &beh))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	van = beh ? 0 : c->w.id;
	if (wie && !beh && strcmp(wie, c->w.naam) != 0) {
		rc = http_resp_fout(r, 403, "verboden", "alleen een beheerder "
				    "ziet de tokens van een ander",
				    "gebruiker");
		goto out;
	}
	if ((rc = store_tokens(c->app.st, van, &res))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	o = json_object();
	a = json_array();
	for (i = 0; i < res.nrows; i++) {
		json_t *t;

		if (wie && strcmp(wie, db_cel(&res, i, 6)) != 0)
			continue;
		t = json_object();
		json_object_set_new(t, "id", json_string(db_cel(&res, i, 0)));
		json_object_set_new(t, "naam", json_string(db_cel(&res, i, 1)));
		json_object_set_new(t, "gebruikersnaam",
				    json_string(db_cel(&res, i, 6)));
		json_object_set_new(t, "aangemaakt",
				    json_integer(db_cel_int(&res, i, 2)));
		json_object_set_new(t, "verloopt",
				    json_integer(db_cel_int(&res, i, 3)));
		json_object_set_new(t, "alleen_lezen",
				    json_boolean(db_cel_int(&res, i, 4)));
		json_object_set_new(t, "ingetrokken",
				    json_boolean(db_cel_int(&res, i, 5)));
		json_object_set_new(t, "werkgever", db_cel(&res, i, 7) ?
				    json_string(db_cel(&res, i, 7)) :
				    json_null());
		json_array_append_new(a, t);
	}
	db_res_release(&res);
	json_object_set_new(o, "tokens", a);
	rc = api_stuur(r, 200, o);
out:
	return rc;
}

/* DELETE /tokens/{id}: revoke one of the caller's tokens; a beheerder
 * any. Another user's token is 404 for anyone else (no oracle). */
int
h_token_weg(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	const char *id = q->param[0];
	int64_t van = 0;
	int rc, beh = 0;

	if ((rc = is_beheerder(c->app.st, &c->w, &beh)) || (rc = store_begin(c->app.st)))
		goto dbfout;
	rc = store_token_intrekken(c->app.st, id ? id : "", beh ? 0 : c->w.id,
				   &van);
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 404, "niet_gevonden", "geen API-token "
				    "met dit id", "id");
		goto out;
	}
	if (rc || (rc = store_audit(c->app.st, c->w.id, c->w.naam,
				    beh ? ROL_BIT(ROL_BEHEERDER) : 0, 0,
				    "API-token intrekken", 0)) ||
	    (rc = store_commit(c->app.st)))
		goto dbfout;
	rc = http_resp_json(r, 200, "{}", 2);
	goto out;
dbfout:
	store_rollback(c->app.st);
	rc = api_db_fout(r, rc);
out:
	return rc;
}

/* --- beheer: users and grants (beheerder only) --------------------- */

int
h_gebruikers(struct api_ctx *c)
{
	struct http_resp *r = c->r;
	struct db_res res;
	json_t *o, *a, *cur = NULL, *tk = NULL;
	const char *vorige = NULL;
	size_t i;
	int rc;

	if ((rc = store_gebruikers(c->app.st, &res)))
		return api_db_fout(r, rc);
	o = json_object();
	a = json_array();
	for (i = 0; i < res.nrows; i++) {
		const char *naam = db_cel(&res, i, 0);

		if (!vorige || strcmp(vorige, naam) != 0) {
			cur = json_object();
			tk = json_array();
			json_object_set_new(cur, "gebruikersnaam", json_string(naam));
			json_object_set_new(cur, "naam", json_string(db_cel(&res, i, 1)));
			json_object_set_new(cur, "actief",
					    json_boolean(db_cel_int(&res, i, 2)));
			json_object_set_new(cur, "toekenningen", tk);
			json_array_append_new(a, cur);
			vorige = naam;
		}
		if (db_cel(&res, i, 3)) {
			json_t *t = json_object();

			json_object_set_new(t, "id", json_integer(db_cel_int(&res, i, 6)));
			json_object_set_new(t, "rol", json_string(db_cel(&res, i, 3)));
			if (db_cel(&res, i, 4))
				json_object_set_new(t, "werkgever",
						    json_string(db_cel(&res, i, 4)));
			if (db_cel(&res, i, 5))
				json_object_set_new(t, "dossier",
						    json_string(db_cel(&res, i, 5)));
			json_array_append_new(tk, t);
		}
	}
	json_object_set_new(o, "gebruikers", a);
	rc = api_stuur(r, 200, o);
	db_res_release(&res);
	return rc;
}

int
h_gebruiker_nieuw(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct api *a = q->app;
	json_t *b = NULL, *o;
	const char *naam, *weergave, *pw;
	char hash[AUTH_HASH_MAX];
	int64_t id;
	int rc;

	b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES, NULL);
	naam = json_string_value(json_object_get(b, "gebruikersnaam"));
	weergave = json_string_value(json_object_get(b, "naam"));
	pw = json_string_value(json_object_get(b, "wachtwoord"));
	if (!naam || !auth_naam_geldig(naam, strlen(naam))) {
		rc = http_resp_fout(r, 422, "ongeldig", "1-64 tekens a-z, 0-9, "
				    "'.', '_' of '-'", "$.gebruikersnaam");
		goto out;
	}
	if (!weergave || !*weergave || strlen(weergave) > 200) {
		rc = http_resp_fout(r, 422, "ongeldig", "een naam van 1 tot 200 "
				    "tekens", "$.naam");
		goto out;
	}
	if (!pw) {
		rc = http_resp_fout(r, 422, "ongeldig", "ontbreekt of is geen "
				    "tekst", "$.wachtwoord");
		goto out;
	}
	if ((rc = auth_wachtwoord_regels(pw, naam, weergave, NULL)) ||
	    (rc = auth_wachtwoord_hash(pw, strlen(pw), a->kosten, hash))) {
		rc = http_resp_fout(r, 422, "ongeldig",
				    auth_wachtwoord_uitleg(rc), "$.wachtwoord");
		goto out;
	}
	if ((rc = store_begin(c->app.st)))
		goto dbfout;
	rc = store_gebruiker_nieuw(c->app.st, naam, weergave, hash, &id);
	if (rc == ST_CONFLICT) {
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 409, "bestaat_al", "deze gebruikersnaam "
				    "bestaat al", "$.gebruikersnaam");
		goto out;
	}
	if (rc || (rc = store_audit(c->app.st, c->w.id, c->w.naam, ROL_BIT(ROL_BEHEERDER),
				    0, "gebruiker toevoegen", 0)) ||
	    (rc = store_commit(c->app.st)))
		goto dbfout;
	o = json_object();
	json_object_set_new(o, "gebruikersnaam", json_string(naam));
	rc = api_stuur(r, 201, o);
	goto out;
dbfout:
	store_rollback(c->app.st);
	rc = api_db_fout(r, rc);
out:
	sodium_memzero(hash, sizeof(hash));
	json_decref(b);
	return rc;
}

int
h_toekenning(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	json_t *b = NULL;
	const char *naam, *rn, *wg, *ds;
	char *hash = NULL;
	int64_t id;
	int rol, rc;

	b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES, NULL);
	naam = json_string_value(json_object_get(b, "gebruikersnaam"));
	rn = json_string_value(json_object_get(b, "rol"));
	wg = json_string_value(json_object_get(b, "werkgever"));
	ds = json_string_value(json_object_get(b, "dossier"));
	rol = rn ? rol_zoek(rn, strlen(rn)) : -1;
	if (!naam) {
		rc = http_resp_fout(r, 422, "ongeldig", "ontbreekt",
				    "$.gebruikersnaam");
		goto out;
	}
	if (rol < 0) {
		rc = http_resp_fout(r, 422, "ongeldig", "onbekende rol", "$.rol");
		goto out;
	}
	/* the scope each role needs, as `spoor user add` */
	if ((wg && ds) || (rol == ROL_BEHEERDER && (wg || ds)) ||
	    (rol != ROL_BEHEERDER && !wg && !ds)) {
		rc = http_resp_fout(r, 422, "ongeldig", "beheerder zonder "
				    "werkgever of dossier; andere rollen met "
				    "precies een van beide",
				    wg ? "$.dossier" : "$.werkgever");
		goto out;
	}
	rc = store_gebruiker_login(c->app.st, naam, &id, &hash);
	if (rc == ST_NIET_GEVONDEN) {
		rc = http_resp_fout(r, 422, "ongeldig", "geen actieve gebruiker "
				    "met deze naam", "$.gebruikersnaam");
		goto out;
	}
	if (rc || (rc = store_begin(c->app.st)))
		goto dbfout;
	rc = store_toekenning(c->app.st, id, (enum rol)rol, wg, ds);
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 422, "ongeldig", "bestaat niet",
				    wg ? "$.werkgever" : "$.dossier");
		goto out;
	}
	if (rc == ST_ONGELDIG) {
		/* architecture §6: these roles only per case */
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 422, "ongeldig", "deze rol geldt alleen "
				    "voor een dossier: geef \"dossier\" in "
				    "plaats van \"werkgever\"", "$.werkgever");
		goto out;
	}
	if (rc == ST_VERBODEN) {
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 409, "bestaat_al", rol == ROL_BEHEERDER
				    ? "deze gebruiker heeft een rol in dossiers; "
				      "een beheerder leest geen dossiers: maak "
				      "een apart account voor het beheer"
				    : "deze gebruiker is beheerder en leest geen "
				      "dossiers: maak een apart account voor "
				      "deze rol", "$.rol");
		goto out;
	}
	if (rc || (rc = store_toekenning_audit(c->app.st, c->w.id, c->w.naam, naam,
					      (enum rol)rol, wg, ds)) ||
	    (rc = store_commit(c->app.st)))
		goto dbfout;
	rc = http_resp_json(r, 201, "{}", 2);
	goto out;
dbfout:
	store_rollback(c->app.st);
	rc = api_db_fout(r, rc);
out:
	free(hash);
	json_decref(b);
	return rc;
}

/* DELETE /toekenningen/{id} (the id of GET /gebruikers): the grant ends
 * at once, audited (a per-case grant on that case, so in its access
 * log). Beheerder only. */
int
h_toekenning_weg(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	char *naam = NULL, *wg = NULL, *ds = NULL, *eind = NULL;
	const char *p = q->param[0];
	enum rol rol = ROL_BEHEERDER;
	long long id;
	int rc;

	id = p ? strtoll(p, &eind, 10) : 0;
	if (!p || !*p || *eind || id <= 0) {
		rc = http_resp_fout(r, 404, "niet_gevonden", "geen toekenning "
				    "met dit id", "id");
		goto out;
	}
	if ((rc = store_begin(c->app.st)))
		goto dbfout;
	rc = store_toekenning_weg_id(c->app.st, (int64_t)id, &naam, &rol, &wg,
				     &ds);
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 404, "niet_gevonden", "geen toekenning "
				    "met dit id", "id");
		goto out;
	}
	if (rc || (rc = store_intrekking_audit(c->app.st, c->w.id, c->w.naam, naam,
					       rol, wg, ds)) ||
	    (rc = store_commit(c->app.st)))
		goto dbfout;
	rc = http_resp_json(r, 200, "{}", 2);
	goto out;
dbfout:
	store_rollback(c->app.st);
	rc = api_db_fout(r, rc);
out:
	free(naam);
	free(wg);
	free(ds);
	return rc;
}

/* PUT /gebruikers/{naam}/actief {"actief": bool}: a deactivated user's
 * sessions and tokens end at once and his login is refused as a wrong
 * password; 409 for the last active beheerder. Beheerder only. */
int
h_gebruiker_actief(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	json_t *b = NULL, *v;
	char actie[100];
	int rc;

	b = json_loadb(q->body, q->bodylen, JSON_REJECT_DUPLICATES, NULL);
	v = json_object_get(b, "actief");
	if (!json_is_boolean(v)) {
		rc = http_resp_fout(r, 422, "ongeldig", "true of false",
				    "$.actief");
		goto out;
	}
	if ((rc = store_begin(c->app.st)))
		goto dbfout;
	rc = store_gebruiker_actief(c->app.st, q->param[0], json_is_true(v),
				    NULL);
	if (rc == ST_NIET_GEVONDEN) {
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 404, "niet_gevonden", "geen gebruiker "
				    "met deze naam", "gebruikersnaam");
		goto out;
	}
	if (rc == ST_VERBODEN) {
		store_rollback(c->app.st);
		rc = http_resp_fout(r, 409, "laatste_beheerder", "dit is de "
				    "laatste actieve beheerder: maak eerst een "
				    "andere beheerder", "$.actief");
		goto out;
	}
	snprintf(actie, sizeof(actie), "gebruiker %s: %.64s",
		 json_is_true(v) ? "activeren" : "deactiveren", q->param[0]);
	if (rc || (rc = store_audit(c->app.st, c->w.id, c->w.naam,
				    ROL_BIT(ROL_BEHEERDER), 0, actie, 0)) ||
	    (rc = store_commit(c->app.st)))
		goto dbfout;
	rc = http_resp_json(r, 200, "{}", 2);
	goto out;
dbfout:
	store_rollback(c->app.st);
	rc = api_db_fout(r, rc);
out:
	json_decref(b);
	return rc;
}

/*
 * api.c - handlers of /api/v1/ (see api.h, docs/api.md).
 */
#define _GNU_SOURCE /* strcasestr */
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/geval.h"
#include "core/loon.h"
#include "core/rules.h"
#include "core/toets.h"
#include "format/casefile.h"
#include "format/params.h"
#include "format/rapport_json.h"
#include "format/tijdlijn_json.h"
#include "lib/klok.h"
#include "app/app.h"
#include "server/api.h"
#include "server/api_catalogus.h"
#include "server/api_doc.h"
#include "server/api_int.h"
#include "server/api_limiet.h"
#include "server/api_param.h"
#include "server/api_proef.h"
#include "server/api_totp.h"
#include "server/web.h"
#include "store/store.h"
#include "store/store_bereik.h"

#define PAGINA 50

void
api_wie_release(struct wie *w)
{
	/* the next request on this thread starts without the scope */
	if (w->werkgever && api_st())
		api_st()->bereik_werkgever = 0;
	free(w->naam);
	free(w->weergave);
	free(w->csrf);
	memset(w, 0, sizeof(*w));
}

sdate
api_vandaag(void)
{
	int j, m, d;

	klok_vandaag(&j, &m, &d);
	return date_from_ymd(j, m, d);
}

struct store *
api_st(void)
{
	return http_thread_ctx();
}

void *
api_thread_init(void *app)
{
	struct api *a = app;
	struct store *s = NULL;
	char err[300];

	if (store_open(a->db_url, 0, &s, err, sizeof(err))) {
		fprintf(stderr, "spoor serve: %s\n", err);
		return NULL;
	}
	return s;
}

void
api_thread_free(void *ctx)
{
	store_free(ctx);
}

int
api_intern(struct http_resp *r)
{
	return http_resp_fout(r, 500, "intern", "interne fout; zie het "
			      "serverlog", NULL);
}

/* This worker has no connection: the database was unreachable when it
 * last tried (http.h tries again after a back-off). */
static int
api_geen_db(struct http_resp *r)
{
	int rc = http_resp_fout(r, 503, "bezet", "database niet bereikbaar; "
				"probeer het opnieuw", NULL);

	if (!rc)
		rc = http_resp_header(r, "Retry-After", "2");
	r->db_fout = 1;
	return rc;
}

int
api_db_fout(struct http_resp *r, int rc)
{
	if (api_st())
		fprintf(stderr, "spoor serve: database: %s\n",
			store_errmsg(api_st()));
	if (rc == ST_BUSY)
		rc = http_resp_fout(r, 503, "bezet", "de database is bezet; "
				    "probeer het opnieuw", NULL);
	else
		rc = api_intern(r);
	r->db_fout = 1;
	return rc;
}

/* Send a jansson tree (stolen) as the response. */
int
api_stuur(struct http_resp *r, unsigned status, json_t *j)
{
	char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
	int rc;

	json_decref(j);
	if (!s)
		return api_intern(r);
	rc = http_resp_json(r, status, s, strlen(s));
	free(s);
	return rc;
}

static int
is_schrijf(const struct http_req *q)
{
	return q->methode != HTTP_GET && q->methode != HTTP_HEAD &&
	       q->methode != HTTP_OPTIONS;
}

/*
 * Authenticate on st: the bearer token or the session cookie; schrijf
 * refuses a read-only token, csrf checks a cookie's CSRF token. Returns
 * 0 with *w filled, or answers 401/403 itself and returns 1.
 */
static int
aanmelden(struct http_req *q, struct http_resp *r, struct store *st,
	  int schrijf, int csrf, struct wie *w)
{
	const char *auth = http_header(q, "Authorization");
	const char *c = http_cookie(q, "spoor_sessie");
	char h[AUTH_TOKEN_HASH_LEN + 1];
	int rc;

	memset(w, 0, sizeof(*w));
	if (!st) {
		(void)api_geen_db(r);
		return 1;
	}
	st->bereik_werkgever = 0;
	if (auth && !strncmp(auth, "Bearer ", 7)) {
		const char *t = auth + 7;

		if (!auth_token_geldig(t, strlen(t)))
			goto weg;
		auth_token_hash(t, strlen(t), h);
		rc = store_token_wie_at(st, h, store_nu(), &w->id,
					&w->naam, &w->weergave,
					&w->alleen_lezen);
		/* a token limited to one employer: from here on the store
		 * resolves this caller's grants within it only */
		if (!rc)
			rc = store_token_bereik(st, h, &w->werkgever);
	} else if (c) {
		if (!auth_token_geldig(c, strlen(c)))
			goto weg;
		auth_token_hash(c, strlen(c), h);
		rc = store_sessie_wie(st, h, store_nu(),
				      ((const struct api *)q->app)->sessie_idle,
				      &w->id, &w->csrf, &w->naam, &w->weergave);
		w->cookie = 1;
	} else {
		goto weg;
	}
	if (rc == ST_NIET_GEVONDEN)
		goto weg;
	if (rc) {
		api_wie_release(w);
		(void)api_db_fout(r, rc);
		return 1;
	}
	st->bereik_werkgever = w->werkgever;
	/* the one place writes of a read-only token are refused (issue
	 * 12): every handler authenticates here */
	if (w->alleen_lezen && schrijf) {
		api_wie_release(w);
		http_resp_fout(r, 403, "alleen_lezen", "dit API-token mag "
			       "alleen lezen: maak een token zonder "
			       "\"alleen_lezen\" om te schrijven", NULL);
		return 1;
	}
	if (w->cookie && csrf) {
		const char *x = http_header(q, "X-CSRF-Token");

		if (!x || !auth_gelijk(x, strlen(x), w->csrf, strlen(w->csrf))) {
			api_wie_release(w);
			http_resp_fout(r, 403, "csrf", "de kop X-CSRF-Token "
				       "ontbreekt of klopt niet", NULL);
			return 1;
		}
	}
	/* a role that must use a second factor, without one: only its
	 * enrolment (api_totp.h) */
	if (api_totp_afdwingen(q, r, w)) {
		api_wie_release(w);
		return 1;
	}
	return 0;
weg:
	api_wie_release(w);
	http_resp_fout(r, 401, "niet_aangemeld", "meld u eerst aan", NULL);
	return 1;
}

/* For a handler without route flags: a write is what its method says. */
int
api_aanmelden(struct http_req *q, struct http_resp *r, struct wie *w)
{
	return aanmelden(q, r, api_st(), is_schrijf(q), is_schrijf(q), w);
}

int
api_vooraf(struct http_req *q, struct http_resp *r)
{
	struct wie w;

	if (api_aanmelden(q, r, &w))
		return 1;
	api_wie_release(&w);
	return 0;
}

/* The case {id} of the path with the caller's roles in it and its
 * versie (raised by every write); answers 404 itself (also when the
 * caller has no role there) and returns 1. */
static int
dossier_versie(struct store *st, struct http_req *q, struct http_resp *r,
	       const struct wie *w, int64_t *id, int64_t *versie,
	       uint32_t *rollen)
{
	int rc = store_dossier_toegang(st, w->id, q->param[0], id, versie,
				       rollen);

	if (rc == ST_NIET_GEVONDEN || (rc == ST_OK && !toegang_dossier(*rollen))) {
		http_resp_fout(r, 404, "niet_gevonden",
			       "dossier niet gevonden", NULL);
		return 1;
	}
	if (rc) {
		api_db_fout(r, rc);
		return 1;
	}
	return 0;
}

/* The use-case context of this request: its store (the worker's), the
 * process's cache and audit queue (app.h). */
static struct app
app_van(const struct http_req *q)
{
	const struct api *a = q->app;
	struct app c = {q->ctx, a ? a->cache : NULL, a ? a->auditq : NULL,
			a ? a->schrijfq : NULL};

	return c;
}

/* The audit record of a read (app_lees_audit). */
int
api_lees_audit(struct http_req *q, const struct wie *w, uint32_t rollen,
	       int64_t dossier, const char *actie, uint32_t klassen)
{
	struct app c = app_van(q);
	struct app_wie aw = {w->id, w->naam};

	return app_lees_audit(&c, &aw, rollen, dossier, actie, klassen);
}

/* Load the case filtered for the roles, and audit the read
 * (app_dossier_lees). */
static int
laad_gefilterd(struct http_req *q, const struct wie *w, int64_t id,
	       uint32_t rollen, const char *actie, struct dossier *d)
{
	struct app c = app_van(q);
	struct app_wie aw = {w->id, w->naam};

	return app_dossier_lees(&c, &aw, id, rollen, actie, d);
}

static int beheerder(struct store *st, struct http_resp *r,
		     const struct wie *w);

int
api_dispatch(struct http_req *q, struct http_resp *r)
{
	const struct http_route *rt = q->rt;
	struct api_ctx c;
	unsigned v;
	int rc = 0;

	/* a route without R_ANONIEM or R_AANMELDEN is a mistake in the
	 * table: 500, never an open route */
	if (!rt || !rt->hc || !(rt->vlag & (R_ANONIEM | R_AANMELDEN)))
		return -1;
	v = rt->vlag;
	memset(&c, 0, sizeof(c));
	c.q = q;
	c.r = r;
	c.app = app_van(q);
	if (v & R_AANMELDEN) {
		if (aanmelden(q, r, c.app.st, (v & R_SCHRIJF) != 0,
			      (v & R_CSRF) != 0, &c.w))
			return 0;
		/* 401 before 404 before 403: an unknown case of a known
		 * caller is 404 whatever he may do elsewhere */
		if ((v & R_DOSSIER) &&
		    dossier_versie(c.app.st, q, r, &c.w, &c.dossier, &c.versie,
				   &c.rollen))
			goto out;
		if ((v & R_BEHEERDER) && beheerder(c.app.st, r, &c.w))
			goto out;
	}
	rc = rt->hc(&c);
out:
	api_wie_release(&c.w);
	return rc;
}

/* The audit record of a read by the caller of c (app_lees_audit). */
static int
lees_audit(struct api_ctx *c, uint32_t rollen, int64_t dossier,
	   const char *actie, uint32_t klassen)
{
	struct app_wie aw = {c->w.id, c->w.naam};

	return app_lees_audit(&c->app, &aw, rollen, dossier, actie, klassen);
}

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

static int
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

static int
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
	if (!rc && !(r->set_cookie = strdup("spoor_sessie=; Path=/; HttpOnly; "
					   "SameSite=Strict; Max-Age=0")))
		rc = -1;
	return rc;
}

static int
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
static int
alleen_sessie(struct http_resp *r)
{
	return http_resp_fout(r, 403, "alleen_sessie", "met een API-token "
			      "kan dit niet: meld u aan met uw wachtwoord",
			      NULL);
}

/* POST /ik/wachtwoord {"oud","nieuw"}: a new password ends every
 * session of the user and revokes his API tokens
 * (store_gebruiker_wachtwoord), this one included. */
static int
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
		rc = alleen_sessie(r);
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
	if (!rc && !(r->set_cookie = strdup("spoor_sessie=; Path=/; HttpOnly; "
					   "SameSite=Strict; Max-Age=0")))
		rc = -1;
out:
	free(hash);
	json_decref(b);
	return rc;
}

/* POST /tokens {"naam", "dagen", "alleen_lezen", "werkgever"}: an API
 * token for integrations, shown once; it ends after dagen days (default
 * STORE_TOKEN_DAGEN, at most STORE_TOKEN_MAX_DAGEN) and, with werkgever
 * (an extern id the caller holds a grant within), acts only within that
 * employer (store_bereik.h). Only a session makes tokens. */
static int
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
		rc = alleen_sessie(r);
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
	    (rc = lees_audit(c, 0, 0, wg ? "API-token maken (alleen voor een "
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
static int
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
static int
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
			       "beheert gebruikers", NULL);
		return 1;
	}
	return 0;
}

static int
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

static int
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

static int
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
static int
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
static int
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

/* --- cases ------------------------------------------------------- */

static int
peildatum(struct http_req *q, struct http_resp *r, sdate *peil)
{
	const char *p = http_query(q, "peildatum");

	if (!p) {
		*peil = api_vandaag();
		return 0;
	}
	if (date_parse(p, strlen(p), peil)) {
		http_resp_fout(r, 400, "ongeldig", "peildatum: verwacht een "
			       "datum als JJJJ-MM-DD", "peildatum");
		return 1;
	}
	return 0;
}

/* Compute the filtered case; on a case without illness answer 422. */
static int
bereken(struct http_resp *r, struct geval *g, sdate peil)
{
	int rc = geval_bereken(g, peil);

	if (rc == GEVAL_NOMEM) {
		(void)api_intern(r);
		return 1;
	}
	if (rc) {
		http_resp_fout(r, 422, "geen_verzuim", "het dossier heeft geen "
			       "bruikbare ziekmelding", "$.verzuim");
		return 1;
	}
	return 0;
}

enum soort_uit { UIT_DOSSIER = GC_DOSSIER, UIT_TIJDLIJN = GC_TIJDLIJN,
		 UIT_TOETS = GC_TOETS, UIT_LOON = GC_LOON };

static struct gcache *
cache(const struct http_req *q)
{
	return q->app ? ((struct api *)q->app)->cache : NULL;
}

static int
lees_dossier(struct api_ctx *c, enum soort_uit soort)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	static const char *const actie[] = {"dossier lezen", "tijdlijn lezen",
					    "toets lezen", "loon lezen"};
	struct geval g;
	struct params pa;
	struct loon *l = NULL;
	struct toets t;
	struct gcache_sleutel k;
	char *out = NULL;
	size_t len = 0;
	int64_t id = c->dossier, versie = c->versie;
	uint32_t rollen = c->rollen;
	sdate peil;
	int rc;

	geval_init(&g);
	params_init(&pa);
	if (peildatum(q, r, &peil)) {
		rc = 0;
		goto out;
	}
	/* the result depends only on the case's versie, the classes the
	 * caller may read and the peildatum (gcache.h); the case itself
	 * also on whether the BSN is in it, the computed results not, so
	 * they stay shared between roles that read the same classes */
	k.dossier = id;
	k.klassen = soort == UIT_DOSSIER ? toegang_zicht(rollen)
					 : toegang_klassen(rollen);
	k.versie = versie;
	k.peil = peil;
	/* wage and assessment also depend on the parameter tables */
	k.params = soort == UIT_TOETS || soort == UIT_LOON
		   ? api_param_generatie() : 0;
	if (cache(q) &&
	    gcache_json(cache(q), &k, (enum gcache_uit)soort, &out, &len) == 0) {
		rc = lees_audit(c, rollen, id, actie[soort],
				    toegang_klassen(rollen));
		rc = rc ? api_db_fout(r, rc) : http_resp_json(r, 200, out, len);
		goto out;
	}
	if ((rc = laad_gefilterd(q, &c->w, id, rollen, actie[soort], &g.ds))) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (soort == UIT_DOSSIER) {
		rc = casefile_schrijf(&g.ds, &out, &len);
	} else {
		if (bereken(r, &g, peil)) {
			rc = 0;
			goto out;
		}
		if (soort == UIT_TIJDLIJN) {
			rc = tijdlijn_json(&g.t, &out, &len);
		} else {
			int lrc = LOONF_GEEN_MAANDLOON;

			/* the compiled tables with the stored rows */
			l = calloc(1, sizeof(*l));
			if (!l || api_params(&pa)) {
				rc = api_intern(r);
				goto out;
			}
			if (g.ds.maandloon_cent >= 0)
				lrc = loon_bereken(&g.ds, &g.zv, &g.t, &pa.wml,
						   &pa.maxd, &pa.jeugd, l);
			if (soort == UIT_LOON) {
				if (lrc == LOONF_GEEN_MAANDLOON) {
					rc = http_resp_fout(r, 422, "geen_loon",
						"nodig voor de loonberekening",
						"$.dienstverband.maandloon_cent");
					goto out;
				}
				rc = lrc ? -1 : loon_json(l, g.ds.dossier_id.s,
							  &out, &len);
			} else {
				toets_bereken(&g.ds, &g.t, &t);
				if (lrc == LOONF_OK)
					t.loonsanctie_blootstelling_cent =
						l->blootstelling;
				rc = toets_json(&t, &out, &len);
			}
		}
	}
	if (!rc && cache(q))
		gcache_zet_json(cache(q), &k, (enum gcache_uit)soort, out, len);
	rc = rc ? api_intern(r) : http_resp_json(r, 200, out, len);
out:
	free(out);
	free(l);
	params_release(&pa);
	geval_release(&g);
	return rc;
}

static int
h_dossier(struct api_ctx *c)
{
	return lees_dossier(c, UIT_DOSSIER);
}

static int
h_tijdlijn(struct api_ctx *c)
{
	return lees_dossier(c, UIT_TIJDLIJN);
}

static int
h_toets(struct api_ctx *c)
{
	return lees_dossier(c, UIT_TOETS);
}

static int
h_loon(struct api_ctx *c)
{
	return lees_dossier(c, UIT_LOON);
}

int
api_store_fout(struct http_resp *r, int rc, const struct casefile_fout *f,
	       const char *wat)
{
	const char *pad = f->pad[0] ? f->pad : NULL;
	char m[80];

	if (rc == ST_ONGELDIG)
		return http_resp_fout(r, 422, "ongeldig", f->reden, pad);
	if (rc == ST_VERBODEN)
		return http_resp_fout(r, 403, "verboden", f->reden, pad);
	if (rc == ST_CONFLICT)
		return http_resp_fout(r, 409, "bestaat_al", f->reden, pad);
	if (rc == ST_NIET_GEVONDEN) {
		snprintf(m, sizeof(m), "%s niet gevonden", wat);
		return http_resp_fout(r, 404, "niet_gevonden", m, NULL);
	}
	return api_db_fout(r, rc);
}

static int
h_toevoegen(struct api_ctx *c, int verzuim)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct casefile_fout f;
	char *nid = NULL;
	int rc;

	rc = app_toevoegen(&c->app, verzuim, c->dossier, q->body, q->bodylen,
			   c->rollen, c->w.id, c->w.weergave,
			   verzuim ? NULL : &nid, &f);
	if (rc) {
		rc = api_store_fout(r, rc, &f, "dossier");
	} else {
		json_t *o = json_object();

		if (nid)
			json_object_set_new(o, "id", json_string(nid));
		json_object_set_new(o, "dossier_id", json_string(q->param[0]));
		rc = api_stuur(r, 201, o);
	}
	free(nid);
	return rc;
}

static int
h_verzuim(struct api_ctx *c)
{
	return h_toevoegen(c, 1);
}

static int
h_gebeurtenis(struct api_ctx *c)
{
	return h_toevoegen(c, 0);
}

/* POST /dossiers: only a casemanager or werkgever of the employer in
 * the document may create its case. */
static int
h_import(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct dossier d;
	struct casefile_fout f;
	int64_t id;
	uint32_t rollen = 0;
	int rc;

	dossier_init(&d);
	if (casefile_lees(q->body, q->bodylen, &d, &f) != CF_OK) {
		rc = api_store_fout(r, ST_ONGELDIG, &f, "dossier");
		goto out;
	}
	rc = store_werkgever_rollen(c->app.st, c->w.id, d.werkgever_id.s, &rollen);
	if (rc && rc != ST_NIET_GEVONDEN) {
		rc = api_db_fout(r, rc);
		goto out;
	}
	if (!(rollen & (ROL_BIT(ROL_CASEMANAGER) | ROL_BIT(ROL_WERKGEVER)))) {
		rc = http_resp_fout(r, 403, "verboden", "alleen een casemanager "
				    "of werkgever van deze werkgever maakt hier "
				    "een dossier aan", "$.werkgever.id");
		goto out;
	}
	rc = store_import_als(c->app.st, q->body, q->bodylen, c->w.id, c->w.weergave,
			      c->w.naam, rollen, &id, &f);
	if (rc) {
		rc = api_store_fout(r, rc, &f, "dossier");
		goto out;
	}
	{
		json_t *o = json_object();

		json_object_set_new(o, "dossier_id", json_string(d.dossier_id.s));
		rc = api_stuur(r, 201, o);
	}
out:
	dossier_release(&d);
	return rc;
}

/* One case of the dashboard: where its names are in the query result,
 * and its summary. */
struct rij {
	size_t res;        /* row of store_dossierlijst's result */
	const char *naam;  /* werknemer, for search and sort */
	struct gcache_samenvatting sv;
};

static int
sorteer_datum(const void *a, const void *b)
{
	const struct rij *x = a, *y = b;
	sdate dx = x->sv.actie_datum, dy = y->sv.actie_datum;

	/* cases without a next action last */
	if (dx != dy) {
		if (dx == DATE_NONE || dy == DATE_NONE)
			return dx == DATE_NONE ? 1 : -1;
		return dx < dy ? -1 : 1;
	}
	return strcmp(x->naam, y->naam);
}

static int
sorteer_risico(const void *a, const void *b)
{
	const struct rij *x = a, *y = b;

	if (x->sv.risico != y->sv.risico)
		return y->sv.risico - x->sv.risico;
	return sorteer_datum(a, b);
}

static int
sorteer_naam(const void *a, const void *b)
{
	const struct rij *x = a, *y = b;
	int c = strcmp(x->naam, y->naam);

	return c ? c : sorteer_datum(a, b);
}

static json_t *
rij_json(const struct rij *x, const struct db_res *res, sdate peil)
{
	json_t *o = json_object();
	char dd[DATE_STRLEN];

	json_object_set_new(o, "dossier_id", json_string(db_cel(res, x->res, 3)));
	json_object_set_new(o, "werknemer", json_string(x->naam));
	json_object_set_new(o, "werkgever", json_string(db_cel(res, x->res, 5)));
	if (x->sv.eerste_ziektedag == DATE_NONE) {
		json_object_set_new(o, "volgende_actie", json_null());
		json_object_set_new(o, "te_laat", json_integer(0));
		json_object_set_new(o, "risico", json_null());
		json_object_set_new(o, "tweede_spoor", json_false());
		return o;
	}
	date_format(x->sv.eerste_ziektedag, dd);
	json_object_set_new(o, "eerste_ziektedag", json_string(dd));
	json_object_set_new(o, "ziekteweek", json_integer(x->sv.ziekteweek));
	if (x->sv.actie >= 0) {
		json_t *v = json_object();

		date_format(x->sv.actie_datum, dd);
		json_object_set_new(v, "id", json_string(regels[x->sv.actie].naam));
		json_object_set_new(v, "titel",
				    json_string(regels[x->sv.actie].titel));
		json_object_set_new(v, "datum", json_string(dd));
		json_object_set_new(v, "dagen",
				    json_integer(x->sv.actie_datum - peil));
		json_object_set_new(o, "volgende_actie", v);
	} else {
		json_object_set_new(o, "volgende_actie", json_null());
	}
	json_object_set_new(o, "te_laat", json_integer(x->sv.te_laat));
	json_object_set_new(o, "risico", json_string(ernst_naam[x->sv.risico]));
	json_object_set_new(o, "tweede_spoor", json_boolean(x->sv.tweede_spoor));
	return o;
}

/* Does the row pass ?filter= (NULL: no filter)? */
static int
past_filter(const char *fi, const struct gcache_samenvatting *sv, sdate peil)
{
	if (!fi)
		return 1;
	if (!strcmp(fi, "te_laat"))
		return sv->te_laat > 0;
	if (!strcmp(fi, "hoog"))
		return sv->risico == ERNST_HOOG;
	if (!strcmp(fi, "tweede_spoor"))
		return sv->tweede_spoor;
	/* deze_week: the next action falls within seven days (or is due) */
	return sv->actie >= 0 && sv->actie_datum <= peil + 7;
}

/*
 * GET /dossiers: one query for the caller's cases with their names and
 * versie; each case's summary from the cache (computed on a miss); the
 * JSON only for the page asked for.
 */
static int
h_lijst(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	const char *so = http_query(q, "sorteer"), *fi = http_query(q, "filter"),
		   *zo = http_query(q, "zoek"), *pg = http_query(q, "pagina");
	struct db_res res;
	struct rij *rijen = NULL;
	size_t k = 0, i, j, pagina = 1;
	sdate peil = api_vandaag();
	struct app ctx = app_van(q);
	json_t *o, *a;
	int rc;

	if ((so && strcmp(so, "datum") != 0 && strcmp(so, "risico") != 0 &&
	     strcmp(so, "naam") != 0) ||
	    (fi && strcmp(fi, "te_laat") != 0 && strcmp(fi, "deze_week") != 0 &&
	     strcmp(fi, "hoog") != 0 && strcmp(fi, "tweede_spoor") != 0)) {
		return http_resp_fout(r, 400, "ongeldig", "sorteer: datum, "
				      "risico of naam; filter: te_laat, "
				      "deze_week, hoog of tweede_spoor",
				      so ? "sorteer" : "filter");
	}
	if (pg) {
		char *e;
		long v = strtol(pg, &e, 10);

		if (*e || v < 1 || v > 1000000) {
			return http_resp_fout(r, 400, "ongeldig", "pagina: een "
					      "getal vanaf 1", "pagina");
		}
		pagina = (size_t)v;
	}
	if ((rc = store_dossierlijst(c->app.st, c->w.id, &res)))
		return api_db_fout(r, rc);
	rijen = calloc(res.nrows ? res.nrows : 1, sizeof(*rijen));
	if (!rijen) {
		rc = api_intern(r);
		goto out;
	}
	/* one row per grant: fold the roles of each case */
	for (i = 0; i < res.nrows; i = j) {
		int64_t id = db_cel_int(&res, i, 0);
		uint32_t rollen = 0;
		struct gcache_sleutel key;

		for (j = i; j < res.nrows && db_cel_int(&res, j, 0) == id; j++) {
			const char *rn = db_cel(&res, j, 2);
			int rol = rn ? rol_zoek(rn, strlen(rn)) : -1;

			if (rol >= 0)
				rollen |= ROL_BIT(rol);
		}
		rijen[k].res = i;
		rijen[k].naam = db_cel(&res, i, 4);
		if (!rijen[k].naam)
			rijen[k].naam = "";
		if (zo && !strcasestr(rijen[k].naam, zo))
			continue;
		key.dossier = id;
		key.klassen = toegang_klassen(rollen);
		key.versie = db_cel_int(&res, i, 1);
		key.peil = peil;
		if ((rc = app_samenvatting(&ctx, id, rollen, &key,
					   &rijen[k].sv))) {
			rc = api_db_fout(r, rc);
			goto out;
		}
		if (past_filter(fi, &rijen[k].sv, peil))
			k++;
	}
	qsort(rijen, k, sizeof(*rijen),
	      so && !strcmp(so, "risico") ? sorteer_risico
	      : so && !strcmp(so, "naam") ? sorteer_naam
					  : sorteer_datum);
	o = json_object();
	a = json_array();
	for (i = (pagina - 1) * PAGINA; i < k && i < pagina * PAGINA; i++)
		json_array_append_new(a, rij_json(&rijen[i], &res, peil));
	json_object_set_new(o, "dossiers", a);
	json_object_set_new(o, "totaal", json_integer((json_int_t)k));
	json_object_set_new(o, "pagina", json_integer((json_int_t)pagina));
	json_object_set_new(o, "per_pagina", json_integer(PAGINA));
	rc = lees_audit(c, 0, 0, "dossierlijst lezen", 1u);
	if (rc) {
		json_decref(o);
		rc = api_db_fout(r, rc);
	} else {
		rc = api_stuur(r, 200, o);
	}
out:
	free(rijen);
	db_res_release(&res);
	return rc;
}

/* --- warming the summaries ----------------------------------------- */

struct api_warmer {
	struct api *a;
	pthread_t draad;
	pthread_mutex_t m;
	pthread_cond_t c;
	atomic_int stop;   /* also read by a pass without the lock */
};

/* app_opwarmen's question between cases: is the server stopping? */
static int
warmer_stopt(void *arg)
{
	const struct api_warmer *w = arg;

	return w->stop;
}

/* Ended sessions leave the table here, once a minute, at most ten
 * bounded batches per pass (several servers on one database may each do
 * it; the DELETEs do not conflict). */
static void
sessies_opruimen(struct store *st, const struct api *a)
{
	int64_t n = 0;
	int i;

	for (i = 0; i < 10; i++) {
		if (store_sessies_opruimen(st, store_nu(), a->sessie_idle, &n)) {
			fprintf(stderr, "spoor serve: sessies opruimen: %s\n",
				store_errmsg(st));
			return;
		}
		if (n < 1000)
			return;
	}
}

static void *
warmer(void *arg)
{
	struct api_warmer *w = arg;
	struct store *st = NULL;
	sdate klaar = DATE_NONE;
	char err[300];

	if (store_open(w->a->db_url, 0, &st, err, sizeof(err))) {
		fprintf(stderr, "spoor serve: opwarmen: %s\n", err);
		return NULL;
	}
	pthread_mutex_lock(&w->m);
	while (!w->stop) {
		sdate peil = api_vandaag();
		struct timespec t;

		pthread_mutex_unlock(&w->m);
		if (peil != klaar) {
			struct app c = {st, w->a->cache, NULL, NULL};

			if (app_opwarmen(&c, peil, warmer_stopt, w) == 0)
				klaar = peil;
			else
				fprintf(stderr, "spoor serve: opwarmen: %s\n",
					store_errmsg(st));
		}
		sessies_opruimen(st, w->a);
		api_limiet_opruimen(st, store_nu());
		pthread_mutex_lock(&w->m);
		/* look at the date again in a minute */
		clock_gettime(CLOCK_REALTIME, &t);
		t.tv_sec += 60;
		if (!w->stop)
			pthread_cond_timedwait(&w->c, &w->m, &t);
	}
	pthread_mutex_unlock(&w->m);
	store_free(st);
	return NULL;
}

int
api_warmer_start(struct api *a, struct api_warmer **out)
{
	struct api_warmer *w = calloc(1, sizeof(*w));

	if (!w || !a->cache) {
		free(w);
		return -1;
	}
	w->a = a;
	pthread_mutex_init(&w->m, NULL);
	pthread_cond_init(&w->c, NULL);
	if (pthread_create(&w->draad, NULL, warmer, w)) {
		pthread_cond_destroy(&w->c);
		pthread_mutex_destroy(&w->m);
		free(w);
		return -1;
	}
	*out = w;
	return 0;
}

void
api_warmer_stop(struct api_warmer *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->m);
	w->stop = 1;
	pthread_cond_signal(&w->c);
	pthread_mutex_unlock(&w->m);
	pthread_join(w->draad, NULL);
	pthread_cond_destroy(&w->c);
	pthread_mutex_destroy(&w->m);
	free(w);
}

/* The page of the access log asked for (docs/api.md). */
struct toegang_vraag {
	size_t pagina, per_pagina;
	int64_t van, tot; /* unix seconds; tot 0: no end */
};

#define TOEGANG_PER_PAGINA 50
#define TOEGANG_PER_PAGINA_MAX 500

/* The start of day d in local time, as unix seconds. */
static int64_t
dag_begin(sdate d)
{
	struct tm tm;
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = dd;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/* ?name=N with lo <= N <= hi into *out (unchanged when absent); answers
 * 400 itself and returns 1. */
static int
getal_param(struct http_req *q, struct http_resp *r, const char *naam,
	    long lo, long hi, size_t *out)
{
	const char *t = http_query(q, naam);
	char *e, m[80];
	long v;

	if (!t)
		return 0;
	v = strtol(t, &e, 10);
	if (*t && !*e && v >= lo && v <= hi) {
		*out = (size_t)v;
		return 0;
	}
	snprintf(m, sizeof(m), "%s: een getal van %ld tot en met %ld", naam, lo,
		 hi);
	http_resp_fout(r, 400, "ongeldig", m, naam);
	return 1;
}

/* ?van=JJJJ-MM-DD (from its first second) into *out; answers 400 itself
 * and returns 1. */
static int
dag_param(struct http_req *q, struct http_resp *r, const char *naam,
	  int volgende, int64_t *out)
{
	const char *t = http_query(q, naam);
	char m[80];
	sdate d;

	if (!t)
		return 0;
	if (!date_parse(t, strlen(t), &d)) {
		*out = dag_begin(volgende ? d + 1 : d);
		return 0;
	}
	snprintf(m, sizeof(m), "%s: verwacht een datum als JJJJ-MM-DD", naam);
	http_resp_fout(r, 400, "ongeldig", m, naam);
	return 1;
}

/* Read pagina, per_pagina, van and tot; answers 400 itself and returns
 * 1. */
static int
toegang_vraag_lees(struct http_req *q, struct http_resp *r,
		   struct toegang_vraag *v)
{
	v->pagina = 1;
	v->per_pagina = TOEGANG_PER_PAGINA;
	v->van = 0;
	v->tot = 0;
	if (getal_param(q, r, "pagina", 1, 1000000, &v->pagina) ||
	    getal_param(q, r, "per_pagina", 1, TOEGANG_PER_PAGINA_MAX,
			&v->per_pagina) ||
	    dag_param(q, r, "van", 0, &v->van) ||
	    dag_param(q, r, "tot", 1, &v->tot))
		return 1;
	if (v->tot && v->van >= v->tot) {
		http_resp_fout(r, 400, "ongeldig", "tot: een datum op of na "
			       "van", "tot");
		return 1;
	}
	return 0;
}

/* GET /dossiers/{id}/toegang: the werknemer of the case, or beheerder;
 * one page, newest first. */
static int
h_toegang(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	struct db_res res;
	struct toegang_vraag v;
	int64_t id;
	uint32_t rollen = 0, alle = 0;
	json_t *o, *a;
	size_t i, n;
	int rc;

	if (toegang_vraag_lees(q, r, &v))
		return 0;
	rc = store_dossier_zoek(c->app.st, q->param[0], &id);
	if (!rc)
		rc = store_rollen(c->app.st, c->w.id, id, &rollen);
	if (!rc)
		rc = store_alle_rollen(c->app.st, c->w.id, &alle);
	if (rc == ST_NIET_GEVONDEN ||
	    (!rc && !toegang_inzage(rollen) &&
	     !(alle & ROL_BIT(ROL_BEHEERDER)))) {
		return http_resp_fout(r, 404, "niet_gevonden",
				      "dossier niet gevonden", NULL);
	}
	/* the log shows every read up to this moment */
	if (!rc && ((struct api *)q->app)->auditq)
		auditq_flush(((struct api *)q->app)->auditq);
	/* one row more than the page says whether a next page exists */
	if (rc || (rc = store_toegang_log(c->app.st, id, v.van, v.tot,
					  (v.pagina - 1) * v.per_pagina,
					  v.per_pagina + 1, &res))) {
		return api_db_fout(r, rc);
	}
	o = json_object();
	a = json_array();
	n = res.nrows > v.per_pagina ? v.per_pagina : res.nrows;
	for (i = 0; i < n; i++) {
		json_t *t = json_object();

		json_object_set_new(t, "tijd", json_integer(db_cel_int(&res, i, 0)));
		json_object_set_new(t, "gebruiker", json_string(db_cel(&res, i, 1)));
		json_object_set_new(t, "rol", json_string(db_cel(&res, i, 2)));
		json_object_set_new(t, "actie", json_string(db_cel(&res, i, 3)));
		json_object_set_new(t, "klasse", json_string(db_cel(&res, i, 4)));
		json_object_set_new(t, "aantal", json_integer(db_cel_int(&res, i, 5)));
		json_object_set_new(t, "laatst", json_integer(db_cel_int(&res, i, 6)));
		json_array_append_new(a, t);
	}
	json_object_set_new(o, "volgende", json_boolean(res.nrows > n));
	db_res_release(&res);
	json_object_set_new(o, "dossier_id", json_string(q->param[0]));
	json_object_set_new(o, "toegang", a);
	json_object_set_new(o, "pagina", json_integer((json_int_t)v.pagina));
	json_object_set_new(o, "per_pagina",
			    json_integer((json_int_t)v.per_pagina));
	rc = lees_audit(c, rollen | (alle & ROL_BIT(ROL_BEHEERDER)),
			 id, "toegangslog lezen", 0);
	if (rc) {
		json_decref(o);
		return api_db_fout(r, rc);
	}
	return api_stuur(r, 200, o);
}

/* GET /dossiers/{id}/rechten: the caller's roles in this case and what
 * toegang.c lets them do there, so the web application offers exactly
 * the forms the server will accept. No case content: not audited. */
static int
h_rechten(struct api_ctx *c)
{
	struct http_req *q = c->q;
	struct http_resp *r = c->r;
	uint32_t rollen = c->rollen, org = 0;
	json_t *o, *ro, *le, *sc;
	unsigned i;
	int rc;

	rc = store_dossier_org_rollen(c->app.st, c->w.id, c->dossier, &org);
	if (rc)
		return api_db_fout(r, rc);
	o = json_object();
	ro = json_array();
	le = json_array();
	sc = json_array();
	for (i = 0; i < ROL__COUNT; i++)
		if (rollen & ROL_BIT(i) && i != ROL_BEHEERDER)
			json_array_append_new(ro, json_string(rol_naam[i]));
	for (i = 0; i < 3; i++) {
		if (toegang_lees(rollen, (enum zichtbaarheid)i))
			json_array_append_new(le, json_string(zichtbaarheid_naam[i]));
		if (toegang_schrijf(rollen, (enum zichtbaarheid)i))
			json_array_append_new(sc, json_string(zichtbaarheid_naam[i]));
	}
	json_object_set_new(o, "dossier_id", json_string(q->param[0]));
	json_object_set_new(o, "rollen", ro);
	json_object_set_new(o, "lezen", le);
	json_object_set_new(o, "schrijven", sc);
	json_object_set_new(o, "verzuim",
			    json_boolean(toegang_verzuim_schrijf(rollen)));
	json_object_set_new(o, "dienstverband",
			    json_boolean(toegang_stamdata(rollen)));
	/* PUT /werkgevers/{id} and /werknemers/{id}: an organisation-wide
	 * casemanager or werkgever grant (api_doc.c) */
	json_object_set_new(o, "organisatie",
			    json_boolean(toegang_stamdata(org)));
	json_object_set_new(o, "bsn", json_boolean(toegang_bsn(rollen)));
	json_object_set_new(o, "toegangslog",
			    json_boolean(toegang_inzage(rollen)));
	return api_stuur(r, 200, o);
}

extern const char *const spoor_openapi;
extern const unsigned long spoor_openapi_len;

static int
h_openapi(struct api_ctx *c)
{
	return http_resp_json(c->r, 200, spoor_openapi, spoor_openapi_len);
}

/* A route through api_dispatch, with what it needs (api_int.h R_*). */
#define RC(m, p, hc, vlag) {m, vlag, p, api_dispatch, 0, hc}
/* The same with its own body cap (http_route.max_body). */
#define RCB(m, p, hc, vlag, max) {m, vlag, p, api_dispatch, max, hc}
/* A route whose handler establishes what it needs itself. */
#define RH(m, p, h, max) {m, 0, p, h, max, NULL}

const struct http_route api_routes[] = {
	RC(HTTP_GET, "/api/v1/openapi.json", h_openapi, R_ANONIEM),
	/* the words of core, no login (api_catalogus.h) */
	RH(HTTP_GET, "/api/v1/catalogus", h_catalogus, 0),
	/* before a login: a 4 KiB body, no session looked for */
	RH(HTTP_POST, "/api/v1/sessie", h_login, HTTP_BODY_ANONIEM),
	RC(HTTP_DELETE, "/api/v1/sessie", h_logout, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/ik", h_ik, R_AANMELDEN),
	/* the second factor: api_totp.c */
	RC(HTTP_GET, "/api/v1/sessie/totp", h_totp_status, R_AANMELDEN),
	RC(HTTP_POST, "/api/v1/sessie/totp", h_totp_begin, R_WIJZIG),
	RC(HTTP_POST, "/api/v1/sessie/totp/bevestig", h_totp_bevestig,
	   R_WIJZIG),
	RC(HTTP_POST, "/api/v1/sessie/totp/uit", h_totp_uit, R_WIJZIG),
	RC(HTTP_DELETE, "/api/v1/gebruikers/{}/totp", h_totp_wis,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_POST, "/api/v1/ik/wachtwoord", h_wachtwoord, R_WIJZIG),
	RC(HTTP_POST, "/api/v1/tokens", h_token, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/tokens", h_tokens, R_AANMELDEN),
	RC(HTTP_DELETE, "/api/v1/tokens/{}", h_token_weg, R_WIJZIG),
	RC(HTTP_PUT, "/api/v1/gebruikers/{}/actief", h_gebruiker_actief,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_DELETE, "/api/v1/toekenningen/{}", h_toekenning_weg,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_GET, "/api/v1/gebruikers", h_gebruikers,
	   R_AANMELDEN | R_BEHEERDER),
	RC(HTTP_POST, "/api/v1/gebruikers", h_gebruiker_nieuw,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_POST, "/api/v1/toekenningen", h_toekenning,
	   R_WIJZIG | R_BEHEERDER),
	RC(HTTP_GET, "/api/v1/dossiers", h_lijst, R_AANMELDEN),
	RC(HTTP_POST, "/api/v1/dossiers", h_import, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/dossiers/{}", h_dossier, R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/tijdlijn", h_tijdlijn,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/toets", h_toets,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/loon", h_loon,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_POST, "/api/v1/dossiers/{}/verzuim", h_verzuim,
	   R_WIJZIG | R_DOSSIER),
	/* the dry run and the week axis: api_proef.c */
	RC(HTTP_POST, "/api/v1/dossiers/{}/verzuim/proef", h_verzuim_proef,
	   R_WIJZIG | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/verzuim/proef", h_verzuim_verloop,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_POST, "/api/v1/dossiers/{}/gebeurtenissen", h_gebeurtenis,
	   R_WIJZIG | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/toegang", h_toegang, R_AANMELDEN),
	RC(HTTP_GET, "/api/v1/dossiers/{}/rechten", h_rechten,
	   R_AANMELDEN | R_DOSSIER),
	/* documents and the organisation: api_doc.c */
	RC(HTTP_GET, "/api/v1/dossiers/{}/documenten", h_documenten,
	   R_AANMELDEN | R_DOSSIER),
	/* cap: upload_max of spoor.conf (http_config.max_upload) */
	RCB(HTTP_POST, "/api/v1/dossiers/{}/documenten", h_document_nieuw,
	    R_WIJZIG | R_DOSSIER, HTTP_BODY_UPLOAD),
	RC(HTTP_GET, "/api/v1/dossiers/{}/documenten/{}", h_document,
	   R_AANMELDEN | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/werkgevers", h_werkgevers, R_AANMELDEN),
	RC(HTTP_POST, "/api/v1/werkgevers", h_werkgever_nieuw, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/werkgevers/{}", h_werkgever, R_AANMELDEN),
	RC(HTTP_PUT, "/api/v1/werkgevers/{}", h_werkgever_wijzig, R_WIJZIG),
	RC(HTTP_GET, "/api/v1/werknemers", h_werknemers, R_AANMELDEN),
	RC(HTTP_GET, "/api/v1/werknemers/{}", h_werknemer, R_AANMELDEN),
	RC(HTTP_PUT, "/api/v1/werknemers/{}", h_werknemer_wijzig, R_WIJZIG),
	RC(HTTP_PUT, "/api/v1/dossiers/{}/dienstverband", h_dienstverband_wijzig,
	   R_WIJZIG | R_DOSSIER),
	RC(HTTP_GET, "/api/v1/dossiers/{}/dienstverband", h_dienstverband,
	   R_AANMELDEN | R_DOSSIER),
	/* parameter tables: api_param.c */
	RC(HTTP_GET, "/api/v1/parameters", h_parameters, R_AANMELDEN),
	RC(HTTP_PUT, "/api/v1/parameters/{}/{}", h_parameter_zet, R_WIJZIG),
	RC(HTTP_DELETE, "/api/v1/parameters/{}/{}", h_parameter_wis, R_WIJZIG),
	/* for operators (ops.c): no login, no audit, no cache */
	RH(HTTP_GET, "/healthz", ops_h_healthz, 0),
	RH(HTTP_GET, "/readyz", ops_h_readyz, 0),
	RH(HTTP_GET, "/metrics", ops_h_metrics, 0),
	/* the web application (web.c): last, so /api/ paths win */
	RH(HTTP_GET, "/{*}", web_bestand, 0),
};
const size_t api_nroutes = sizeof(api_routes) / sizeof(api_routes[0]);

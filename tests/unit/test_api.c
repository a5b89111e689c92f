/*
 * test_api.c - the API's handlers through the real route table and
 * api_dispatch, without a socket (http_req_maak), on a temporary SQLite
 * store (testlib.h): what the route flags establish and in which order
 * (503 without a database, 401, 403 for a read-only token and for a
 * cookie without its CSRF token, 404 for a case of someone else before
 * any 403 of the handler, 403 for a non-beheerder), a 403 of the case's
 * rules for a werkgever writing a medical entry, a 201 for an append that
 * is stored, each with its exact error document; and the table itself:
 * every route of api_dispatch declares a login or none, and a write is a
 * write for the token and the CSRF check alike.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "server/api.h"
#include "server/api_int.h"
#include "server/auth.h"
#include "server/http.h"
#include "testlib.h"

#define DOSSIER "D-2026-0042"

/* A caller: session cookie (with its CSRF token) or bearer token. */
struct beller {
	char cookie[AUTH_TOKEN_LEN + 40];
	char csrf[AUTH_TOKEN_LEN + 1];
	char bearer[AUTH_TOKEN_LEN + 20];
};

struct opzet {
	struct api a;
	struct beller cm, wg, los, beh, lezer;
};

/* A session of user g: the Cookie header and the CSRF token in *b. */
static void
sessie(struct store *st, int64_t g, struct beller *b)
{
	char tok[AUTH_TOKEN_LEN + 1], h[AUTH_TOKEN_HASH_LEN + 1];

	auth_token_nieuw(tok);
	auth_token_nieuw(b->csrf);
	auth_token_hash(tok, strlen(tok), h);
	assert_int_equal(store_sessie_nieuw(st, h, g, b->csrf, 4000000000LL),
			 0);
	snprintf(b->cookie, sizeof(b->cookie), "spoor_sessie=%s", tok);
}

/* An API token of user g (lezen: read-only): its Authorization header. */
static void
token(struct store *st, int64_t g, int lezen, struct beller *b)
{
	char tok[AUTH_TOKEN_LEN + 1], h[AUTH_TOKEN_HASH_LEN + 1];

	auth_token_nieuw(tok);
	auth_token_hash(tok, strlen(tok), h);
	assert_int_equal(store_token_maak(st, h, g, "test", 4000000000LL,
					  lezen), 0);
	snprintf(b->bearer, sizeof(b->bearer), "Bearer %s", tok);
}

/* The fixture's users and server context, beside testlib's fixture. */
static struct opzet huidig;

static int
opzet(void **state)
{
	struct store *st;
	struct opzet *o;

	if (tl_setup_sqlite(state, "api", "api.db", TL_NU0))
		return -1;
	st = tl_store(state);
	o = &huidig;
	memset(o, 0, sizeof(*o));
	tl_importeer_testdata(st, "voorbeeld-architectuur.json");
	sessie(st, tl_gebruiker_rol(st, "cm", ROL_CASEMANAGER, "WG-1", NULL),
	       &o->cm);
	sessie(st, tl_gebruiker_rol(st, "wg", ROL_WERKGEVER, "WG-1", NULL),
	       &o->wg);
	/* a user without any role: every case is someone else's */
	sessie(st, tl_gebruiker(st, "los"), &o->los);
	sessie(st, tl_gebruiker_rol(st, "beh", ROL_BEHEERDER, NULL, NULL),
	       &o->beh);
	token(st, tl_gebruiker_rol(st, "lezer", ROL_CASEMANAGER, "WG-1", NULL),
	      1, &o->lezer);
	/* the rest of struct api zero: no cache, no queues, no second
	 * factor required, sessions without an idle limit */
	return 0;
}

static int
afbraak(void **state)
{
	memset(&huidig, 0, sizeof(huidig));
	return tl_teardown(state);
}

static struct opzet *
oz(void **state)
{
	(void)state;
	return &huidig;
}

/*
 * Send methode doel with body as b (NULL: nobody; csrf: send its CSRF
 * token) through api_routes on the store of the fixture (NULL: none);
 * the response in *r.
 */
static unsigned
vraag(void **state, struct store *st, const struct beller *b, int csrf,
      int methode, const char *doel, const char *body, struct http_resp *r)
{
	struct http_paar kop[3];
	struct http_req q;
	size_t n = 0;

	if (b && b->cookie[0]) {
		kop[n].naam = "Cookie";
		kop[n++].waarde = b->cookie;
	}
	if (b && b->bearer[0]) {
		kop[n].naam = "Authorization";
		kop[n++].waarde = b->bearer;
	}
	if (b && csrf) {
		kop[n].naam = "X-CSRF-Token";
		kop[n++].waarde = b->csrf;
	}
	assert_int_equal(http_req_maak(&q, methode, doel, kop, n, body), 0);
	q.app = &oz(state)->a;
	q.ctx = st;
	memset(r, 0, sizeof(*r));
	assert_int_equal(http_dispatch(api_routes, api_nroutes, &q, r), 0);
	http_req_release(&q);
	return r->status;
}

/* The body as a string; "" when there is none (the search then fails). */
static const char *
tekst(const struct http_resp *r)
{
	return r->body ? r->body : "";
}

static void
assert_body(struct http_resp *r, const char *want)
{
	assert_non_null(r->body);
	assert_string_equal(r->body, want);
	http_resp_release(r);
}

static const char *const NIET_AANGEMELD =
	"{\"fout\":{\"code\":\"niet_aangemeld\","
	"\"bericht\":\"meld u eerst aan\"}}";
static const char *const NIET_GEVONDEN =
	"{\"fout\":{\"code\":\"niet_gevonden\","
	"\"bericht\":\"dossier niet gevonden\"}}";

static void
aanmelden(void **state)
{
	struct store *st = tl_store(state);
	struct opzet *o = oz(state);
	struct beller vals = {"spoor_sessie=bestaat-niet", "", ""};
	struct http_resp r;
	size_t i;

	/* no database: 503 before anything else */
	assert_int_equal(vraag(state, NULL, &o->cm, 1, HTTP_GET,
			       "/api/v1/ik", NULL, &r), 503);
	assert_string_equal(r.hnaam[0], "Retry-After");
	assert_string_equal(r.hwaarde[0], "2");
	assert_int_equal(r.db_fout, 1);
	assert_body(&r, "{\"fout\":{\"code\":\"bezet\",\"bericht\":\"database "
		    "niet bereikbaar; probeer het opnieuw\"}}");
	/* nobody, an unknown session: 401 on every kind of route */
	assert_int_equal(vraag(state, st, NULL, 0, HTTP_GET,
			       "/api/v1/dossiers/" DOSSIER, NULL, &r), 401);
	assert_body(&r, NIET_AANGEMELD);
	assert_int_equal(vraag(state, st, &vals, 0, HTTP_GET, "/api/v1/ik",
			       NULL, &r), 401);
	assert_body(&r, NIET_AANGEMELD);
	/* 401 before 404: an unknown case is not told apart */
	assert_int_equal(vraag(state, st, NULL, 0, HTTP_GET,
			       "/api/v1/dossiers/D-BESTAAT-NIET", NULL, &r),
			 401);
	assert_body(&r, NIET_AANGEMELD);
	assert_int_equal(vraag(state, st, NULL, 0, HTTP_GET,
			       "/api/v1/gebruikers", NULL, &r), 401);
	assert_body(&r, NIET_AANGEMELD);
	/* no login needed: the OpenAPI document, even without a database */
	assert_int_equal(vraag(state, NULL, NULL, 0, HTTP_GET,
			       "/api/v1/openapi.json", NULL, &r), 200);
	assert_non_null(strstr(tekst(&r), "\"openapi\""));
	http_resp_release(&r);
	/* a session: who am I, with the CSRF token for a cookie */
	assert_int_equal(vraag(state, st, &o->cm, 0, HTTP_GET, "/api/v1/ik",
			       NULL, &r), 200);
	assert_non_null(strstr(tekst(&r), "\"gebruiker\":{\"gebruikersnaam\":"
			       "\"cm\",\"naam\":\"cm\",\"rollen\":"
			       "[\"casemanager\"]}"));
	assert_non_null(strstr(tekst(&r), o->cm.csrf));
	http_resp_release(&r);
	/* the table: every api_dispatch route declares a login or none, a
	 * method that changes state is a write for both checks, a case
	 * route has the case as its first parameter */
	for (i = 0; i < api_nroutes; i++) {
		const struct http_route *rt = &api_routes[i];
		int schrijf = rt->methode != HTTP_GET;

		if (!rt->hc) {
			assert_int_equal(rt->vlag, 0);
			continue;
		}
		assert_ptr_equal(rt->h, api_dispatch);
		assert_int_equal(!(rt->vlag & R_ANONIEM),
				 !!(rt->vlag & R_AANMELDEN));
		if (rt->vlag & R_ANONIEM)
			continue;
		assert_int_equal(!!(rt->vlag & R_SCHRIJF), schrijf);
		assert_int_equal(!!(rt->vlag & R_CSRF), schrijf);
		if (rt->vlag & R_DOSSIER)
			assert_int_equal(strncmp(rt->patroon,
						 "/api/v1/dossiers/{}", 19), 0);
	}
}

static void
schrijven(void **state)
{
	struct store *st = tl_store(state);
	struct opzet *o = oz(state);
	struct http_resp r;
	const char *ev = "{\"soort\":\"evaluatie\",\"datum\":\"2026-05-05\","
			 "\"tekst\":\"voortgang besproken\"}";
	const char *pad = "/api/v1/dossiers/" DOSSIER "/gebeurtenissen";
	int64_t n0 = tl_getal(st->db, "SELECT count(*) FROM gebeurtenis");

	/* a cookie without, or with a wrong, CSRF token */
	assert_int_equal(vraag(state, st, &o->cm, 0, HTTP_POST, pad, ev, &r),
			 403);
	assert_body(&r, "{\"fout\":{\"code\":\"csrf\",\"bericht\":\"de kop "
		    "X-CSRF-Token ontbreekt of klopt niet\"}}");
	/* a read-only token reads, and writes nothing */
	assert_int_equal(vraag(state, st, &o->lezer, 0, HTTP_GET,
			       "/api/v1/dossiers/" DOSSIER "/rechten", NULL, &r),
			 200);
	http_resp_release(&r);
	assert_int_equal(vraag(state, st, &o->lezer, 0, HTTP_POST, pad, ev,
			       &r), 403);
	assert_body(&r, "{\"fout\":{\"code\":\"alleen_lezen\",\"bericht\":"
		    "\"dit API-token mag alleen lezen: maak een token zonder "
		    "\\\"alleen_lezen\\\" om te schrijven\"}}");
	/* a case the caller has no role in: 404 before the entry is read,
	 * the same as one that does not exist */
	assert_int_equal(vraag(state, st, &o->los, 1, HTTP_POST, pad, "[1]",
			       &r), 404);
	assert_body(&r, NIET_GEVONDEN);
	assert_int_equal(vraag(state, st, &o->cm, 1, HTTP_POST,
			       "/api/v1/dossiers/D-BESTAAT-NIET/gebeurtenissen",
			       ev, &r), 404);
	assert_body(&r, NIET_GEVONDEN);
	assert_int_equal(vraag(state, st, &o->los, 0, HTTP_GET,
			       "/api/v1/dossiers/" DOSSIER, NULL, &r), 404);
	assert_body(&r, NIET_GEVONDEN);
	/* a werkgever writes no medical entry: the case's rule, at the
	 * field */
	assert_int_equal(vraag(state, st, &o->wg, 1, HTTP_POST, pad,
			       "{\"soort\":\"contact\",\"datum\":\"2026-05-06\","
			       "\"zichtbaarheid\":\"medisch\",\"tekst\":\"x\"}",
			       &r), 403);
	assert_non_null(strstr(tekst(&r), "{\"fout\":{\"code\":\"verboden\","));
	assert_non_null(strstr(tekst(&r), "\"veld\":\"$.zichtbaarheid\"}}"));
	http_resp_release(&r);
	assert_int_equal(tl_getal(st->db, "SELECT count(*) FROM gebeurtenis"),
			 n0);
	/* the casemanager appends: 201 with the new id, stored */
	assert_int_equal(vraag(state, st, &o->cm, 1, HTTP_POST, pad, ev, &r),
			 201);
	assert_non_null(strstr(tekst(&r), "\"id\":\"E"));
	assert_non_null(strstr(tekst(&r), "\"dossier_id\":\"" DOSSIER "\"}"));
	http_resp_release(&r);
	assert_int_equal(tl_getal(st->db, "SELECT count(*) FROM gebeurtenis"),
			 n0 + 1);
	/* the read shows it, and the read is audited */
	assert_int_equal(vraag(state, st, &o->cm, 0, HTTP_GET,
			       "/api/v1/dossiers/" DOSSIER, NULL, &r), 200);
	assert_non_null(strstr(tekst(&r), "voortgang besproken"));
	http_resp_release(&r);
	assert_int_equal(tl_getal(st->db, "SELECT count(*) FROM audit WHERE "
				  "actie = 'dossier lezen'"), 1);
}

static void
beheer(void **state)
{
	struct store *st = tl_store(state);
	struct opzet *o = oz(state);
	struct http_resp r;

	/* beheerder only: 403 for a casemanager, also for a write with
	 * its CSRF token; 401 still comes first */
	assert_int_equal(vraag(state, st, &o->cm, 0, HTTP_GET,
			       "/api/v1/gebruikers", NULL, &r), 403);
	assert_body(&r, "{\"fout\":{\"code\":\"verboden\",\"bericht\":"
		    "\"alleen een beheerder beheert gebruikers\"}}");
	assert_int_equal(vraag(state, st, &o->cm, 1, HTTP_DELETE,
			       "/api/v1/toekenningen/1", NULL, &r), 403);
	assert_body(&r, "{\"fout\":{\"code\":\"verboden\",\"bericht\":"
		    "\"alleen een beheerder beheert gebruikers\"}}");
	/* the CSRF check before the beheerder's */
	assert_int_equal(vraag(state, st, &o->beh, 0, HTTP_DELETE,
			       "/api/v1/toekenningen/1", NULL, &r), 403);
	assert_body(&r, "{\"fout\":{\"code\":\"csrf\",\"bericht\":\"de kop "
		    "X-CSRF-Token ontbreekt of klopt niet\"}}");
	assert_int_equal(vraag(state, st, &o->beh, 0, HTTP_GET,
			       "/api/v1/gebruikers", NULL, &r), 200);
	assert_non_null(strstr(tekst(&r), "{\"gebruikersnaam\":\"beh\",\"naam\":"
			       "\"beh\",\"actief\":true,\"toekenningen\":"));
	http_resp_release(&r);
	/* routes of the other handler files: the second factor's wipe is
	 * beheerder-only by its flag, the parameters by their own check
	 * with their own words, a case's documents 404 for someone else */
	assert_int_equal(vraag(state, st, &o->cm, 1, HTTP_DELETE,
			       "/api/v1/gebruikers/wg/totp", NULL, &r), 403);
	assert_body(&r, "{\"fout\":{\"code\":\"verboden\",\"bericht\":"
		    "\"alleen een beheerder beheert gebruikers\"}}");
	assert_int_equal(vraag(state, st, &o->cm, 1, HTTP_DELETE,
			       "/api/v1/parameters/wml/2026-01-01", NULL, &r),
			 403);
	assert_body(&r, "{\"fout\":{\"code\":\"verboden\",\"bericht\":"
		    "\"alleen een beheerder wijzigt de parametertabellen\"}}");
	assert_int_equal(vraag(state, st, &o->los, 0, HTTP_GET, "/api/v1/"
			       "dossiers/" DOSSIER "/documenten", NULL, &r), 404);
	assert_body(&r, NIET_GEVONDEN);
	assert_int_equal(vraag(state, st, &o->cm, 0, HTTP_GET, "/api/v1/"
			       "dossiers/" DOSSIER "/documenten", NULL, &r), 200);
	http_resp_release(&r);
	/* the handler's own 404 after the flags */
	assert_int_equal(vraag(state, st, &o->beh, 1, HTTP_DELETE,
			       "/api/v1/toekenningen/x", NULL, &r), 404);
	assert_body(&r, "{\"fout\":{\"code\":\"niet_gevonden\",\"bericht\":"
		    "\"geen toekenning met dit id\",\"veld\":\"id\"}}");
}

/* A route of api_dispatch that declares neither a login nor none: 500,
 * and its handler never runs. */
static int gelopen;

static int
h_open(struct api_ctx *c)
{
	gelopen = 1;
	return http_resp_json(c->r, 200, "{}", 2);
}

static void
zonder_vlag(void **state)
{
	static const struct http_route rt[] = {
		{HTTP_GET, R_DOSSIER, "/open", api_dispatch, 0, h_open},
		{HTTP_GET, R_ANONIEM, "/anoniem", api_dispatch, 0, h_open},
	};
	struct http_req q;
	struct http_resp r;

	assert_int_equal(http_req_maak(&q, HTTP_GET, "/open", NULL, 0, NULL),
			 0);
	q.app = &oz(state)->a;
	q.ctx = tl_store(state);
	memset(&r, 0, sizeof(r));
	assert_int_equal(http_dispatch(rt, 2, &q, &r), 0);
	assert_int_equal(r.status, 500);
	assert_int_equal(gelopen, 0);
	assert_body(&r, "{\"fout\":{\"code\":\"intern\",\"bericht\":\"interne "
		    "fout; zie het serverlog\"}}");
	q.pad = "/anoniem";
	assert_int_equal(http_dispatch(rt, 2, &q, &r), 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(gelopen, 1);
	http_resp_release(&r);
	http_req_release(&q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(aanmelden, opzet, afbraak),
		cmocka_unit_test_setup_teardown(schrijven, opzet, afbraak),
		cmocka_unit_test_setup_teardown(beheer, opzet, afbraak),
		cmocka_unit_test_setup_teardown(zonder_vlag, opzet, afbraak),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_http.c - the HTTP layer without a socket (http.h): the router
 * ("{}" and "{*}" segments, %-decoding after the match, HEAD through GET,
 * 404, 405 with Allow, 414, a NUL in a segment or the query refused) and
 * the header, query and cookie lookups of a request made by
 * http_req_maak (duplicates, case, '+', %-escapes, quotes), with the
 * exact error documents.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "server/http.h"

/* What the last handler saw. */
static char gezien[256];

/* Answers 200 with "h<n> p0|p1|..." in gezien. */
static int
noteer(struct http_req *q, struct http_resp *r, int n)
{
	size_t i, o;

	o = (size_t)snprintf(gezien, sizeof(gezien), "h%d", n);
	for (i = 0; i < q->nparam && o < sizeof(gezien); i++)
		o += (size_t)snprintf(gezien + o, sizeof(gezien) - o, "%s%s",
				      i ? "|" : " ", q->param[i]);
	return http_resp_json(r, 200, "{}", 2);
}

static int
h1(struct http_req *q, struct http_resp *r)
{
	return noteer(q, r, 1);
}

static int
h2(struct http_req *q, struct http_resp *r)
{
	return noteer(q, r, 2);
}

static int
h3(struct http_req *q, struct http_resp *r)
{
	return noteer(q, r, 3);
}

static int
h4(struct http_req *q, struct http_resp *r)
{
	return noteer(q, r, 4);
}

/* A handler that fails, and one that answers nothing: both 500. */
static int
stuk(struct http_req *q, struct http_resp *r)
{
	(void)q;
	(void)r;
	return -1;
}

static int
stil(struct http_req *q, struct http_resp *r)
{
	(void)q;
	(void)r;
	return 0;
}

static const struct http_route routes[] = {
	{HTTP_GET, 0, "/a/{}", h1, 0, NULL},
	{HTTP_PUT, 0, "/a/{}", h2, 0, NULL},
	{HTTP_DELETE, 0, "/a/{}", h2, 0, NULL},
	{HTTP_GET, 0, "/a/{}/b/{}", h3, 0, NULL},
	{HTTP_POST, 0, "/stuk", stuk, 0, NULL},
	{HTTP_POST, 0, "/stil", stil, 0, NULL},
	{HTTP_GET, 0, "/{*}", h4, 0, NULL},
};
#define NROUTES (sizeof(routes) / sizeof(routes[0]))

/* Dispatch methode doel; the status, and the body in *body (owned by
 * resp, released by the caller). */
static unsigned
stuur(int methode, const char *doel, struct http_resp *resp)
{
	struct http_req q;

	memset(resp, 0, sizeof(*resp));
	gezien[0] = '\0';
	assert_int_equal(http_req_maak(&q, methode, doel, NULL, 0, NULL), 0);
	assert_int_equal(http_dispatch(routes, NROUTES, &q, resp), 0);
	/* the parameters point into a copy that is gone afterwards */
	assert_int_equal(q.nparam, 0);
	assert_null(q.param[0]);
	http_req_release(&q);
	return resp->status;
}

static void
assert_body(const struct http_resp *r, const char *want)
{
	assert_non_null(r->body);
	assert_int_equal(r->bodylen, strlen(want));
	assert_memory_equal(r->body, want, r->bodylen);
}

static const char *
kop_van(const struct http_resp *r, const char *naam)
{
	size_t i;

	for (i = 0; i < r->nheaders; i++)
		if (!strcmp(r->hnaam[i], naam))
			return r->hwaarde[i];
	return NULL;
}

static void
router(void **state)
{
	struct http_resp r;

	(void)state;
	assert_int_equal(stuur(HTTP_GET, "/a/x", &r), 200);
	assert_string_equal(gezien, "h1 x");
	http_resp_release(&r);
	assert_int_equal(stuur(HTTP_PUT, "/a/x", &r), 200);
	assert_string_equal(gezien, "h2 x");
	http_resp_release(&r);
	/* two parameters; the query is not part of the path */
	assert_int_equal(stuur(HTTP_GET, "/a/x/b/y?z=1", &r), 200);
	assert_string_equal(gezien, "h3 x|y");
	http_resp_release(&r);
	/* %-escapes decoded after the match: a %2F stays in its segment */
	assert_int_equal(stuur(HTTP_GET, "/a/D%2F1%20x/b/%41", &r), 200);
	assert_string_equal(gezien, "h3 D/1 x|A");
	http_resp_release(&r);
	/* "{}" needs a non-empty segment: "/a/" falls to "{*}" */
	assert_int_equal(stuur(HTTP_GET, "/a/", &r), 200);
	assert_string_equal(gezien, "h4 a/");
	http_resp_release(&r);
	/* "{*}" takes the rest, '/' included, or nothing */
	assert_int_equal(stuur(HTTP_GET, "/x/y/z", &r), 200);
	assert_string_equal(gezien, "h4 x/y/z");
	http_resp_release(&r);
	assert_int_equal(stuur(HTTP_GET, "/", &r), 200);
	assert_string_equal(gezien, "h4 ");
	http_resp_release(&r);
	/* HEAD runs the GET route */
	assert_int_equal(stuur(HTTP_HEAD, "/a/x/b/y", &r), 200);
	assert_string_equal(gezien, "h3 x|y");
	http_resp_release(&r);
}

static void
fouten(void **state)
{
	struct http_resp r;
	char lang[HTTP_MAX_PAD + 8];
	struct http_req q;

	(void)state;
	/* a known path with another method: 405 with every allowed one */
	assert_int_equal(stuur(HTTP_POST, "/a/x", &r), 405);
	assert_body(&r, "{\"fout\":{\"code\":\"methode_niet_toegestaan\","
		    "\"bericht\":\"deze methode kan hier niet\"}}");
	assert_string_equal(kop_van(&r, "Allow"), "GET, HEAD, PUT, DELETE");
	assert_string_equal(gezien, "");
	http_resp_release(&r);
	/* only "{*}" matches another method: 404, not 405 */
	assert_int_equal(stuur(HTTP_POST, "/x/y", &r), 404);
	assert_body(&r, "{\"fout\":{\"code\":\"niet_gevonden\","
		    "\"bericht\":\"dit adres bestaat niet\"}}");
	assert_null(kop_van(&r, "Allow"));
	http_resp_release(&r);
	/* a segment that decodes to a NUL */
	assert_int_equal(stuur(HTTP_GET, "/a/x%00y", &r), 400);
	assert_body(&r, "{\"fout\":{\"code\":\"ongeldig\","
		    "\"bericht\":\"het adres bevat een nulteken\"}}");
	assert_string_equal(gezien, "");
	http_resp_release(&r);
	/* a failing or silent handler: 500, nothing of its own */
	assert_int_equal(stuur(HTTP_POST, "/stuk", &r), 500);
	assert_body(&r, "{\"fout\":{\"code\":\"intern\","
		    "\"bericht\":\"interne fout; zie het serverlog\"}}");
	http_resp_release(&r);
	assert_int_equal(stuur(HTTP_POST, "/stil", &r), 500);
	http_resp_release(&r);
	/* a path just over the cap: http_req_maak refuses it; http_dispatch
	 * answers 414 for one that got that far */
	memset(lang, 'a', sizeof(lang) - 1);
	lang[0] = '/';
	lang[HTTP_MAX_PAD + 1] = '\0';
	assert_int_equal(http_req_maak(&q, HTTP_GET, lang, NULL, 0, NULL), -1);
	assert_null(q.opslag);
	lang[HTTP_MAX_PAD] = '\0';
	assert_int_equal(http_req_maak(&q, HTTP_GET, lang, NULL, 0, NULL), 0);
	memset(&r, 0, sizeof(r));
	assert_int_equal(http_dispatch(routes, NROUTES, &q, &r), 0);
	assert_int_equal(r.status, 200);
	http_resp_release(&r);
	lang[HTTP_MAX_PAD] = 'a';
	q.pad = lang;
	assert_int_equal(http_dispatch(routes, NROUTES, &q, &r), 0);
	assert_int_equal(r.status, 414);
	assert_body(&r, "{\"fout\":{\"code\":\"te_lang\","
		    "\"bericht\":\"het adres is te lang\"}}");
	http_resp_release(&r);
	http_req_release(&q);
}

static void
query(void **state)
{
	struct http_req q;
	struct http_resp r;

	(void)state;
	assert_int_equal(http_req_maak(&q, HTTP_GET, "/a/x?zoek=van+der%20Meer"
				       "&leeg=&kaal&dubbel=1&dubbel=2&pct=50%"
				       "&%7A=z&&Hoofd=H&plus=%2B", NULL, 0,
				       NULL), 0);
	assert_string_equal(q.pad, "/a/x");
	assert_string_equal(http_query(&q, "zoek"), "van der Meer");
	assert_string_equal(http_query(&q, "leeg"), "");
	/* a name without '=' is there, without a value */
	assert_null(http_query(&q, "kaal"));
	assert_int_equal(q.nvraag, 9);
	/* the first of duplicates */
	assert_string_equal(http_query(&q, "dubbel"), "1");
	/* a '%' without two hex digits stays */
	assert_string_equal(http_query(&q, "pct"), "50%");
	/* names are decoded too, and compared without case */
	assert_string_equal(http_query(&q, "z"), "z");
	assert_string_equal(http_query(&q, "hoofd"), "H");
	assert_string_equal(http_query(&q, "plus"), "+");
	assert_null(http_query(&q, "ontbreekt"));
	assert_null(q.nul);
	http_req_release(&q);

	/* %00 anywhere in the query: 400 naming the parameter */
	assert_int_equal(http_req_maak(&q, HTTP_GET, "/a/x?a=1&peil%00x=2"
				       "&b=%00", NULL, 0, NULL), 0);
	memset(&r, 0, sizeof(r));
	gezien[0] = '\0';
	assert_int_equal(http_dispatch(routes, NROUTES, &q, &r), 0);
	assert_int_equal(r.status, 400);
	assert_body(&r, "{\"fout\":{\"code\":\"ongeldig\",\"bericht\":\"een "
		    "parameter in de query bevat een nulteken (%00); laat het "
		    "weg\",\"veld\":\"peil\"}}");
	assert_string_equal(gezien, "");
	http_resp_release(&r);
	http_req_release(&q);
	/* a name that is not printable is not repeated in the answer */
	assert_int_equal(http_req_maak(&q, HTTP_GET, "/a/x?%0A=%00", NULL, 0,
				       NULL), 0);
	memset(&r, 0, sizeof(r));
	assert_int_equal(http_dispatch(routes, NROUTES, &q, &r), 0);
	assert_int_equal(r.status, 400);
	assert_body(&r, "{\"fout\":{\"code\":\"ongeldig\",\"bericht\":\"een "
		    "parameter in de query bevat een nulteken (%00); laat het "
		    "weg\"}}");
	http_resp_release(&r);
	http_req_release(&q);
}

static void
koppen(void **state)
{
	static const struct http_paar kop[] = {
		{"Authorization", "Bearer abc"},
		{"X-Dubbel", "eerste"},
		{"x-dubbel", "tweede"},
		{"Cookie", " spoor_sessie=tok1 ; taal=\"nl\";kaal; =x; leeg="},
		{"Cookie", "spoor_sessie=tok2; andere=\"a"},
	};
	struct http_req q;
	struct http_paar veel[HTTP_MAX_PAREN + 1];
	size_t i;

	(void)state;
	assert_int_equal(http_req_maak(&q, HTTP_POST, "/a/x", kop, 5,
				       "{\"a\":1}"), 0);
	assert_int_equal(q.methode, HTTP_POST);
	assert_string_equal(q.body, "{\"a\":1}");
	assert_int_equal(q.bodylen, 7);
	assert_string_equal(q.client_ip, "");
	/* header names without case; the first of duplicates */
	assert_string_equal(http_header(&q, "authorization"), "Bearer abc");
	assert_string_equal(http_header(&q, "X-DUBBEL"), "eerste");
	assert_null(http_header(&q, "X-CSRF-Token"));
	/* cookies: blanks trimmed, quotes removed, pairs without a name or
	 * '=' left out, the first of duplicates (over both headers) */
	assert_string_equal(http_cookie(&q, "spoor_sessie"), "tok1");
	assert_string_equal(http_cookie(&q, "taal"), "nl");
	assert_string_equal(http_cookie(&q, "leeg"), "");
	assert_null(http_cookie(&q, "kaal"));
	assert_string_equal(http_cookie(&q, "andere"), "\"a");
	assert_int_equal(q.nkoek, 5);
	/* a header's value is borrowed, not copied */
	assert_ptr_equal(http_header(&q, "Authorization"), kop[0].waarde);
	http_req_release(&q);
	assert_null(q.opslag);

	/* no body: "" of length 0; more headers than fit: refused */
	assert_int_equal(http_req_maak(&q, HTTP_GET, "/", NULL, 0, NULL), 0);
	assert_string_equal(q.body, "");
	assert_int_equal(q.bodylen, 0);
	assert_null(http_cookie(&q, "spoor_sessie"));
	http_req_release(&q);
	for (i = 0; i < HTTP_MAX_PAREN + 1; i++) {
		veel[i].naam = "X-A";
		veel[i].waarde = "1";
	}
	assert_int_equal(http_req_maak(&q, HTTP_GET, "/", veel,
				       HTTP_MAX_PAREN + 1, NULL), -1);
	assert_int_equal(http_req_maak(&q, HTTP_GET, "/", veel,
				       HTTP_MAX_PAREN, NULL), 0);
	http_req_release(&q);
}

/* The one Set-Cookie of a response: copied, a second replaces the
 * first, released with the response. */
static void
koekje(void **state)
{
	struct http_resp r;
	char waarde[] = "a=1; Path=/";

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(http_resp_cookie(&r, waarde), 0);
	waarde[2] = '2';
	assert_string_equal(r.set_cookie, "a=1; Path=/");
	assert_int_equal(http_resp_cookie(&r, waarde), 0);
	assert_string_equal(r.set_cookie, "a=2; Path=/");
	http_resp_release(&r);
	assert_null(r.set_cookie);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(router),
		cmocka_unit_test(fouten),
		cmocka_unit_test(query),
		cmocka_unit_test(koppen),
		cmocka_unit_test(koekje),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

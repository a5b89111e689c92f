/*
 * test_ops.c - the operator side of the server (ops.h): the Prometheus
 * text of a known set of requests, exactly (bucket boundaries are
 * inclusive, label values escaped, routes never hit left out); the
 * request log line; the /metrics allow list; counts that add up under
 * concurrent use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include <cmocka.h>

#include "server/http.h"
#include "server/ops.h"

static int
niets(struct http_req *q, struct http_resp *r)
{
	(void)q;
	(void)r;
	return 0;
}

static const struct http_route routes[] = {
	{HTTP_GET, 0, "/a/{}/b", niets, 0, NULL},
	{HTTP_POST, 0, "/x\"y\\z/{*}", niets, 0, NULL},
	{HTTP_GET, 0, "/nooit", niets, 0, NULL},
	{HTTP_GET, 0, "/n\nl", niets, 0, NULL},
};
#define NROUTES (sizeof(routes) / sizeof(routes[0]))

static void
tel(struct ops *o, int route, unsigned status, uint64_t usec, int db)
{
	struct ops_aanvraag a;

	memset(&a, 0, sizeof(a));
	a.route = route;
	a.methode = HTTP_GET;
	a.status = status;
	a.usec = usec;
	a.db_fout = db;
	ops_klaar(o, &a);
}

#define EMMERS(r, c0, c1, c2)                                               \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.0005\"} " c0 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.001\"} " c1 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.0025\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.005\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.01\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.025\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.05\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.1\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.25\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"0.5\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"1\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"2.5\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"5\"} " c2 "\n" \
	"spoor_http_request_duration_seconds_bucket{route=" r ",le=\"10\"} " c2 "\n"

/* in pieces: C11 guarantees string literals of 4095 bytes only */
static const char *const verwacht[] = {
	"# HELP spoor_http_requests_total HTTP requests answered, by route "
	"pattern and status class.\n"
	"# TYPE spoor_http_requests_total counter\n"
	"spoor_http_requests_total{route=\"GET /a/{id}/b\",status=\"2xx\"} 1\n"
	"spoor_http_requests_total{route=\"GET /a/{id}/b\",status=\"4xx\"} 1\n"
	"spoor_http_requests_total{route=\"POST /x\\\"y\\\\z/{pad}\",status=\"5xx\"} 1\n"
	"spoor_http_requests_total{route=\"unmatched\",status=\"4xx\"} 1\n"
	"# HELP spoor_http_request_duration_seconds Time from the request "
	"line to the response sent, by route pattern.\n"
	"# TYPE spoor_http_request_duration_seconds histogram\n",
	/* 500 us is in the 0.0005 bucket (le: less or equal), 501 us not */
	EMMERS("\"GET /a/{id}/b\"", "1", "2", "2")
	"spoor_http_request_duration_seconds_bucket{route=\"GET /a/{id}/b\",le=\"+Inf\"} 2\n"
	"spoor_http_request_duration_seconds_sum{route=\"GET /a/{id}/b\"} 0.001001\n"
	"spoor_http_request_duration_seconds_count{route=\"GET /a/{id}/b\"} 2\n",
	/* above 10 s: only in +Inf */
	EMMERS("\"POST /x\\\"y\\\\z/{pad}\"", "0", "0", "0")
	"spoor_http_request_duration_seconds_bucket{route=\"POST /x\\\"y\\\\z/{pad}\",le=\"+Inf\"} 1\n"
	"spoor_http_request_duration_seconds_sum{route=\"POST /x\\\"y\\\\z/{pad}\"} 10.000001\n"
	"spoor_http_request_duration_seconds_count{route=\"POST /x\\\"y\\\\z/{pad}\"} 1\n",
	/* 2.5 ms exactly: in 0.0025 */
	EMMERS("\"unmatched\"", "0", "0", "1")
	"spoor_http_request_duration_seconds_bucket{route=\"unmatched\",le=\"+Inf\"} 1\n"
	"spoor_http_request_duration_seconds_sum{route=\"unmatched\"} 0.002500\n"
	"spoor_http_request_duration_seconds_count{route=\"unmatched\"} 1\n",
	"# HELP spoor_db_errors_total Requests answered with a database "
	"error (500 or 503).\n"
	"# TYPE spoor_db_errors_total counter\n"
	"spoor_db_errors_total 1\n"
	"# HELP spoor_cache_hits_total Lookups of computed case results "
	"found in the cache.\n"
	"# TYPE spoor_cache_hits_total counter\n"
	"spoor_cache_hits_total 7\n"
	"# HELP spoor_cache_misses_total Lookups of computed case results "
	"not in the cache.\n"
	"# TYPE spoor_cache_misses_total counter\n"
	"spoor_cache_misses_total 3\n"
	"# HELP spoor_cache_entries Cases with computed results in the "
	"cache.\n"
	"# TYPE spoor_cache_entries gauge\n"
	"spoor_cache_entries 2\n"
	"# HELP spoor_cache_bytes Bytes of computed JSON in the cache.\n"
	"# TYPE spoor_cache_bytes gauge\n"
	"spoor_cache_bytes 4096\n"
	"# HELP spoor_audit_queue_depth Read audit records queued and not "
	"yet stored.\n"
	"# TYPE spoor_audit_queue_depth gauge\n"
	"spoor_audit_queue_depth 5\n"
	"# HELP spoor_audit_write_errors_total Failed attempts to store a "
	"batch of audit records (each is retried).\n"
	"# TYPE spoor_audit_write_errors_total counter\n"
	"spoor_audit_write_errors_total 0\n"
	"# HELP spoor_append_commits_total Transactions that stored appends "
	"(app/schrijfq.h).\n"
	"# TYPE spoor_append_commits_total counter\n"
	"spoor_append_commits_total 4\n"
	"# HELP spoor_appends_total Appends through the group commit, stored "
	"or refused.\n"
	"# TYPE spoor_appends_total counter\n"
	"spoor_appends_total 9\n",
};

static void
exposition(void **state)
{
	struct ops *o = NULL;
	struct ops_stand st;
	char *t = NULL, *w;
	size_t n = 0, i, l = 1, k;

	(void)state;
	for (i = 0; i < sizeof(verwacht) / sizeof(verwacht[0]); i++)
		l += strlen(verwacht[i]);
	w = calloc(1, l);
	assert_non_null(w);
	for (i = 0, l = 0; i < sizeof(verwacht) / sizeof(verwacht[0]); i++) {
		k = strlen(verwacht[i]);
		memcpy(w + l, verwacht[i], k);
		l += k;
	}
	assert_int_equal(ops_new(routes, 3, &o), 0);
	tel(o, 0, 200, 500, 0);
	tel(o, 0, 404, 501, 0);
	tel(o, 1, 503, 10000001, 1);
	tel(o, -1, 405, 2500, 0);
	memset(&st, 0, sizeof(st));
	st.heeft_cache = 1;
	st.cache_treffers = 7;
	st.cache_missers = 3;
	st.cache_entries = 2;
	st.cache_bytes = 4096;
	st.heeft_auditq = 1;
	st.auditq_diepte = 5;
	st.heeft_schrijfq = 1;
	st.schrijfq_batches = 4;
	st.schrijfq_stappen = 9;
	assert_int_equal(ops_metrics(o, &st, &t, &n), 0);
	assert_int_equal(n, strlen(t));
	assert_string_equal(t, w);
	free(t);
	free(w);
	ops_free(o);
}

/* Nothing counted and no cache or queue: the headers and a zero. */
static void
leeg(void **state)
{
	struct ops *o = NULL;
	char *t = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(ops_new(routes, NROUTES, &o), 0);
	assert_int_equal(ops_metrics(o, NULL, &t, &n), 0);
	assert_string_equal(t,
		"# HELP spoor_http_requests_total HTTP requests answered, by "
		"route pattern and status class.\n"
		"# TYPE spoor_http_requests_total counter\n"
		"# HELP spoor_http_request_duration_seconds Time from the "
		"request line to the response sent, by route pattern.\n"
		"# TYPE spoor_http_request_duration_seconds histogram\n"
		"# HELP spoor_db_errors_total Requests answered with a database "
		"error (500 or 503).\n"
		"# TYPE spoor_db_errors_total counter\n"
		"spoor_db_errors_total 0\n");
	free(t);
	/* a newline in a label value is escaped, the line stays one */
	tel(o, 3, 200, 1, 0);
	assert_int_equal(ops_metrics(o, NULL, &t, &n), 0);
	assert_non_null(strstr(t, "spoor_http_requests_total{route=\"GET "
				  "/n\\nl\",status=\"2xx\"} 1\n"));
	free(t);
	ops_free(o);
}

static void
logregel(void **state)
{
	struct ops *o = NULL;
	struct ops_aanvraag a;
	struct timespec ts = {1765123456, 789999999};
	char buf[512];
	int p[2];
	ssize_t k;
	size_t l;

	(void)state;
	assert_int_equal(ops_new(routes, NROUTES, &o), 0);
	memset(&a, 0, sizeof(a));
	a.route = 0;
	a.methode = HTTP_HEAD;
	a.status = 200;
	a.usec = 1234;
	a.bytes = 0;
	a.id = "0123456789abcdef";
	l = ops_logregel(o, &a, &ts, buf, sizeof(buf));
	assert_int_equal(l, strlen(buf));
	assert_string_equal(buf,
		"ts=2025-12-07T16:04:16.789Z id=0123456789abcdef method=HEAD "
		"route=\"GET /a/{id}/b\" status=200 dur_ms=1.234 bytes=0\n");
	/* quotes and backslashes escaped, a newline never ends the line */
	a.route = 1;
	a.methode = HTTP_POST;
	a.status = 503;
	a.usec = 10000001;
	a.bytes = 77;
	a.id = NULL;
	ops_logregel(o, &a, &ts, buf, sizeof(buf));
	assert_string_equal(buf,
		"ts=2025-12-07T16:04:16.789Z id=- method=POST "
		"route=\"POST /x\\\"y\\\\z/{pad}\" status=503 dur_ms=10000.001 "
		"bytes=77\n");
	a.route = 3;
	ops_logregel(o, &a, &ts, buf, sizeof(buf));
	assert_non_null(strstr(buf, "route=\"GET /n?l\" "));
	a.route = -1;
	ops_logregel(o, &a, &ts, buf, sizeof(buf));
	assert_non_null(strstr(buf, "route=\"unmatched\" "));
	/* too small a buffer: nothing, not half a line */
	assert_int_equal(ops_logregel(o, &a, &ts, buf, 40), 0);

	/* ops_klaar writes exactly that line to the log */
	assert_int_equal(pipe(p), 0);
	ops_set_requestlog(o, p[1]);
	a.route = 0;
	a.methode = HTTP_GET;
	a.status = 404;
	a.usec = 5;
	a.bytes = 12;
	a.id = "fedcba9876543210";
	ops_klaar(o, &a);
	k = read(p[0], buf, sizeof(buf) - 1);
	assert_true(k > 0);
	buf[k] = '\0';
	assert_non_null(strstr(buf, " id=fedcba9876543210 method=GET "
				    "route=\"GET /a/{id}/b\" status=404 "
				    "dur_ms=0.005 bytes=12\n"));
	assert_int_equal(strncmp(buf, "ts=", 3), 0);
	assert_int_equal(strchr(buf, '\n') - buf, k - 1);
	close(p[0]);
	close(p[1]);
	ops_free(o);
}

static void
toegestaan(void **state)
{
	struct ops *o = NULL;
	char err[200];

	(void)state;
	assert_int_equal(ops_new(routes, NROUTES, &o), 0);
	/* default: loopback only */
	assert_int_equal(ops_metrics_toegestaan(o, "127.0.0.1"), 1);
	assert_int_equal(ops_metrics_toegestaan(o, "::1"), 1);
	assert_int_equal(ops_metrics_toegestaan(o, "::ffff:127.0.0.1"), 1);
	assert_int_equal(ops_metrics_toegestaan(o, "127.0.0.2"), 0);
	assert_int_equal(ops_metrics_toegestaan(o, "10.1.2.3"), 0);
	assert_int_equal(ops_metrics_toegestaan(o, ""), 0);
	assert_int_equal(ops_metrics_toegestaan(o, NULL), 0);
	assert_int_equal(ops_set_metrics_allow(o, "10.1.2.3, 2001:db8::5",
					       err, sizeof(err)), 0);
	assert_int_equal(ops_metrics_toegestaan(o, "10.1.2.3"), 1);
	assert_int_equal(ops_metrics_toegestaan(o, "2001:db8::5"), 1);
	assert_int_equal(ops_metrics_toegestaan(o, "127.0.0.1"), 0);
	/* a bad list is refused with the entry named; the old one stays */
	assert_int_equal(ops_set_metrics_allow(o, "10.1.2.3, geen-adres",
					       err, sizeof(err)), -1);
	assert_non_null(strstr(err, "geen-adres"));
	assert_int_equal(ops_metrics_toegestaan(o, "10.1.2.3"), 1);
	assert_int_equal(ops_set_metrics_allow(o, "none", err, sizeof(err)),
			 0);
	assert_int_equal(ops_metrics_toegestaan(o, "10.1.2.3"), 0);
	ops_free(o);
}

static void
ids(void **state)
{
	char a[OPS_ID_LEN + 1], b[OPS_ID_LEN + 1];

	(void)state;
	ops_nieuw_id(a);
	ops_nieuw_id(b);
	assert_int_equal(strlen(a), OPS_ID_LEN);
	assert_int_equal(strspn(a, "0123456789abcdef"), OPS_ID_LEN);
	assert_string_not_equal(a, b);
}

#define DRADEN 4
#define PER_DRAAD 20000

static void *
teller(void *p)
{
	int i;

	for (i = 0; i < PER_DRAAD; i++)
		tel(p, i % 2, 200, (uint64_t)(i % 3) * 1000, i % 5 == 0);
	return NULL;
}

/* Lock-free counting loses nothing: every request is in its class, its
 * bucket and the sum. */
static void
gelijktijdig(void **state)
{
	struct ops *o = NULL;
	pthread_t t[DRADEN];
	char *txt = NULL;
	size_t n = 0;
	int i;

	(void)state;
	assert_int_equal(ops_new(routes, NROUTES, &o), 0);
	for (i = 0; i < DRADEN; i++)
		assert_int_equal(pthread_create(&t[i], NULL, teller, o), 0);
	for (i = 0; i < DRADEN; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(ops_metrics(o, NULL, &txt, &n), 0);
	/* per route: 40000 requests, 1/3 at 0, 1/3 at 1 ms, 1/3 at 2 ms
	 * (20000 per thread over i % 3 with i % 2 fixed) */
	assert_non_null(strstr(txt, "{route=\"GET /a/{id}/b\",status=\"2xx\"} "
				    "40000\n"));
	assert_non_null(strstr(txt, "{route=\"POST /x\\\"y\\\\z/{pad}\","
				    "status=\"2xx\"} 40000\n"));
	assert_non_null(strstr(txt, "_count{route=\"GET /a/{id}/b\"} 40000\n"));
	assert_non_null(strstr(txt, "_bucket{route=\"GET /a/{id}/b\","
				    "le=\"0.0005\"} 13336\n"));
	assert_non_null(strstr(txt, "_bucket{route=\"GET /a/{id}/b\","
				    "le=\"0.001\"} 26668\n"));
	assert_non_null(strstr(txt, "spoor_db_errors_total 16000\n"));
	free(txt);
	ops_free(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exposition),
		cmocka_unit_test(leeg),
		cmocka_unit_test(logregel),
		cmocka_unit_test(toegestaan),
		cmocka_unit_test(ids),
		cmocka_unit_test(gelijktijdig),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

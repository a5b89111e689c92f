/*
 * ops.c - counters, metrics text, request log and the operator
 * endpoints (see ops.h, docs/operations.md).
 */
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/logfmt.h"
#include "server/api.h"
#include "server/api_int.h"
#include "app/auditq.h"
#include "app/schrijfq.h"
#include "app/gcache.h"
#include "server/ops.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/store.h"

/* Upper bounds of the latency buckets in microseconds, and the same in
 * seconds as Prometheus's le label shows them; +Inf follows. */
static const uint64_t grens_usec[] = {
	500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000,
	1000000, 2500000, 5000000, 10000000,
};
static const char *const grens_tekst[] = {
	"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
	"0.25", "0.5", "1", "2.5", "5", "10",
};
#define NGRENS (sizeof(grens_usec) / sizeof(grens_usec[0]))

/* Per route; the buckets are not cumulative here (one increment per
 * request), the text sums them. */
struct teller {
	atomic_uint_fast64_t klasse[5];          /* 1xx .. 5xx */
	atomic_uint_fast64_t emmer[NGRENS + 1];  /* last: above 10 s */
	atomic_uint_fast64_t som_usec;
};

struct ops {
	size_t n;                /* routes; teller[n] counts the unmatched */
	char **label;            /* "GET /api/v1/dossiers/{id}"; n + 1 */
	struct teller *t;
	atomic_uint_fast64_t db_fouten;
	int logfd;
	struct http_adressen metrics;  /* may read /metrics */
};

static const char *
methode_naam(int m)
{
	static const char *const n[] = {"", "GET", "POST", "PUT", "PATCH",
					"DELETE", "HEAD", "OPTIONS", "OTHER"};

	return m >= 1 && m <= HTTP_ANDERS ? n[m] : "OTHER";
}

/* "GET" and "/a/{}/b/{*}" -> "GET /a/{id}/b/{pad}": the label says
 * what the parameter is, like docs/openapi.json. */
static char *
maak_label(int methode, const char *patroon)
{
	const char *m = methode_naam(methode), *p;
	/* "{}" becomes twice as long, "{*}" less than that */
	size_t n = strlen(m) + 2 + 2 * strlen(patroon), o;
	char *s;

	if (!(s = malloc(n)))
		return NULL;
	o = (size_t)snprintf(s, n, "%s ", m);
	for (p = patroon; *p;) {
		if (p[0] == '{' && p[1] == '}') {
			memcpy(s + o, "{id}", 4);
			o += 4;
			p += 2;
		} else if (p[0] == '{' && p[1] == '*' && p[2] == '}') {
			memcpy(s + o, "{pad}", 5);
			o += 5;
			p += 3;
		} else {
			s[o++] = *p++;
		}
	}
	s[o] = '\0';
	return s;
}

void
ops_free(struct ops *o)
{
	size_t i;

	if (!o)
		return;
	if (o->label)
		for (i = 0; i <= o->n; i++)
			free(o->label[i]);
	free(o->label);
	free(o->t);
	free(o);
}

int
ops_new(const struct http_route *routes, size_t n, struct ops **out)
{
	struct ops *o = calloc(1, sizeof(*o));
	char err[200];
	size_t i;

	if (!o)
		return -1;
	o->n = n;
	o->logfd = -1;
	o->label = calloc(n + 1, sizeof(*o->label));
	o->t = calloc(n + 1, sizeof(*o->t));
	if (!o->label || !o->t)
		goto fout;
	for (i = 0; i < n; i++)
		if (!(o->label[i] = maak_label(routes[i].methode,
					       routes[i].patroon)))
			goto fout;
	if (!(o->label[n] = strdup("unmatched")))
		goto fout;
	if (ops_set_metrics_allow(o, "127.0.0.1, ::1", err, sizeof(err)))
		goto fout;
	*out = o;
	return 0;
fout:
	ops_free(o);
	return -1;
}

void
ops_set_requestlog(struct ops *o, int fd)
{
	o->logfd = fd;
}

/* --- the allow list ---------------------------------------------- */

int
ops_set_metrics_allow(struct ops *o, const char *lijst, char *err,
		      size_t errlen)
{
	/* the syntax of every address list of the configuration */
	return http_adressen_lees(lijst, &o->metrics, err, errlen) ? -1 : 0;
}

int
ops_metrics_toegestaan(const struct ops *o, const char *ip)
{
	return http_adressen_bevat(&o->metrics, ip);
}

/* --- counting and the log ---------------------------------------- */

void
ops_nieuw_id(char *id)
{
	unsigned char b[OPS_ID_LEN / 2];

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(id, OPS_ID_LEN + 1, b, sizeof(b));
}

static size_t
route_index(const struct ops *o, int route)
{
	return route >= 0 && (size_t)route < o->n ? (size_t)route : o->n;
}

size_t
ops_logregel(const struct ops *o, const struct ops_aanvraag *a,
	     const struct timespec *ts, char *buf, size_t n)
{
	struct tm tm;
	char tijd[32];
	size_t l, r;
	int k;

	if (!gmtime_r(&ts->tv_sec, &tm) ||
	    !strftime(tijd, sizeof(tijd), "%Y-%m-%dT%H:%M:%S", &tm))
		return 0;
	k = snprintf(buf, n, "ts=%s.%03ldZ id=%s method=%s route=", tijd,
		     ts->tv_nsec / 1000000, a->id ? a->id : "-",
		     methode_naam(a->methode));
	if (k < 0 || (size_t)k >= n)
		return 0;
	l = (size_t)k;
	r = logfmt_waarde(o->label[route_index(o, a->route)], buf + l, n - l);
	if (!r)
		return 0;
	l += r;
	k = snprintf(buf + l, n - l, " status=%u dur_ms=%llu.%03llu bytes=%llu\n",
		     a->status, (unsigned long long)(a->usec / 1000),
		     (unsigned long long)(a->usec % 1000),
		     (unsigned long long)a->bytes);
	if (k < 0 || (size_t)k >= n - l)
		return 0;
	return l + (size_t)k;
}

void
ops_klaar(struct ops *o, const struct ops_aanvraag *a)
{
	struct teller *t = &o->t[route_index(o, a->route)];
	size_t b, k;

	k = a->status >= 100 && a->status < 600 ? a->status / 100 - 1 : 4;
	atomic_fetch_add_explicit(&t->klasse[k], 1, memory_order_relaxed);
	for (b = 0; b < NGRENS && a->usec > grens_usec[b]; b++)
		;
	atomic_fetch_add_explicit(&t->emmer[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&t->som_usec, a->usec, memory_order_relaxed);
	if (a->db_fout)
		atomic_fetch_add_explicit(&o->db_fouten, 1,
					  memory_order_relaxed);
	if (o->logfd >= 0) {
		struct timespec ts;
		char regel[512];
		size_t l;

		clock_gettime(CLOCK_REALTIME, &ts);
		l = ops_logregel(o, a, &ts, regel, sizeof(regel));
		/* one write per line: lines from several workers do not
		 * interleave; a failed write is not worth failing for */
		if (l && write(o->logfd, regel, l) < 0)
			return;
	}
}

/* --- the Prometheus text ----------------------------------------- */

/* A label value of the exposition format: '\', '"' and newline escaped. */
static void
label_waarde(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", f);
		else if (*s == '"')
			fputs("\\\"", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static uint64_t
lees(const atomic_uint_fast64_t *a)
{
	return atomic_load_explicit(a, memory_order_relaxed);
}

static void
kop(FILE *f, const char *naam, const char *soort, const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", naam, help, naam, soort);
}

static void
een(FILE *f, const char *naam, const char *soort, const char *help,
    uint64_t v)
{
	kop(f, naam, soort, help);
	fprintf(f, "%s %llu\n", naam, (unsigned long long)v);
}

int
ops_metrics(const struct ops *o, const struct ops_stand *st, char **out,
	    size_t *len)
{
	static const char *const klasse[] = {"1xx", "2xx", "3xx", "4xx",
					     "5xx"};
	char *buf = NULL;
	size_t n = 0, i, b, k;
	FILE *f = open_memstream(&buf, &n);

	if (!f)
		return -1;
	kop(f, "spoor_http_requests_total", "counter",
	    "HTTP requests answered, by route pattern and status class.");
	for (i = 0; i <= o->n; i++)
		for (k = 0; k < 5; k++) {
			uint64_t v = lees(&o->t[i].klasse[k]);

			if (!v)
				continue;
			fputs("spoor_http_requests_total{route=", f);
			label_waarde(f, o->label[i]);
			fprintf(f, ",status=\"%s\"} %llu\n", klasse[k],
				(unsigned long long)v);
		}
	kop(f, "spoor_http_request_duration_seconds", "histogram",
	    "Time from the request line to the response sent, by route "
	    "pattern.");
	for (i = 0; i <= o->n; i++) {
		uint64_t som = 0, e[NGRENS + 1];

		/* one snapshot, so the buckets add up to the count even
		 * while requests are counted */
		for (b = 0; b <= NGRENS; b++)
			som += e[b] = lees(&o->t[i].emmer[b]);
		if (!som)
			continue;
		som = 0;
		for (b = 0; b <= NGRENS; b++) {
			som += e[b];
			fputs("spoor_http_request_duration_seconds_bucket{route=",
			      f);
			label_waarde(f, o->label[i]);
			fprintf(f, ",le=\"%s\"} %llu\n",
				b < NGRENS ? grens_tekst[b] : "+Inf",
				(unsigned long long)som);
		}
		{
			uint64_t us = lees(&o->t[i].som_usec);

			fputs("spoor_http_request_duration_seconds_sum{route=",
			      f);
			label_waarde(f, o->label[i]);
			fprintf(f, "} %llu.%06llu\n",
				(unsigned long long)(us / 1000000),
				(unsigned long long)(us % 1000000));
		}
		fputs("spoor_http_request_duration_seconds_count{route=", f);
		label_waarde(f, o->label[i]);
		fprintf(f, "} %llu\n", (unsigned long long)som);
	}
	een(f, "spoor_db_errors_total", "counter",
	    "Requests answered with a database error (500 or 503).",
	    lees(&o->db_fouten));
	if (st && st->heeft_cache) {
		een(f, "spoor_cache_hits_total", "counter",
		    "Lookups of computed case results found in the cache.",
		    st->cache_treffers);
		een(f, "spoor_cache_misses_total", "counter",
		    "Lookups of computed case results not in the cache.",
		    st->cache_missers);
		een(f, "spoor_cache_entries", "gauge",
		    "Cases with computed results in the cache.",
		    st->cache_entries);
		een(f, "spoor_cache_bytes", "gauge",
		    "Bytes of computed JSON in the cache.", st->cache_bytes);
	}
	if (st && st->heeft_auditq) {
		een(f, "spoor_audit_queue_depth", "gauge",
		    "Read audit records queued and not yet stored.",
		    st->auditq_diepte);
		een(f, "spoor_audit_write_errors_total", "counter",
		    "Failed attempts to store a batch of audit records "
		    "(each is retried).", st->auditq_fouten);
	}
	if (st && st->heeft_schrijfq) {
		een(f, "spoor_append_commits_total", "counter",
		    "Transactions that stored appends (app/schrijfq.h).",
		    st->schrijfq_batches);
		een(f, "spoor_appends_total", "counter",
		    "Appends through the group commit, stored or refused.",
		    st->schrijfq_stappen);
	}
	if (fclose(f)) {
		free(buf);
		return -1;
	}
	*out = buf;
	*len = n;
	return 0;
}

/* --- the endpoints ----------------------------------------------- */

int
ops_h_healthz(struct http_req *q, struct http_resp *r)
{
	(void)q;
	return http_resp_bestand(r, "ok\n", 3, "text/plain; charset=utf-8");
}

/* Ready: this worker's connection answers a trivial query and the schema
 * is at this binary's version. The reason stays short: the probe may be
 * reachable by anyone. */
int
ops_h_readyz(struct http_req *q, struct http_resp *r)
{
	struct store *s = api_st();
	struct db_res res;
	int64_t v;

	(void)q;
	if (!s)
		return http_resp_fout(r, 503, "niet_gereed",
				      "geen verbinding met de database", NULL);
	if (db_query(s->db, "SELECT max(versie) FROM schema_versie", NULL, 0,
		     &res))
		return http_resp_fout(r, 503, "niet_gereed",
				      "de database antwoordt niet", NULL);
	v = res.nrows == 1 ? db_cel_int(&res, 0, 0) : -1;
	db_res_release(&res);
	if (v != migrate_laatste())
		return http_resp_fout(r, 503, "niet_gereed",
				      "de database heeft een andere "
				      "schemaversie dan dit programma; voer "
				      "'spoor init' uit", NULL);
	return http_resp_bestand(r, "ok\n", 3, "text/plain; charset=utf-8");
}

int
ops_h_metrics(struct http_req *q, struct http_resp *r)
{
	const struct api *a = q->app;
	struct ops_stand st;
	char *tekst = NULL;
	size_t len;
	int rc;

	/* the same answer as an unknown path: no oracle for who may not */
	if (!a || !a->ops || !ops_metrics_toegestaan(a->ops, q->client_ip))
		return http_resp_fout(r, 404, "niet_gevonden",
				      "dit adres bestaat niet", NULL);
	memset(&st, 0, sizeof(st));
	if (a->cache) {
		struct gcache_stats gs;

		gcache_stats(a->cache, &gs);
		st.heeft_cache = 1;
		st.cache_treffers = gs.treffers;
		st.cache_missers = gs.missers;
		st.cache_entries = gs.entries;
		st.cache_bytes = gs.bytes;
	}
	if (a->auditq) {
		struct auditq_stand as;

		auditq_stand(a->auditq, &as);
		st.heeft_auditq = 1;
		st.auditq_diepte = as.diepte;
		st.auditq_fouten = as.fouten;
	}
	if (a->schrijfq) {
		struct schrijfq_stand ss;

		schrijfq_stand(a->schrijfq, &ss);
		st.heeft_schrijfq = 1;
		st.schrijfq_batches = ss.batches;
		st.schrijfq_stappen = ss.stappen;
	}
	if (ops_metrics(a->ops, &st, &tekst, &len))
		return api_intern(r);
	rc = http_resp_bestand(r, tekst, len,
			       "text/plain; version=0.0.4; charset=utf-8");
	free(tekst);
	return rc;
}

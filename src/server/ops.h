/*
 * ops.h - what an operator sees of a running server: request counters
 * and a latency histogram per route, the Prometheus text of them, the
 * request log, and the handlers of GET /healthz, /readyz and /metrics.
 *
 * Counting is lock-free (relaxed atomics), so the worker threads never
 * wait for each other or for a scrape. A route is counted and logged by
 * its pattern in the route table ("GET /api/v1/dossiers/{id}"), never
 * by the concrete path, and nothing of the request's content, query,
 * user, token or body reaches the log or the metrics.
 */
#ifndef SPOOR_OPS_H
#define SPOOR_OPS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "server/http.h"

/* A request id: 16 lowercase hex digits. */
#define OPS_ID_LEN 16

/* One answered request, as the HTTP layer saw it. */
struct ops_aanvraag {
	int route;          /* index in the route table; -1: none matched */
	int methode;        /* enum http_methode as sent */
	unsigned status;
	uint64_t usec;      /* request line received to response sent */
	uint64_t bytes;     /* body bytes sent */
	int db_fout;        /* http_resp.db_fout: a database error answered */
	const char *id;     /* the request id; NULL: none */
};

/* Values read at scrape time from the rest of the server. */
struct ops_stand {
	int heeft_cache;
	uint64_t cache_treffers, cache_missers;
	uint64_t cache_entries, cache_bytes;
	int heeft_auditq;
	uint64_t auditq_diepte, auditq_fouten;
	int heeft_schrijfq;
	uint64_t schrijfq_batches, schrijfq_stappen;
};

struct ops;

/*
 * Counters for the routes of a table (which must outlive the ops).
 * Metrics are allowed from 127.0.0.1 and ::1 until
 * ops_set_metrics_allow() says otherwise; the request log is off until
 * ops_set_requestlog(). *out is freed with ops_free().
 */
int ops_new(const struct http_route *routes, size_t n, struct ops **out);
void ops_free(struct ops *o);

/* Where the request log goes: an fd that stays open (STDERR_FILENO), or
 * -1 for none. Set before the server starts. */
void ops_set_requestlog(struct ops *o, int fd);

/*
 * The addresses /metrics answers: a list as http_adressen_lees() reads
 * it ("127.0.0.1, ::1"; "none" allows nobody). Returns 0, or -1 with a
 * Dutch reason in err, naming the entry (the old list stays). Set before the server
 * starts.
 */
int ops_set_metrics_allow(struct ops *o, const char *lijst, char *err,
			  size_t errlen);
/* May ip (as in http_req.client_ip) read /metrics? 1 or 0. */
int ops_metrics_toegestaan(const struct ops *o, const char *ip);

/* Count a request and, with a request log, write its line (one
 * write(2)). Safe from any thread. */
void ops_klaar(struct ops *o, const struct ops_aanvraag *a);

/* The log line of a (logfmt, ending in '\n') at wall-clock time ts into
 * buf; returns its length, or 0 when it does not fit. */
size_t ops_logregel(const struct ops *o, const struct ops_aanvraag *a,
		    const struct timespec *ts, char *buf, size_t n);

/* The Prometheus text exposition (format 0.0.4) of the counters and of
 * st (may be NULL). *out is malloc'd, the caller frees it. 0 or -1. */
int ops_metrics(const struct ops *o, const struct ops_stand *st, char **out,
		size_t *len);

/* A fresh random request id (libsodium) into id[OPS_ID_LEN + 1]. */
void ops_nieuw_id(char *id);

/* Handlers for the route table; req->app is a struct api. None needs a
 * login, none is audited, none touches the case cache. */
int ops_h_healthz(struct http_req *q, struct http_resp *r);
int ops_h_readyz(struct http_req *q, struct http_resp *r);
int ops_h_metrics(struct http_req *q, struct http_resp *r);

#endif /* SPOOR_OPS_H */

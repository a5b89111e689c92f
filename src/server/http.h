/*
 * http.h - spoor's small HTTP layer on GNU libmicrohttpd: server start and
 * stop, request bodies with a cap, a router, and response helpers.
 *
 * Handlers are plain functions over a request and a response, so they can
 * be called without a socket. The layer owns everything in a response and
 * frees it after sending. Every response carries nosniff, no-referrer,
 * frame-deny and no-store headers (Cache-Control: unless the handler
 * added its own).
 */
#ifndef SPOOR_HTTP_H
#define SPOOR_HTTP_H

#include <stddef.h>
#include <stdint.h>

enum http_methode {
	HTTP_GET = 1,
	HTTP_POST,
	HTTP_PUT,
	HTTP_PATCH,
	HTTP_DELETE,
	HTTP_HEAD,
	HTTP_OPTIONS,
	HTTP_ANDERS
};

#define HTTP_MAX_PARAMS 4
#define HTTP_MAX_PAD 2048
#define HTTP_MAX_HEADERS 4
/* headers, query parameters and cookies of a request without a socket */
#define HTTP_MAX_PAREN 16

/* A name and its value (NULL: a query parameter without '='). */
struct http_paar {
	const char *naam;
	const char *waarde;
};

struct http_req {
	int methode;               /* enum http_methode */
	const char *pad;           /* path as sent (%-escapes intact), no query */
	const char *body;          /* NUL-terminated copy; "" when empty */
	size_t bodylen;
	const char *param[HTTP_MAX_PARAMS]; /* the {} segments, decoded */
	size_t nparam;
	void *mhd;                 /* private: the MHD connection or NULL */
	const char *client_ip;     /* "127.0.0.1", or ""; from a trusted
				    * proxy its X-Forwarded-For */
	int https;                 /* reached over HTTPS: TLS here, or a
				    * trusted proxy's X-Forwarded-Proto */
	void *app;                 /* http_config.app */
	void *ctx;                 /* the worker's context (thread_init),
				    * read once per request; NULL: none */
	int route;                 /* index of the matched route; -1: none
				    * (set by http_dispatch, for ops.h) */
	const struct http_route *rt; /* the matched route (http_dispatch) */
	/* private, without a connection (http_req_maak): the headers, the
	 * decoded query and cookies, their storage, and the name ("" when
	 * not printable) of a query parameter with a %00 */
	struct http_paar kop[HTTP_MAX_PAREN], vraag[HTTP_MAX_PAREN],
			 koek[HTTP_MAX_PAREN];
	size_t nkop, nvraag, nkoek;
	char *opslag;
	const char *nul;
};

/*
 * A request without a socket, for tests and tools: method, target (path
 * with an optional "?query", as sent), headers (borrowed: they must live
 * as long as *q) and body (copied; NULL: none). The query is parsed as
 * libmicrohttpd does ('+' is a space, %XX decoded, a '%' without two hex
 * digits kept, a name without '=' has the value NULL), so are the Cookie
 * headers ("a=1; b=\"2\"", pairs without '=' ignored); a %00 in the
 * query makes http_dispatch answer 400 as for a real request. 0, or -1
 * (out of memory, more than HTTP_MAX_PAREN of a kind, a path longer than
 * HTTP_MAX_PAD). client_ip is "", app and ctx NULL: set them after.
 * Free with http_req_release.
 */
int http_req_maak(struct http_req *q, int methode, const char *doel,
		  const struct http_paar *kop, size_t nkop, const char *body);
void http_req_release(struct http_req *q);

/* Request header, cookie and query value (decoded; names compared without
 * case, the first of duplicates wins), by libmicrohttpd or, for a request
 * of http_req_maak, from its own parse; NULL when absent. The strings
 * live as long as the request. */
const char *http_header(const struct http_req *r, const char *naam);
const char *http_cookie(const struct http_req *r, const char *naam);
const char *http_query(const struct http_req *r, const char *naam);

struct http_resp {
	unsigned status;
	char *body;                /* owned */
	size_t bodylen;
	const char *content_type;  /* static; default JSON */
	char *set_cookie;          /* owned; one Set-Cookie or NULL */
	const char *hnaam[HTTP_MAX_HEADERS]; /* static names */
	char *hwaarde[HTTP_MAX_HEADERS];     /* owned values */
	size_t nheaders;
	int db_fout;               /* the answer reports a database error
				    * (counted by ops.h) */
};

/* Set the body to a copy of json (status, JSON content type). */
int http_resp_json(struct http_resp *r, unsigned status, const char *json,
		   size_t len);
/* The error document of architecture §7, built with jansson:
 * {"fout":{"code":C,"bericht":B,"veld":V}}; veld left out when NULL. */
int http_resp_fout(struct http_resp *r, unsigned status, const char *code,
		   const char *bericht, const char *veld);
/* A copy of data with the given static content type. */
int http_resp_bestand(struct http_resp *r, const char *data, size_t len,
		      const char *content_type);
/* Set the one Set-Cookie header to a copy of waarde (the layer adds
 * "; Secure" over HTTPS). */
int http_resp_cookie(struct http_resp *r, const char *waarde);
/* Add a header (name static, value copied); at most HTTP_MAX_HEADERS. */
int http_resp_header(struct http_resp *r, const char *naam,
		     const char *waarde);
void http_resp_release(struct http_resp *r);

/* A handler returns 0; a negative value is an internal error, answered
 * with 500 {"fout":{"code":"intern",...}} and nothing of its detail. */
typedef int (*http_handler)(struct http_req *req, struct http_resp *resp);

/* A handler over the application's request context (server/api_int.h),
 * for routes whose h is the application's dispatcher (api_dispatch). */
struct api_ctx;
typedef int (*http_ctx_handler)(struct api_ctx *c);

/*
 * patroon: a path where "{}" matches one non-empty segment without '/',
 * and a final "{*}" the rest of the path (possibly empty, '/' included).
 * A "{*}" route never turns a 404 into a 405 for other methods.
 * max_body: the body cap of this route; 0 means http_config.max_body.
 * vlag and hc are for h: what the route needs (api_int.h's R_*) and the
 * handler it runs once that is established; 0 and NULL for a plain h.
 */
struct http_route {
	int methode;
	unsigned vlag;
	const char *patroon;
	http_handler h;
	size_t max_body;
	http_ctx_handler hc;
};

/*
 * Find the route for req and run it. 404 "niet_gevonden" when no pattern
 * matches the path, 405 "methode_niet_toegestaan" with Allow when only the
 * method is wrong. HEAD runs the GET route (req->methode stays HTTP_HEAD;
 * libmicrohttpd sends no body). Matches req->pad as sent, then fills
 * req->param with the %-decoded segments, so an id "D/1" travels as
 * "D%2F1" and stays one segment; 400 when a segment decodes to a NUL.
 */
int http_dispatch(const struct http_route *routes, size_t n,
		  struct http_req *req, struct http_resp *resp);

/* A body cap of a route that means http_config.max_upload. */
#define HTTP_BODY_UPLOAD SIZE_MAX
/* A body cap of a route whose body may come from a caller who is not
 * logged in yet (the login): http_config.max_anoniem, and no
 * http_config.vooraf check. A request that matches no route gets the
 * same small cap: nothing will read its body. */
#define HTTP_BODY_ANONIEM (SIZE_MAX - 1)

/*
 * A set of IP addresses (trusted proxies, readers of /metrics), IPv4
 * kept as IPv4-mapped IPv6 so "127.0.0.1" and "::ffff:127.0.0.1" are
 * one address.
 */
#define HTTP_MAX_ADRESSEN 16
struct http_adressen {
	size_t n;
	unsigned char a[HTTP_MAX_ADRESSEN][16];
};

/* Parse a comma-separated list ("127.0.0.1, ::1"; spaces allowed, "" or
 * "none" is empty) into *out: 0, or -1 with the offending entry in err.
 * *out is set only on success. */
int http_adressen_lees(const char *lijst, struct http_adressen *out,
		       char *err, size_t errlen);
/* 1 when ip (text, as in http_req.client_ip) is in l, else 0. */
int http_adressen_bevat(const struct http_adressen *l, const char *ip);

/* 1 when this libmicrohttpd can serve TLS (built with GnuTLS), else 0. */
int http_tls_beschikbaar(void);

struct http_config {
	const char *adres;          /* "127.0.0.1", "::1" */
	uint16_t poort;             /* 0: any free port, see http_poort() */
	unsigned threads;           /* worker threads, default 2 */
	unsigned max_verbindingen;  /* default 512 */
	unsigned max_per_ip;        /* connections per client address (the
				     * peer: a proxy is one); 0: no limit */
	unsigned timeout_s;         /* idle connection timeout, default 30 */
	size_t max_body;            /* default 1 MiB; larger: 413 */
	size_t max_upload;          /* HTTP_BODY_UPLOAD routes; default 20 MiB */
	size_t max_anoniem;         /* HTTP_BODY_ANONIEM routes; default 4 KiB */
	/* Deadlines that a trickle of bytes cannot extend (the idle
	 * timeout restarts at every byte): a request line and headers
	 * within kop_s seconds (default 20) of the connection's start, or
	 * of the end of its previous request plus timeout_s; the body
	 * within body_s seconds (default 20) after the headers plus one
	 * second per 64 KiB declared. A connection past its deadline is
	 * shut down. */
	unsigned kop_s;
	unsigned body_s;
	/* Called when the headers of a request with a body are complete,
	 * before any body byte is read, for a route whose cap is not
	 * HTTP_BODY_ANONIEM (a cheap look at the credentials in the
	 * headers): 0 reads the body on; 1 with *resp filled sends resp at
	 * once and closes the connection unread. The handler still
	 * decides; this only rejects early. NULL: no check. */
	int (*vooraf)(struct http_req *req, struct http_resp *resp);
	/* PEM text of the certificate chain and its key: both set, the
	 * server speaks HTTPS only (TLS 1.2 and 1.3, AEAD ciphers) and
	 * sends Strict-Transport-Security with hsts_max_age (0: none) */
	const char *tls_cert;
	const char *tls_key;
	unsigned hsts_max_age;
	/* peers whose X-Forwarded-For and X-Forwarded-Proto are believed */
	struct http_adressen proxies;
	const struct http_route *routes;
	size_t nroutes;
	void *app;
	/* run per worker thread at its first request; the result is
	 * http_thread_ctx() there, and goes to thread_free at exit. A NULL
	 * result is tried again at a later request of that worker, after
	 * 1 s, then 2, 4, 8 and 10 s between attempts (a database that was
	 * down when the worker first needed it) */
	void *(*thread_init)(void *app);
	void (*thread_free)(void *ctx);
	/* counters and request log (ops.h); NULL: none */
	struct ops *ops;
};

struct http_server;

int http_start(const struct http_config *c, struct http_server **out);
uint16_t http_poort(const struct http_server *s);
/* Stop, wait for the workers, free everything; accepts NULL. */
void http_stop(struct http_server *s);
/* The per-thread context of the calling worker (NULL outside one). */
void *http_thread_ctx(void);

#endif /* SPOOR_HTTP_H */

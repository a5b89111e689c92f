/*
 * http.c - the HTTP layer on libmicrohttpd (see http.h).
 *
 * libmicrohttpd calls the access handler several times per request: the
 * first call only sets up our per-request state (answering then would
 * skip the body and cost throughput, c-stack.md), the middle ones deliver
 * the body, the last one dispatches. The state is freed in the
 * request-completed callback, whatever happened.
 */
#include <arpa/inet.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

#define STANDAARD_MAX_BODY ((size_t)1 << 20)

struct http_server {
	struct MHD_Daemon *d;
	struct http_config c;
};

/* Per request. */
struct aanvraag {
	char *rauw;        /* the path as sent, %-escapes intact; NULL: too long */
	char *body;
	size_t len, cap;
	size_t max;        /* the body cap of the route */
	int begonnen;      /* the first call of the handler is past */
	int te_groot;
	char ip[INET6_ADDRSTRLEN];
};

/* Per worker thread: the application's context. */
struct draad {
	void *ctx;
	void (*vrij)(void *ctx);
};

static pthread_key_t draad_key;
static pthread_once_t draad_once = PTHREAD_ONCE_INIT;

static void
draad_weg(void *p)
{
	struct draad *t = p;

	if (t->vrij && t->ctx)
		t->vrij(t->ctx);
	free(t);
}

static void
draad_key_maak(void)
{
	(void)pthread_key_create(&draad_key, draad_weg);
}

void *
http_thread_ctx(void)
{
	struct draad *t;

	pthread_once(&draad_once, draad_key_maak);
	t = pthread_getspecific(draad_key);
	return t ? t->ctx : NULL;
}

/* The thread-specific slot owns t; gcc's analyzer cannot see that. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
static void
draad_zorg(const struct http_config *c)
{
	struct draad *t;

	if (!c->thread_init)
		return;
	pthread_once(&draad_once, draad_key_maak);
	if (pthread_getspecific(draad_key))
		return;
	t = calloc(1, sizeof(*t));
	if (!t)
		return;
	t->ctx = c->thread_init(c->app);
	t->vrij = c->thread_free;
	if (pthread_setspecific(draad_key, t))
		draad_weg(t);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

/* --- requests ---------------------------------------------------- */

const char *
http_header(const struct http_req *r, const char *naam)
{
	if (!r->mhd)
		return NULL;
	return MHD_lookup_connection_value(r->mhd, MHD_HEADER_KIND, naam);
}

const char *
http_cookie(const struct http_req *r, const char *naam)
{
	if (!r->mhd)
		return NULL;
	return MHD_lookup_connection_value(r->mhd, MHD_COOKIE_KIND, naam);
}

const char *
http_query(const struct http_req *r, const char *naam)
{
	if (!r->mhd)
		return NULL;
	return MHD_lookup_connection_value(r->mhd, MHD_GET_ARGUMENT_KIND, naam);
}

/* --- responses --------------------------------------------------- */

static int
zet_body(struct http_resp *r, const char *data, size_t len)
{
	char *b = malloc(len + 1);

	if (!b)
		return -1;
	memcpy(b, data, len);
	b[len] = '\0';
	free(r->body);
	r->body = b;
	r->bodylen = len;
	return 0;
}

int
http_resp_json(struct http_resp *r, unsigned status, const char *json,
	       size_t len)
{
	if (zet_body(r, json, len))
		return -1;
	r->status = status;
	r->content_type = "application/json; charset=utf-8";
	return 0;
}

int
http_resp_bestand(struct http_resp *r, const char *data, size_t len,
		  const char *content_type)
{
	if (zet_body(r, data, len))
		return -1;
	r->status = 200;
	r->content_type = content_type;
	return 0;
}

int
http_resp_fout(struct http_resp *r, unsigned status, const char *code,
	       const char *bericht, const char *veld)
{
	json_t *o = json_object(), *f = json_object();
	char *s = NULL;
	int rc = -1;

	if (!o || !f || json_object_set_new(o, "fout", f)) {
		json_decref(f);
		goto out;
	}
	if (json_object_set_new(f, "code", json_string(code)) ||
	    json_object_set_new(f, "bericht", json_string(bericht)) ||
	    (veld && json_object_set_new(f, "veld", json_string(veld))))
		goto out;
	s = json_dumps(o, JSON_COMPACT);
	if (s)
		rc = http_resp_json(r, status, s, strlen(s));
out:
	free(s);
	json_decref(o);
	return rc;
}

int
http_resp_header(struct http_resp *r, const char *naam, const char *waarde)
{
	char *v;

	if (r->nheaders == HTTP_MAX_HEADERS || !(v = strdup(waarde)))
		return -1;
	r->hnaam[r->nheaders] = naam;
	r->hwaarde[r->nheaders++] = v;
	return 0;
}

void
http_resp_release(struct http_resp *r)
{
	size_t i;

	if (!r)
		return;
	free(r->body);
	free(r->set_cookie);
	for (i = 0; i < r->nheaders; i++)
		free(r->hwaarde[i]);
	memset(r, 0, sizeof(*r));
}

/* --- routing ----------------------------------------------------- */

/* Does pad match patroon? Records where the {} segments are. */
static int
past(const char *patroon, const char *pad, size_t *off, size_t *len,
     size_t *np)
{
	const char *p = patroon, *s = pad;
	size_t n = 0;

	while (*p) {
		if (p[0] == '{' && p[1] == '*' && p[2] == '}' && !p[3]) {
			if (n == HTTP_MAX_PARAMS)
				return 0;
			off[n] = (size_t)(s - pad);
			len[n++] = strlen(s);
			*np = n;
			return 1;
		}
		if (!*s)
			return 0;
		if (p[0] == '{' && p[1] == '}') {
			size_t l = strcspn(s, "/");

			if (l == 0 || n == HTTP_MAX_PARAMS)
				return 0;
			off[n] = (size_t)(s - pad);
			len[n++] = l;
			s += l;
			p += 2;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*p || *s)
		return 0;
	*np = n;
	return 1;
}

static int
hexwaarde(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode the %-escapes of a path segment in place ("D%2F1" -> "D/1"); a
 * '%' not followed by two hex digits stays. -1 when an escape decodes to
 * NUL, which no id contains. */
static int
ontsnap(char *s)
{
	char *w = s;
	int h, l;

	for (; *s; s++) {
		if (s[0] == '%' && (h = hexwaarde(s[1])) >= 0 &&
		    (l = hexwaarde(s[2])) >= 0) {
			if (h == 0 && l == 0)
				return -1;
			*w++ = (char)(h * 16 + l);
			s += 2;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
	return 0;
}

static const char *
methode_naam(int m)
{
	static const char *const n[] = {"", "GET", "POST", "PUT", "PATCH",
					"DELETE", "HEAD", "OPTIONS", "?"};

	return m >= 1 && m <= HTTP_ANDERS ? n[m] : "?";
}

int
http_dispatch(const struct http_route *routes, size_t n, struct http_req *req,
	      struct http_resp *resp)
{
	char allow[128], kopie[HTTP_MAX_PAD + 1];
	size_t off[HTTP_MAX_PARAMS], len[HTTP_MAX_PARAMS];
	size_t i, j, o = 0, np = 0;
	int pad_bekend = 0, rc, m;

	/* HEAD is GET without the body (RFC 9110 9.3.2): the GET route
	 * answers and libmicrohttpd leaves the body out */
	m = req->methode == HTTP_HEAD ? HTTP_GET : req->methode;
	allow[0] = '\0';
	if (strlen(req->pad) > HTTP_MAX_PAD)
		return http_resp_fout(resp, 414, "te_lang",
				      "het adres is te lang", NULL);
	for (i = 0; i < n; i++) {
		if (!past(routes[i].patroon, req->pad, off, len, &np))
			continue;
		/* a known path with another method is 405, not the
		 * fallback's 404 */
		if (pad_bekend && strstr(routes[i].patroon, "{*}"))
			break;
		if (routes[i].methode != m) {
			int k;

			if (strstr(routes[i].patroon, "{*}"))
				continue;
			k = snprintf(allow + o, sizeof(allow) - o, "%s%s%s",
					 o ? ", " : "",
					 methode_naam(routes[i].methode),
					 routes[i].methode == HTTP_GET ? ", HEAD" : "");

			if (k > 0 && (size_t)k < sizeof(allow) - o)
				o += (size_t)k;
			pad_bekend = 1;
			continue;
		}
		/* the parameters are NUL-terminated pieces of a copy of
		 * the path: segments end at a '/', which becomes the NUL;
		 * each is then decoded, so an id with a '/' (sent as %2F)
		 * stays one segment */
		memcpy(kopie, req->pad, strlen(req->pad) + 1);
		for (j = 0; j < np; j++)
			kopie[off[j] + len[j]] = '\0';
		for (j = 0; j < np; j++)
			if (ontsnap(kopie + off[j]))
				return http_resp_fout(resp, 400, "ongeldig",
						      "het adres bevat een "
						      "nulteken", NULL);
		for (j = 0; j < np; j++)
			req->param[j] = kopie + off[j];
		req->nparam = np;
		rc = routes[i].h(req, resp);
		for (j = 0; j < np; j++)
			req->param[j] = NULL;
		req->nparam = 0;
		if (rc < 0 || resp->status == 0) {
			http_resp_release(resp);
			return http_resp_fout(resp, 500, "intern",
					      "interne fout; zie het serverlog",
					      NULL);
		}
		return 0;
	}
	if (pad_bekend) {
		if (http_resp_fout(resp, 405, "methode_niet_toegestaan",
				   "deze methode kan hier niet", NULL))
			return -1;
		return http_resp_header(resp, "Allow", allow);
	}
	return http_resp_fout(resp, 404, "niet_gevonden",
			      "dit adres bestaat niet", NULL);
}

/* --- the server -------------------------------------------------- */

static int
methode_van(const char *m)
{
	static const char *const n[] = {"GET", "POST", "PUT", "PATCH",
					"DELETE", "HEAD", "OPTIONS"};
	int i;

	for (i = 0; i < 7; i++)
		if (!strcmp(m, n[i]))
			return i + 1;
	return HTTP_ANDERS;
}

static enum MHD_Result
stuur(struct MHD_Connection *conn, struct http_resp *r)
{
	struct MHD_Response *m;
	enum MHD_Result ok;
	size_t i;

	m = MHD_create_response_from_buffer(r->bodylen, r->body,
					    MHD_RESPMEM_MUST_COPY);
	if (!m)
		return MHD_NO;
	MHD_add_response_header(m, "Content-Type",
				r->content_type ? r->content_type
						: "application/json; charset=utf-8");
	MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(m, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(m, "X-Frame-Options", "DENY");
	MHD_add_response_header(m, "Cache-Control", "no-store");
	if (r->set_cookie)
		MHD_add_response_header(m, "Set-Cookie", r->set_cookie);
	for (i = 0; i < r->nheaders; i++)
		MHD_add_response_header(m, r->hnaam[i], r->hwaarde[i]);
	ok = MHD_queue_response(conn, r->status ? r->status : 500, m);
	MHD_destroy_response(m);
	return ok;
}

static enum MHD_Result
fout_nu(struct MHD_Connection *conn, unsigned status, const char *code,
	const char *bericht)
{
	struct http_resp r;
	enum MHD_Result ok;

	memset(&r, 0, sizeof(r));
	if (http_resp_fout(&r, status, code, bericht, NULL))
		return MHD_NO;
	ok = stuur(conn, &r);
	http_resp_release(&r);
	return ok;
}

static void
client_ip(struct MHD_Connection *conn, char *buf, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	buf[0] = '\0';
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET,
			  &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr,
			  buf, (socklen_t)n);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)(const void *)ci->client_addr)->sin6_addr,
			  buf, (socklen_t)n);
}

/* The body cap for a request: that of the route it will reach. */
static size_t
max_body(const struct http_server *s, const char *url, const char *method)
{
	size_t off[HTTP_MAX_PARAMS], len[HTTP_MAX_PARAMS], np, i;
	int m = methode_van(method);

	if (strlen(url) > HTTP_MAX_PAD)
		return s->c.max_body;
	if (m == HTTP_HEAD)
		m = HTTP_GET;
	for (i = 0; i < s->c.nroutes; i++)
		if (s->c.routes[i].methode == m &&
		    past(s->c.routes[i].patroon, url, off, len, &np))
			return s->c.routes[i].max_body ? s->c.routes[i].max_body
							: s->c.max_body;
	return s->c.max_body;
}

static enum MHD_Result
toegang(void *cls, struct MHD_Connection *conn, const char *url,
	const char *method, const char *version, const char *upload_data,
	size_t *upload_data_size, void **req_cls)
{
	struct http_server *s = cls;
	struct aanvraag *a = *req_cls;
	struct http_req q;
	struct http_resp r;
	enum MHD_Result ok;

	(void)version;
	(void)url; /* decoded whole by libmicrohttpd: a->rauw is routed */
	if (!a)
		return MHD_NO;
	if (!a->begonnen) {
		const char *cl;

		a->begonnen = 1;
		a->max = a->rauw ? max_body(s, a->rauw, method) : s->c.max_body;
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						 "Content-Length");
		/* refuse a declared oversize body before reading it */
		if (cl && strtoull(cl, NULL, 10) > a->max)
			return fout_nu(conn, 413, "te_groot",
				       "de aanvraag is te groot");
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (a->te_groot)
			return MHD_YES;
		if (a->len + n > a->max) {
			a->te_groot = 1;
			return MHD_YES;
		}
		if (a->len + n + 1 > a->cap) {
			size_t cap = a->cap ? a->cap : 1024;
			char *b;

			while (cap < a->len + n + 1)
				cap *= 2;
			b = realloc(a->body, cap);
			if (!b)
				return MHD_NO;
			a->body = b;
			a->cap = cap;
		}
		memcpy(a->body + a->len, upload_data, n);
		a->len += n;
		return MHD_YES;
	}
	if (a->te_groot)
		return fout_nu(conn, 413, "te_groot", "de aanvraag is te groot");
	if (!a->rauw)
		return fout_nu(conn, 414, "te_lang", "het adres is te lang");
	if (a->rauw[0] != '/')
		return fout_nu(conn, 400, "ongeldig", "het pad begint niet met /");
	draad_zorg(&s->c);
	memset(&q, 0, sizeof(q));
	memset(&r, 0, sizeof(r));
	client_ip(conn, a->ip, sizeof(a->ip));
	q.methode = methode_van(method);
	q.pad = a->rauw;
	q.body = a->body ? a->body : "";
	if (a->body)
		a->body[a->len] = '\0';
	q.bodylen = a->len;
	q.mhd = conn;
	q.client_ip = a->ip;
	q.app = s->c.app;
	if (http_dispatch(s->c.routes, s->c.nroutes, &q, &r)) {
		http_resp_release(&r);
		return MHD_NO;
	}
	ok = stuur(conn, &r);
	http_resp_release(&r);
	return ok;
}

/* libmicrohttpd hands this the request target as sent, before it decodes
 * it; routing works on that (a %2F inside an id must not split a path
 * segment), the handler decodes each segment after the match. Its result
 * becomes the request's req_cls. */
static void *
uri_ontvangen(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct aanvraag *a = calloc(1, sizeof(*a));
	size_t n;

	(void)cls;
	(void)conn;
	if (!a)
		return NULL;
	/* no URI: treated as too long, answered 414 */
	n = uri ? strcspn(uri, "?") : HTTP_MAX_PAD + 1;
	if (n <= HTTP_MAX_PAD && !(a->rauw = strndup(uri, n))) {
		free(a);
		return NULL;
	}
	return a;
}

static void
klaar(void *cls, struct MHD_Connection *conn, void **req_cls,
      enum MHD_RequestTerminationCode toe)
{
	struct aanvraag *a = *req_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (a) {
		free(a->rauw);
		free(a->body);
		free(a);
		*req_cls = NULL;
	}
}

int
http_start(const struct http_config *c, struct http_server **out)
{
	struct http_server *s = calloc(1, sizeof(*s));
	struct sockaddr_in sin;

	if (!s)
		return -1;
	s->c = *c;
	if (!s->c.threads)
		s->c.threads = 2;
	if (!s->c.max_verbindingen)
		s->c.max_verbindingen = 512;
	if (!s->c.timeout_s)
		s->c.timeout_s = 30;
	if (!s->c.max_body)
		s->c.max_body = STANDAARD_MAX_BODY;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(c->poort);
	if (inet_pton(AF_INET, c->adres ? c->adres : "127.0.0.1",
		      &sin.sin_addr) != 1) {
		free(s);
		return -1;
	}
	s->d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			MHD_USE_ERROR_LOG,
		c->poort, NULL, NULL, toegang, s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
		MHD_OPTION_THREAD_POOL_SIZE, s->c.threads,
		MHD_OPTION_CONNECTION_LIMIT, s->c.max_verbindingen,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, s->c.max_per_ip,
		MHD_OPTION_CONNECTION_TIMEOUT, s->c.timeout_s,
		MHD_OPTION_NOTIFY_COMPLETED, klaar, s,
		MHD_OPTION_URI_LOG_CALLBACK, uri_ontvangen, s,
		MHD_OPTION_END);
	if (!s->d) {
		free(s);
		return -1;
	}
	*out = s;
	return 0;
}

uint16_t
http_poort(const struct http_server *s)
{
	const union MHD_DaemonInfo *i =
		MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);

	return i ? i->port : 0;
}

void
http_stop(struct http_server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->d);
	free(s);
}

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
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "http.h"
#include "ops.h"

#define STANDAARD_MAX_BODY ((size_t)1 << 20)
#define STANDAARD_MAX_UPLOAD ((size_t)20 << 20)
#define STANDAARD_MAX_ANONIEM ((size_t)4 << 10)
#define STANDAARD_KOP_S 20
#define STANDAARD_BODY_S 20
/* the slowest body rate the body deadline allows for: a second per
 * 64 KiB declared (20 MiB: 320 s) */
#define BODY_BYTES_PER_S ((uint64_t)64 << 10)

/* TLS 1.2 and 1.3 only, AEAD ciphers with forward secrecy, the server's
 * order (Mozilla's "intermediate" profile in GnuTLS terms) */
#define TLS_PRIORITEIT "SECURE256:+SECURE128:-VERS-ALL:+VERS-TLS1.3:" \
	"+VERS-TLS1.2:-CIPHER-ALL:+AES-256-GCM:+AES-128-GCM:" \
	"+CHACHA20-POLY1305:-MAC-ALL:+AEAD:-KX-ALL:+ECDHE-ECDSA:+ECDHE-RSA:" \
	"%SERVER_PRECEDENCE"

/* Per connection, for the deadlines (http.h): on the server's list from
 * libmicrohttpd's STARTED to its CLOSED notification, which comes before
 * it closes the socket, so fd is open while the node is listed. */
struct verbinding {
	struct verbinding *vorige, *volgende;
	int fd;
	int64_t deadline;  /* CLOCK_MONOTONIC ms; 0: none (answering) */
	int dicht;         /* shut down by the bewaker */
};

struct http_server {
	struct MHD_Daemon *d;
	struct http_config c;
	/* the connections and the thread that enforces their deadlines */
	pthread_mutex_t mu;
	pthread_cond_t wek;
	pthread_t bewaker;
	int bewaker_loopt, stoppen;
	struct verbinding *verbindingen;
	uint64_t afgekapt;  /* connections shut down at their deadline */
};

/* Per request. */
struct aanvraag {
	char *rauw;        /* the path as sent, %-escapes intact; NULL: too long */
	char *body;
	size_t len, cap;
	size_t max;        /* the body cap of the route */
	int begonnen;      /* the first call of the handler is past */
	int te_groot;
	/* for the counters and the request log (ops.h) */
	struct timespec t0;  /* request line received */
	char id[OPS_ID_LEN + 1];
	int methode, route, db_fout;
	unsigned status;
	uint64_t bytes;
	int https;
	char ip[INET6_ADDRSTRLEN];
};

/* Per worker thread: the application's context. */
struct draad {
	void *ctx;
	void (*vrij)(void *ctx);
	/* after a failed thread_init: when to try again (CLOCK_MONOTONIC
	 * seconds) and the wait after the next failure */
	int64_t opnieuw;
	int64_t wacht;
};

/* Back-off of a worker whose thread_init failed (its database was down):
 * 1 s after the first failure, doubling up to 10 s. Requests in between
 * get no context (api.h answers 503); each worker tries at most once per
 * interval, so a down database is not hammered, and a database that
 * comes back is used within 10 s. */
#define DRAAD_WACHT_MIN 1
#define DRAAD_WACHT_MAX 10

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
static int64_t
draad_klok(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

/* Give the calling worker its context: at its first request, and again
 * after a failure once the back-off has passed. */
static void
draad_zorg(const struct http_config *c)
{
	struct draad *t;
	int64_t nu;

	if (!c->thread_init)
		return;
	pthread_once(&draad_once, draad_key_maak);
	t = pthread_getspecific(draad_key);
	if (t && t->ctx)
		return;
	nu = draad_klok();
	if (t && nu < t->opnieuw)
		return;
	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t)
			return;
		t->vrij = c->thread_free;
		t->wacht = DRAAD_WACHT_MIN;
		if (pthread_setspecific(draad_key, t)) {
			draad_weg(t);
			return;
		}
	}
	t->ctx = c->thread_init(c->app);
	if (!t->ctx) {
		t->opnieuw = nu + t->wacht;
		t->wacht = t->wacht * 2 > DRAAD_WACHT_MAX ? DRAAD_WACHT_MAX
							  : t->wacht * 2;
	} else {
		t->wacht = DRAAD_WACHT_MIN;
	}
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

/* --- requests ---------------------------------------------------- */

/* The first pair named naam (any case) of a request without a socket. */
static const char *
zoek_paar(const struct http_paar *p, size_t n, const char *naam)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcasecmp(p[i].naam, naam))
			return p[i].waarde;
	return NULL;
}

const char *
http_header(const struct http_req *r, const char *naam)
{
	if (!r->mhd)
		return zoek_paar(r->kop, r->nkop, naam);
	return MHD_lookup_connection_value(r->mhd, MHD_HEADER_KIND, naam);
}

const char *
http_cookie(const struct http_req *r, const char *naam)
{
	if (!r->mhd)
		return zoek_paar(r->koek, r->nkoek, naam);
	return MHD_lookup_connection_value(r->mhd, MHD_COOKIE_KIND, naam);
}

const char *
http_query(const struct http_req *r, const char *naam)
{
	if (!r->mhd)
		return zoek_paar(r->vraag, r->nvraag, naam);
	return MHD_lookup_connection_value(r->mhd, MHD_GET_ARGUMENT_KIND, naam);
}

static int hexwaarde(char c);

/* Decode a query name or value in place as libmicrohttpd does: '+' is a
 * space, %XX a byte, a lone '%' stays. Sets *nul for a %00 (the string
 * then ends there, as libmicrohttpd's C string does). */
static void
vraag_ontsnap(char *s, int *nul)
{
	char *w = s;
	int h, l;

	for (; *s; s++) {
		if (s[0] == '%' && (h = hexwaarde(s[1])) >= 0 &&
		    (l = hexwaarde(s[2])) >= 0) {
			if (h == 0 && l == 0)
				*nul = 1;
			*w++ = (char)(h * 16 + l);
			s += 2;
		} else if (*s == '+') {
			*w++ = ' ';
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

/* Parse the query in s (modified) into q->vraag; -1 when too many. */
static int
vraag_lees(struct http_req *q, char *s)
{
	char *deel, *rest = s;

	while ((deel = strsep(&rest, "&"))) {
		char *is = strchr(deel, '=');
		int nul = 0;
		size_t i;

		if (!*deel)
			continue;
		if (q->nvraag == HTTP_MAX_PAREN)
			return -1;
		if (is)
			*is++ = '\0';
		vraag_ontsnap(deel, &nul);
		if (is)
			vraag_ontsnap(is, &nul);
		q->vraag[q->nvraag].naam = deel;
		q->vraag[q->nvraag++].waarde = is;
		/* the first such parameter, named as http_dispatch names
		 * it for a real request: printable and short, or "" */
		if (nul && !q->nul) {
			for (i = 0; i < 40 && deel[i]; i++)
				if (deel[i] < 0x21 || deel[i] > 0x7E)
					break;
			q->nul = deel[i] ? "" : deel;
		}
	}
	return 0;
}

/* Parse one Cookie header in s (modified) into q->koek: "a=1; b=2",
 * blanks around pairs, a value in double quotes unquoted. */
static int
koek_lees(struct http_req *q, char *s)
{
	char *deel, *rest = s;

	while ((deel = strsep(&rest, ";"))) {
		char *is, *eind;

		deel += strspn(deel, " \t");
		eind = deel + strlen(deel);
		while (eind > deel && (eind[-1] == ' ' || eind[-1] == '\t'))
			*--eind = '\0';
		if (!(is = strchr(deel, '=')) || is == deel)
			continue;
		if (q->nkoek == HTTP_MAX_PAREN)
			return -1;
		*is++ = '\0';
		if (is[0] == '"' && eind - is >= 2 && eind[-1] == '"') {
			eind[-1] = '\0';
			is++;
		}
		q->koek[q->nkoek].naam = deel;
		q->koek[q->nkoek++].waarde = is;
	}
	return 0;
}

int
http_req_maak(struct http_req *q, int methode, const char *doel,
	      const struct http_paar *kop, size_t nkop, const char *body)
{
	size_t n = strlen(doel) + 1, blen = body ? strlen(body) : 0, i;
	char *p, *vr;

	memset(q, 0, sizeof(*q));
	q->route = -1;
	if (nkop > HTTP_MAX_PAREN)
		return -1;
	for (i = 0; i < nkop; i++)
		if (!strcasecmp(kop[i].naam, "Cookie") && kop[i].waarde)
			n += strlen(kop[i].waarde) + 1;
	if (!(q->opslag = malloc(n + blen + 1)))
		return -1;
	p = q->opslag;
	memcpy(p, doel, strlen(doel) + 1);
	q->pad = p;
	if ((vr = strchr(p, '?')))
		*vr++ = '\0';
	p += strlen(doel) + 1;
	if (strlen(q->pad) > HTTP_MAX_PAD || (vr && vraag_lees(q, vr)))
		goto fout;
	for (i = 0; i < nkop; i++) {
		q->kop[q->nkop++] = kop[i];
		if (strcasecmp(kop[i].naam, "Cookie") != 0 || !kop[i].waarde)
			continue;
		memcpy(p, kop[i].waarde, strlen(kop[i].waarde) + 1);
		if (koek_lees(q, p))
			goto fout;
		p += strlen(kop[i].waarde) + 1;
	}
	if (blen)
		memcpy(p, body, blen);
	p[blen] = '\0';
	q->body = p;
	q->bodylen = blen;
	q->methode = methode;
	q->client_ip = "";
	return 0;
fout:
	http_req_release(q);
	return -1;
}

void
http_req_release(struct http_req *q)
{
	if (!q)
		return;
	free(q->opslag);
	memset(q, 0, sizeof(*q));
	q->route = -1;
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
http_resp_cookie(struct http_resp *r, const char *waarde)
{
	char *v = strdup(waarde);

	if (!v)
		return -1;
	free(r->set_cookie);
	r->set_cookie = v;
	return 0;
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

/* An MHD_get_connection_values_n iterator over the query: stops at the
 * first parameter whose name or value holds a decoded NUL (%00; its
 * length then passes its C string, which would end early) and puts the
 * name, when it is printable ASCII, or "" into *(const char **)cls. */
static enum MHD_Result
query_nul(void *cls, enum MHD_ValueKind kind, const char *key,
	  size_t key_size, const char *value, size_t value_size)
{
	const char **naam = cls;
	size_t i;

	(void)kind;
	if ((!key || strlen(key) == key_size) &&
	    (!value || strlen(value) == value_size))
		return MHD_YES;
	*naam = "";
	for (i = 0; key && key[i] && i < 40; i++)
		if (key[i] < 0x21 || key[i] > 0x7E)
			return MHD_NO;
	if (key && !key[i])
		*naam = key;
	return MHD_NO;
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
	req->route = -1;
	if (strlen(req->pad) > HTTP_MAX_PAD)
		return http_resp_fout(resp, 414, "te_lang",
				      "het adres is te lang", NULL);
	if (req->mhd) {
		const char *nul = NULL;

		(void)MHD_get_connection_values_n(req->mhd,
						  MHD_GET_ARGUMENT_KIND,
						  query_nul, &nul);
		if (nul)
			return http_resp_fout(resp, 400, "ongeldig",
					      "een parameter in de query bevat "
					      "een nulteken (%00); laat het weg",
					      *nul ? nul : NULL);
	} else if (req->nul) {
		/* the same for a request without a socket */
		return http_resp_fout(resp, 400, "ongeldig", "een parameter in "
				      "de query bevat een nulteken (%00); laat "
				      "het weg", *req->nul ? req->nul : NULL);
	}
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
		req->route = (int)i;
		req->rt = &routes[i];
		rc = routes[i].h(req, resp);
		for (j = 0; j < np; j++)
			req->param[j] = NULL;
		req->nparam = 0;
		req->rt = NULL;
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
stuur(const struct http_server *s, struct MHD_Connection *conn,
      struct http_resp *r, int https, struct aanvraag *a)
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
	/* no-store unless the handler chose (GET /api/v1/catalogus) */
	for (i = 0; i < r->nheaders; i++)
		if (!strcmp(r->hnaam[i], "Cache-Control"))
			break;
	if (i == r->nheaders)
		MHD_add_response_header(m, "Cache-Control", "no-store");
	if (r->set_cookie && https) {
		/* over HTTPS a cookie never travels back over plain HTTP */
		size_t n = strlen(r->set_cookie) + sizeof("; Secure");
		char *c = malloc(n);

		if (!c) {
			MHD_destroy_response(m);
			return MHD_NO;
		}
		snprintf(c, n, "%s; Secure", r->set_cookie);
		MHD_add_response_header(m, "Set-Cookie", c);
		free(c);
	} else if (r->set_cookie) {
		MHD_add_response_header(m, "Set-Cookie", r->set_cookie);
	}
	if (https && s->c.hsts_max_age) {
		char h[40];

		snprintf(h, sizeof(h), "max-age=%u", s->c.hsts_max_age);
		MHD_add_response_header(m, "Strict-Transport-Security", h);
	}
	for (i = 0; i < r->nheaders; i++)
		MHD_add_response_header(m, r->hnaam[i], r->hwaarde[i]);
	MHD_add_response_header(m, "X-Request-Id", a->id);
	a->status = r->status ? r->status : 500;
	a->bytes = a->methode == HTTP_HEAD ? 0 : r->bodylen;
	a->db_fout = r->db_fout;
	ok = MHD_queue_response(conn, r->status ? r->status : 500, m);
	MHD_destroy_response(m);
	return ok;
}

static enum MHD_Result
fout_nu(const struct http_server *s, struct MHD_Connection *conn,
	struct aanvraag *a, unsigned status, const char *code,
	const char *bericht)
{
	struct http_resp r;
	enum MHD_Result ok;

	memset(&r, 0, sizeof(r));
	if (http_resp_fout(&r, status, code, bericht, NULL))
		return MHD_NO;
	ok = stuur(s, conn, &r, s->c.tls_cert != NULL, a);
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

/* --- addresses and proxies -------------------------------------- */

/* Text to the 16-byte form of struct http_adressen: 0 or -1. */
static int
adres_bin(const char *t, unsigned char out[16])
{
	struct in_addr v4;
	struct in6_addr v6;

	if (inet_pton(AF_INET, t, &v4) == 1) {
		memset(out, 0, 10);
		out[10] = out[11] = 0xff;
		memcpy(out + 12, &v4, 4);
		return 0;
	}
	if (inet_pton(AF_INET6, t, &v6) == 1) {
		memcpy(out, &v6, 16);
		return 0;
	}
	return -1;
}

/* The usual text of an address: "10.0.0.1" for an IPv4-mapped one, so
 * the rate limits count one client once whatever form it came in. */
static void
adres_tekst(const unsigned char b[16], char *t, size_t n)
{
	static const unsigned char v4[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					     0xff, 0xff};

	if (!memcmp(b, v4, 12))
		inet_ntop(AF_INET, b + 12, t, (socklen_t)n);
	else
		inet_ntop(AF_INET6, b, t, (socklen_t)n);
}

int
http_adressen_lees(const char *lijst, struct http_adressen *out, char *err,
		   size_t errlen)
{
	struct http_adressen l;
	const char *p = lijst;
	char t[INET6_ADDRSTRLEN];

	memset(&l, 0, sizeof(l));
	p += strspn(p, " \t");
	if (!strcmp(p, "none")) {
		*out = l;
		return 0;
	}
	while (*p) {
		size_t n;

		p += strspn(p, " \t");
		n = strcspn(p, ",");
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 0 || n >= sizeof(t)) {
			snprintf(err, errlen, "een leeg of te lang adres in "
				 "de lijst; schrijf adressen gescheiden door "
				 "komma's");
			return -1;
		}
		memcpy(t, p, n);
		t[n] = '\0';
		if (l.n == HTTP_MAX_ADRESSEN) {
			snprintf(err, errlen, "meer dan %d adressen",
				 HTTP_MAX_ADRESSEN);
			return -1;
		}
		if (adres_bin(t, l.a[l.n])) {
			snprintf(err, errlen, "'%s' is geen IP-adres (zoals "
				 "127.0.0.1 of ::1)", t);
			return -1;
		}
		l.n++;
		p += strcspn(p, ",");
		if (*p == ',' && !*(p + 1 + strspn(p + 1, " \t"))) {
			snprintf(err, errlen, "de lijst eindigt op een komma");
			return -1;
		}
		if (*p == ',')
			p++;
	}
	*out = l;
	return 0;
}

int
http_adressen_bevat(const struct http_adressen *l, const char *ip)
{
	unsigned char b[16];
	size_t i;

	if (!ip || adres_bin(ip, b))
		return 0;
	for (i = 0; i < l->n; i++)
		if (!memcmp(l->a[i], b, 16))
			return 1;
	return 0;
}

int
http_tls_beschikbaar(void)
{
	return MHD_is_feature_supported(MHD_FEATURE_TLS) == MHD_YES;
}

/* The peer is a trusted proxy: the client is the right-most address of
 * X-Forwarded-For that is not a trusted proxy itself (everything left of
 * it is what the client claimed, and anyone can claim anything); HTTPS
 * when the proxy says so. An entry that is no address ends the walk, and
 * the last trusted hop stays the client. */
static void
via_proxy(const struct http_server *s, struct MHD_Connection *conn,
	  struct aanvraag *a)
{
	const char *xff = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						      "X-Forwarded-For");
	const char *proto = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							"X-Forwarded-Proto");
	char t[INET6_ADDRSTRLEN];
	unsigned char b[16];
	size_t eind, begin, k, n;

	if (proto && !strcasecmp(proto, "https"))
		a->https = 1;
	if (!xff)
		return;
	for (eind = strlen(xff);; eind = begin - 1) {
		for (begin = eind; begin > 0 && xff[begin - 1] != ','; begin--)
			;
		k = begin + strspn(xff + begin, " \t");
		n = k < eind ? eind - k : 0;
		while (n && (xff[k + n - 1] == ' ' || xff[k + n - 1] == '\t'))
			n--;
		if (n == 0 || n >= sizeof(t))
			return;
		memcpy(t, xff + k, n);
		t[n] = '\0';
		if (adres_bin(t, b))
			return;
		adres_tekst(b, a->ip, sizeof(a->ip));
		if (begin == 0 || !http_adressen_bevat(&s->c.proxies, a->ip))
			return;
	}
}

/* The body cap for a request: that of the route it will reach, the
 * small anonymous one when it reaches none (404, 405: nothing reads the
 * body). *anoniem: no vooraf check (an HTTP_BODY_ANONIEM route, or no
 * route). */
static size_t
max_body(const struct http_server *s, const char *url, const char *method,
	 int *anoniem)
{
	size_t off[HTTP_MAX_PARAMS], len[HTTP_MAX_PARAMS], np, i, m_b;
	int m = methode_van(method);

	*anoniem = 1;
	if (strlen(url) > HTTP_MAX_PAD)
		return s->c.max_anoniem;
	if (m == HTTP_HEAD)
		m = HTTP_GET;
	for (i = 0; i < s->c.nroutes; i++)
		if (s->c.routes[i].methode == m &&
		    past(s->c.routes[i].patroon, url, off, len, &np)) {
			m_b = s->c.routes[i].max_body;
			*anoniem = m_b == HTTP_BODY_ANONIEM;
			if (m_b == HTTP_BODY_UPLOAD)
				return s->c.max_upload;
			if (m_b == HTTP_BODY_ANONIEM)
				return s->c.max_anoniem;
			return m_b ? m_b : s->c.max_body;
		}
	return s->c.max_anoniem;
}

/* --- deadlines --------------------------------------------------- */

static int64_t
klok_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct verbinding *
verbinding_van(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

/* Set the deadline of conn's connection (0: none). */
static void
zet_deadline(struct http_server *s, struct MHD_Connection *conn,
	     int64_t deadline)
{
	struct verbinding *v = verbinding_van(conn);

	if (!v)
		return;
	pthread_mutex_lock(&s->mu);
	v->deadline = deadline;
	pthread_mutex_unlock(&s->mu);
}

static void
verbinding_melding(void *cls, struct MHD_Connection *conn,
		   void **socket_context, enum MHD_ConnectionNotificationCode toe)
{
	struct http_server *s = cls;
	struct verbinding *v;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
			conn, MHD_CONNECTION_INFO_CONNECTION_FD);

		/* without a node the connection is served, unguarded */
		if (!ci || !(v = calloc(1, sizeof(*v))))
			return;
		v->fd = ci->connect_fd;
		v->deadline = klok_ms() + (int64_t)s->c.kop_s * 1000;
		pthread_mutex_lock(&s->mu);
		v->volgende = s->verbindingen;
		if (s->verbindingen)
			s->verbindingen->vorige = v;
		s->verbindingen = v;
		pthread_mutex_unlock(&s->mu);
		*socket_context = v;
		return;
	}
	v = *socket_context;
	if (!v)
		return;
	pthread_mutex_lock(&s->mu);
	if (v->vorige)
		v->vorige->volgende = v->volgende;
	else
		s->verbindingen = v->volgende;
	if (v->volgende)
		v->volgende->vorige = v->vorige;
	pthread_mutex_unlock(&s->mu);
	free(v);
	*socket_context = NULL;
}

/* Once a second: shut down every connection past its deadline. The
 * socket stays open (libmicrohttpd closes it when it sees the end), so
 * the descriptor cannot be reused meanwhile. */
static void *
bewaker(void *arg)
{
	struct http_server *s = arg;
	struct verbinding *v;
	struct timespec t;
	int64_t nu;

	pthread_mutex_lock(&s->mu);
	while (!s->stoppen) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		t.tv_sec += 1;
		(void)pthread_cond_timedwait(&s->wek, &s->mu, &t);
		nu = klok_ms();
		for (v = s->verbindingen; v; v = v->volgende)
			if (v->deadline && nu >= v->deadline && !v->dicht) {
				(void)shutdown(v->fd, SHUT_RDWR);
				v->dicht = 1;
				s->afgekapt++;
			}
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

/* The headers are in: the body's deadline (http.h), or none for a
 * request without a body. */
static void
kop_binnen(struct http_server *s, struct MHD_Connection *conn, size_t max)
{
	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     "Content-Length");
	const char *te = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     "Transfer-Encoding");
	uint64_t n = 0;

	if (cl)
		n = strtoull(cl, NULL, 10);
	else if (te)
		n = max;
	if (n > max)
		n = max;
	if (!n) {
		zet_deadline(s, conn, 0);
		return;
	}
	zet_deadline(s, conn, klok_ms() + (int64_t)s->c.body_s * 1000 +
				      (int64_t)(n * 1000 / BODY_BYTES_PER_S));
}

/* The request as the handlers see it, without its body; fills a->ip and
 * a->https (the client behind a trusted proxy). */
static void
vul_req(const struct http_server *s, struct MHD_Connection *conn,
	struct aanvraag *a, const char *method, struct http_req *q)
{
	memset(q, 0, sizeof(*q));
	client_ip(conn, a->ip, sizeof(a->ip));
	a->https = s->c.tls_cert != NULL;
	if (s->c.proxies.n && http_adressen_bevat(&s->c.proxies, a->ip))
		via_proxy(s, conn, a);
	q->methode = methode_van(method);
	q->pad = a->rauw;
	q->body = "";
	q->mhd = conn;
	q->client_ip = a->ip;
	q->https = a->https;
	q->app = s->c.app;
	q->ctx = http_thread_ctx();
	q->route = -1;
}

/* A body is on its way (declared, or chunked). */
static int
met_body(struct MHD_Connection *conn)
{
	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     "Content-Length");

	if (cl)
		return strtoull(cl, NULL, 10) > 0;
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
					   "Transfer-Encoding") != NULL;
}

/* A body for a route that needs a login: http_config.vooraf looks at the
 * headers before a byte of it is read; its refusal goes out at once,
 * and libmicrohttpd closes the connection without reading the body. */
static enum MHD_Result
vooraf(struct http_server *s, struct MHD_Connection *conn,
       struct aanvraag *a, const char *method)
{
	struct http_req q;
	struct http_resp r;
	enum MHD_Result ok = MHD_YES;

	draad_zorg(&s->c);
	vul_req(s, conn, a, method, &q);
	memset(&r, 0, sizeof(r));
	if (s->c.vooraf(&q, &r))
		ok = stuur(s, conn, &r, a->https, a);
	http_resp_release(&r);
	return ok;
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
		int anoniem = 1;

		a->begonnen = 1;
		a->methode = methode_van(method);
		a->max = a->rauw ? max_body(s, a->rauw, method, &anoniem)
				 : s->c.max_anoniem;
		kop_binnen(s, conn, a->max);
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						 "Content-Length");
		/* refuse a declared oversize body before reading it */
		if (cl && strtoull(cl, NULL, 10) > a->max)
			return fout_nu(s, conn, a, 413, "te_groot",
				       "de aanvraag is te groot");
		/* and a body of a caller who is not logged in */
		if (!anoniem && s->c.vooraf && met_body(conn))
			return vooraf(s, conn, a, method);
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
	/* all in: no deadline while the answer is made and sent */
	zet_deadline(s, conn, 0);
	if (a->te_groot)
		return fout_nu(s, conn, a, 413, "te_groot", "de aanvraag is te groot");
	if (!a->rauw)
		return fout_nu(s, conn, a, 414, "te_lang", "het adres is te lang");
	if (a->rauw[0] != '/')
		return fout_nu(s, conn, a, 400, "ongeldig", "het pad begint niet met /");
	draad_zorg(&s->c);
	memset(&r, 0, sizeof(r));
	vul_req(s, conn, a, method, &q);
	if (a->body) {
		a->body[a->len] = '\0';
		q.body = a->body;
	}
	q.bodylen = a->len;
	if (http_dispatch(s->c.routes, s->c.nroutes, &q, &r)) {
		http_resp_release(&r);
		return MHD_NO;
	}
	a->route = q.route;
	ok = stuur(s, conn, &r, a->https, a);
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
	clock_gettime(CLOCK_MONOTONIC, &a->t0);
	ops_nieuw_id(a->id);
	a->route = -1;
	return a;
}

static void
klaar(void *cls, struct MHD_Connection *conn, void **req_cls,
      enum MHD_RequestTerminationCode toe)
{
	struct http_server *s = cls;
	struct aanvraag *a = *req_cls;

	(void)toe;
	/* the next request on this connection: after the idle time the
	 * headers' deadline */
	zet_deadline(s, conn, klok_ms() + ((int64_t)s->c.timeout_s +
					   s->c.kop_s) * 1000);
	/* after the response went out: the duration includes sending it */
	if (a && a->status && s->c.ops) {
		struct ops_aanvraag o;
		struct timespec t1;
		int64_t us;

		clock_gettime(CLOCK_MONOTONIC, &t1);
		us = (int64_t)(t1.tv_sec - a->t0.tv_sec) * 1000000 +
		     (t1.tv_nsec - a->t0.tv_nsec) / 1000;
		o.route = a->route;
		o.methode = a->methode;
		o.status = a->status;
		o.usec = us > 0 ? (uint64_t)us : 0;
		o.bytes = a->bytes;
		o.db_fout = a->db_fout;
		o.id = a->id;
		ops_klaar(s->c.ops, &o);
	}
	if (a) {
		free(a->rauw);
		free(a->body);
		free(a);
		*req_cls = NULL;
	}
}

/* libmicrohttpd takes its string options as void * and only reads them. */
static void *
optie_tekst(const char *s)
{
	union {
		const char *c;
		void *v;
	} u;

	u.c = s;
	return u.v;
}

/* The lock and the monotonic wake-up of the deadline thread: 0 or -1. */
static int
bewaker_klaar(struct http_server *s)
{
	pthread_condattr_t ca;
	int rc = -1;

	if (pthread_condattr_init(&ca))
		return -1;
	if (pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) ||
	    pthread_cond_init(&s->wek, &ca))
		goto out;
	if (pthread_mutex_init(&s->mu, NULL)) {
		pthread_cond_destroy(&s->wek);
		goto out;
	}
	rc = 0;
out:
	pthread_condattr_destroy(&ca);
	return rc;
}

int
http_start(const struct http_config *c, struct http_server **out)
{
	struct http_server *s = calloc(1, sizeof(*s));
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	struct sockaddr *sa = (struct sockaddr *)&sin;
	const char *adres = c->adres ? c->adres : "127.0.0.1";
	unsigned int vlag = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			    MHD_USE_ERROR_LOG;
	/* an option array, so TLS can be left out of the one call */
	struct MHD_OptionItem tls[] = {
		{MHD_OPTION_HTTPS_MEM_CERT, 0, optie_tekst(c->tls_cert)},
		{MHD_OPTION_HTTPS_MEM_KEY, 0, optie_tekst(c->tls_key)},
		{MHD_OPTION_HTTPS_PRIORITIES, 0, optie_tekst(TLS_PRIORITEIT)},
		{MHD_OPTION_END, 0, NULL},
	};

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
	if (!s->c.max_upload)
		s->c.max_upload = STANDAARD_MAX_UPLOAD;
	if (!s->c.max_anoniem)
		s->c.max_anoniem = STANDAARD_MAX_ANONIEM;
	if (!s->c.kop_s)
		s->c.kop_s = STANDAARD_KOP_S;
	if (!s->c.body_s)
		s->c.body_s = STANDAARD_BODY_S;
	/* a half TLS set-up (or a libmicrohttpd without GnuTLS) never
	 * falls back to plain HTTP */
	if (!c->tls_cert != !c->tls_key ||
	    (c->tls_cert && !http_tls_beschikbaar())) {
		free(s);
		return -1;
	}
	if (c->tls_cert)
		vlag |= MHD_USE_TLS;
	else
		tls[0].option = MHD_OPTION_END;
	memset(&sin, 0, sizeof(sin));
	memset(&sin6, 0, sizeof(sin6));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(c->poort);
	sin6.sin6_family = AF_INET6;
	sin6.sin6_port = htons(c->poort);
	if (inet_pton(AF_INET6, adres, &sin6.sin6_addr) == 1) {
		sa = (struct sockaddr *)&sin6;
		vlag |= MHD_USE_IPv6;
	} else if (inet_pton(AF_INET, adres, &sin.sin_addr) != 1) {
		free(s);
		return -1;
	}
	if (bewaker_klaar(s)) {
		free(s);
		return -1;
	}
	s->d = MHD_start_daemon(
		vlag, c->poort, NULL, NULL, toegang, s,
		MHD_OPTION_SOCK_ADDR, sa,
		MHD_OPTION_THREAD_POOL_SIZE, s->c.threads,
		MHD_OPTION_CONNECTION_LIMIT, s->c.max_verbindingen,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, s->c.max_per_ip,
		MHD_OPTION_CONNECTION_TIMEOUT, s->c.timeout_s,
		MHD_OPTION_NOTIFY_COMPLETED, klaar, s,
		MHD_OPTION_NOTIFY_CONNECTION, verbinding_melding, s,
		MHD_OPTION_URI_LOG_CALLBACK, uri_ontvangen, s,
		MHD_OPTION_ARRAY, tls,
		MHD_OPTION_END);
	if (!s->d) {
		pthread_cond_destroy(&s->wek);
		pthread_mutex_destroy(&s->mu);
		free(s);
		return -1;
	}
	if (pthread_create(&s->bewaker, NULL, bewaker, s)) {
		http_stop(s);
		return -1;
	}
	s->bewaker_loopt = 1;
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
	if (s->bewaker_loopt) {
		pthread_mutex_lock(&s->mu);
		s->stoppen = 1;
		pthread_cond_signal(&s->wek);
		pthread_mutex_unlock(&s->mu);
		pthread_join(s->bewaker, NULL);
	}
	/* its CLOSED notifications empty the list */
	MHD_stop_daemon(s->d);
	pthread_cond_destroy(&s->wek);
	pthread_mutex_destroy(&s->mu);
	free(s);
}

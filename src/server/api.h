/*
 * api.h - the JSON API under /api/v1/ (architecture §7) on the HTTP
 * layer of http.h and the store of store.h.
 *
 * Before every handler api_dispatch authenticates (session cookie or
 * bearer token) and looks up the caller's roles in the case, as the
 * route's flags ask (api_int.h); the handler filters the case through
 * toegang.h before anything is computed or sent, and appends to the
 * audit log.
 * A case the caller may not see answers 404, the same as one that does
 * not exist.
 */
#ifndef SPOOR_API_H
#define SPOOR_API_H

#include <stddef.h>

#include "server/http.h"
#include "app/auditq.h"
#include "server/auth.h"
#include "app/gcache.h"
#include "app/schrijfq.h"
#include "server/ops.h"

struct api {
	const char *db_url;          /* each worker thread opens its own */
	enum auth_kosten kosten;     /* password cost for changes */
	struct auth_limiet *limiet;  /* failed logins per user name */
	struct auth_limiet *limiet_ip; /* failed logins per client address */
	struct auth_poort argon;     /* argon2id checks of logins at once */
	int64_t sessie_duur;         /* seconds */
	int64_t sessie_idle;         /* seconds unused before a session
					ends (store.h); 0: no limit */
	struct auditq *auditq;       /* read records; NULL: written directly */
	struct gcache *cache;        /* computed results; NULL: none */
	struct schrijfq *schrijfq;   /* group commit of appends (SQLite);
					NULL: each append commits alone */
	struct ops *ops;             /* counters, /metrics (ops.h); NULL: none */
	uint32_t tweede_factor;      /* roles (1u << enum rol) that must
					use a second factor (api_totp.h) */
	const uint8_t *totp_sleutel; /* TOTP_SLEUTEL_LEN bytes that encrypt
					stored secrets (totp.h); NULL: none */
};

extern const struct http_route api_routes[];
extern const size_t api_nroutes;

/*
 * The dashboard summaries of every case, for every set of classes its
 * users may read, computed into a->cache for today: at the start and
 * again after each midnight, by a thread with its own connection, so the
 * first dashboard of the day is as fast as the next. The same thread
 * deletes ended sessions once a minute. Start returns 0 or -1; stop
 * (accepts NULL) waits for the thread.
 */
struct api_warmer;
int api_warmer_start(struct api *a, struct api_warmer **out);
void api_warmer_stop(struct api_warmer *w);

/* http_config.vooraf: the body of a request for a route that needs a
 * login is read only for a caller whose session or token exists (and
 * whose CSRF token matches, for a cookie): 0, or 1 with the 401/403 (or
 * 503) in r. The handler authenticates again; this only refuses early. */
int api_vooraf(struct http_req *q, struct http_resp *r);

/* http_config.thread_init/thread_free: a store per worker thread. */
void *api_thread_init(void *app);
void api_thread_free(void *ctx);

#endif /* SPOOR_API_H */

/*
 * conf.h - spoor.conf, the server's configuration file (documented in
 * docs/configuration.md): what a command line should not carry.
 *
 * The format is "key = value" per line; '#' starts a comment, blank
 * lines are ignored. The reader is strict: an unknown key, a key given
 * twice (listen excepted: it may repeat), a value out of bounds or a
 * half TLS set-up is an error naming the file and line, in Dutch, with
 * what to do. Nothing is read from the files the settings name
 * (certificate, key, password file) here; conf_lees_geheim does that when
 * the server starts.
 */
#ifndef SPOOR_CONF_H
#define SPOOR_CONF_H

#include <stddef.h>
#include <stdint.h>

#include "server/http.h"

#define CONF_STANDAARD_PAD "/etc/spoor/spoor.conf"
#define CONF_MAX_LISTEN 8
/* Open connections per peer address. A browser keeps up to six open
 * and idle ones live for the connection timeout (30 s), so an office of
 * 40 people behind one NAT address holds some 240; 64 refused a single
 * tester walking the app with a few browser contexts (tests/browser). */
#define CONF_PER_ADRES_STANDAARD 256
/* Open connections per listening address. Each costs a descriptor and,
 * while a request is read, libmicrohttpd's 32 KiB pool: 2048 hold 1,000
 * trickling connections with room to answer (tests/cli/cli_dos.sh). The
 * server raises its descriptor limit to fit, or lowers this to fit a
 * hard limit it cannot raise (docs/configuration.md). */
#define CONF_VERBINDINGEN_STANDAARD 2048
#define CONF_VERBINDINGEN_MAX 65536

enum conf_rc {
	CONF_OK = 0,
	CONF_FOUT = -1,      /* bad content; the reason is in err */
	CONF_ONTBREEKT = -2, /* the file does not exist */
	CONF_NOMEM = -3,
};

/* Every string is owned by the struct (NULL: not set). */
struct spoor_conf {
	char *db;                     /* SQLite path or postgresql:// URI */
	char *db_password_file;
	char *listen[CONF_MAX_LISTEN]; /* "ADRES:POORT", "[::1]:POORT" */
	size_t nlisten;
	unsigned threads;             /* 1..64; 0: not set */
	char *tls_cert;               /* both or neither */
	char *tls_key;
	unsigned hsts_max_age;        /* seconds; default one year */
	struct http_adressen trusted_proxy; /* default: none */
	int64_t session_lifetime;     /* seconds; default 8 h */
	int64_t session_idle;         /* seconds; default 30 min */
	size_t upload_max;            /* bytes; default API_DOC_MAX */
	char *smtp_host;              /* NULL: localhost */
	unsigned smtp_port;           /* default 25 */
	char *smtp_from;              /* NULL: not set */
	char *metrics_allow;          /* checked list as written, for
				       * ops_set_metrics_allow; NULL: not
				       * set (ops.h: 127.0.0.1, ::1) */
	int request_log;              /* 1 (default) or 0 */
	unsigned max_per_adres;       /* connections per client address,
				       * 0..512, 0: no limit; default
				       * CONF_PER_ADRES_STANDAARD */
	unsigned max_verbindingen;    /* open connections per listening
				       * address, 16..CONF_VERBINDINGEN_MAX;
				       * default CONF_VERBINDINGEN_STANDAARD */
	int max_per_adres_gezet;      /* given in the file: without it a
				       * server behind trusted_proxy has no
				       * per-address limit (the proxy is
				       * one address) */
	uint32_t tweede_factor_verplicht; /* roles (1u << enum rol) that
				       * must use a second factor; default
				       * none (docs/configuration.md) */
	char *tweede_factor_sleutel;  /* file with the key that encrypts
				       * stored TOTP secrets; NULL: none */
};

/* The defaults above; cannot fail. */
void conf_init(struct spoor_conf *c);
void conf_release(struct spoor_conf *c);

/*
 * Read path into *c (conf_init'ed; its values are replaced only on
 * success). CONF_ONTBREEKT when the file does not exist (the caller
 * decides whether that is an error), CONF_FOUT with "PATH, regel N: ..."
 * in err, CONF_NOMEM.
 */
int conf_load(const char *path, struct spoor_conf *c, char *err,
	      size_t errlen);

/* Parse text (len bytes, no NUL needed) as if it were the file naam:
 * conf_load without the file, for tests and fuzzing. */
int conf_parse(const char *naam, const char *text, size_t len,
	       struct spoor_conf *c, char *err, size_t errlen);

/*
 * Read a file of at most max bytes into *out, a NUL-terminated copy the
 * caller frees (after sodium_memzero for a secret). geheim: the file
 * holds a key or a password, so it must not be readable by others (mode
 * o+r). eerste_regel: keep only the first line, without its line end.
 * 0, or -1 with the reason in err.
 */
int conf_lees_bestand(const char *path, size_t max, int geheim,
		      int eerste_regel, char **out, char *err, size_t errlen);

/* Split "127.0.0.1:8080" or "[::1]:8080" into an address without
 * brackets (adres, n bytes) and a port 0..65535: 0 or -1. */
int conf_listen_split(const char *l, char *adres, size_t n, uint16_t *poort);

#endif /* SPOOR_CONF_H */

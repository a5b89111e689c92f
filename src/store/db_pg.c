/*
 * db_pg.c - the PostgreSQL backend of db.h (libpq).
 *
 * Statements are prepared once per connection and cached, keyed by the
 * address of the SQL text (the store passes static strings) and checked
 * against a copy of the text, as in db_sqlite.c. Parameter types are
 * left to the server to infer from the statement, so one prepared
 * statement serves every call whatever mix of NULL and values it gets;
 * a blob parameter therefore needs a bytea context (a bytea column or
 * $n::bytea).
 *
 * Parameters go as text except blobs (binary); results come back as
 * text, bytea columns decoded to raw bytes.
 *
 * A connection that breaks outside a transaction is re-established on
 * the next call. One that breaks inside a transaction fails every call
 * until db_rollback(), so a caller never continues a lost transaction
 * in autocommit mode.
 */
#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

#define CACHE_SLOTS 64
#define BYTEAOID 17
#define INTLEN 24 /* "-9223372036854775808" and its NUL fit */

struct db_pg {
	struct db base;
	PGconn *c;
	struct {
		const char *sql; /* the caller's pointer: the key */
		char *tekst;     /* a copy: the check */
		char naam[24];
	} cache[CACHE_SLOTS];
	unsigned next;   /* round-robin eviction */
	unsigned volgnr; /* statement names are never reused */
	int in_tx;       /* last known: inside a transaction */
	/* parameter scratch, grown on demand and kept */
	const char **waarden;
	int *lengtes;
	int *formaten;
	size_t nparam;
	char *buf;
	size_t buflen;
};

/* Copy msg into dst as one line: newlines and tabs become spaces, runs
 * of spaces collapse, the ends are trimmed. */
static void
een_regel(char *dst, size_t dstlen, const char *prefix, const char *msg)
{
	size_t n, i;
	int spatie = 0;

	if (!dstlen)
		return;
	n = (size_t)snprintf(dst, dstlen, "%s", prefix);
	if (n >= dstlen)
		n = dstlen - 1;
	for (i = n; msg && *msg && i + 1 < dstlen; msg++) {
		unsigned char ch = (unsigned char)*msg;

		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			spatie = 1;
			continue;
		}
		if (ch < 0x20 || ch == 0x7f)
			ch = '?';
		if (spatie && i > n && i + 2 < dstlen)
			dst[i++] = ' ';
		spatie = 0;
		dst[i++] = (char)ch;
	}
	dst[i] = '\0';
}

static void
zet_fout(struct db_pg *p, const char *msg)
{
	een_regel(p->base.fout, sizeof(p->base.fout), "pg: ", msg);
}

static int
nomem(struct db_pg *p)
{
	zet_fout(p, "onvoldoende geheugen");
	return DB_NOMEM;
}

/* Map a failed result (or none at all) to a db_rc and set fout. The
 * DETAIL field is left out: for a unique violation it holds the
 * duplicate value, which may be personal data or a token hash. */
static int
vertaal(struct db_pg *p, const PGresult *res)
{
	const char *state = NULL, *prim = NULL;
	char m[sizeof(p->base.fout)];

	if (res) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		prim = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	}
	if (prim)
		snprintf(m, sizeof(m), "%s (%s)", prim, state ? state : "?");
	else if (res && PQresultStatus(res) != PGRES_FATAL_ERROR &&
		 PQresultStatus(res) != PGRES_NONFATAL_ERROR)
		snprintf(m, sizeof(m), "onverwacht resultaat %s",
			 PQresStatus(PQresultStatus(res)));
	else
		snprintf(m, sizeof(m), "%s",
			 res ? PQresultErrorMessage(res) : PQerrorMessage(p->c));
	zet_fout(p, m);
	if (!res && PQstatus(p->c) == CONNECTION_OK)
		return DB_NOMEM; /* no result at all: out of memory */
	if (!state)
		return DB_ERR;
	if (!strcmp(state, "23505"))
		return DB_CONFLICT;
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") ||
	    !strcmp(state, "55P03"))
		return DB_BUSY;
	return DB_ERR;
}

/* After every round trip: remember whether we are in a transaction. An
 * unknown status (the connection broke) keeps what we knew. */
static void
volg_tx(struct db_pg *p)
{
	PGTransactionStatusType t = PQtransactionStatus(p->c);

	if (t != PQTRANS_UNKNOWN)
		p->in_tx = t != PQTRANS_IDLE;
}

/* Server notices (ROLLBACK outside a transaction, DROP ... IF EXISTS)
 * would otherwise go to stderr. */
static void
stil(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static int
sessie(struct db_pg *p)
{
	PGresult *res;
	int rc = DB_OK;

	PQsetNoticeProcessor(p->c, stil, NULL);
	res = PQexec(p->c, "SET client_encoding TO 'UTF8'; "
			   "SET TIME ZONE 'UTC'");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = vertaal(p, res);
	PQclear(res);
	return rc;
}

static void
cache_leeg(struct db_pg *p)
{
	unsigned i;

	for (i = 0; i < CACHE_SLOTS; i++) {
		free(p->cache[i].tekst);
		p->cache[i].tekst = NULL;
		p->cache[i].sql = NULL;
	}
}

/* Make sure the connection is up; see the comment at the top. */
static int
verbind(struct db_pg *p)
{
	if (PQstatus(p->c) == CONNECTION_OK)
		return DB_OK;
	if (p->in_tx) {
		zet_fout(p, "verbinding verbroken tijdens een transactie");
		return DB_ERR;
	}
	/* the server-side statements died with the old session */
	cache_leeg(p);
	PQreset(p->c);
	if (PQstatus(p->c) != CONNECTION_OK) {
		zet_fout(p, PQerrorMessage(p->c));
		return DB_ERR;
	}
	return sessie(p);
}

static int
prepare(struct db_pg *p, const char *sql, const char **naam)
{
	unsigned i, slot = CACHE_SLOTS;
	PGresult *res;
	char *tekst;
	int rc;

	for (i = 0; i < CACHE_SLOTS; i++) {
		if (p->cache[i].sql != sql || !p->cache[i].tekst)
			continue;
		/* the text is compared too: a caller may build SQL in a
		 * buffer whose address is later reused */
		if (!strcmp(p->cache[i].tekst, sql)) {
			*naam = p->cache[i].naam;
			return DB_OK;
		}
		slot = i;
		break;
	}
	if (slot == CACHE_SLOTS)
		slot = p->next++ % CACHE_SLOTS;
	if (!(tekst = strdup(sql)))
		return nomem(p);
	if (p->cache[slot].tekst) {
		char d[48];

		/* before the new PREPARE: that one may fail and abort a
		 * transaction, after which DEALLOCATE would fail too */
		snprintf(d, sizeof(d), "DEALLOCATE %s", p->cache[slot].naam);
		PQclear(PQexec(p->c, d));
		free(p->cache[slot].tekst);
		p->cache[slot].tekst = NULL;
		p->cache[slot].sql = NULL;
	}
	snprintf(p->cache[slot].naam, sizeof(p->cache[slot].naam), "spoor%u",
		 p->volgnr++);
	res = PQprepare(p->c, p->cache[slot].naam, sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = vertaal(p, res);
		PQclear(res);
		free(tekst);
		volg_tx(p);
		return rc;
	}
	PQclear(res);
	p->cache[slot].sql = sql;
	p->cache[slot].tekst = tekst;
	*naam = p->cache[slot].naam;
	return DB_OK;
}

static int
groei(struct db_pg *p, size_t np, size_t bytes)
{
	if (np > p->nparam) {
		const char **w = realloc(p->waarden, np * sizeof(*w));
		int *l, *f;

		if (!w)
			return DB_NOMEM;
		p->waarden = w;
		if (!(l = realloc(p->lengtes, np * sizeof(*l))))
			return DB_NOMEM;
		p->lengtes = l;
		if (!(f = realloc(p->formaten, np * sizeof(*f))))
			return DB_NOMEM;
		p->formaten = f;
		p->nparam = np;
	}
	if (bytes > p->buflen) {
		char *b = realloc(p->buf, bytes);

		if (!b)
			return DB_NOMEM;
		p->buf = b;
		p->buflen = bytes;
	}
	return DB_OK;
}

/* Fill p->waarden/lengtes/formaten from the parameters. Text is copied
 * to get its NUL terminator (db_textn need not have one). */
static int
bind(struct db_pg *p, const struct db_param *prm, size_t np)
{
	size_t i, bytes = 0, o = 0;

	if (np > INT_MAX) {
		zet_fout(p, "te veel parameters");
		return DB_ERR;
	}
	for (i = 0; i < np; i++) {
		if (prm[i].type == DB_INT)
			bytes += INTLEN;
		else if ((prm[i].type == DB_TEXT || prm[i].type == DB_BLOB) &&
			 prm[i].s) {
			if (prm[i].len > INT_MAX - 1 ||
			    bytes > SIZE_MAX - prm[i].len - 1) {
				zet_fout(p, "parameter te groot");
				return DB_ERR;
			}
			if (prm[i].type == DB_TEXT) {
				/* text travels NUL-terminated: a NUL
				 * inside would silently cut it short */
				if (memchr(prm[i].s, '\0', prm[i].len)) {
					zet_fout(p, "tekstparameter bevat een "
						    "NUL-byte");
					return DB_ERR;
				}
				bytes += prm[i].len + 1;
			}
		}
	}
	if (groei(p, np, bytes))
		return nomem(p);
	for (i = 0; i < np; i++) {
		p->lengtes[i] = 0;
		p->formaten[i] = 0;
		p->waarden[i] = NULL;
		switch (prm[i].s || prm[i].type == DB_INT ? prm[i].type
							   : DB_NULL) {
		case DB_INT:
			snprintf(p->buf + o, INTLEN, "%lld",
				 (long long)prm[i].i);
			p->waarden[i] = p->buf + o;
			o += INTLEN;
			break;
		case DB_TEXT:
			if (prm[i].len)
				memcpy(p->buf + o, prm[i].s, prm[i].len);
			p->buf[o + prm[i].len] = '\0';
			p->waarden[i] = p->buf + o;
			o += prm[i].len + 1;
			break;
		case DB_BLOB:
			/* a non-NULL pointer even for an empty blob: NULL
			 * would mean SQL NULL */
			p->waarden[i] = prm[i].len ? prm[i].s : "";
			p->lengtes[i] = (int)prm[i].len;
			p->formaten[i] = 1;
			break;
		default:
			break;
		}
	}
	return DB_OK;
}

/* Prepare (or find) and run one statement with parameters. */
static int
voer_uit(struct db_pg *p, const char *sql, const struct db_param *prm,
	 size_t np, PGresult **out)
{
	const char *naam = NULL;
	PGresult *res;
	ExecStatusType st;
	int rc;

	if ((rc = verbind(p)) || (rc = bind(p, prm, np)) ||
	    (rc = prepare(p, sql, &naam)))
		return rc;
	res = PQexecPrepared(p->c, naam, (int)np, np ? p->waarden : NULL,
			     np ? p->lengtes : NULL, np ? p->formaten : NULL,
			     0);
	volg_tx(p);
	st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		rc = vertaal(p, res);
		PQclear(res);
		return rc;
	}
	*out = res;
	return DB_OK;
}

static int
pg_exec(struct db *db, const char *sql, const struct db_param *prm,
	size_t np, int64_t *changed)
{
	struct db_pg *p = (struct db_pg *)db;
	PGresult *res = NULL;
	int rc;

	if ((rc = voer_uit(p, sql, prm, np, &res)))
		return rc;
	if (changed)
		*changed = strtoll(PQcmdTuples(res), NULL, 10);
	PQclear(res);
	return DB_OK;
}

static int
pg_query(struct db *db, const char *sql, const struct db_param *prm,
	 size_t np, struct db_res *out)
{
	struct db_pg *p = (struct db_pg *)db;
	PGresult *res = NULL;
	struct db_res r;
	int rc, nrows, ncols, row, col;

	if ((rc = voer_uit(p, sql, prm, np, &res)))
		return rc;
	nrows = PQntuples(res);
	ncols = PQnfields(res);
	if (db_res_alloc(&r, (size_t)nrows, (size_t)ncols)) {
		PQclear(res);
		return nomem(p);
	}
	for (row = 0; row < nrows; row++)
		for (col = 0; col < ncols; col++) {
			const char *v;
			unsigned char *b;
			size_t n;

			if (PQgetisnull(res, row, col))
				continue;
			v = PQgetvalue(res, row, col);
			if (PQftype(res, col) != BYTEAOID) {
				rc = db_res_set(&r, (size_t)row, (size_t)col, v,
						(size_t)PQgetlength(res, row,
								    col));
			} else {
				b = PQunescapeBytea((const unsigned char *)v,
						    &n);
				rc = b ? db_res_set(&r, (size_t)row,
						    (size_t)col, b, n)
				       : DB_NOMEM;
				PQfreemem(b);
			}
			if (rc) {
				PQclear(res);
				db_res_release(&r);
				return nomem(p);
			}
		}
	PQclear(res);
	*out = r;
	return DB_OK;
}

static int
pg_script(struct db *db, const char *sql)
{
	struct db_pg *p = (struct db_pg *)db;
	PGresult *res;
	ExecStatusType st;
	int rc;

	/* a transaction on a broken connection is gone with it: rolling
	 * it back is what lets the connection be re-established */
	if (p->in_tx && PQstatus(p->c) != CONNECTION_OK &&
	    !strcmp(sql, "ROLLBACK"))
		p->in_tx = 0;
	if ((rc = verbind(p)))
		return rc;
	res = PQexec(p->c, sql);
	volg_tx(p);
	st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
	    st != PGRES_EMPTY_QUERY)
		rc = vertaal(p, res);
	PQclear(res);
	return rc;
}

static int
pg_begin(struct db *db)
{
	/* writers of one dossier queue on its row lock (UPDATE ...
	 * RETURNING), which READ COMMITTED re-reads after waiting */
	return pg_script(db, "BEGIN ISOLATION LEVEL READ COMMITTED");
}

static void
pg_los(struct db_pg *p)
{
	if (!p)
		return;
	cache_leeg(p);
	PQfinish(p->c);
	free(p->waarden);
	free(p->lengtes);
	free(p->formaten);
	free(p->buf);
	free(p);
}

static void
pg_free(struct db *db)
{
	pg_los((struct db_pg *)db);
}

/* Overwrite every occurrence of the n bytes at geheim in msg with '*'. */
static void
verberg(char *msg, const char *geheim, size_t n)
{
	char *q = msg;

	if (!n)
		return;
	while (*q) {
		if (!strncmp(q, geheim, n)) {
			memset(q, '*', n);
			q += n;
		} else {
			q++;
		}
	}
}

/* libpq quotes a malformed URI in its message: blank out the password
 * (user:PASSWORD@ and password=PASSWORD) wherever it appears. */
static void
verberg_wachtwoord(char *msg, const char *url)
{
	const char *u = strstr(url, "://"), *eind, *dp, *q;

	if (u) {
		u += 3;
		eind = u + strcspn(u, "/?");
		/* the last '@' of the authority ends the user info */
		for (q = eind; q > u && q[-1] != '@'; q--)
			;
		if (q > u && (dp = memchr(u, ':', (size_t)(q - 1 - u))))
			verberg(msg, dp + 1, (size_t)(q - 1 - (dp + 1)));
	}
	for (q = url; (q = strstr(q, "password=")); ) {
		q += 9;
		verberg(msg, q, strcspn(q, "&"));
	}
}

static int
pg_in_tx(struct db *db)
{
	PGTransactionStatusType t =
		PQtransactionStatus(((struct db_pg *)db)->c);

	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR ||
	       t == PQTRANS_ACTIVE;
}

static const struct db_ops pg_ops = {
	pg_free, pg_exec, pg_query, pg_script, pg_begin, NULL, pg_in_tx,
};

int
db_pg_open(const char *url, struct db **out, char *err, size_t errlen)
{
	struct db_pg *p = calloc(1, sizeof(*p));
	int rc = DB_ERR;

	if (!p) {
		snprintf(err, errlen, "pg: onvoldoende geheugen");
		return DB_NOMEM;
	}
	p->base.ops = &pg_ops;
	p->base.soort = DB_PG;
	/* the URL may hold a password: it never goes into a message */
	p->c = PQconnectdb(url);
	if (!p->c) {
		snprintf(err, errlen, "pg: onvoldoende geheugen");
		rc = DB_NOMEM;
		goto out;
	}
	if (PQstatus(p->c) != CONNECTION_OK) {
		/* redacted before it is cut to length, so no prefix of
		 * the password survives at the end */
		char *m = strdup(PQerrorMessage(p->c));

		if (m)
			verberg_wachtwoord(m, url);
		een_regel(err, errlen, "pg: ",
			  m ? m : "verbinding mislukt (onvoldoende geheugen)");
		free(m);
		goto out;
	}
	if ((rc = sessie(p))) {
		snprintf(err, errlen, "%s", p->base.fout);
		goto out;
	}
	*out = (struct db *)p; /* base is the first member */
	return DB_OK;
out:
	pg_los(p);
	return rc;
}

/* Append key='value' with the quoting of a libpq connection string;
 * the caller sized buf (see lengte). */
static void
voeg_toe(char *buf, size_t *len, const char *key, const char *val)
{
	const char *v;

	*len += (size_t)sprintf(buf + *len, "%s%s='", *len ? " " : "", key);
	for (v = val; *v; v++) {
		if (*v == '\'' || *v == '\\')
			buf[(*len)++] = '\\';
		buf[(*len)++] = *v;
	}
	buf[(*len)++] = '\'';
	buf[*len] = '\0';
}

/* The room voeg_toe needs at most for key and val. */
static size_t
lengte(const char *key, const char *val)
{
	return strlen(key) + 2 * strlen(val) + 5;
}

static int
overslaan(const PQconninfoOption *o)
{
	return !o->val || !*o->val || !strcmp(o->keyword, "password") ||
	       !strcmp(o->keyword, "application_name");
}

int
db_pg_verbinding(const char *url, char **conninfo, char **wachtwoord,
		 char *err, size_t errlen)
{
	PQconninfoOption *opt, *o;
	char *fout = NULL, *buf = NULL, *pw = NULL;
	size_t len = 0, n;
	int rc = DB_NOMEM;

	opt = PQconninfoParse(url, &fout);
	if (!opt) {
		if (fout)
			verberg_wachtwoord(fout, url);
		een_regel(err, errlen, "pg: ",
			  fout ? fout : "onvoldoende geheugen");
		PQfreemem(fout);
		return fout ? DB_ERR : DB_NOMEM;
	}
	/* application_name first: a string that names nothing else is
	 * still a connection string, not a database name */
	n = lengte("application_name", "spoor") + 1;
	for (o = opt; o->keyword; o++)
		if (!overslaan(o))
			n += lengte(o->keyword, o->val);
	if (!(buf = malloc(n)))
		goto out;
	voeg_toe(buf, &len, "application_name", "spoor");
	for (o = opt; o->keyword; o++) {
		if (o->val && *o->val && !strcmp(o->keyword, "password") &&
		    !pw && !(pw = strdup(o->val)))
			goto out;
		if (!overslaan(o))
			voeg_toe(buf, &len, o->keyword, o->val);
	}
	*conninfo = buf;
	*wachtwoord = pw;
	buf = NULL;
	pw = NULL;
	rc = DB_OK;
out:
	if (rc)
		snprintf(err, errlen, "pg: onvoldoende geheugen");
	free(buf);
	free(pw); /* only on failure; not a secret worth wiping then */
	PQconninfoFree(opt);
	return rc;
}

int
db_url_wachtwoord(const char *url)
{
	PQconninfoOption *opt, *o;
	int ja = 0;

	if (strncmp(url, "postgresql://", 13) != 0 &&
	    strncmp(url, "postgres://", 11) != 0)
		return 0;
	opt = PQconninfoParse(url, NULL);
	if (!opt)
		return 1; /* unreadable: assume the worst */
	for (o = opt; o->keyword; o++)
		if (!strcmp(o->keyword, "password") && o->val && *o->val)
			ja = 1;
	PQconninfoFree(opt);
	return ja;
}

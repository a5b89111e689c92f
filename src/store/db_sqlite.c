/*
 * db_sqlite.c - the SQLite backend of db.h.
 *
 * Prepared statements are cached per connection, keyed by the address of
 * the SQL text: the store passes static strings, so the same query
 * reuses its statement (preparing costs more than running a small one).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"

#define CACHE_SLOTS 64
#define BUSY_MS 10000

struct db_sqlite {
	struct db base;
	sqlite3 *h;
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[CACHE_SLOTS];
	unsigned next; /* round-robin eviction */
};

static void
zet_fout(struct db_sqlite *s, int rc)
{
	const char *m = s->h ? sqlite3_errmsg(s->h) : sqlite3_errstr(rc);

	snprintf(s->base.fout, sizeof(s->base.fout), "sqlite: %s", m);
}

static int
vertaal(struct db_sqlite *s, int rc)
{
	zet_fout(s, rc);
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		    rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return DB_CONFLICT;
		return DB_ERR;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return DB_BUSY;
	case SQLITE_NOMEM:
		return DB_NOMEM;
	default:
		return DB_ERR;
	}
}

static int
prepare(struct db_sqlite *s, const char *sql, sqlite3_stmt **out)
{
	unsigned i;
	sqlite3_stmt *st;
	int rc;

	for (i = 0; i < CACHE_SLOTS; i++)
		/* the text is compared too: a caller may build SQL in a
		 * buffer whose address is later reused */
		if (s->cache[i].sql == sql && s->cache[i].st &&
		    strcmp(sqlite3_sql(s->cache[i].st), sql) == 0) {
			*out = s->cache[i].st;
			return DB_OK;
		}
	rc = sqlite3_prepare_v3(s->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
				NULL);
	if (rc != SQLITE_OK)
		return vertaal(s, rc);
	if (!st) {
		snprintf(s->base.fout, sizeof(s->base.fout),
			 "sqlite: lege opdracht");
		return DB_ERR;
	}
	i = s->next++ % CACHE_SLOTS;
	sqlite3_finalize(s->cache[i].st);
	s->cache[i].sql = sql;
	s->cache[i].st = st;
	*out = st;
	return DB_OK;
}

static int
bind(struct db_sqlite *s, sqlite3_stmt *st, const struct db_param *p,
     size_t np)
{
	size_t i;
	int rc = SQLITE_OK;

	if ((int)np != sqlite3_bind_parameter_count(st)) {
		snprintf(s->base.fout, sizeof(s->base.fout),
			 "sqlite: %zu parameters gegeven, %d verwacht", np,
			 sqlite3_bind_parameter_count(st));
		return DB_ERR;
	}
	for (i = 0; i < np && rc == SQLITE_OK; i++) {
		char naam[24];
		int k;

		/* SQLite numbers "$N" by first appearance, PostgreSQL by N:
		 * bind by name so "$2 ... $1" means the same on both */
		snprintf(naam, sizeof(naam), "$%zu", i + 1);
		k = sqlite3_bind_parameter_index(st, naam);
		if (k == 0) {
			snprintf(s->base.fout, sizeof(s->base.fout),
				 "sqlite: parameter %s komt niet voor", naam);
			return DB_ERR;
		}

		switch (p[i].type) {
		case DB_INT:
			rc = sqlite3_bind_int64(st, k, p[i].i);
			break;
		case DB_TEXT:
			rc = sqlite3_bind_text64(st, k, p[i].s, p[i].len,
						 SQLITE_STATIC, SQLITE_UTF8);
			break;
		case DB_BLOB:
			rc = sqlite3_bind_blob64(st, k, p[i].s, p[i].len,
						 SQLITE_STATIC);
			break;
		default:
			rc = sqlite3_bind_null(st, k);
		}
	}
	return rc == SQLITE_OK ? DB_OK : vertaal(s, rc);
}

static void
klaar(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static int
s_query(struct db *db, const char *sql, const struct db_param *p, size_t np,
	struct db_res *out)
{
	struct db_sqlite *s = (struct db_sqlite *)db;
	sqlite3_stmt *st = NULL;
	struct db_res r;
	int rc, ncols;
	size_t row, c;

	if ((rc = prepare(s, sql, &st)) || (rc = bind(s, st, p, np))) {
		if (rc != DB_OK && st)
			klaar(st);
		return rc;
	}
	ncols = sqlite3_column_count(st);
	if ((rc = db_res_alloc(&r, 0, (size_t)ncols))) {
		klaar(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_res_add_row(&r, &row))
			goto nomem;
		for (c = 0; c < (size_t)ncols; c++) {
			int t = sqlite3_column_type(st, (int)c);
			const void *v;

			if (t == SQLITE_NULL)
				continue;
			v = t == SQLITE_BLOB
				? sqlite3_column_blob(st, (int)c)
				: (const void *)sqlite3_column_text(st, (int)c);
			/* a zero-length blob comes back as NULL pointer */
			if (db_res_set(&r, row, c, v ? v : "",
				       (size_t)sqlite3_column_bytes(st, (int)c)))
				goto nomem;
		}
	}
	if (rc != SQLITE_DONE) {
		rc = vertaal(s, rc);
		klaar(st);
		db_res_release(&r);
		return rc;
	}
	klaar(st);
	*out = r;
	return DB_OK;
nomem:
	klaar(st);
	db_res_release(&r);
	snprintf(s->base.fout, sizeof(s->base.fout), "onvoldoende geheugen");
	return DB_NOMEM;
}

#define ELK_MAX_KOLOMMEN 16

static int
s_each(struct db *db, const char *sql, const struct db_param *p, size_t np,
       db_rij_fn rij, void *arg)
{
	struct db_sqlite *s = (struct db_sqlite *)db;
	sqlite3_stmt *st = NULL;
	const char *cel[ELK_MAX_KOLOMMEN];
	size_t len[ELK_MAX_KOLOMMEN], c, ncols;
	int rc;

	if ((rc = prepare(s, sql, &st)) || (rc = bind(s, st, p, np))) {
		if (rc != DB_OK && st)
			klaar(st);
		return rc;
	}
	ncols = (size_t)sqlite3_column_count(st);
	if (ncols > ELK_MAX_KOLOMMEN) {
		klaar(st);
		snprintf(s->base.fout, sizeof(s->base.fout),
			 "db_query_elk: te veel kolommen");
		return DB_ERR;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int r2;

		for (c = 0; c < ncols; c++) {
			int t = sqlite3_column_type(st, (int)c);

			if (t == SQLITE_NULL) {
				cel[c] = NULL;
				len[c] = 0;
				continue;
			}
			cel[c] = t == SQLITE_BLOB
				? sqlite3_column_blob(st, (int)c)
				: (const char *)sqlite3_column_text(st, (int)c);
			len[c] = (size_t)sqlite3_column_bytes(st, (int)c);
			if (!cel[c])
				cel[c] = "";
		}
		if ((r2 = rij(arg, cel, len, ncols)) != 0) {
			klaar(st);
			return r2;
		}
	}
	if (rc != SQLITE_DONE) {
		rc = vertaal(s, rc);
		klaar(st);
		return rc;
	}
	klaar(st);
	return DB_OK;
}

static int
s_in_tx(struct db *db)
{
	return !sqlite3_get_autocommit(((struct db_sqlite *)db)->h);
}

static int
s_exec(struct db *db, const char *sql, const struct db_param *p, size_t np,
       int64_t *changed)
{
	struct db_sqlite *s = (struct db_sqlite *)db;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(s, sql, &st)) || (rc = bind(s, st, p, np))) {
		if (rc != DB_OK && st)
			klaar(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rc = vertaal(s, rc);
		klaar(st);
		return rc;
	}
	klaar(st);
	if (changed)
		*changed = sqlite3_changes64(s->h);
	return DB_OK;
}

static int
s_script(struct db *db, const char *sql)
{
	struct db_sqlite *s = (struct db_sqlite *)db;
	int rc;

	/* db.h: a rollback without a transaction is not an error */
	if (!strcmp(sql, "ROLLBACK") && sqlite3_get_autocommit(s->h))
		return DB_OK;
	rc = sqlite3_exec(s->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? DB_OK : vertaal(s, rc);
}

static int
s_begin(struct db *db)
{
	return s_script(db, "BEGIN IMMEDIATE");
}

static void
s_free(struct db *db)
{
	struct db_sqlite *s = (struct db_sqlite *)db;
	unsigned i;

	for (i = 0; i < CACHE_SLOTS; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->h);
	free(s);
}

static const struct db_ops sqlite_ops = {
	s_free, s_exec, s_query, s_script, s_begin, s_each, s_in_tx,
};

int
db_sqlite_open(const char *path, struct db **out, char *err, size_t errlen)
{
	struct db_sqlite *s = calloc(1, sizeof(*s));
	int rc;

	if (!s) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return DB_NOMEM;
	}
	s->base.ops = &sqlite_ops;
	s->base.soort = DB_SQLITE;
	rc = sqlite3_open_v2(path, &s->h,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK)
		goto fout;
	sqlite3_extended_result_codes(s->h, 1);
	sqlite3_busy_timeout(s->h, BUSY_MS);
	/* WAL: readers do not block the writer; synchronous=FULL: an
	 * acknowledged commit survives power loss (architecture §2.3) */
	rc = sqlite3_exec(s->h,
			  "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
			  "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto fout;
	*out = (struct db *)s; /* base is the first member */
	return DB_OK;
fout:
	snprintf(err, errlen, "%s: %s", path,
		 s->h ? sqlite3_errmsg(s->h) : sqlite3_errstr(rc));
	sqlite3_close(s->h);
	free(s);
	return DB_ERR;
}

/* Whether path+suffix exists. */
static int
er_is(const char *pad, const char *suffix)
{
	char p[4200];

	snprintf(p, sizeof(p), "%s%s", pad, suffix);
	return access(p, F_OK) == 0;
}

/* Remove path+suffix when it was not there before (voor) and is empty
 * or an -shm: the traces a read-only reader of a WAL database leaves. */
static void
ruim_op(const char *pad, const char *suffix, int voor)
{
	char p[4200];
	struct stat st;

	snprintf(p, sizeof(p), "%s%s", pad, suffix);
	if (!voor && stat(p, &st) == 0 &&
	    (st.st_size == 0 || !strcmp(suffix, "-shm")))
		unlink(p);
}

int
db_sqlite_kopie(const char *bron, const char *doel, char *err, size_t errlen)
{
	sqlite3 *b = NULL, *d = NULL;
	sqlite3_backup *k;
	int rc, wal = er_is(bron, "-wal"), shm = er_is(bron, "-shm");

	/* read-only: the source of a restore is never changed, not even
	 * its journal mode */
	rc = sqlite3_open_v2(bron, &b, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", bron,
			 b ? sqlite3_errmsg(b) : sqlite3_errstr(rc));
		goto out;
	}
	rc = sqlite3_open_v2(doel, &d,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", doel,
			 d ? sqlite3_errmsg(d) : sqlite3_errstr(rc));
		goto out;
	}
	sqlite3_busy_timeout(b, BUSY_MS);
	k = sqlite3_backup_init(d, "main", b, "main");
	if (!k) {
		rc = SQLITE_ERROR;
		snprintf(err, errlen, "%s: %s", doel, sqlite3_errmsg(d));
		goto out;
	}
	/* all pages in one step: one consistent read of the source */
	rc = sqlite3_backup_step(k, -1);
	sqlite3_backup_finish(k);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "%s: %s", bron, sqlite3_errstr(rc));
		goto out;
	}
	rc = SQLITE_OK;
out:
	sqlite3_close(d);
	sqlite3_close(b);
	/* a source in WAL mode without a WAL (a copied file) got one
	 * from us; a live database had its own and keeps it */
	if (!wal) {
		ruim_op(bron, "-wal", wal);
		if (!er_is(bron, "-wal"))
			ruim_op(bron, "-shm", shm);
	}
	return rc == SQLITE_OK ? DB_OK : DB_ERR;
}

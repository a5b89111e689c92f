/*
 * db.c - backend dispatch and result helpers (see db.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

/* A result may not grow beyond this many cells: the store pages its
 * lists, so more means a bug, not a big dossier. */
#define DB_MAX_CELLEN ((size_t)64 * 1024 * 1024)

struct db_param
db_int(int64_t i)
{
	struct db_param p = {DB_INT, i, NULL, 0};

	return p;
}

struct db_param
db_textn(const char *s, size_t len)
{
	struct db_param p = {s ? DB_TEXT : DB_NULL, 0, s, len};

	return p;
}

struct db_param
db_text(const char *s)
{
	return db_textn(s, s ? strlen(s) : 0);
}

struct db_param
db_blob(const void *b, size_t len)
{
	struct db_param p = {b ? DB_BLOB : DB_NULL, 0, b, len};

	return p;
}

struct db_param
db_null(void)
{
	struct db_param p = {DB_NULL, 0, NULL, 0};

	return p;
}

int
db_open(const char *url, struct db **out, char *err, size_t errlen)
{
	if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
		return db_pg_open(url, out, err, errlen);
	return db_sqlite_open(url, out, err, errlen);
}

void
db_free(struct db *db)
{
	if (db)
		db->ops->free(db);
}

enum db_kind
db_soort(const struct db *db)
{
	return db->soort;
}

const char *
db_errmsg(const struct db *db)
{
	return db->fout;
}

int
db_exec(struct db *db, const char *sql, const struct db_param *p, size_t np,
	int64_t *changed)
{
	return db->ops->exec(db, sql, p, np, changed);
}

int
db_query(struct db *db, const char *sql, const struct db_param *p, size_t np,
	 struct db_res *out)
{
	return db->ops->query(db, sql, p, np, out);
}

int
db_script(struct db *db, const char *sql)
{
	return db->ops->script(db, sql);
}

int
db_begin(struct db *db)
{
	return db->ops->begin(db);
}

int
db_query_elk(struct db *db, const char *sql, const struct db_param *p,
	     size_t np, db_rij_fn rij, void *arg)
{
	struct db_res r;
	size_t i;
	int rc;

	if (db->ops->each)
		return db->ops->each(db, sql, p, np, rij, arg);
	if ((rc = db->ops->query(db, sql, p, np, &r)))
		return rc;
	for (i = 0; i < r.nrows && rc == 0; i++)
		rc = rij(arg, (const char *const *)&r.cel[i * r.ncols],
			 &r.len[i * r.ncols], r.ncols);
	db_res_release(&r);
	return rc;
}

int
db_in_tx(struct db *db)
{
	return db->ops->in_tx(db);
}

int
db_commit(struct db *db)
{
	return db->ops->script(db, "COMMIT");
}

int
db_rollback(struct db *db)
{
	/* SQLite and PostgreSQL both accept ROLLBACK outside a
	 * transaction (PostgreSQL with a warning only) */
	return db->ops->script(db, "ROLLBACK");
}

void
db_res_release(struct db_res *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; r->cel && i < r->nrows * r->ncols; i++)
		free(r->cel[i]);
	free(r->cel);
	free(r->len);
	memset(r, 0, sizeof(*r));
}

int
db_res_alloc(struct db_res *r, size_t nrows, size_t ncols)
{
	size_t n = nrows * ncols;

	memset(r, 0, sizeof(*r));
	if (ncols && nrows > DB_MAX_CELLEN / ncols)
		return DB_NOMEM;
	r->ncols = ncols;
	r->nrows = nrows;
	r->cap = n;
	if (n == 0)
		return DB_OK;
	r->cel = calloc(n, sizeof(*r->cel));
	r->len = calloc(n, sizeof(*r->len));
	if (!r->cel || !r->len) {
		db_res_release(r);
		return DB_NOMEM;
	}
	return DB_OK;
}

int
db_res_add_row(struct db_res *r, size_t *row)
{
	size_t n = (r->nrows + 1) * r->ncols, cap;
	char **c;
	size_t *l;

	if (n > DB_MAX_CELLEN)
		return DB_NOMEM;
	if (n > r->cap) {
		cap = r->cap ? r->cap * 2 : 16 * r->ncols;
		if (cap < n)
			cap = n;
		c = realloc(r->cel, cap * sizeof(*c));
		if (!c)
			return DB_NOMEM;
		r->cel = c;
		l = realloc(r->len, cap * sizeof(*l));
		if (!l)
			return DB_NOMEM;
		r->len = l;
		r->cap = cap;
	}
	if (r->ncols) {
		memset(r->cel + r->nrows * r->ncols, 0,
		       r->ncols * sizeof(*r->cel));
		memset(r->len + r->nrows * r->ncols, 0,
		       r->ncols * sizeof(*r->len));
	}
	*row = r->nrows++;
	return DB_OK;
}

int
db_res_set(struct db_res *r, size_t row, size_t col, const void *p, size_t len)
{
	char *c;
	size_t i = row * r->ncols + col;

	if (!p)
		return DB_OK;
	c = malloc(len + 1);
	if (!c)
		return DB_NOMEM;
	memcpy(c, p, len);
	c[len] = '\0';
	free(r->cel[i]);
	r->cel[i] = c;
	r->len[i] = len;
	return DB_OK;
}

const char *
db_cel(const struct db_res *r, size_t row, size_t col)
{
	if (row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cel[row * r->ncols + col];
}

int64_t
db_cel_int(const struct db_res *r, size_t row, size_t col)
{
	const char *s = db_cel(r, row, col);

	return s ? strtoll(s, NULL, 10) : 0;
}

/*
 * db.h - one SQL connection, two backends: SQLite (db_sqlite.c) and
 * PostgreSQL (db_pg.c).
 *
 * The store writes its SQL once, in the common subset of both dialects,
 * with numbered parameters $1, $2, ... that appear in ascending order of
 * first use (SQLite numbers named parameters by first appearance). Every
 * value travels through a bound parameter, never through the SQL text.
 *
 * Results are materialised: every cell is a NUL-terminated copy (text as
 * stored; integers in decimal; BLOB/bytea as raw bytes, see len), or NULL
 * for SQL NULL. A connection is used by one thread at a time.
 */
#ifndef SPOOR_DB_H
#define SPOOR_DB_H

#include <stddef.h>
#include <stdint.h>

enum db_kind { DB_SQLITE = 1, DB_PG = 2 };

enum db_rc {
	DB_OK = 0,
	DB_ERR = -1,      /* any other failure; db_errmsg() says what */
	DB_CONFLICT = -2, /* unique or primary-key violation */
	DB_BUSY = -3,     /* lock not obtained in time / serialization */
	DB_NOMEM = -4
};

enum db_type { DB_NULL = 0, DB_INT, DB_TEXT, DB_BLOB };

/* A bound parameter. Text and blobs are not copied; they must live
 * until the call returns. */
struct db_param {
	enum db_type type;
	int64_t i;
	const char *s;
	size_t len;
};

/* Constructors for the common cases (s NUL-terminated, or NULL -> NULL). */
struct db_param db_int(int64_t i);
struct db_param db_text(const char *s);
struct db_param db_textn(const char *s, size_t len);
struct db_param db_blob(const void *b, size_t len);
struct db_param db_null(void);

struct db_res {
	size_t nrows, ncols;
	char **cel;     /* nrows * ncols, row-major; NULL for SQL NULL */
	size_t *len;    /* byte length of each cell */
	size_t cap;     /* cells allocated (backends only) */
};

struct db;

/*
 * Open a connection. url is "postgresql://..." or "postgres://..." for
 * PostgreSQL, anything else is an SQLite file path (created when
 * missing). SQLite is opened with WAL, foreign_keys=ON,
 * synchronous=FULL and a busy timeout. On failure err receives a
 * one-line reason. *out is owned by the caller: db_free().
 */
int db_open(const char *url, struct db **out, char *err, size_t errlen);
void db_free(struct db *db);

enum db_kind db_soort(const struct db *db);

/* The last error of this connection, one line, never NULL. */
const char *db_errmsg(const struct db *db);

/* Run a statement that returns no rows. *changed (may be NULL) gets the
 * number of rows inserted, updated or deleted. */
int db_exec(struct db *db, const char *sql, const struct db_param *p,
	    size_t np, int64_t *changed);

/* Run a query; *out is filled only on success and must be released with
 * db_res_release(). */
int db_query(struct db *db, const char *sql, const struct db_param *p,
	     size_t np, struct db_res *out);
void db_res_release(struct db_res *r);

/*
 * A query whose rows are handed to rij one by one, without a result set
 * in between (SQLite: straight from the statement; the cells are valid
 * only during the call, cel[c] NULL for SQL NULL). A non-zero return of
 * rij stops the query and is returned. What a load of a whole case uses:
 * its entries are decoded where they lie.
 */
typedef int (*db_rij_fn)(void *arg, const char *const *cel,
			 const size_t *len, size_t ncols);
int db_query_elk(struct db *db, const char *sql, const struct db_param *p,
		 size_t np, db_rij_fn rij, void *arg);

/* 1 while a transaction is open on the connection. SQLite ends one by
 * itself on some errors (disk full, I/O, no memory, RAISE(ROLLBACK)):
 * a writer that goes on after a failed statement asks first. */
int db_in_tx(struct db *db);

/* The cell (row, col) as text (NULL for SQL NULL) and as integer. */
const char *db_cel(const struct db_res *r, size_t row, size_t col);
int64_t db_cel_int(const struct db_res *r, size_t row, size_t col);

/* Run several statements without parameters (migrations, pragmas). */
int db_script(struct db *db, const char *sql);

/* Transactions. db_begin starts a write transaction (SQLite: BEGIN
 * IMMEDIATE, so writers queue at the start instead of failing at
 * commit). db_rollback accepts a connection without a transaction. */
int db_begin(struct db *db);
int db_commit(struct db *db);
int db_rollback(struct db *db);

/* Backend entry points, used by db.c's dispatch. */
struct db_ops {
	void (*free)(struct db *db);
	int (*exec)(struct db *db, const char *sql, const struct db_param *p,
		    size_t np, int64_t *changed);
	int (*query)(struct db *db, const char *sql, const struct db_param *p,
		     size_t np, struct db_res *out);
	int (*script)(struct db *db, const char *sql);
	int (*begin)(struct db *db);
	/* db_query_elk natively (may be NULL: through query) */
	int (*each)(struct db *db, const char *sql, const struct db_param *p,
		    size_t np, db_rij_fn rij, void *arg);
	/* 1 while a transaction is open on the connection */
	int (*in_tx)(struct db *db);
};

/* Common header of every backend's connection struct. */
struct db {
	const struct db_ops *ops;
	enum db_kind soort;
	char fout[256];
};

int db_sqlite_open(const char *path, struct db **out, char *err,
		   size_t errlen);
int db_pg_open(const char *url, struct db **out, char *err, size_t errlen);

/* For backup and restore. */

/* Copy the SQLite database bron (opened read-only, WAL included) into
 * the file doel with the online backup API, as one consistent read. */
int db_sqlite_kopie(const char *bron, const char *doel, char *err,
		    size_t errlen);
/* Split a postgresql:// URL into a libpq connection string without the
 * password (*conninfo, fit for a command line) and the password
 * (*wachtwoord, NULL when the URL has none), both malloc'd and owned by
 * the caller. The message in err never shows the password. */
int db_pg_verbinding(const char *url, char **conninfo, char **wachtwoord,
		     char *err, size_t errlen);
/* Whether url is a PostgreSQL URL that holds a password (1 also when it
 * cannot be parsed): such a URL is not printed. */
int db_url_wachtwoord(const char *url);

/* For backends: build a result of nrows x ncols (cells NULL), and set a
 * cell to a copy of len bytes (p NULL -> SQL NULL). */
int db_res_alloc(struct db_res *r, size_t nrows, size_t ncols);
int db_res_set(struct db_res *r, size_t row, size_t col, const void *p,
	       size_t len);
/* Append one row (for backends that step through rows). */
int db_res_add_row(struct db_res *r, size_t *row);

#endif /* SPOOR_DB_H */

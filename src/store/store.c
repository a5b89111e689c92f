/*
 * store.c - the dossier store (see store.h, docs/store.md): opening a
 * store, transactions and savepoints, the clock, and the helpers its
 * files share (store_int.h). The aggregates have a file each:
 * store_gebruiker.c (users, grants), store_sessie.c (sessions, tokens),
 * store_audit.c (the audit log), store_dossier.c (cases and their
 * entries), store_doc.c (documents, werkgevers, werknemers).
 *
 * Cases go in and out as spoor-dossier/1: every part is checked with the
 * case-file reader (the whole document on import, one entry on an
 * append) and kept as canonical JSON in its row; a load decodes the rows
 * straight into a struct dossier.
 */
#include <jansson.h>
#include <sodium.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "lib/klok.h"
#include "migrate.h"
#include "store.h"
#include "store/laad.h"
#include "store_int.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

int64_t
store_nu(void)
{
	return klok_nu();
}

int
store_open(const char *url, int migreer, struct store **out, char *err,
	   size_t errlen)
{
	struct store *s;
	int rc, v;

	s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return ST_NOMEM;
	}
	if ((rc = db_open(url, &s->db, err, errlen)))
		goto fout;
	if (migreer)
		rc = migrate_run(s->db, NULL, &v);
	else
		rc = migrate_versie(s->db, &v);
	if (rc) {
		snprintf(err, errlen, "%s", db_errmsg(s->db));
		goto fout;
	}
	if (v != migrate_laatste()) {
		snprintf(err, errlen,
			 "database heeft schemaversie %d, verwacht %d: voer "
			 "'spoor init' uit",
			 v, migrate_laatste());
		rc = ST_ERR;
		goto fout;
	}
	*out = s;
	return ST_OK;
fout:
	store_free(s);
	return rc;
}

void
store_free(struct store *s)
{
	if (!s)
		return;
	db_free(s->db);
	free(s);
}

const char *
store_errmsg(const struct store *s)
{
	return db_errmsg(s->db);
}

int
store_begin(struct store *s)
{
	return db_begin(s->db);
}

int
store_commit(struct store *s)
{
	return db_commit(s->db);
}

int
store_rollback(struct store *s)
{
	/* keep the message of the failure that led here */
	char keep[sizeof(s->db->fout)];
	int rc;

	memcpy(keep, s->db->fout, sizeof(keep));
	rc = db_rollback(s->db);
	memcpy(s->db->fout, keep, sizeof(keep));
	return rc;
}

char *
store_dup(const char *p)
{
	return p ? strdup(p) : NULL;
}

int
store_een_int(struct store *s, const char *sql, const struct db_param *p,
	      size_t np, int64_t *out)
{
	struct db_res r;
	int rc = db_query(s->db, sql, p, np, &r);

	if (rc)
		return rc;
	if (r.nrows == 0 || !db_cel(&r, 0, 0))
		rc = ST_NIET_GEVONDEN;
	else
		*out = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return rc;
}

/* One row of (integer, text) from a query, the text malloc'd; or
 * ST_NIET_GEVONDEN. */
int
store_int_en_tekst(struct store *s, const char *sql,
		   const struct db_param *p, size_t np, int64_t *i, char **t)
{
	struct db_res r;
	int rc = db_query(s->db, sql, p, np, &r);
	char *c;

	if (rc)
		return rc;
	if (r.nrows == 0) {
		db_res_release(&r);
		return ST_NIET_GEVONDEN;
	}
	c = store_dup(db_cel(&r, 0, 1));
	if (!c) {
		db_res_release(&r);
		return ST_NOMEM;
	}
	*i = db_cel_int(&r, 0, 0);
	*t = c;
	db_res_release(&r);
	return ST_OK;
}


int
store_savepoint(struct store *s)
{
	if (!db_in_tx(s->db)) {
		snprintf(s->db->fout, sizeof(s->db->fout),
			 "savepoint buiten een transactie");
		return ST_ERR;
	}
	return db_script(s->db, "SAVEPOINT spoor_stap");
}

int
store_in_tx(struct store *s)
{
	return db_in_tx(s->db);
}

void
store_fout_zet(struct store *s, const char *reden)
{
	snprintf(s->db->fout, sizeof(s->db->fout), "%s", reden);
}

int
store_savepoint_terug(struct store *s)
{
	int rc = db_script(s->db, "ROLLBACK TO SAVEPOINT spoor_stap");

	return rc ? rc : db_script(s->db, "RELEASE SAVEPOINT spoor_stap");
}

int
store_savepoint_vrij(struct store *s)
{
	return db_script(s->db, "RELEASE SAVEPOINT spoor_stap");
}

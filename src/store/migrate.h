/*
 * migrate.h - versioned schema migrations for both backends.
 *
 * The schema is a list of numbered steps, written once in the common SQL
 * of SQLite and PostgreSQL; the two spots where they differ (an
 * auto-numbered key, a byte column) are tokens replaced per backend.
 * Each step runs in its own transaction together with the update of
 * schema_versie, so a crash leaves the database at a whole version.
 */
#ifndef SPOOR_MIGRATE_H
#define SPOOR_MIGRATE_H

#include "db.h"

/* The version this build of spoor writes and expects. */
int migrate_laatste(void);

/* The current version of db (0 for an empty database), or negative. */
int migrate_versie(struct db *db, int *versie);

/* Bring db to migrate_laatste(). *van and *naar (may be NULL) report the
 * versions before and after. A database newer than this build is refused
 * (DB_ERR, db_errmsg says so). */
int migrate_run(struct db *db, int *van, int *naar);

#endif /* SPOOR_MIGRATE_H */

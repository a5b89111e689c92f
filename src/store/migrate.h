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

/* The steps themselves (migrate_laatste() of them), for tests that
 * build an older schema with migrate_run_stappen. */
const char *const *migrate_stap_lijst(void);

/* The current version of db (0 for an empty database), or negative. */
int migrate_versie(struct db *db, int *versie);

/* Bring db to migrate_laatste(). *van and *naar (may be NULL) report the
 * versions before and after. A database newer than this build is refused
 * (DB_ERR, db_errmsg says so in the words of migrate_te_nieuw). */
int migrate_run(struct db *db, int *van, int *naar);

/* The same over the first n of the given steps: lets a test play an
 * older or a newer build of spoor. */
int migrate_run_stappen(struct db *db, const char *const *lijst, int n,
			int *van, int *naar);

/* The one-line Dutch refusal of a database at schema version versie
 * that is newer than this build: what to do about it included. */
void migrate_te_nieuw(int versie, char *buf, size_t len);

/*
 * Read-only looks at a database that may not be spoor's, without
 * creating anything (unlike migrate_versie):
 * *versie the schema version, or -1 when there is no schema_versie
 * table (not a spoor database, or an empty one); *tabellen the number
 * of tables outside the system catalogues (0: the database is empty).
 */
int migrate_bekijk(struct db *db, int *versie, int64_t *tabellen);

#endif /* SPOOR_MIGRATE_H */

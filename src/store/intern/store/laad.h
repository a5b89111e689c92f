/*
 * laad.h - the store's private interface to src/app: the unfiltered case
 * loader and the writers that run in the caller's transaction. PRIVATE
 * to src/store and src/app (and white-box tests, benchmarks and fuzz
 * targets): every other path reads a case through the use cases of
 * app.h, which filter it for the caller's roles and audit the read.
 * tests/layers.sh fails when a file elsewhere includes this header or
 * calls the loader.
 */
#ifndef SPOOR_STORE_LAAD_H
#define SPOOR_STORE_LAAD_H

#include <stddef.h>
#include <stdint.h>

#include "core/dossier.h"
#include "store/store.h"

/*
 * The whole case id, unfiltered, decoded from its rows straight into
 * *out (dossier_init'ed; filled only on success): the header and the
 * verzuim through the case-file reader, each entry through its
 * entry-level reader, no JSON text of the whole case in between.
 * ST_NIET_GEVONDEN for no such case; ST_ERR (store_errmsg names the
 * case and the place) for stored data the reader refuses.
 */
int store_dossier_laad(struct store *s, int64_t id, struct dossier *out);

/*
 * store_gebeurtenis_toevoegen() and store_verzuim_toevoegen() inside the
 * caller's transaction: nothing is begun, committed or rolled back, so
 * on failure the caller rolls back (to a savepoint) what the call wrote.
 * What the group commit of app/schrijfq.h runs, several appends to one
 * transaction.
 */
int store_gebeurtenis_toevoegen_tx(struct store *s, int64_t id,
				   const char *json, size_t len,
				   uint32_t rollen, int64_t auteur,
				   const char *auteur_naam, char **nieuw_id,
				   struct casefile_fout *f);
int store_verzuim_toevoegen_tx(struct store *s, int64_t id, const char *json,
			       size_t len, uint32_t rollen, int64_t auteur,
			       const char *auteur_naam,
			       struct casefile_fout *f);

/* One savepoint inside the open transaction: set it (ST_ERR when no
 * transaction is open: a savepoint must never start one), roll back to
 * it (and release it), or release it keeping what was written. */
int store_savepoint(struct store *s);
int store_savepoint_terug(struct store *s);
int store_savepoint_vrij(struct store *s);

/* 1 while a transaction is open on s (db_in_tx). */
int store_in_tx(struct store *s);

/* Set the reason store_errmsg(s) gives (what a writer on another
 * connection reported). */
void store_fout_zet(struct store *s, const char *reden);

#endif /* SPOOR_STORE_LAAD_H */

/*
 * store_int.h - helpers shared by the files of the store module
 * (store.c, store_doc.c); not for use outside src/store.
 */
#ifndef SPOOR_STORE_INT_H
#define SPOOR_STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/store.h"

/* One integer from a query with one row: 0 and *out set, or
 * ST_NIET_GEVONDEN (no row, or NULL), or the db error. */
int store_een_int(struct store *s, const char *sql, const struct db_param *p,
		  size_t np, int64_t *out);

/* strdup that passes NULL through; the caller frees. */
char *store_dup(const char *p);

#endif /* SPOOR_STORE_INT_H */

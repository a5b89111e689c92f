/*
 * laad.h - the unfiltered case loader. PRIVATE to src/store and src/app
 * (and white-box tests, benchmarks and fuzz targets): every other path
 * reads a case through the use cases of app.h, which filter it for the
 * caller's roles and audit the read. tests/layers.sh fails when a file
 * elsewhere includes this header or calls the loader.
 */
#ifndef SPOOR_STORE_LAAD_H
#define SPOOR_STORE_LAAD_H

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

#endif /* SPOOR_STORE_LAAD_H */

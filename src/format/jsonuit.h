/*
 * jsonuit.h - small helpers shared by the JSON output writers
 * (spoor-tijdlijn/1, spoor-toets/1, spoor-loon/1).
 */
#ifndef SPOOR_JSONUIT_H
#define SPOOR_JSONUIT_H

#include <jansson.h>
#include <stddef.h>

#include "../core/date.h"

/* Set o[k] = v (v stolen). A NULL v or a failed set clears *ok, so a
 * writer builds the whole document and checks once. */
void jsonuit_put(json_t *o, const char *k, json_t *v, int *ok);

/* "YYYY-MM-DD", or JSON null for DATE_NONE. New reference. */
json_t *jsonuit_datum(sdate d);

/*
 * Dump root (stolen, may be NULL) compactly with a final newline. Fails
 * when !ok or root is NULL. On success *out is a NUL-terminated string
 * the caller frees with free(), *outlen its length.
 */
int jsonuit_dump(json_t *root, int ok, char **out, size_t *outlen);

#endif /* SPOOR_JSONUIT_H */

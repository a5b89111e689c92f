/*
 * rapport_json.h - the spoor-toets/1 (architecture §5.2) and spoor-loon/1
 * (docs/formats.md) documents.
 */
#ifndef SPOOR_RAPPORT_JSON_H
#define SPOOR_RAPPORT_JSON_H

#include <stddef.h>

#include "../core/loon.h"
#include "../core/toets.h"

#define TOETS_FORMAAT "spoor-toets/1"
#define LOON_FORMAAT "spoor-loon/1"

/*
 * Serialise as compact JSON with a final newline; *out is the caller's to
 * free(). Return 0, or -1 when memory runs out.
 */
int toets_json(const struct toets *t, char **out, size_t *outlen);

/* dossier_id may be NULL. */
int loon_json(const struct loon *l, const char *dossier_id, char **out,
	      size_t *outlen);

#endif /* SPOOR_RAPPORT_JSON_H */

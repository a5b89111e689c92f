/*
 * tijdlijn_json.h - the spoor-tijdlijn/1 document (architecture §5.1).
 */
#ifndef SPOOR_TIJDLIJN_JSON_H
#define SPOOR_TIJDLIJN_JSON_H

#include <stddef.h>

#include "../core/tijdlijn.h"

#define TIJDLIJN_FORMAAT "spoor-tijdlijn/1"

/*
 * Serialise t as compact JSON with a final newline. On success returns 0
 * and *out is a NUL-terminated string the caller frees with free();
 * returns -1 when memory runs out.
 */
int tijdlijn_json(const struct tijdlijn *t, char **out, size_t *outlen);

#endif /* SPOOR_TIJDLIJN_JSON_H */

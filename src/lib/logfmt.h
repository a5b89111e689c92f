/*
 * logfmt.h - values of a logfmt line (key=value pairs, one line per
 * event), as the request log of src/server/ops.c writes them.
 *
 * What goes into a log line is the caller's choice and its duty: a
 * request id, a route pattern, a status and a duration, never a BSN, a
 * token or the text of an entry.
 */
#ifndef SPOOR_LIB_LOGFMT_H
#define SPOOR_LIB_LOGFMT_H

#include <stddef.h>

/*
 * Write s as a quoted logfmt value into buf[0..n): '"' and '\' escaped
 * with '\', control characters as '?' so the line stays one line.
 * Returns the bytes written (no NUL is added), or 0 when it does not
 * fit (then buf's content is undefined).
 */
size_t logfmt_waarde(const char *s, char *buf, size_t n);

#endif /* SPOOR_LIB_LOGFMT_H */

/*
 * logfmt.c - logfmt values (see logfmt.h); moved from src/server/ops.c.
 */
#include "lib/logfmt.h"

size_t
logfmt_waarde(const char *s, char *buf, size_t n)
{
	size_t o = 0;

	if (n < 3)
		return 0;
	buf[o++] = '"';
	for (; *s; s++) {
		if (o + 3 >= n)
			return 0;
		if (*s == '"' || *s == '\\')
			buf[o++] = '\\';
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			buf[o++] = '?';
		else
			buf[o++] = *s;
	}
	buf[o++] = '"';
	return o;
}

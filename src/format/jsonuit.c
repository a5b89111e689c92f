/*
 * jsonuit.c - shared helpers of the JSON writers (see jsonuit.h).
 */
#include <stdlib.h>
#include <string.h>

#include "jsonuit.h"

void
jsonuit_put(json_t *o, const char *k, json_t *v, int *ok)
{
	if (!v || json_object_set_new(o, k, v) != 0)
		*ok = 0;
}

json_t *
jsonuit_datum(sdate d)
{
	char b[DATE_STRLEN];

	if (d == DATE_NONE)
		return json_null();
	date_format(d, b);
	return json_string(b);
}

int
jsonuit_dump(json_t *root, int ok, char **out, size_t *outlen)
{
	char *s = NULL, *s2;
	size_t n;

	if (ok && root)
		s = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	if (!s)
		return -1;
	n = strlen(s);
	s2 = realloc(s, n + 2);
	if (!s2) {
		free(s);
		return -1;
	}
	s2[n] = '\n';
	s2[n + 1] = '\0';
	*out = s2;
	*outlen = n + 1;
	return 0;
}

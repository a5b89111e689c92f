/*
 * tijdlijn_json.c - spoor-tijdlijn/1 writer (see tijdlijn_json.h).
 *
 * Key order is the contract's: formaat, peildatum, eerste_ziektedag,
 * ziektedag, ziekteweek, onderbrekingsdagen, mijlpalen; per milestone id,
 * soort, then the dates, status, regel, bron.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tijdlijn_json.h"

static void
put(json_t *o, const char *k, json_t *v, int *ok)
{
	if (!v || json_object_set_new(o, k, v) != 0)
		*ok = 0;
}

static json_t *
jdate(sdate d)
{
	char b[DATE_STRLEN];

	date_format(d, b);
	return json_string(b);
}

static json_t *
mijlpaal_json(const struct mijlpaal *m, int *ok)
{
	const struct regel *r = &regels[m->id];
	json_t *o = json_object();

	if (!o) {
		*ok = 0;
		return NULL;
	}
	put(o, "id", json_string(r->naam), ok);
	if (r->soort == MPS_ACTIE) {
		put(o, "soort", json_string("actie"), ok);
		if (m->venster != DATE_NONE)
			put(o, "venster_vanaf", jdate(m->venster), ok);
		put(o, "uiterlijk", jdate(m->datum), ok);
		if (m->streef != DATE_NONE)
			put(o, "streefdatum", jdate(m->streef), ok);
		if (m->gedaan != DATE_NONE)
			put(o, "gedaan", jdate(m->gedaan), ok);
	} else {
		put(o, "soort", json_string("moment"), ok);
		put(o, "datum", jdate(m->datum), ok);
	}
	put(o, "status", json_string(mp_status_naam[m->status]), ok);
	put(o, "regel", json_string(r->regel), ok);
	put(o, "bron", json_string(r->bron), ok);
	return o;
}

int
tijdlijn_json(const struct tijdlijn *t, char **out, size_t *outlen)
{
	json_t *root = json_object(), *a = json_array();
	char *s = NULL, *s2;
	size_t n;
	uint32_t i;
	int ok = root && a;

	if (ok) {
		put(root, "formaat", json_string(TIJDLIJN_FORMAAT), &ok);
		put(root, "peildatum", jdate(t->peildatum), &ok);
		put(root, "eerste_ziektedag", jdate(t->eerste_ziektedag), &ok);
		put(root, "ziektedag", json_integer(t->ziektedag), &ok);
		put(root, "ziekteweek", json_integer(t->ziekteweek), &ok);
		put(root, "onderbrekingsdagen",
		    json_integer(t->onderbrekingsdagen), &ok);
		for (i = 0; i < t->n; i++)
			if (json_array_append_new(a,
						  mijlpaal_json(&t->m[i], &ok)))
				ok = 0;
		put(root, "mijlpalen", a, &ok);
		a = NULL;
	}
	if (ok)
		s = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	json_decref(a);
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

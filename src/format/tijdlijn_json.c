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

#include "jsonuit.h"
#include "tijdlijn_json.h"

static json_t *
mijlpaal_json(const struct mijlpaal *m, int *ok)
{
	const struct regel *r = &regels[m->id];
	json_t *o = json_object();

	if (!o) {
		*ok = 0;
		return NULL;
	}
	jsonuit_put(o, "id", json_string(r->naam), ok);
	if (r->soort == MPS_ACTIE) {
		jsonuit_put(o, "soort", json_string("actie"), ok);
		if (m->venster != DATE_NONE)
			jsonuit_put(o, "venster_vanaf", jsonuit_datum(m->venster), ok);
		jsonuit_put(o, "uiterlijk", jsonuit_datum(m->datum), ok);
		if (m->streef != DATE_NONE)
			jsonuit_put(o, "streefdatum", jsonuit_datum(m->streef), ok);
		if (m->gedaan != DATE_NONE)
			jsonuit_put(o, "gedaan", jsonuit_datum(m->gedaan), ok);
	} else {
		jsonuit_put(o, "soort", json_string("moment"), ok);
		jsonuit_put(o, "datum", jsonuit_datum(m->datum), ok);
	}
	jsonuit_put(o, "status", json_string(mp_status_naam[m->status]), ok);
	jsonuit_put(o, "regel", json_string(m->regel), ok);
	jsonuit_put(o, "bron", json_string(m->bron), ok);
	return o;
}

int
tijdlijn_json(const struct tijdlijn *t, char **out, size_t *outlen)
{
	json_t *root = json_object(), *a = json_array();
	uint32_t i;
	int ok = root && a;

	if (ok) {
		jsonuit_put(root, "formaat", json_string(TIJDLIJN_FORMAAT), &ok);
		jsonuit_put(root, "peildatum", jsonuit_datum(t->peildatum), &ok);
		jsonuit_put(root, "eerste_ziektedag", jsonuit_datum(t->eerste_ziektedag), &ok);
		jsonuit_put(root, "ziektedag", json_integer(t->ziektedag), &ok);
		jsonuit_put(root, "ziekteweek", json_integer(t->ziekteweek), &ok);
		jsonuit_put(root, "onderbrekingsdagen",
		    json_integer(t->onderbrekingsdagen), &ok);
		for (i = 0; i < MP__COUNT; i++) {
			const struct mijlpaal *m =
				tijdlijn_mijlpaal(t, (enum mijlpaal_id)i);

			if (m && json_array_append_new(a,
						       mijlpaal_json(m, &ok)))
				ok = 0;
		}
		jsonuit_put(root, "mijlpalen", a, &ok);
		a = NULL;
	}
	json_decref(a);
	return jsonuit_dump(root, ok, out, outlen);
}

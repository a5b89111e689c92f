/*
 * rapport_json.c - spoor-toets/1 and spoor-loon/1 writers.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "rapport_json.h"

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

	if (d == DATE_NONE)
		return json_null();
	date_format(d, b);
	return json_string(b);
}

/* Dump root (stolen) compactly with a final newline. */
static int
dump(json_t *root, int ok, char **out, size_t *outlen)
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

int
toets_json(const struct toets *t, char **out, size_t *outlen)
{
	json_t *root = json_object(), *a = json_array();
	char tekst[1024];
	uint32_t i;
	int ok = root && a;

	put(root, "formaat", json_string(TOETS_FORMAAT), &ok);
	put(root, "peildatum", jdate(t->peildatum), &ok);
	put(root, "risico", json_string(ernst_naam[t->risico]), &ok);
	for (i = 0; ok && i < t->n; i++) {
		const struct bevinding *b = &t->b[i];
		const struct bevinding_def *def = &bevinding_defs[b->id];
		json_t *o = json_object();

		if (!o || json_array_append_new(a, o)) {
			ok = 0;
			break;
		}
		toets_toelichting(b, tekst, sizeof(tekst));
		put(o, "id", json_string(def->naam), &ok);
		put(o, "ernst", json_string(ernst_naam[b->ernst]), &ok);
		put(o, "regel", json_string(def->regel), &ok);
		put(o, "bron", json_string(def->bron), &ok);
		put(o, "toelichting", json_string(tekst), &ok);
		put(o, "herstel", json_string(def->herstel), &ok);
	}
	put(root, "bevindingen", a, &ok);
	put(root, "loonsanctie_blootstelling_cent",
	    t->loonsanctie_blootstelling_cent >= 0
		    ? json_integer(t->loonsanctie_blootstelling_cent)
		    : json_null(), &ok);
	return dump(root, ok, out, outlen);
}

static json_t *
param_json(const char *tabel, const struct param_rij *r, int *ok)
{
	json_t *o = json_object();

	if (!o) {
		*ok = 0;
		return NULL;
	}
	put(o, "tabel", json_string(tabel), ok);
	put(o, "ingangsdatum", jdate(r->van), ok);
	put(o, "waarde_cent", json_integer(r->waarde), ok);
	put(o, "bron", json_string(r->bron), ok);
	return o;
}

/* Add row r of table tabel to list a unless it is there already. */
static void
gebruikt(json_t *a, const char *tabel, const struct param_rij *r,
	 const struct param_rij **seen, size_t *nseen, int *ok)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < *nseen; i++)
		if (seen[i] == r)
			return;
	seen[(*nseen)++] = r;
	if (json_array_append_new(a, param_json(tabel, r, ok)))
		*ok = 0;
}

int
loon_json(const struct loon *l, const char *dossier_id, char **out,
	  size_t *outlen)
{
	json_t *root = json_object(), *a = json_array(), *pa = json_array(),
	       *ga = json_array();
	const struct param_rij *seen[2 * LOON_MAX_PERIODEN];
	size_t nseen = 0;
	uint32_t i;
	int ok = root && a && pa && ga;

	put(root, "formaat", json_string(LOON_FORMAAT), &ok);
	put(root, "dossier_id", dossier_id ? json_string(dossier_id)
					   : json_null(), &ok);
	put(root, "dagloon_cent", json_integer(l->dagloon), &ok);
	for (i = 0; ok && i < l->n; i++) {
		const struct loon_periode *p = &l->p[i];
		json_t *o = json_object();

		if (!o || json_array_append_new(a, o)) {
			ok = 0;
			break;
		}
		put(o, "van", jdate(p->van), &ok);
		put(o, "tot_en_met", jdate(p->tot), &ok);
		put(o, "week_van", json_integer(p->week_van), &ok);
		put(o, "week_tot_en_met", json_integer(p->week_tot), &ok);
		put(o, "loonsanctie", json_boolean(p->loonsanctie), &ok);
		put(o, "werkdagen", json_integer(p->werkdagen), &ok);
		put(o, "wettelijk_dag_cent", json_integer(p->wettelijk_dag), &ok);
		put(o, "contract_procent", p->contract_procent >= 0
			    ? json_integer(p->contract_procent) : json_null(),
		    &ok);
		put(o, "contract_dag_cent", json_integer(p->contract_dag), &ok);
		put(o, "verschuldigd_dag_cent", json_integer(p->verschuldigd_dag),
		    &ok);
		put(o, "verschuldigd_maand_cent",
		    json_integer(loon_maand(p->verschuldigd_dag)), &ok);
		put(o, "grondslag", json_string(grondslag_naam[p->grondslag]),
		    &ok);
		put(o, "totaal_cent", json_integer(p->totaal), &ok);
		put(o, "voorlopig", json_boolean(p->voorlopig), &ok);
		gebruikt(pa, "wml_uur", p->wml, seen, &nseen, &ok);
		gebruikt(pa, "maximumdagloon", p->max, seen, &nseen, &ok);
	}
	put(root, "perioden", a, &ok);
	put(root, "totaal_loondoorbetaling_cent", json_integer(l->totaal), &ok);
	put(root, "loonsanctie_blootstelling_cent", json_integer(l->blootstelling),
	    &ok);
	put(root, "parameters", pa, &ok);
	for (i = 0; ok && i < l->ngaten; i++) {
		json_t *o = json_object();

		if (!o || json_array_append_new(ga, o)) {
			ok = 0;
			break;
		}
		put(o, "tabel", json_string(l->gaten[i].tabel), &ok);
		put(o, "vanaf", jdate(l->gaten[i].vanaf), &ok);
	}
	put(root, "ontbrekende_parameters", ga, &ok);
	return dump(root, ok, out, outlen);
}

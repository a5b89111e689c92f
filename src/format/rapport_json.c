/*
 * rapport_json.c - spoor-toets/1 and spoor-loon/1 writers.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "jsonuit.h"
#include "rapport_json.h"

int
toets_json(const struct toets *t, char **out, size_t *outlen)
{
	json_t *root = json_object(), *a = json_array();
	char tekst[1024];
	uint32_t i;
	int ok = root && a;

	jsonuit_put(root, "formaat", json_string(TOETS_FORMAAT), &ok);
	jsonuit_put(root, "peildatum", jsonuit_datum(t->peildatum), &ok);
	jsonuit_put(root, "risico", json_string(ernst_naam[t->risico]), &ok);
	for (i = 0; ok && i < t->n; i++) {
		const struct bevinding *b = &t->b[i];
		const struct bevinding_def *def = &bevinding_defs[b->id];
		json_t *o = json_object();

		if (!o || json_array_append_new(a, o)) {
			ok = 0;
			break;
		}
		toets_toelichting(b, tekst, sizeof(tekst));
		jsonuit_put(o, "id", json_string(def->naam), &ok);
		jsonuit_put(o, "ernst", json_string(ernst_naam[b->ernst]), &ok);
		jsonuit_put(o, "regel", json_string(def->regel), &ok);
		jsonuit_put(o, "bron", json_string(def->bron), &ok);
		jsonuit_put(o, "toelichting", json_string(tekst), &ok);
		jsonuit_put(o, "herstel", json_string(def->herstel), &ok);
	}
	jsonuit_put(root, "bevindingen", a, &ok);
	jsonuit_put(root, "loonsanctie_blootstelling_cent",
	    t->loonsanctie_blootstelling_cent >= 0
		    ? json_integer(t->loonsanctie_blootstelling_cent)
		    : json_null(), &ok);
	return jsonuit_dump(root, ok, out, outlen);
}

static json_t *
param_json(const char *tabel, const struct param_rij *r, int *ok)
{
	json_t *o = json_object();

	if (!o) {
		*ok = 0;
		return NULL;
	}
	jsonuit_put(o, "tabel", json_string(tabel), ok);
	jsonuit_put(o, "ingangsdatum", jsonuit_datum(r->van), ok);
	jsonuit_put(o, "waarde_cent", json_integer(r->waarde), ok);
	jsonuit_put(o, "bron", json_string(r->bron), ok);
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

/* Add age-scale row r to list a unless it is there already (R-PAY-3). */
static void
jeugd_gebruikt(json_t *a, const struct param_rij *r,
	       const struct param_rij **seen, size_t *nseen, int *ok)
{
	json_t *o;
	size_t i;

	for (i = 0; i < *nseen; i++)
		if (seen[i] == r)
			return;
	seen[(*nseen)++] = r;
	o = json_object();
	if (!o || json_array_append_new(a, o)) {
		*ok = 0;
		return;
	}
	jsonuit_put(o, "ingangsdatum", jsonuit_datum(r->van), ok);
	jsonuit_put(o, "leeftijd", json_integer(r->leeftijd), ok);
	jsonuit_put(o, "promille", json_integer(r->waarde), ok);
	jsonuit_put(o, "bron", json_string(r->bron), ok);
}

int
loon_json(const struct loon *l, const char *dossier_id, char **out,
	  size_t *outlen)
{
	json_t *root = json_object(), *a = json_array(), *pa = json_array(),
	       *ga = json_array(), *ja = json_array(), *ma = json_array();
	const struct param_rij *seen[2 * LOON_MAX_PERIODEN];
	const struct param_rij *jseen[LOON_MAX_PERIODEN];
	struct loon_melding m[LOON_MAX_MELDINGEN];
	size_t nseen = 0, njseen = 0, nm;
	uint32_t i;
	int ok = root && a && pa && ga && ja && ma;

	jsonuit_put(root, "formaat", json_string(LOON_FORMAAT), &ok);
	jsonuit_put(root, "dossier_id", dossier_id ? json_string(dossier_id)
					   : json_null(), &ok);
	jsonuit_put(root, "dagloon_cent", json_integer(l->dagloon), &ok);
	for (i = 0; ok && i < l->n; i++) {
		const struct loon_periode *p = &l->p[i];
		json_t *o = json_object();

		if (!o || json_array_append_new(a, o)) {
			ok = 0;
			break;
		}
		jsonuit_put(o, "van", jsonuit_datum(p->van), &ok);
		jsonuit_put(o, "tot_en_met", jsonuit_datum(p->tot), &ok);
		jsonuit_put(o, "week_van", json_integer(p->week_van), &ok);
		jsonuit_put(o, "week_tot_en_met", json_integer(p->week_tot), &ok);
		jsonuit_put(o, "loonsanctie", json_boolean(p->loonsanctie), &ok);
		jsonuit_put(o, "werkdagen", json_integer(p->werkdagen), &ok);
		jsonuit_put(o, "wettelijk_dag_cent", json_integer(p->wettelijk_dag), &ok);
		jsonuit_put(o, "contract_procent", p->contract_procent >= 0
			    ? json_integer(p->contract_procent) : json_null(),
		    &ok);
		jsonuit_put(o, "contract_dag_cent", json_integer(p->contract_dag), &ok);
		jsonuit_put(o, "verschuldigd_dag_cent", json_integer(p->verschuldigd_dag),
		    &ok);
		jsonuit_put(o, "verschuldigd_maand_cent",
		    json_integer(loon_maand(p->verschuldigd_dag)), &ok);
		jsonuit_put(o, "grondslag", json_string(grondslag_naam[p->grondslag]),
		    &ok);
		jsonuit_put(o, "totaal_cent", json_integer(p->totaal), &ok);
		jsonuit_put(o, "voorlopig", json_boolean(p->voorlopig), &ok);
		/* R-PAY-3: the share of the adult WML the floor used;
		 * null where no WML floor applies */
		jsonuit_put(o, "minimumloon_promille",
		    p->wml && p->week_van <= PAY1_WML_WEKEN
			    ? json_integer(p->jeugd ? p->jeugd->waarde : 1000)
			    : json_null(), &ok);
		gebruikt(pa, "wml_uur", p->wml, seen, &nseen, &ok);
		if (p->jeugd)
			jeugd_gebruikt(ja, p->jeugd, jseen, &njseen, &ok);
		gebruikt(pa, "maximumdagloon", p->max, seen, &nseen, &ok);
	}
	jsonuit_put(root, "perioden", a, &ok);
	jsonuit_put(root, "totaal_loondoorbetaling_cent", json_integer(l->totaal), &ok);
	jsonuit_put(root, "loonsanctie_blootstelling_cent", json_integer(l->blootstelling),
	    &ok);
	jsonuit_put(root, "parameters", pa, &ok);
	for (i = 0; ok && i < l->ngaten; i++) {
		json_t *o = json_object();

		if (!o || json_array_append_new(ga, o)) {
			ok = 0;
			break;
		}
		jsonuit_put(o, "tabel", json_string(l->gaten[i].tabel), &ok);
		jsonuit_put(o, "vanaf", jsonuit_datum(l->gaten[i].vanaf), &ok);
		jsonuit_put(o, "laatst_bekend",
			    json_boolean(l->gaten[i].laatst_bekend), &ok);
	}
	jsonuit_put(root, "ontbrekende_parameters", ga, &ok);
	jsonuit_put(root, "minimumjeugdloon", ja, &ok);
	nm = loon_meldingen(l, m);
	for (i = 0; ok && i < nm; i++) {
		json_t *o = json_object();

		if (!o || json_array_append_new(ma, o)) {
			ok = 0;
			break;
		}
		jsonuit_put(o, "code", json_string(m[i].code), &ok);
		jsonuit_put(o, "regel", json_string(m[i].regel), &ok);
		jsonuit_put(o, "bron", json_string(m[i].bron), &ok);
		jsonuit_put(o, "vanaf", m[i].vanaf != DATE_NONE
			    ? jsonuit_datum(m[i].vanaf) : json_null(), &ok);
		jsonuit_put(o, "tekst", json_string(m[i].tekst), &ok);
	}
	jsonuit_put(root, "meldingen", ma, &ok);
	return jsonuit_dump(root, ok, out, outlen);
}

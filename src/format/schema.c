/*
 * schema.c - the JSON Schema of an entry, from the event schema of core
 * (see schema.h).
 */
#include <jansson.h>
#include <string.h>

#include "schema.h"

/* json_object_set_new that records a failure in *ok. */
static void
zet(json_t *o, const char *k, json_t *v, int *ok)
{
	if (!o || !v || json_object_set_new(o, k, v) != 0)
		*ok = 0;
}

static json_t *
namen(const char *const *t, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(t[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *
soort(const char *type)
{
	json_t *o = json_object();
	int ok = 1;

	zet(o, "type", json_string(type), &ok);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
datum(void)
{
	json_t *o = soort("string");
	int ok = 1;

	zet(o, "format", json_string("date"), &ok);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* The items of a belastbaarheid (casefile.c: lees_items). */
static json_t *
items(void)
{
	json_t *a = soort("array"), *it = soort("object"), *p = json_object(),
	       *code = soort("string"), *niv = soort("integer"),
	       *req = json_array();
	int ok = 1;

	zet(code, "pattern", json_string("^(I|II|III|IV|V|VI)\\.[0-9]{1,2}$"),
	    &ok);
	zet(niv, "minimum", json_integer(0), &ok);
	zet(niv, "maximum", json_integer(9), &ok);
	zet(p, "code", code, &ok);
	zet(p, "niveau", niv, &ok);
	zet(p, "toelichting", soort("string"), &ok);
	ok &= req && !json_array_append_new(req, json_string("code")) &&
	      !json_array_append_new(req, json_string("niveau"));
	zet(it, "required", req, &ok);
	zet(it, "properties", p, &ok);
	zet(it, "additionalProperties", json_false(), &ok);
	zet(a, "maxItems", json_integer(CASEFILE_MAX_ITEMS), &ok);
	zet(a, "items", it, &ok);
	if (!ok) {
		json_decref(a);
		return NULL;
	}
	return a;
}

/* The schema of extra field v. */
static json_t *
veld(const struct gv_schema *v)
{
	json_t *o = NULL;
	int ok = 1;

	switch (v->soort) {
	case GVS_BOOL:
		return soort("boolean");
	case GVS_ENUM:
		o = json_object();
		zet(o, "enum", namen(v->waarden, v->nwaarden), &ok);
		break;
	case GVS_DATUM:
		return datum();
	case GVS_TEKST:
		return soort("string");
	case GVS_UREN:
		/* hours with at most two decimals (casefile.c: get_uren;
		 * no multipleOf 0.01: validators differ on binary
		 * fractions) */
		o = soort("number");
		zet(o, "minimum", json_integer(0), &ok);
		zet(o, "maximum", json_integer(168), &ok);
		break;
	case GVS_GETAL:
		o = soort("integer");
		zet(o, "minimum", json_integer(v->min), &ok);
		zet(o, "maximum", json_integer(v->max), &ok);
		break;
	case GVS_ITEMS:
		return items();
	default:
		return NULL;
	}
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *
schema_gebeurtenis(void)
{
	static const char *const basis[] = {"soort", "datum", "id",
					     "corrigeert", "zichtbaarheid",
					     "auteur", "tekst"};
	json_t *o = soort("object"), *props = json_object(),
	       *req = json_array(), *alle = json_array(), *t;
	size_t i, k;
	int ok = 1, s;

	zet(o, "description", json_string(
		    "een gebeurtenis van spoor-dossier/1 (architectuur §4); "
		    "gemaakt uit de tabel gv_schema van src/core/dossier.c. "
		    "Bij POST .../gebeurtenissen vult spoor id en auteur in"),
	    &ok);
	ok &= req && !json_array_append_new(req, json_string("soort")) &&
	      !json_array_append_new(req, json_string("datum"));
	zet(o, "required", req, &ok);
	t = json_object();
	zet(t, "enum", namen(gb_soort_naam, GB__COUNT), &ok);
	zet(props, "soort", t, &ok);
	zet(props, "datum", datum(), &ok);
	t = soort("string");
	zet(t, "minLength", json_integer(1), &ok);
	zet(props, "id", t, &ok);
	t = soort("string");
	zet(t, "minLength", json_integer(1), &ok);
	zet(props, "corrigeert", t, &ok);
	t = json_object();
	zet(t, "enum", namen(zichtbaarheid_naam, 3), &ok);
	zet(props, "zichtbaarheid", t, &ok);
	zet(props, "auteur", soort("string"), &ok);
	zet(props, "tekst", soort("string"), &ok);
	/* every extra key; its exact schema follows per type below (the
	 * key "uitkomst" is an enum for one type and a text for another) */
	for (k = 0; k < GV__AANTAL; k++)
		if (!json_object_get(props, gv_schema[k].naam))
			zet(props, gv_schema[k].naam, json_object(), &ok);
	zet(o, "properties", props, &ok);
	zet(o, "additionalProperties", json_false(), &ok);
	/* per type: the keys it may carry and those it must */
	for (s = 0; ok && s < GB__COUNT; s++) {
		json_t *als = json_object(), *dan = json_object(),
		       *c = json_object(), *cp = json_object(),
		       *sleutels = namen(basis, sizeof(basis) / sizeof(basis[0])),
		       *pn = json_object(), *dp = json_object(),
		       *moet = json_array(), *een = json_object();

		zet(c, "const", json_string(gb_soort_naam[s]), &ok);
		zet(cp, "soort", c, &ok);
		zet(als, "properties", cp, &ok);
		for (i = 0; i < GV__AANTAL; i++) {
			const struct gv_schema *v = &gv_schema[i];

			if (!(gb_velden[s] & v->bit))
				continue;
			ok &= sleutels &&
			      !json_array_append_new(sleutels,
						     json_string(v->naam));
			zet(dp, v->naam, veld(v), &ok);
			if (gb_verplicht[s] & v->bit)
				ok &= moet && !json_array_append_new(
						      moet, json_string(v->naam));
		}
		zet(pn, "enum", sleutels, &ok);
		zet(dan, "propertyNames", pn, &ok);
		if (json_object_size(dp))
			zet(dan, "properties", dp, &ok);
		else
			json_decref(dp);
		if (json_array_size(moet))
			zet(dan, "required", moet, &ok);
		else
			json_decref(moet);
		zet(een, "if", als, &ok);
		zet(een, "then", dan, &ok);
		ok &= alle && !json_array_append_new(alle, een);
	}
	zet(o, "allOf", alle, &ok);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

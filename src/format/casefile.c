/*
 * casefile.c - spoor-dossier/1 reader and writer (see casefile.h).
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"

/* Reader state: the error slot and the JSON path of the current node. */
struct rd {
	struct casefile_fout *f;
	char pad[CASEFILE_PAD_MAX];
	size_t plen;
};

static int
fail(struct rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
fail(struct rd *r, const char *fmt, ...)
{
	va_list ap;

	memcpy(r->f->pad, r->pad, r->plen + 1);
	va_start(ap, fmt);
	vsnprintf(r->f->reden, sizeof(r->f->reden), fmt, ap);
	va_end(ap);
	return CF_SCHEMA;
}

/* Append ".key" to the path; returns the old length for pop(). */
static size_t
push_key(struct rd *r, const char *key)
{
	size_t old = r->plen;
	int n = snprintf(r->pad + r->plen, sizeof(r->pad) - r->plen, ".%s",
			 key);

	if (n > 0)
		r->plen += (size_t)n < sizeof(r->pad) - r->plen
				   ? (size_t)n
				   : sizeof(r->pad) - r->plen - 1;
	return old;
}

static size_t
push_index(struct rd *r, size_t i)
{
	size_t old = r->plen;
	int n = snprintf(r->pad + r->plen, sizeof(r->pad) - r->plen, "[%zu]",
			 i);

	if (n > 0)
		r->plen += (size_t)n < sizeof(r->pad) - r->plen
				   ? (size_t)n
				   : sizeof(r->pad) - r->plen - 1;
	return old;
}

static void
pop(struct rd *r, size_t old)
{
	r->plen = old;
	r->pad[old] = '\0';
}

static const char *
typenaam(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "een object";
	case JSON_ARRAY: return "een lijst";
	case JSON_STRING: return "tekst";
	case JSON_INTEGER: return "een geheel getal";
	case JSON_REAL: return "een getal met decimalen";
	case JSON_TRUE:
	case JSON_FALSE: return "true/false";
	default: return "null";
	}
}

/* Reject keys of obj that are not in names[0..n). */
static int
only_keys(struct rd *r, json_t *obj, const char *const *names,
	  size_t n, uint32_t extra_bits)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		size_t i, ok = 0;

		for (i = 0; i < n && !ok; i++)
			ok = strcmp(key, names[i]) == 0;
		for (i = 0; i < GV__AANTAL && !ok; i++)
			ok = (extra_bits & gv_schema[i].bit) &&
			     strcmp(key, gv_schema[i].naam) == 0;
		if (!ok) {
			size_t old = push_key(r, key);
			int rc = fail(r, "onbekend veld '%s'", key);

			pop(r, old);
			return rc;
		}
	}
	return 0;
}

/*
 * Field getters. Each pushes the key onto the path while it checks, and
 * returns 0 (value stored, or absent when not required), or CF_SCHEMA.
 * *present tells whether the key was there (NULL allowed).
 */
static int
get_json(struct rd *r, json_t *obj, const char *key, int required,
	 json_t **out)
{
	json_t *v = json_object_get(obj, key);

	*out = v;
	if (!v && required) {
		size_t old = push_key(r, key);
		int rc = fail(r, "verplicht veld ontbreekt");

		pop(r, old);
		return rc;
	}
	*out = v;
	return 0;
}

static int
dup_str(struct rd *r, json_t *v, struct str *out)
{
	size_t len = json_string_length(v);

	if (len > CASEFILE_MAX_STRING)
		return fail(r, "tekst te lang (%zu bytes, maximaal %zu)", len,
			    CASEFILE_MAX_STRING);
	out->s = malloc(len + 1);
	if (!out->s)
		return CF_NOMEM;
	memcpy(out->s, json_string_value(v), len + 1);
	out->len = len;
	return 0;
}

static int
get_str(struct rd *r, json_t *obj, const char *key, int required,
	int nonempty, struct str *out)
{
	json_t *v;
	size_t old;
	int rc = get_json(r, obj, key, required, &v);

	if (rc || !v)
		return rc;
	old = push_key(r, key);
	if (!json_is_string(v))
		rc = fail(r, "verwacht tekst, kreeg %s", typenaam(v));
	else if (nonempty && json_string_length(v) == 0)
		rc = fail(r, "mag niet leeg zijn");
	else
		rc = dup_str(r, v, out);
	pop(r, old);
	return rc;
}

/* nullable: JSON null is accepted and gives DATE_NONE. */
static int
get_date(struct rd *r, json_t *obj, const char *key, int required,
	 int nullable, sdate *out)
{
	json_t *v;
	size_t old;
	int rc = get_json(r, obj, key, required, &v);

	if (rc || !v)
		return rc;
	old = push_key(r, key);
	if (nullable && json_is_null(v)) {
		*out = DATE_NONE;
	} else if (!json_is_string(v)) {
		rc = fail(r, "verwacht een datum (JJJJ-MM-DD), kreeg %s",
			  typenaam(v));
	} else {
		int prc = date_parse(json_string_value(v), json_string_length(v),
				     out);
		if (prc == -1)
			rc = fail(r, "verwacht een datum als JJJJ-MM-DD, kreeg "
				  "'%.40s'", json_string_value(v));
		else if (prc == -2)
			rc = fail(r, "ongeldige datum '%s' (bestaat niet of "
				  "ligt buiten %d..%d)", json_string_value(v),
				  DATE_MIN_YEAR, DATE_MAX_YEAR);
	}
	pop(r, old);
	return rc;
}

static int
get_bool(struct rd *r, json_t *obj, const char *key, int required,
	 uint8_t *out, int *present)
{
	json_t *v;
	size_t old;
	int rc = get_json(r, obj, key, required, &v);

	if (present)
		*present = v != NULL;
	if (rc || !v)
		return rc;
	old = push_key(r, key);
	if (!json_is_boolean(v))
		rc = fail(r, "verwacht true of false, kreeg %s", typenaam(v));
	else
		*out = json_is_true(v) ? 1 : 0;
	pop(r, old);
	return rc;
}

static int
get_int(struct rd *r, json_t *obj, const char *key, int required,
	json_int_t min, json_int_t max, json_int_t *out, int *present)
{
	json_t *v;
	size_t old;
	int rc = get_json(r, obj, key, required, &v);

	if (present)
		*present = v != NULL;
	if (rc || !v)
		return rc;
	old = push_key(r, key);
	if (!json_is_integer(v))
		rc = fail(r, "verwacht een geheel getal, kreeg %s", typenaam(v));
	else if (json_integer_value(v) < min || json_integer_value(v) > max)
		rc = fail(r, "%" JSON_INTEGER_FORMAT " ligt buiten het bereik "
			  "%" JSON_INTEGER_FORMAT "..%" JSON_INTEGER_FORMAT,
			  json_integer_value(v), min, max);
	else
		*out = json_integer_value(v);
	pop(r, old);
	return rc;
}

/* Hours per week with at most two decimals, kept in hundredths. */
static int
get_uren(struct rd *r, json_t *obj, const char *key, int32_t *out,
	 int *present)
{
	json_t *v;
	size_t old;
	int rc = get_json(r, obj, key, 0, &v);

	*present = v != NULL;
	if (rc || !v)
		return rc;
	old = push_key(r, key);
	if (json_is_integer(v)) {
		json_int_t h = json_integer_value(v);

		if (h < 0 || h > 168)
			rc = fail(r, "%" JSON_INTEGER_FORMAT " uur ligt buiten "
				  "het bereik 0..168", h);
		else
			*out = (int32_t)(h * 100);
	} else if (json_is_real(v)) {
		/* the only floating point: converting the JSON number once */
		double x = json_real_value(v) * 100.0;
		double rx = nearbyint(x);

		if (!(rx >= 0.0 && rx <= 16800.0))
			rc = fail(r, "%g uur ligt buiten het bereik 0..168",
				  json_real_value(v));
		else if (fabs(x - rx) > 1e-6)
			rc = fail(r, "maximaal twee decimalen toegestaan");
		else
			*out = (int32_t)rx;
	} else {
		rc = fail(r, "verwacht een getal, kreeg %s", typenaam(v));
	}
	pop(r, old);
	return rc;
}

static int
get_enum(struct rd *r, json_t *obj, const char *key, int required,
	 const char *const *names, int n, uint8_t *out, int *present)
{
	json_t *v;
	size_t old;
	int rc = get_json(r, obj, key, required, &v), idx;

	if (present)
		*present = v != NULL;
	if (rc || !v)
		return rc;
	old = push_key(r, key);
	if (!json_is_string(v)) {
		rc = fail(r, "verwacht tekst, kreeg %s", typenaam(v));
	} else {
		idx = naam_index(names, n, json_string_value(v),
				 json_string_length(v));
		if (idx < 0)
			rc = fail(r, "onbekende waarde '%.60s'",
				  json_string_value(v));
		else
			*out = (uint8_t)idx;
	}
	pop(r, old);
	return rc;
}

static int
expect_object(struct rd *r, json_t *v)
{
	if (!json_is_object(v))
		return fail(r, "verwacht een object, kreeg %s", typenaam(v));
	return 0;
}

static int
get_object(struct rd *r, json_t *obj, const char *key, json_t **out,
	   size_t *old)
{
	int rc = get_json(r, obj, key, 1, out);

	if (rc)
		return rc;
	*old = push_key(r, key);
	rc = expect_object(r, *out);
	if (rc)
		pop(r, *old);
	return rc;
}

static int
lees_werkgever(struct rd *r, json_t *root, struct dossier *d)
{
	static const char *const keys[] = {"id", "naam",
					   "eigenrisicodrager_wga",
					   "eigenrisicodrager_zw"};
	json_t *o;
	size_t old;
	uint8_t erd = 0, erd_zw = 0;
	int rc = get_object(r, root, "werkgever", &o, &old);

	if (rc)
		return rc;
	if (!(rc = only_keys(r, o, keys, 4, 0)) &&
	    !(rc = get_str(r, o, "id", 1, 1, &d->werkgever_id)) &&
	    !(rc = get_str(r, o, "naam", 1, 1, &d->werkgever_naam)) &&
	    !(rc = get_bool(r, o, "eigenrisicodrager_wga", 0, &erd, NULL)) &&
	    !(rc = get_bool(r, o, "eigenrisicodrager_zw", 0, &erd_zw, NULL))) {
		d->eigenrisicodrager_wga = erd;
		d->eigenrisicodrager_zw = erd_zw;
	}
	pop(r, old);
	return rc;
}

static int
lees_werknemer(struct rd *r, json_t *root, struct dossier *d)
{
	static const char *const keys[] = {"id", "naam", "geboortedatum",
					   "bsn"};
	json_t *o;
	size_t old;
	int rc = get_object(r, root, "werknemer", &o, &old);

	if (rc)
		return rc;
	if (!(rc = only_keys(r, o, keys, 4, 0)) &&
	    !(rc = get_str(r, o, "id", 1, 1, &d->werknemer_id)) &&
	    !(rc = get_str(r, o, "naam", 1, 1, &d->werknemer_naam)) &&
	    !(rc = get_date(r, o, "geboortedatum", 0, 0, &d->geboortedatum)) &&
	    !(rc = get_str(r, o, "bsn", 0, 0, &d->bsn)) && d->bsn.s &&
	    !bsn_valid(d->bsn.s, d->bsn.len)) {
		size_t o2 = push_key(r, "bsn");

		rc = fail(r, "geen geldig BSN (9 cijfers en de elfproef)");
		pop(r, o2);
	}
	pop(r, old);
	return rc;
}

static int
lees_ldb(struct rd *r, json_t *dv, struct dossier *d)
{
	static const char *const keys[] = {"tot_en_met_week", "procent"};
	json_t *a = json_object_get(dv, "loondoorbetaling"), *e;
	size_t old, i, o2;
	int rc = 0;

	if (!a)
		return 0;
	old = push_key(r, "loondoorbetaling");
	d->has_ldb = 1;
	if (!json_is_array(a)) {
		rc = fail(r, "verwacht een lijst, kreeg %s", typenaam(a));
		goto out;
	}
	if (json_array_size(a) > 16) {
		rc = fail(r, "te veel treden (maximaal 16)");
		goto out;
	}
	d->ldb = calloc(json_array_size(a) + 1, sizeof(*d->ldb));
	if (!d->ldb) {
		rc = CF_NOMEM;
		goto out;
	}
	json_array_foreach(a, i, e) {
		json_int_t w = 0, p = 0;

		o2 = push_index(r, i);
		if ((rc = expect_object(r, e)) ||
		    (rc = only_keys(r, e, keys, 2, 0)) ||
		    (rc = get_int(r, e, "tot_en_met_week", 1, 1, 156, &w,
				  NULL)) ||
		    (rc = get_int(r, e, "procent", 1, 0, 100, &p, NULL)))
			goto out;
		if (i > 0 && w <= d->ldb[i - 1].tot_en_met_week) {
			size_t o3 = push_key(r, "tot_en_met_week");

			rc = fail(r, "weken moeten oplopen (vorige trede: %d)",
				  d->ldb[i - 1].tot_en_met_week);
			pop(r, o3);
			goto out;
		}
		d->ldb[i].tot_en_met_week = (int32_t)w;
		d->ldb[i].procent = (int32_t)p;
		d->nldb = i + 1;
		pop(r, o2);
	}
out:
	pop(r, old);
	return rc;
}

static int
lees_dienstverband(struct rd *r, json_t *root, struct dossier *d)
{
	static const char *const keys[] = {
		"begindatum", "einddatum", "soort", "functie",
		"uren_per_week", "maandloon_cent", "loondoorbetaling",
	};
	json_t *o;
	size_t old;
	json_int_t loon = 0;
	int present = 0, rc = get_object(r, root, "dienstverband", &o, &old);

	if (rc)
		return rc;
	if ((rc = only_keys(r, o, keys, 7, 0)) ||
	    (rc = get_date(r, o, "begindatum", 1, 0, &d->begindatum)) ||
	    (rc = get_date(r, o, "einddatum", 0, 1, &d->einddatum)) ||
	    (rc = get_enum(r, o, "soort", 1, contract_naam, 2, &d->contract,
			   NULL)) ||
	    (rc = get_str(r, o, "functie", 0, 0, &d->functie)))
		goto out;
	if ((rc = get_uren(r, o, "uren_per_week", &d->uren_honderdsten,
			   &present)))
		goto out;
	if (!present)
		d->uren_honderdsten = -1;
	/* up to EUR 10 million a month: far beyond any wage */
	if ((rc = get_int(r, o, "maandloon_cent", 0, 0, 1000000000, &loon,
			  &present)))
		goto out;
	d->maandloon_cent = present ? loon : -1;
	if (d->einddatum != DATE_NONE && d->einddatum < d->begindatum) {
		size_t o2 = push_key(r, "einddatum");

		rc = fail(r, "ligt voor de begindatum");
		pop(r, o2);
		goto out;
	}
	rc = lees_ldb(r, o, d);
out:
	pop(r, old);
	return rc;
}

/* One verzuim mutation; prev is the one before it (NULL: none), whose
 * date it must follow. */
static int
lees_mutatie(struct rd *r, json_t *e, const struct verzuim_mutatie *prev,
	     struct verzuim_mutatie *m)
{
	static const char *const keys[] = {"datum", "soort", "percentage"};
	json_int_t pct = 0;
	int has_pct = 0, rc;

	if ((rc = expect_object(r, e)) ||
	    (rc = only_keys(r, e, keys, 3, 0)) ||
	    (rc = get_date(r, e, "datum", 1, 0, &m->datum)) ||
	    (rc = get_enum(r, e, "soort", 1, verzuim_soort_naam, VZ__COUNT,
			   &m->soort, NULL)) ||
	    (rc = get_int(r, e, "percentage", m->soort == VZ_ZIEK, 1, 100,
			  &pct, &has_pct)))
		return rc;
	if (has_pct && m->soort != VZ_ZIEK) {
		size_t o3 = push_key(r, "percentage");

		rc = fail(r, "alleen toegestaan bij soort 'ziek'");
		pop(r, o3);
		return rc;
	}
	m->percentage = (uint8_t)pct;
	if (prev && m->datum <= prev->datum) {
		char vorige[DATE_STRLEN];
		size_t o3 = push_key(r, "datum");

		date_format(prev->datum, vorige);
		rc = fail(r, "mutaties moeten op datum oplopen (vorige: %s)",
			  vorige);
		pop(r, o3);
		return rc;
	}
	return 0;
}

static int
lees_verzuim(struct rd *r, json_t *root, struct dossier *d)
{
	json_t *a, *e;
	size_t old, i;
	int rc = get_json(r, root, "verzuim", 1, &a);

	if (rc)
		return rc;
	old = push_key(r, "verzuim");
	if (!json_is_array(a)) {
		rc = fail(r, "verwacht een lijst, kreeg %s", typenaam(a));
		goto out;
	}
	if (json_array_size(a) > CASEFILE_MAX_VERZUIM) {
		rc = fail(r, "te veel mutaties (maximaal %u)",
			  CASEFILE_MAX_VERZUIM);
		goto out;
	}
	d->verzuim = calloc(json_array_size(a) + 1, sizeof(*d->verzuim));
	if (!d->verzuim) {
		rc = CF_NOMEM;
		goto out;
	}
	json_array_foreach(a, i, e) {
		size_t o2 = push_index(r, i);

		if ((rc = lees_mutatie(r, e, i > 0 ? &d->verzuim[i - 1] : NULL,
				       &d->verzuim[i])))
			goto out;
		d->nverzuim = i + 1;
		pop(r, o2);
	}
out:
	pop(r, old);
	return rc;
}

/* FML item codes: rubriek I..VI, a dot, item number 1..99. */
static int
itemcode_geldig(const struct str *c)
{
	static const char *const rubriek[] = {"I", "II", "III", "IV", "V",
					      "VI"};
	const char *dot = c->s ? memchr(c->s, '.', c->len) : NULL;
	size_t n;

	if (!dot || naam_index(rubriek, 6, c->s, (size_t)(dot - c->s)) < 0)
		return 0;
	n = c->len - (size_t)(dot - c->s) - 1;
	return n >= 1 && n <= 2 && strspn(dot + 1, "0123456789") == n;
}

static int
lees_items(struct rd *r, json_t *ev, struct gebeurtenis *g)
{
	static const char *const keys[] = {"code", "niveau", "toelichting"};
	json_t *a = json_object_get(ev, "items"), *e;
	size_t old, i;
	int rc = 0;

	if (!a)
		return 0;
	old = push_key(r, "items");
	if (!json_is_array(a)) {
		rc = fail(r, "verwacht een lijst, kreeg %s", typenaam(a));
		goto out;
	}
	if (json_array_size(a) > CASEFILE_MAX_ITEMS) {
		rc = fail(r, "te veel items (maximaal %u)", CASEFILE_MAX_ITEMS);
		goto out;
	}
	g->items = calloc(json_array_size(a) + 1, sizeof(*g->items));
	if (!g->items) {
		rc = CF_NOMEM;
		goto out;
	}
	json_array_foreach(a, i, e) {
		struct belastbaar_item *it = &g->items[i];
		size_t o2 = push_index(r, i);
		json_int_t niv = 0;

		g->nitems = i + 1;
		if ((rc = expect_object(r, e)) ||
		    (rc = only_keys(r, e, keys, 3, 0)) ||
		    (rc = get_str(r, e, "code", 1, 1, &it->code)) ||
		    (rc = get_int(r, e, "niveau", 1, 0, 9, &niv, NULL)) ||
		    (rc = get_str(r, e, "toelichting", 0, 0, &it->toelichting)))
			goto out;
		it->niveau = (int32_t)niv;
		if (!itemcode_geldig(&it->code)) {
			size_t o3 = push_key(r, "code");

			rc = fail(r, "ongeldige itemcode '%.20s' (verwacht "
				  "bijvoorbeeld 'IV.13')", it->code.s);
			pop(r, o3);
			goto out;
		}
		pop(r, o2);
	}
out:
	pop(r, old);
	return rc;
}

/* The extra fields of the entry's type, as gv_schema describes them, in
 * the reader's order (gv_leesvolgorde). */
static int
lees_extra(struct rd *r, json_t *e, struct gebeurtenis *g)
{
	uint32_t allowed = gb_velden[g->soort], need = gb_verplicht[g->soort];
	size_t k;

	for (k = 0; k < GV__AANTAL; k++) {
		const struct gv_schema *v = &gv_schema[gv_leesvolgorde[k]];
		unsigned char *plek = (unsigned char *)g + v->plek;
		int req = (need & v->bit) != 0, p = 0, rc = 0;
		json_int_t getal = 0;

		if (!(allowed & v->bit))
			continue;
		switch (v->soort) {
		case GVS_BOOL:
			rc = get_bool(r, e, v->naam, req, plek, &p);
			break;
		case GVS_ENUM:
			rc = get_enum(r, e, v->naam, req, v->waarden,
				      v->nwaarden, plek, &p);
			break;
		case GVS_UREN:
			rc = get_uren(r, e, v->naam, (int32_t *)(void *)plek,
				      &p);
			break;
		case GVS_GETAL:
			rc = get_int(r, e, v->naam, req, v->min, v->max, &getal,
				     &p);
			if (!rc && p)
				*(int32_t *)(void *)plek = (int32_t)getal;
			break;
		case GVS_DATUM:
			rc = get_date(r, e, v->naam, req, 0,
				      (sdate *)(void *)plek);
			p = json_object_get(e, v->naam) != NULL;
			break;
		case GVS_TEKST:
			rc = get_str(r, e, v->naam, req, 0,
				     (struct str *)(void *)plek);
			p = ((struct str *)(void *)plek)->s != NULL;
			break;
		case GVS_ITEMS:
			rc = lees_items(r, e, g);
			p = json_object_get(e, v->naam) != NULL;
			break;
		default:
			break;
		}
		if (rc)
			return rc;
		if (p)
			g->velden |= v->bit;
	}
	return 0;
}

static int
lees_gebeurtenis(struct rd *r, json_t *e, struct gebeurtenis *g)
{
	static const char *const keys[] = {"soort", "datum", "zichtbaarheid",
					   "tekst", "auteur", "id",
					   "corrigeert"};
	int rc;

	g->tot = g->verwachte_terugkeer = g->uiterste_aanvraagdatum = DATE_NONE;
	if ((rc = expect_object(r, e)) ||
	    (rc = get_enum(r, e, "soort", 1, gb_soort_naam, GB__COUNT,
			   &g->soort, NULL)) ||
	    (rc = only_keys(r, e, keys, 7, gb_velden[g->soort])) ||
	    (rc = get_date(r, e, "datum", 1, 0, &g->datum)) ||
	    (rc = get_enum(r, e, "zichtbaarheid", 0, zichtbaarheid_naam, 3,
			   &g->zichtbaarheid, NULL)) ||
	    (rc = get_str(r, e, "tekst", 0, 0, &g->tekst)) ||
	    (rc = get_str(r, e, "auteur", 0, 0, &g->auteur)) ||
	    (rc = get_str(r, e, "id", 0, 1, &g->id)) ||
	    (rc = get_str(r, e, "corrigeert", 0, 1, &g->corrigeert)))
		return rc;
	return lees_extra(r, e, g);
}

static int
lees_gebeurtenissen(struct rd *r, json_t *root, struct dossier *d)
{
	json_t *a = json_object_get(root, "gebeurtenissen"), *e;
	size_t old, i, err = 0;
	int rc = 0;

	if (!a)
		return 0;
	old = push_key(r, "gebeurtenissen");
	if (!json_is_array(a)) {
		rc = fail(r, "verwacht een lijst, kreeg %s", typenaam(a));
		goto out;
	}
	if (json_array_size(a) > CASEFILE_MAX_GEBEURTENISSEN) {
		rc = fail(r, "te veel gebeurtenissen (maximaal %u)",
			  CASEFILE_MAX_GEBEURTENISSEN);
		goto out;
	}
	d->gb = calloc(json_array_size(a) + 1, sizeof(*d->gb));
	if (!d->gb) {
		rc = CF_NOMEM;
		goto out;
	}
	json_array_foreach(a, i, e) {
		size_t o2 = push_index(r, i);

		d->ngb = i + 1;
		if ((rc = lees_gebeurtenis(r, e, &d->gb[i])))
			goto out;
		pop(r, o2);
	}
	rc = dossier_link(d, &err);
	if (rc) {
		size_t o2 = push_index(r, err);
		size_t o3 = push_key(r, rc == -1 ? "id" : "corrigeert");

		rc = rc == -1
			? fail(r, "id '%.40s' komt vaker voor",
			       d->gb[err].id.s)
			: fail(r, "verwijst naar onbekend (eerder) id '%.40s'",
			       d->gb[err].corrigeert.s);
		pop(r, o3);
		pop(r, o2);
	}
out:
	pop(r, old);
	return rc;
}

static int
lees_root(struct rd *r, json_t *root, struct dossier *d)
{
	static const char *const keys[] = {
		"formaat", "dossier_id", "werkgever", "werknemer",
		"dienstverband", "vangnet", "verzuim", "gebeurtenissen",
	};
	json_t *v;
	size_t old;
	int rc;

	if ((rc = expect_object(r, root)) ||
	    (rc = only_keys(r, root, keys, 8, 0)) ||
	    (rc = get_json(r, root, "formaat", 1, &v)))
		return rc;
	if (!json_is_string(v) ||
	    strcmp(json_string_value(v), CASEFILE_FORMAAT) != 0) {
		old = push_key(r, "formaat");
		rc = fail(r, "verwacht \"%s\"", CASEFILE_FORMAAT);
		pop(r, old);
		return rc;
	}
	if ((rc = get_str(r, root, "dossier_id", 1, 1, &d->dossier_id)) ||
	    (rc = lees_werkgever(r, root, d)) ||
	    (rc = lees_werknemer(r, root, d)) ||
	    (rc = lees_dienstverband(r, root, d)))
		return rc;
	v = json_object_get(root, "vangnet");
	if (v && !json_is_null(v) &&
	    (rc = get_enum(r, root, "vangnet", 0, vangnet_naam + 1, 3,
			   &d->vangnet, NULL)))
		return rc;
	if (v && !json_is_null(v))
		d->vangnet++; /* vangnet_naam[0] is "geen" */
	if ((rc = lees_verzuim(r, root, d)))
		return rc;
	return lees_gebeurtenissen(r, root, d);
}

/*
 * Jansson reports a duplicate key by byte position only. The text up to
 * that position parsed cleanly, so a scan of brackets, commas, colons and
 * strings recovers the JSON path of the key: each open container is a
 * frame holding its current key (objects) or index (arrays). The key
 * appears as written in the file, escapes included. Nesting deeper than
 * DUP_DIEPTE (the case file has four levels) keeps the outer path.
 */
#define DUP_DIEPTE 16

struct dup_frame {
	int is_obj, want_key;
	size_t index, key, keylen;
};

static void
dubbel_pad(const char *buf, size_t pos, struct casefile_fout *fout)
{
	struct dup_frame st[DUP_DIEPTE];
	size_t depth = 0, i = 0, n, k, plen;
	int dropped = 0;

	memset(st, 0, sizeof(st));
	while (i < pos) {
		char c = buf[i++];
		struct dup_frame *top = depth ? &st[depth - 1] : NULL;

		if (c == '{' || c == '[') {
			if (depth == DUP_DIEPTE) {
				dropped++;
				continue;
			}
			st[depth].is_obj = c == '{';
			st[depth].want_key = c == '{';
			st[depth].index = 0;
			st[depth].keylen = 0;
			depth++;
		} else if (c == '}' || c == ']') {
			if (dropped)
				dropped--;
			else if (depth)
				depth--;
		} else if (c == ',' && top && !dropped) {
			top->index++;
			top->want_key = top->is_obj;
		} else if (c == ':' && top && !dropped) {
			top->want_key = 0;
		} else if (c == '"') {
			size_t start = i;

			while (i < pos && buf[i] != '"')
				i += buf[i] == '\\' ? 2 : 1;
			if (top && !dropped && top->is_obj && top->want_key) {
				top->key = start;
				top->keylen = (i < pos ? i : pos) - start;
			}
			i++;
		}
	}
	plen = 0;
	fout->pad[plen++] = '$';
	for (k = 0; k < depth; k++) {
		char tmp[24];
		const char *src = tmp;

		if (st[k].is_obj) {
			if (plen + 1 < CASEFILE_PAD_MAX)
				fout->pad[plen++] = '.';
			src = buf + st[k].key;
			n = st[k].keylen;
		} else {
			n = (size_t)snprintf(tmp, sizeof(tmp), "[%zu]",
					     st[k].index);
		}
		if (n > CASEFILE_PAD_MAX - 1 - plen)
			n = CASEFILE_PAD_MAX - 1 - plen;
		memcpy(fout->pad + plen, src, n);
		plen += n;
	}
	fout->pad[plen] = '\0';
}

int
casefile_lees(const char *buf, size_t len, struct dossier *out,
	      struct casefile_fout *fout)
{
	struct rd r;
	json_error_t jerr;
	json_t *root;
	struct dossier d;
	int rc;

	fout->pad[0] = '\0';
	fout->reden[0] = '\0';
	if (len > CASEFILE_MAX_BYTES) {
		snprintf(fout->reden, sizeof(fout->reden),
			 "document te groot (%zu bytes, maximaal %zu)", len,
			 CASEFILE_MAX_BYTES);
		return CF_SYNTAX;
	}
	/* JSON_DECODE_ANY: a document that is valid JSON but not an object
	 * gets the schema error "$: verwacht een object" from lees_root. */
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY,
			  &jerr);
	if (!root && json_error_code(&jerr) == json_error_duplicate_key &&
	    jerr.position > 0 && (size_t)jerr.position <= len) {
		dubbel_pad(buf, (size_t)jerr.position, fout);
		snprintf(fout->reden, sizeof(fout->reden),
			 "sleutel komt twee keer voor (regel %d)", jerr.line);
		return CF_SCHEMA;
	}
	if (!root) {
		snprintf(fout->reden, sizeof(fout->reden),
			 "geen geldige JSON op regel %d, kolom %d: %s",
			 jerr.line, jerr.column, jerr.text);
		return CF_SYNTAX;
	}
	r.f = fout;
	strcpy(r.pad, "$");
	r.plen = 1;
	dossier_init(&d);
	rc = lees_root(&r, root, &d);
	json_decref(root);
	if (rc) {
		if (rc == CF_NOMEM)
			snprintf(fout->reden, sizeof(fout->reden),
				 "onvoldoende geheugen");
		dossier_release(&d);
		return rc;
	}
	*out = d;
	return CF_OK;
}

/* A reader at the root of a document or of one entry. */
static void
rd_init(struct rd *r, struct casefile_fout *fout)
{
	fout->pad[0] = '\0';
	fout->reden[0] = '\0';
	r->f = fout;
	strcpy(r->pad, "$");
	r->plen = 1;
}

int
casefile_lees_tree(json_t *root, struct dossier *out,
		   struct casefile_fout *fout)
{
	struct rd r;
	struct dossier d;
	int rc;

	rd_init(&r, fout);
	dossier_init(&d);
	rc = lees_root(&r, root, &d);
	if (rc) {
		if (rc == CF_NOMEM)
			snprintf(fout->reden, sizeof(fout->reden),
				 "onvoldoende geheugen");
		dossier_release(&d);
		return rc;
	}
	*out = d;
	return CF_OK;
}

int
casefile_gebeurtenis_lees(json_t *e, struct gebeurtenis *out,
			  struct casefile_fout *fout)
{
	struct rd r;
	struct gebeurtenis g;
	int rc;

	rd_init(&r, fout);
	memset(&g, 0, sizeof(g));
	rc = lees_gebeurtenis(&r, e, &g);
	if (rc) {
		if (rc == CF_NOMEM)
			snprintf(fout->reden, sizeof(fout->reden),
				 "onvoldoende geheugen");
		gebeurtenis_release(&g);
		return rc;
	}
	*out = g;
	return CF_OK;
}

int
casefile_verzuim_lees(json_t *e, const struct verzuim_mutatie *prev,
		      struct verzuim_mutatie *out, struct casefile_fout *fout)
{
	struct rd r;
	struct verzuim_mutatie m;
	int rc;

	rd_init(&r, fout);
	memset(&m, 0, sizeof(m));
	if ((rc = lees_mutatie(&r, e, prev, &m)))
		return rc;
	*out = m;
	return CF_OK;
}

/*
 * ---- the fast decoder of stored entries ----
 *
 * Loading a case decodes every stored entry; with jansson and the reader
 * that was about half the time of a load (bench/append, issue 13). The
 * store keeps each entry as the canonical text casefile_gebeurtenis_json
 * writes, after the reader accepted it; this decoder reads exactly that
 * form (compact, "soort" first, the keys of the schema) straight into a
 * struct gebeurtenis. Anything else - whitespace, an unknown or repeated
 * key, an escape it does not know, a number out of its form - is
 * CF_SCHEMA, and the caller reads the text with the full reader instead;
 * so it never accepts a text the reader would read differently
 * (tests/unit/test_casefile.c compares both on every entry of the test
 * data, and the fuzz target fuzz_entry on any bytes).
 */
struct snel {
	const char *p, *end;
	int zicht;   /* "zichtbaarheid" was read (a second is refused) */
};

static int
snel_is(struct snel *k, char c)
{
	if (k->p < k->end && *k->p == c) {
		k->p++;
		return 1;
	}
	return 0;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
snel_hex4(struct snel *k, unsigned *out)
{
	unsigned v = 0;
	int i, h;

	if (k->end - k->p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((h = hexval(k->p[i])) < 0)
			return -1;
		v = v * 16 + (unsigned)h;
	}
	k->p += 4;
	*out = v;
	return 0;
}

/* The length of the valid UTF-8 sequence of at most n bytes at p that
 * starts with a byte >= 0x80, or 0 (RFC 3629: no overlong form, no
 * surrogate, nothing beyond U+10FFFF). */
static size_t
utf8_lengte(const unsigned char *p, size_t n)
{
	unsigned cp;
	size_t len, i;

	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		len = 2;
		cp = p[0] & 0x1Fu;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3;
		cp = p[0] & 0x0Fu;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4;
		cp = p[0] & 0x07u;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0u) != 0x80u)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3Fu);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

/* A JSON string at k->p into *out (malloc'd, NUL-terminated). 0, -1 for
 * a form it does not know, -2 out of memory. */
static int
snel_tekst(struct snel *k, struct str *out)
{
	const char *q = k->p + 1, *e;
	char *buf, *w;

	if (k->p >= k->end || *k->p != '"')
		return -1;
	/* the length bounds the decoded length (escapes only shrink) */
	for (e = q; e < k->end && *e != '"'; e++)
		if (*e == '\\' && ++e >= k->end)
			return -1;
	if (e >= k->end || (size_t)(e - q) > CASEFILE_MAX_STRING)
		return -1;
	if (!(buf = malloc((size_t)(e - q) + 1)))
		return -2;
	for (w = buf; q < e; q++) {
		unsigned char c = (unsigned char)*q;
		unsigned u, lo;

		if (c < 0x20)
			goto vreemd;
		if (c >= 0x80) {
			/* jansson refuses invalid UTF-8 (overlong forms,
			 * surrogates, beyond U+10FFFF): so does this */
			size_t n = utf8_lengte((const unsigned char *)q,
					       (size_t)(e - q));

			if (!n)
				goto vreemd;
			memcpy(w, q, n);
			w += n;
			q += n - 1;
			continue;
		}
		if (c != '\\') {
			*w++ = (char)c;
			continue;
		}
		switch (*++q) {
		case '"': *w++ = '"'; break;
		case '\\': *w++ = '\\'; break;
		case '/': *w++ = '/'; break;
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'u':
			k->p = q + 1;
			if (snel_hex4(k, &u))
				goto vreemd;
			q = k->p - 1;
			if (u == 0 || (u >= 0xDC00 && u <= 0xDFFF))
				goto vreemd;
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (q + 2 >= e || q[1] != '\\' || q[2] != 'u')
					goto vreemd;
				k->p = q + 3;
				if (snel_hex4(k, &lo) || lo < 0xDC00 ||
				    lo > 0xDFFF)
					goto vreemd;
				q = k->p - 1;
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00);
			}
			if (u < 0x80) {
				*w++ = (char)u;
			} else if (u < 0x800) {
				*w++ = (char)(0xC0 | (u >> 6));
				*w++ = (char)(0x80 | (u & 0x3F));
			} else if (u < 0x10000) {
				*w++ = (char)(0xE0 | (u >> 12));
				*w++ = (char)(0x80 | ((u >> 6) & 0x3F));
				*w++ = (char)(0x80 | (u & 0x3F));
			} else {
				*w++ = (char)(0xF0 | (u >> 18));
				*w++ = (char)(0x80 | ((u >> 12) & 0x3F));
				*w++ = (char)(0x80 | ((u >> 6) & 0x3F));
				*w++ = (char)(0x80 | (u & 0x3F));
			}
			break;
		default:
			goto vreemd;
		}
	}
	*w = '\0';
	out->s = buf;
	out->len = (size_t)(w - buf);
	k->p = e + 1;
	return 0;
vreemd:
	free(buf);
	return -1;
}

/* A key: a string without escapes, then ':'. */
static int
snel_sleutel(struct snel *k, const char **key, size_t *len)
{
	const char *q;

	if (!snel_is(k, '"'))
		return -1;
	for (q = k->p; q < k->end && *q != '"'; q++)
		if (*q == '\\' || (unsigned char)*q < 0x20)
			return -1;
	if (q >= k->end)
		return -1;
	*key = k->p;
	*len = (size_t)(q - k->p);
	k->p = q + 1;
	return snel_is(k, ':') ? 0 : -1;
}

static int
snel_woord(struct snel *k, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(k->end - k->p) < n || memcmp(k->p, w, n) != 0)
		return -1;
	k->p += n;
	return 0;
}

/* An unsigned integer of at most 9 digits, no leading zero. */
static int
snel_getal(struct snel *k, int32_t *out)
{
	int32_t v = 0;
	int n = 0;

	if (k->p < k->end && *k->p == '0' && k->p + 1 < k->end &&
	    k->p[1] >= '0' && k->p[1] <= '9')
		return -1;
	while (k->p < k->end && *k->p >= '0' && *k->p <= '9' && n < 9) {
		v = v * 10 + (*k->p++ - '0');
		n++;
	}
	if (n == 0 || (k->p < k->end && *k->p >= '0' && *k->p <= '9'))
		return -1;
	*out = v;
	return 0;
}

/* A string naming one of names (names have no escapes: one with a
 * backslash is none of them). */
static int
snel_enum(struct snel *k, const char *const *names, int n, uint8_t *out)
{
	const char *q, *t = k->p + 1;
	size_t len;
	int i;

	if (k->p >= k->end || *k->p != '"')
		return -1;
	/* names are plain words: a backslash or a control byte is none */
	for (q = t; q < k->end && *q != '"' && *q != '\\' &&
		    (unsigned char)*q >= 0x20; q++)
		;
	if (q >= k->end || *q != '"')
		return -1;
	len = (size_t)(q - t);
	for (i = 0; i < n; i++)
		if (names[i][0] == (len ? t[0] : '\0') &&
		    strlen(names[i]) == len && memcmp(names[i], t, len) == 0)
			break;
	if (i == n)
		return -1;
	*out = (uint8_t)i;
	k->p = q + 1;
	return 0;
}

static int
snel_datum(struct snel *k, sdate *out)
{
	if (k->end - k->p < 12 || k->p[0] != '"' || k->p[11] != '"' ||
	    date_parse(k->p + 1, 10, out) != 0)
		return -1;
	k->p += 12;
	return 0;
}

/* Hours as the writer prints them: an integer, or one or two decimals
 * (juren). */
static int
snel_uren(struct snel *k, int32_t *out)
{
	int32_t h, d = 0;

	if (snel_getal(k, &h) || h > 168)
		return -1;
	if (snel_is(k, '.')) {
		if (k->p >= k->end || *k->p < '0' || *k->p > '9')
			return -1;
		d = (*k->p++ - '0') * 10;
		if (k->p < k->end && *k->p >= '0' && *k->p <= '9')
			d += *k->p++ - '0';
		if (d == 0 || (k->p < k->end && *k->p >= '0' && *k->p <= '9'))
			return -1;
	}
	if (h * 100 + d > 16800)
		return -1;
	*out = h * 100 + d;
	return 0;
}

static int
snel_items(struct snel *k, struct gebeurtenis *g)
{
	size_t cap = 8;

	if (!snel_is(k, '['))
		return -1;
	if (!(g->items = calloc(cap + 1, sizeof(*g->items))))
		return -2;
	if (snel_is(k, ']'))
		return 0;
	do {
		struct belastbaar_item *it;
		const char *key;
		size_t len;
		int rc;

		if (g->nitems == CASEFILE_MAX_ITEMS)
			return -1;
		if (g->nitems == cap) {
			struct belastbaar_item *n2 = realloc(
				g->items, (cap * 2 + 1) * sizeof(*n2));

			if (!n2)
				return -2;
			memset(n2 + cap, 0, (cap + 1) * sizeof(*n2));
			g->items = n2;
			cap *= 2;
		}
		it = &g->items[g->nitems++];
		if (!snel_is(k, '{') || snel_sleutel(k, &key, &len) ||
		    len != 4 || memcmp(key, "code", 4) != 0)
			return -1;
		if ((rc = snel_tekst(k, &it->code)) != 0)
			return rc;
		if (!itemcode_geldig(&it->code))
			return -1;
		if (!snel_is(k, ',') || snel_sleutel(k, &key, &len) ||
		    len != 6 || memcmp(key, "niveau", 6) != 0 ||
		    snel_getal(k, &it->niveau) || it->niveau > 9)
			return -1;
		if (snel_is(k, ',')) {
			if (snel_sleutel(k, &key, &len) || len != 11 ||
			    memcmp(key, "toelichting", 11) != 0)
				return -1;
			if ((rc = snel_tekst(k, &it->toelichting)) != 0)
				return rc;
		}
		if (!snel_is(k, '}'))
			return -1;
	} while (snel_is(k, ','));
	return snel_is(k, ']') ? 0 : -1;
}

/* One key of the entry and its value. */
static int
snel_veld(struct snel *k, struct gebeurtenis *g, const char *key, size_t len)
{
	static const char *const basis[] = {"datum", "id", "corrigeert",
					     "zichtbaarheid", "auteur",
					     "tekst"};
	struct str *doel = NULL;
	size_t i;

	switch (naam_index(basis, 6, key, len)) {
	case 0:
		return g->datum != DATE_NONE ? -1 : snel_datum(k, &g->datum);
	case 1: doel = &g->id; break;
	case 2: doel = &g->corrigeert; break;
	case 3:
		if (k->zicht++)
			return -1;
		return snel_enum(k, zichtbaarheid_naam, 3, &g->zichtbaarheid);
	case 4: doel = &g->auteur; break;
	case 5: doel = &g->tekst; break;
	default:
		break;
	}
	if (doel) {
		int rc = doel->s ? -1 : snel_tekst(k, doel);

		/* id and corrigeert may not be empty (the reader's rule) */
		if (!rc && doel->len == 0 && (doel == &g->id ||
					      doel == &g->corrigeert))
			rc = -1;
		return rc;
	}
	for (i = 0; i < GV__AANTAL; i++) {
		const struct gv_schema *v = &gv_schema[i];
		unsigned char *plek = (unsigned char *)g + v->plek;
		int rc;

		if (!(gb_velden[g->soort] & v->bit) || v->naam[0] != key[0] ||
		    strlen(v->naam) != len || memcmp(v->naam, key, len) != 0)
			continue;
		if (g->velden & v->bit)
			return -1;
		g->velden |= v->bit;
		switch (v->soort) {
		case GVS_BOOL:
			if (!snel_woord(k, "true"))
				*plek = 1;
			else if (!snel_woord(k, "false"))
				*plek = 0;
			else
				return -1;
			/* plek is a field of g by the schema's offsetof, never
			 * the items pointer an earlier key set */
			return 0; /* NOLINT(clang-analyzer-unix.Malloc) */
		case GVS_ENUM:
			return snel_enum(k, v->waarden, v->nwaarden, plek);
		case GVS_DATUM:
			return snel_datum(k, (sdate *)(void *)plek);
		case GVS_TEKST:
			rc = snel_tekst(k, (struct str *)(void *)plek);
			return rc;
		case GVS_UREN:
			return snel_uren(k, (int32_t *)(void *)plek);
		case GVS_GETAL:
			if (snel_getal(k, (int32_t *)(void *)plek) ||
			    *(int32_t *)(void *)plek < v->min ||
			    *(int32_t *)(void *)plek > v->max)
				return -1;
			return 0;
		case GVS_ITEMS:
			return snel_items(k, g);
		default:
			return -1;
		}
	}
	return -1;
}

int
casefile_gebeurtenis_snel(const char *txt, size_t len,
			  struct gebeurtenis *out)
{
	struct snel k = {txt, txt + len, 0};
	struct gebeurtenis g;
	const char *key;
	size_t klen;
	int rc = -1;

	memset(&g, 0, sizeof(g));
	g.datum = DATE_NONE;
	g.tot = g.verwachte_terugkeer = g.uiterste_aanvraagdatum = DATE_NONE;
	if (!snel_is(&k, '{') || snel_sleutel(&k, &key, &klen) || klen != 5 ||
	    memcmp(key, "soort", 5) != 0 ||
	    snel_enum(&k, gb_soort_naam, GB__COUNT, &g.soort))
		goto out;
	while (snel_is(&k, ',')) {
		if (snel_sleutel(&k, &key, &klen) ||
		    (rc = snel_veld(&k, &g, key, klen)) != 0) {
			rc = rc == -2 ? -2 : -1;
			goto out;
		}
		rc = -1;
	}
	if (!snel_is(&k, '}') || k.p != k.end || g.datum == DATE_NONE ||
	    (g.velden & gb_verplicht[g.soort]) != gb_verplicht[g.soort])
		goto out;
	*out = g;
	return CF_OK;
out:
	gebeurtenis_release(&g);
	return rc == -2 ? CF_NOMEM : CF_SCHEMA;
}

/* strerror() is not thread-safe; the XSI strerror_r is. */
static const char *
errtext(int e, char buf[128])
{
	if (strerror_r(e, buf, 128) != 0)
		snprintf(buf, 128, "fout %d", e);
	return buf;
}

int
casefile_slurp(const char *path, size_t max, char **buf, size_t *len,
	       struct casefile_fout *fout)
{
	FILE *fp;
	char *b = NULL, *nb, eb[128];
	size_t cap = 0, n = 0, got;
	int rc = CF_IO, is_stdin = strcmp(path, "-") == 0;

	fout->pad[0] = '\0';
	fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp) {
		snprintf(fout->reden, sizeof(fout->reden),
			 "kan bestand niet openen: %s", errtext(errno, eb));
		return CF_IO;
	}
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				snprintf(fout->reden, sizeof(fout->reden),
					 "document te groot (meer dan %zu "
					 "bytes)", max);
				rc = CF_SYNTAX;
				goto out;
			}
			cap = cap ? cap * 2 : 65536;
			nb = realloc(b, cap + 1);
			if (!nb) {
				snprintf(fout->reden, sizeof(fout->reden),
					 "onvoldoende geheugen");
				rc = CF_NOMEM;
				goto out;
			}
			b = nb;
		}
		got = fread(b + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		snprintf(fout->reden, sizeof(fout->reden),
			 "leesfout: %s", errtext(errno, eb));
		goto out;
	}
	if (n > max) {
		snprintf(fout->reden, sizeof(fout->reden),
			 "document te groot (%zu bytes, maximaal %zu)", n, max);
		rc = CF_SYNTAX;
		goto out;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	b = NULL;
	rc = CF_OK;
out:
	free(b);
	if (!is_stdin)
		fclose(fp);
	return rc;
}

int
casefile_lees_bestand(const char *path, struct dossier *out,
		      struct casefile_fout *fout)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = casefile_slurp(path, CASEFILE_MAX_BYTES, &buf, &len, fout);

	if (rc)
		return rc;
	rc = casefile_lees(buf, len, out, fout);
	free(buf);
	return rc;
}

/* ---- writer ---- */

static json_t *
jstr(const struct str *s)
{
	return json_stringn(s->s, s->len);
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

static json_t *
juren(int32_t h)
{
	if (h % 100 == 0)
		return json_integer(h / 100);
	/* two decimals print exactly with JSON_REAL_PRECISION(15) */
	return json_real((double)h / 100.0);
}

/* json_object_set_new that records allocation failure in *ok. */
static void
put(json_t *o, const char *k, json_t *v, int *ok)
{
	if (!v || json_object_set_new(o, k, v) != 0)
		*ok = 0;
}

static json_t *
schrijf_items(const struct gebeurtenis *g, int *ok)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < g->nitems; i++) {
		json_t *it = json_object();

		if (!it || json_array_append_new(a, it)) {
			*ok = 0;
			break;
		}
		put(it, "code", jstr(&g->items[i].code), ok);
		put(it, "niveau", json_integer(g->items[i].niveau), ok);
		if (g->items[i].toelichting.s)
			put(it, "toelichting", jstr(&g->items[i].toelichting),
			    ok);
	}
	return a;
}

static json_t *
schrijf_gebeurtenis(const struct gebeurtenis *g, int *ok)
{
	json_t *o = json_object();
	uint32_t v = g->velden;
	size_t k;

	if (!o) {
		*ok = 0;
		return NULL;
	}
	put(o, "soort", json_string(gb_soort_naam[g->soort]), ok);
	put(o, "datum", jdate(g->datum), ok);
	if (g->id.s)
		put(o, "id", jstr(&g->id), ok);
	if (g->corrigeert.s)
		put(o, "corrigeert", jstr(&g->corrigeert), ok);
	if (g->zichtbaarheid != ZB_ALGEMEEN)
		put(o, "zichtbaarheid",
		    json_string(zichtbaarheid_naam[g->zichtbaarheid]), ok);
	if (g->auteur.s)
		put(o, "auteur", jstr(&g->auteur), ok);
	if (g->tekst.s)
		put(o, "tekst", jstr(&g->tekst), ok);
	/* the extra fields in the order of gv_schema, the canonical one */
	for (k = 0; k < GV__AANTAL; k++) {
		const struct gv_schema *f = &gv_schema[k];
		const unsigned char *plek = (const unsigned char *)g + f->plek;

		if (!(v & f->bit))
			continue;
		switch (f->soort) {
		case GVS_BOOL:
			put(o, f->naam, json_boolean(*plek), ok);
			break;
		case GVS_ENUM:
			put(o, f->naam, json_string(f->waarden[*plek]), ok);
			break;
		case GVS_DATUM:
			put(o, f->naam, jdate(*(const sdate *)(const void *)plek),
			    ok);
			break;
		case GVS_TEKST:
			put(o, f->naam,
			    jstr((const struct str *)(const void *)plek), ok);
			break;
		case GVS_UREN:
			put(o, f->naam,
			    juren(*(const int32_t *)(const void *)plek), ok);
			break;
		case GVS_GETAL:
			put(o, f->naam,
			    json_integer(*(const int32_t *)(const void *)plek),
			    ok);
			break;
		case GVS_ITEMS:
			put(o, f->naam, schrijf_items(g, ok), ok);
			break;
		default:
			break;
		}
	}
	return o;
}

json_t *
casefile_gebeurtenis_json(const struct gebeurtenis *g)
{
	int ok = 1;
	json_t *o = schrijf_gebeurtenis(g, &ok);

	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *
casefile_verzuim_json(const struct verzuim_mutatie *m)
{
	int ok = 1;
	json_t *t = json_object();

	if (!t)
		return NULL;
	put(t, "datum", jdate(m->datum), &ok);
	put(t, "soort", json_string(verzuim_soort_naam[m->soort]), &ok);
	if (m->soort == VZ_ZIEK)
		put(t, "percentage", json_integer(m->percentage), &ok);
	if (!ok) {
		json_decref(t);
		return NULL;
	}
	return t;
}

static json_t *
schrijf_tree(const struct dossier *d, int *ok)
{
	json_t *root = json_object(), *wg, *wn, *dv, *a;
	size_t i;

	if (!root) {
		*ok = 0;
		return NULL;
	}
	put(root, "formaat", json_string(CASEFILE_FORMAAT), ok);
	put(root, "dossier_id", jstr(&d->dossier_id), ok);

	wg = json_object();
	put(root, "werkgever", wg, ok);
	if (wg) {
		put(wg, "id", jstr(&d->werkgever_id), ok);
		put(wg, "naam", jstr(&d->werkgever_naam), ok);
		put(wg, "eigenrisicodrager_wga",
		    json_boolean(d->eigenrisicodrager_wga), ok);
		/* optional: written only when set, so older files and
		 * their exports stay byte for byte the same */
		if (d->eigenrisicodrager_zw)
			put(wg, "eigenrisicodrager_zw", json_true(), ok);
	}
	wn = json_object();
	put(root, "werknemer", wn, ok);
	if (wn) {
		put(wn, "id", jstr(&d->werknemer_id), ok);
		put(wn, "naam", jstr(&d->werknemer_naam), ok);
		if (d->geboortedatum != DATE_NONE)
			put(wn, "geboortedatum", jdate(d->geboortedatum), ok);
		if (d->bsn.s)
			put(wn, "bsn", jstr(&d->bsn), ok);
	}
	dv = json_object();
	put(root, "dienstverband", dv, ok);
	if (dv) {
		put(dv, "begindatum", jdate(d->begindatum), ok);
		put(dv, "einddatum", jdate(d->einddatum), ok);
		put(dv, "soort", json_string(contract_naam[d->contract]), ok);
		if (d->functie.s)
			put(dv, "functie", jstr(&d->functie), ok);
		if (d->uren_honderdsten >= 0)
			put(dv, "uren_per_week", juren(d->uren_honderdsten), ok);
		if (d->maandloon_cent >= 0)
			put(dv, "maandloon_cent", json_integer(d->maandloon_cent),
			    ok);
		if (d->has_ldb) {
			a = json_array();
			for (i = 0; a && i < d->nldb; i++) {
				json_t *t = json_object();

				if (!t || json_array_append_new(a, t)) {
					*ok = 0;
					break;
				}
				put(t, "tot_en_met_week",
				    json_integer(d->ldb[i].tot_en_met_week), ok);
				put(t, "procent", json_integer(d->ldb[i].procent),
				    ok);
			}
			put(dv, "loondoorbetaling", a, ok);
		}
	}
	put(root, "vangnet",
	    d->vangnet == VN_GEEN ? json_null()
				  : json_string(vangnet_naam[d->vangnet]),
	    ok);
	/* one writer of a mutation: the size bookkeeping of an append
	 * (store.c) counts exactly what casefile_verzuim_json writes */
	a = json_array();
	for (i = 0; a && i < d->nverzuim; i++)
		if (json_array_append_new(a, casefile_verzuim_json(&d->verzuim[i])))
			*ok = 0;
	put(root, "verzuim", a, ok);
	a = json_array();
	for (i = 0; a && i < d->ngb; i++)
		if (json_array_append_new(a, schrijf_gebeurtenis(&d->gb[i], ok)))
			*ok = 0;
	put(root, "gebeurtenissen", a, ok);
	return root;
}

int
casefile_schrijf(const struct dossier *d, char **out, size_t *outlen)
{
	int ok = 1;
	json_t *root = schrijf_tree(d, &ok);
	char *s = NULL, *s2;
	size_t n;

	if (ok && root)
		s = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(root);
	if (!s)
		return CF_NOMEM;
	n = strlen(s);
	s2 = realloc(s, n + 2);
	if (!s2) {
		free(s);
		return CF_NOMEM;
	}
	s2[n] = '\n';
	s2[n + 1] = '\0';
	*out = s2;
	*outlen = n + 1;
	return CF_OK;
}

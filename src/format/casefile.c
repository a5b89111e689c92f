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

static const char *const gv_naam[] = {
	"benutbare_mogelijkheden", "casemanager", "instrument", "items",
	"conclusie", "terugkeer_binnen_3_maanden", "verwachte_terugkeer",
	"aanbieder", "module", "tot", "werkgever", "functie", "uitkomst",
	"bij", "uren_per_week", "loonwaarde_procent", "therapeutisch",
	"structureel", "vraag", "uitkomst", "uiterste_aanvraagdatum",
	"voldoende", "reden",
};
#define GV_AANTAL (sizeof(gv_naam) / sizeof(gv_naam[0]))

/* Extra fields an event must carry (the computation needs them). */
static const uint32_t gb_verplicht[GB__COUNT] = {
	[GB_BELASTBAARHEID] = GV_INSTRUMENT,
	[GB_ARBEIDSDESKUNDIG_ONDERZOEK] = GV_CONCLUSIE,
	[GB_ACTIVITEIT] = GV_MODULE,
	[GB_SOLLICITATIE] = GV_UITKOMST_SOL,
	[GB_WERKHERVATTING] = GV_BIJ,
	[GB_VERLENGING_LOONDOORBETALING] = GV_TOT,
	[GB_BESLUIT_BEKORTING] = GV_VOLDOENDE,
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
		for (i = 0; i < GV_AANTAL && !ok; i++)
			ok = (extra_bits & (1u << i)) &&
			     strcmp(key, gv_naam[i]) == 0;
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

static int
lees_items(struct rd *r, json_t *ev, struct gebeurtenis *g)
{
	static const char *const keys[] = {"code", "niveau", "toelichting"};
	static const char *const rubriek[] = {"I", "II", "III", "IV", "V",
					      "VI"};
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
		const char *dot;

		g->nitems = i + 1;
		if ((rc = expect_object(r, e)) ||
		    (rc = only_keys(r, e, keys, 3, 0)) ||
		    (rc = get_str(r, e, "code", 1, 1, &it->code)) ||
		    (rc = get_int(r, e, "niveau", 1, 0, 9, &niv, NULL)) ||
		    (rc = get_str(r, e, "toelichting", 0, 0, &it->toelichting)))
			goto out;
		it->niveau = (int32_t)niv;
		/* FML item codes: rubriek I..VI, a dot, item number 1..99 */
		dot = memchr(it->code.s, '.', it->code.len);
		if (!dot ||
		    naam_index(rubriek, 6, it->code.s,
			       (size_t)(dot - it->code.s)) < 0 ||
		    it->code.len - (size_t)(dot - it->code.s) - 1 < 1 ||
		    it->code.len - (size_t)(dot - it->code.s) - 1 > 2 ||
		    strspn(dot + 1, "0123456789") !=
			    it->code.len - (size_t)(dot - it->code.s) - 1) {
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

static int
lees_extra(struct rd *r, json_t *e, struct gebeurtenis *g)
{
	uint32_t allowed = gb_velden[g->soort], need = gb_verplicht[g->soort];
	int p = 0, rc;
	json_int_t lw = 0;

#define REQ(bit) ((need & (bit)) != 0)
#define MARK(bit) do { if (p) g->velden |= (bit); } while (0)
	if (allowed & GV_BENUTBARE) {
		if ((rc = get_bool(r, e, "benutbare_mogelijkheden", 0,
				   &g->benutbare, &p)))
			return rc;
		MARK(GV_BENUTBARE);
	}
	if (allowed & GV_TERUGKEER) {
		if ((rc = get_bool(r, e, "terugkeer_binnen_3_maanden", 0,
				   &g->terugkeer, &p)))
			return rc;
		MARK(GV_TERUGKEER);
	}
	if (allowed & GV_THERAPEUTISCH) {
		if ((rc = get_bool(r, e, "therapeutisch", 0, &g->therapeutisch,
				   &p)))
			return rc;
		MARK(GV_THERAPEUTISCH);
	}
	if (allowed & GV_STRUCTUREEL) {
		if ((rc = get_bool(r, e, "structureel", 0, &g->structureel,
				   &p)))
			return rc;
		MARK(GV_STRUCTUREEL);
	}
	if (allowed & GV_VOLDOENDE) {
		if ((rc = get_bool(r, e, "voldoende", REQ(GV_VOLDOENDE),
				   &g->voldoende, &p)))
			return rc;
		MARK(GV_VOLDOENDE);
	}
	if (allowed & GV_INSTRUMENT) {
		if ((rc = get_enum(r, e, "instrument", REQ(GV_INSTRUMENT),
				   instrument_naam, INS__COUNT,
				   &g->instrument, &p)))
			return rc;
		MARK(GV_INSTRUMENT);
	}
	if (allowed & GV_CONCLUSIE) {
		if ((rc = get_enum(r, e, "conclusie", REQ(GV_CONCLUSIE),
				   conclusie_naam, ADC__COUNT, &g->conclusie,
				   &p)))
			return rc;
		MARK(GV_CONCLUSIE);
	}
	if (allowed & GV_MODULE) {
		if ((rc = get_enum(r, e, "module", REQ(GV_MODULE), module_naam,
				   MOD__COUNT, &g->module, &p)))
			return rc;
		MARK(GV_MODULE);
	}
	if (allowed & GV_UITKOMST_SOL) {
		if ((rc = get_enum(r, e, "uitkomst", REQ(GV_UITKOMST_SOL),
				   sol_uitkomst_naam, SOL__COUNT,
				   &g->uitkomst_sol, &p)))
			return rc;
		MARK(GV_UITKOMST_SOL);
	}
	if (allowed & GV_BIJ) {
		if ((rc = get_enum(r, e, "bij", REQ(GV_BIJ), bij_naam,
				   BIJ__COUNT, &g->bij, &p)))
			return rc;
		MARK(GV_BIJ);
	}
	if (allowed & GV_UREN) {
		if ((rc = get_uren(r, e, "uren_per_week", &g->uren_honderdsten,
				   &p)))
			return rc;
		MARK(GV_UREN);
	}
	if (allowed & GV_LOONWAARDE) {
		if ((rc = get_int(r, e, "loonwaarde_procent", 0, 0, 100, &lw,
				  &p)))
			return rc;
		g->loonwaarde_procent = (int32_t)lw;
		MARK(GV_LOONWAARDE);
	}
#define DATE_FIELD(bit, key, field)                                         \
	if (allowed & (bit)) {                                              \
		if ((rc = get_date(r, e, key, REQ(bit), 0, &g->field)))     \
			return rc;                                          \
		p = json_object_get(e, key) != NULL;                        \
		MARK(bit);                                                  \
	}
	DATE_FIELD(GV_TOT, "tot", tot)
	DATE_FIELD(GV_VERWACHTE_TERUGKEER, "verwachte_terugkeer",
		   verwachte_terugkeer)
	DATE_FIELD(GV_UITERSTE, "uiterste_aanvraagdatum",
		   uiterste_aanvraagdatum)
#undef DATE_FIELD
#define STR_FIELD(bit, key, field)                                          \
	if (allowed & (bit)) {                                              \
		if ((rc = get_str(r, e, key, REQ(bit), 0, &g->field)))      \
			return rc;                                          \
		if (g->field.s)                                             \
			g->velden |= (bit);                                 \
	}
	STR_FIELD(GV_CASEMANAGER, "casemanager", casemanager)
	STR_FIELD(GV_AANBIEDER, "aanbieder", aanbieder)
	STR_FIELD(GV_WERKGEVER, "werkgever", werkgever)
	STR_FIELD(GV_FUNCTIE, "functie", functie)
	STR_FIELD(GV_VRAAG, "vraag", vraag)
	STR_FIELD(GV_UITKOMST_TEKST, "uitkomst", uitkomst_tekst)
	STR_FIELD(GV_REDEN, "reden", reden)
#undef STR_FIELD
#undef MARK
#undef REQ
	if (allowed & GV_ITEMS) {
		if ((rc = lees_items(r, e, g)))
			return rc;
		if (json_object_get(e, "items"))
			g->velden |= GV_ITEMS;
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
schrijf_gebeurtenis(const struct gebeurtenis *g, int *ok)
{
	json_t *o = json_object();
	uint32_t v = g->velden;
	size_t i;

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
	if (v & GV_BENUTBARE)
		put(o, "benutbare_mogelijkheden", json_boolean(g->benutbare),
		    ok);
	if (v & GV_CASEMANAGER)
		put(o, "casemanager", jstr(&g->casemanager), ok);
	if (v & GV_INSTRUMENT)
		put(o, "instrument", json_string(instrument_naam[g->instrument]),
		    ok);
	if (v & GV_ITEMS) {
		json_t *a = json_array();

		for (i = 0; a && i < g->nitems; i++) {
			json_t *it = json_object();

			if (!it || json_array_append_new(a, it)) {
				*ok = 0;
				break;
			}
			put(it, "code", jstr(&g->items[i].code), ok);
			put(it, "niveau", json_integer(g->items[i].niveau), ok);
			if (g->items[i].toelichting.s)
				put(it, "toelichting",
				    jstr(&g->items[i].toelichting), ok);
		}
		put(o, "items", a, ok);
	}
	if (v & GV_CONCLUSIE)
		put(o, "conclusie", json_string(conclusie_naam[g->conclusie]),
		    ok);
	if (v & GV_TERUGKEER)
		put(o, "terugkeer_binnen_3_maanden", json_boolean(g->terugkeer),
		    ok);
	if (v & GV_VERWACHTE_TERUGKEER)
		put(o, "verwachte_terugkeer", jdate(g->verwachte_terugkeer), ok);
	if (v & GV_AANBIEDER)
		put(o, "aanbieder", jstr(&g->aanbieder), ok);
	if (v & GV_MODULE)
		put(o, "module", json_string(module_naam[g->module]), ok);
	if (v & GV_TOT)
		put(o, "tot", jdate(g->tot), ok);
	if (v & GV_WERKGEVER)
		put(o, "werkgever", jstr(&g->werkgever), ok);
	if (v & GV_FUNCTIE)
		put(o, "functie", jstr(&g->functie), ok);
	if (v & GV_UITKOMST_SOL)
		put(o, "uitkomst", json_string(sol_uitkomst_naam[g->uitkomst_sol]),
		    ok);
	if (v & GV_BIJ)
		put(o, "bij", json_string(bij_naam[g->bij]), ok);
	if (v & GV_UREN)
		put(o, "uren_per_week", juren(g->uren_honderdsten), ok);
	if (v & GV_LOONWAARDE)
		put(o, "loonwaarde_procent", json_integer(g->loonwaarde_procent),
		    ok);
	if (v & GV_THERAPEUTISCH)
		put(o, "therapeutisch", json_boolean(g->therapeutisch), ok);
	if (v & GV_STRUCTUREEL)
		put(o, "structureel", json_boolean(g->structureel), ok);
	if (v & GV_VRAAG)
		put(o, "vraag", jstr(&g->vraag), ok);
	if (v & GV_UITKOMST_TEKST)
		put(o, "uitkomst", jstr(&g->uitkomst_tekst), ok);
	if (v & GV_UITERSTE)
		put(o, "uiterste_aanvraagdatum", jdate(g->uiterste_aanvraagdatum),
		    ok);
	if (v & GV_VOLDOENDE)
		put(o, "voldoende", json_boolean(g->voldoende), ok);
	if (v & GV_REDEN)
		put(o, "reden", jstr(&g->reden), ok);
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
	a = json_array();
	for (i = 0; a && i < d->nverzuim; i++) {
		const struct verzuim_mutatie *m = &d->verzuim[i];
		json_t *t = json_object();

		if (!t || json_array_append_new(a, t)) {
			*ok = 0;
			break;
		}
		put(t, "datum", jdate(m->datum), ok);
		put(t, "soort", json_string(verzuim_soort_naam[m->soort]), ok);
		if (m->soort == VZ_ZIEK)
			put(t, "percentage", json_integer(m->percentage), ok);
	}
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

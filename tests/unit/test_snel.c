/*
 * test_snel.c - the fast decoder of stored entries (casefile_gebeurtenis_
 * snel, issue 13) against the full entry reader: every entry of the test
 * data in its canonical form decodes to the same entry, escapes and
 * numbers of the canonical form decode exactly, and every other form is
 * left to the full reader (CF_SCHEMA).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "format/casefile.h"

static int
gelijk(struct gebeurtenis *a, struct gebeurtenis *b)
{
	struct dossier x, y;

	dossier_init(&x);
	dossier_init(&y);
	x.gb = a;
	x.ngb = 1;
	y.gb = b;
	y.ngb = 1;
	return dossier_equal(&x, &y);
}

static char *
canon(const struct gebeurtenis *g)
{
	json_t *j = casefile_gebeurtenis_json(g);
	char *t = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));

	json_decref(j);
	assert_non_null(t);
	return t;
}

/* The canonical text of every entry of case file pad decodes fast to
 * the entry the reader read. Returns the number of entries. */
static size_t
bestand(const char *pad)
{
	struct dossier d;
	struct casefile_fout f;
	size_t i;

	dossier_init(&d);
	if (casefile_lees_bestand(pad, &d, &f) != CF_OK)
		return 0; /* the error fixtures */
	for (i = 0; i < d.ngb; i++) {
		struct gebeurtenis s;
		char *t = canon(&d.gb[i]);

		memset(&s, 0, sizeof(s));
		if (casefile_gebeurtenis_snel(t, strlen(t), &s) != CF_OK)
			fail_msg("%s: entry %zu not decoded: %s", pad, i, t);
		d.gb[i].gecorrigeerd = 0; /* derived by dossier_link */
		if (!gelijk(&s, &d.gb[i]))
			fail_msg("%s: entry %zu differs: %s", pad, i, t);
		gebeurtenis_release(&s);
		free(t);
	}
	i = d.ngb;
	dossier_release(&d);
	return i;
}

static size_t
map(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	char pad[1024];

	assert_non_null(dp);
	while ((e = readdir(dp))) {
		size_t l = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		snprintf(pad, sizeof(pad), "%s/%s", dir, e->d_name);
		if (l > 5 && !strcmp(e->d_name + l - 5, ".json"))
			n += bestand(pad);
		else if (e->d_type == DT_DIR)
			n += map(pad);
	}
	closedir(dp);
	return n;
}

static void
t_testdata(void **state)
{
	(void)state;
	/* the test data and the demo cases: every entry in them (31 now;
	 * the error fixtures are skipped) */
	assert_true(map(SPOOR_TESTDATA) + map(SPOOR_TESTDATA "/../../data/demo")
		    >= 25);
}

static void
zet_tekst(struct str *s, const char *t)
{
	s->s = strdup(t);
	assert_non_null(s->s);
	s->len = strlen(t);
}

/* Every event type with every field the schema allows it, each set to
 * a value other than its default: canonical text, fast decode, equal. */
static void
t_schema(void **state)
{
	int soort;
	size_t i;

	(void)state;
	for (soort = 0; soort < GB__COUNT; soort++) {
		struct gebeurtenis g, s;
		char *t;

		memset(&g, 0, sizeof(g));
		g.soort = (uint8_t)soort;
		g.datum = date_from_ymd(2026, 3, 4);
		g.zichtbaarheid = ZB_VERTROUWELIJK;
		g.tot = g.verwachte_terugkeer = g.uiterste_aanvraagdatum =
			DATE_NONE;
		zet_tekst(&g.id, "E0123456789abcdefg");
		zet_tekst(&g.auteur, "M. \"Bakker\"");
		zet_tekst(&g.tekst, "regel 1\nregel 2\t\x01 \xc3\xa9");
		for (i = 0; i < GV__AANTAL; i++) {
			const struct gv_schema *v = &gv_schema[i];
			unsigned char *plek = (unsigned char *)&g + v->plek;

			if (!(gb_velden[soort] & v->bit))
				continue;
			g.velden |= v->bit;
			switch (v->soort) {
			case GVS_BOOL:
				*plek = 1;
				break;
			case GVS_ENUM:
				*plek = (uint8_t)(v->nwaarden - 1);
				break;
			case GVS_DATUM:
				*(sdate *)(void *)plek = date_from_ymd(2027, 1, 2);
				break;
			case GVS_TEKST:
				zet_tekst((struct str *)(void *)plek, v->naam);
				break;
			case GVS_UREN:
				*(int32_t *)(void *)plek = 3725;
				break;
			case GVS_GETAL:
				*(int32_t *)(void *)plek = v->max - 1;
				break;
			case GVS_ITEMS:
				g.items = calloc(3, sizeof(*g.items));
				assert_non_null(g.items);
				g.nitems = 2;
				zet_tekst(&g.items[0].code, "VI.12");
				g.items[0].niveau = 9;
				zet_tekst(&g.items[0].toelichting, "\"ja\"");
				zet_tekst(&g.items[1].code, "I.1");
				break;
			default:
				break;
			}
		}
		t = canon(&g);
		memset(&s, 0, sizeof(s));
		if (casefile_gebeurtenis_snel(t, strlen(t), &s) != CF_OK)
			fail_msg("%s not decoded: %s", gb_soort_naam[soort], t);
		if (!gelijk(&s, &g))
			fail_msg("%s differs: %s", gb_soort_naam[soort], t);
		free(t);
		gebeurtenis_release(&s);
		gebeurtenis_release(&g);
	}
}

/* text decodes fast, the full reader reads the same, and want_tekst
 * (may be NULL) is the decoded tekst. */
static void
zelfde(const char *text, const char *want_tekst)
{
	struct gebeurtenis s, t;
	struct casefile_fout f;
	json_t *e = json_loads(text, JSON_REJECT_DUPLICATES, NULL);

	memset(&s, 0, sizeof(s));
	memset(&t, 0, sizeof(t));
	assert_non_null(e);
	assert_int_equal(casefile_gebeurtenis_lees(e, &t, &f), CF_OK);
	json_decref(e);
	assert_int_equal(casefile_gebeurtenis_snel(text, strlen(text), &s),
			 CF_OK);
	assert_true(gelijk(&s, &t));
	if (want_tekst)
		assert_string_equal(s.tekst.s, want_tekst);
	gebeurtenis_release(&s);
	gebeurtenis_release(&t);
}

static void
t_vormen(void **state)
{
	(void)state;
	zelfde("{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":"
	       "\"a\\\"b\\\\c\\n\\t\\u00e9\\ud83d\\ude00\\/x\"}",
	       "a\"b\\c\n\t\xc3\xa9\xf0\x9f\x98\x80/x");
	zelfde("{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-05\","
	       "\"bij\":\"eigen_werk\",\"uren_per_week\":12.25,"
	       "\"loonwaarde_procent\":80,\"therapeutisch\":true}", NULL);
	zelfde("{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-05\","
	       "\"bij\":\"eigen_werk\",\"uren_per_week\":0.5}", NULL);
	zelfde("{\"soort\":\"belastbaarheid\",\"datum\":\"2026-01-05\","
	       "\"zichtbaarheid\":\"medisch\",\"instrument\":\"fml\","
	       "\"items\":[{\"code\":\"IV.13\",\"niveau\":2,\"toelichting\":"
	       "\"tillen\"},{\"code\":\"V.4\",\"niveau\":0}]}", NULL);
	zelfde("{\"soort\":\"sollicitatie\",\"datum\":\"2026-01-05\",\"id\":"
	       "\"E1\",\"corrigeert\":\"g2\",\"auteur\":\"M. Bakker\","
	       "\"werkgever\":\"Bakkerij Noord\",\"uitkomst\":\"gesprek\"}",
	       NULL);
	zelfde("{\"soort\":\"deskundigenoordeel\",\"datum\":\"2026-01-05\","
	       "\"vraag\":\"passend?\",\"uitkomst\":\"ja\"}", NULL);
}

/* Every other form: left to the full reader. */
/* Bytes with a NUL inside a name: never matched, never read past the
 * end of a name (the review of df02710 found an overread here). */
static void
t_nul(void **state)
{
	static const char enum_nul[] =
		"{\"soort\":\"contact\\u0000\",\"datum\":\"2026-01-05\"}";
	static const char raw[] = "{\"soort\":\"contact\0xyz\",\"datum\":"
				  "\"2026-01-05\"}";
	static const char key[] = "{\"soort\":\"contact\",\"dat\0m\":"
				  "\"2026-01-05\"}";
	struct gebeurtenis g;

	(void)state;
	memset(&g, 0, sizeof(g));
	assert_int_equal(casefile_gebeurtenis_snel(enum_nul, sizeof(enum_nul) - 1,
						   &g), CF_SCHEMA);
	assert_int_equal(casefile_gebeurtenis_snel(raw, sizeof(raw) - 1, &g),
			 CF_SCHEMA);
	assert_int_equal(casefile_gebeurtenis_snel(key, sizeof(key) - 1, &g),
			 CF_SCHEMA);
}

static void
t_anders(void **state)
{
	static const char *const anders[] = {
		" {\"soort\":\"contact\",\"datum\":\"2026-01-05\"}",
		"{\"soort\": \"contact\",\"datum\":\"2026-01-05\"}",
		"{\"datum\":\"2026-01-05\",\"soort\":\"contact\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"datum\":"
		"\"2026-01-06\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":\"a\","
		"\"tekst\":\"b\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"onbekend\":1}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"instrument\":"
		"\"fml\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-02-30\"}",
		"{\"soort\":\"contact\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":"
		"\"\\u0000\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":"
		"\"\\ud83d\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"id\":\"\"}",
		"{\"soort\":\"belastbaarheid\",\"datum\":\"2026-01-05\"}",
		"{\"soort\":\"belastbaarheid\",\"datum\":\"2026-01-05\","
		"\"instrument\":\"fml\",\"items\":[{\"code\":\"VII.1\","
		"\"niveau\":1}]}",
		"{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-05\",\"bij\":"
		"\"eigen_werk\",\"uren_per_week\":12.125}",
		"{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-05\",\"bij\":"
		"\"eigen_werk\",\"uren_per_week\":012}",
		"{\"soort\":\"werkhervatting\",\"datum\":\"2026-01-05\",\"bij\":"
		"\"eigen_werk\",\"loonwaarde_procent\":101}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\"}x",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\"",
		/* what jansson refuses: invalid UTF-8, overlong, surrogate */
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":"
		"\"\xff\xfe\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":"
		"\"\xc0\xaf\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":"
		"\"\xed\xa0\x80\"}",
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\",\"tekst\":"
		"\"\xe2\x82\"}",
		/* a class given twice: the full reader refuses the entry */
		"{\"soort\":\"contact\",\"datum\":\"2026-01-05\","
		"\"zichtbaarheid\":\"medisch\",\"zichtbaarheid\":"
		"\"algemeen\"}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(anders) / sizeof(anders[0]); i++) {
		struct gebeurtenis g;

		memset(&g, 0, sizeof(g));
		if (casefile_gebeurtenis_snel(anders[i], strlen(anders[i]),
					      &g) != CF_SCHEMA)
			fail_msg("accepted: %s", anders[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_testdata),
		cmocka_unit_test(t_schema),
		cmocka_unit_test(t_vormen),
		cmocka_unit_test(t_anders),
		cmocka_unit_test(t_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_gcache.c - the server's cache of computed case results (gcache.h):
 * a hit only for exactly (dossier, classes, versie, peildatum); both bounds
 * hold; copies are the caller's; concurrent use returns only what was
 * stored for the key asked; and the property the cache key relies on:
 * the filtered view depends only on toegang_zicht() of the roles.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "format/casefile.h"
#include "app/gcache.h"
#include "store/toegang.h"

static struct gcache_sleutel
sl(int64_t d, uint32_t k, int64_t v, sdate p)
{
	struct gcache_sleutel s;

	s.dossier = d;
	s.klassen = k;
	s.versie = v;
	s.peil = p;
	s.params = 0;
	return s;
}

static void
exacte_sleutel(void **state)
{
	struct gcache *c = NULL;
	struct gcache_samenvatting sv, uit;
	struct gcache_sleutel k = sl(7, 1, 3, 20000);
	struct gcache_sleutel anders;
	char *j = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(gcache_new(64, 1 << 20, &c), 0);
	assert_int_equal(gcache_samenvatting(c, &k, &uit), -1);
	memset(&sv, 0, sizeof(sv));
	sv.actie = 4;
	sv.te_laat = 2;
	gcache_zet_samenvatting(c, &k, &sv);
	gcache_zet_json(c, &k, GC_TIJDLIJN, "{\"a\":1}", 7);
	assert_int_equal(gcache_samenvatting(c, &k, &uit), 0);
	assert_int_equal(uit.actie, 4);
	assert_int_equal(uit.te_laat, 2);
	assert_int_equal(gcache_json(c, &k, GC_TIJDLIJN, &j, &n), 0);
	assert_int_equal(n, 7);
	assert_string_equal(j, "{\"a\":1}");
	/* the copy is the caller's */
	j[0] = 'X';
	free(j);
	assert_int_equal(gcache_json(c, &k, GC_TIJDLIJN, &j, &n), 0);
	assert_string_equal(j, "{\"a\":1}");
	free(j);
	/* another document of the same key was never stored */
	assert_int_equal(gcache_json(c, &k, GC_TOETS, &j, &n), -1);
	/* any other versie, peildatum, classes or case: a miss */
	anders = sl(7, 1, 4, 20000);
	assert_int_equal(gcache_samenvatting(c, &anders, &uit), -1);
	assert_int_equal(gcache_json(c, &anders, GC_TIJDLIJN, &j, &n), -1);
	anders = sl(7, 1, 3, 20001);
	assert_int_equal(gcache_json(c, &anders, GC_TIJDLIJN, &j, &n), -1);
	anders = sl(7, 3, 3, 20000);
	assert_int_equal(gcache_json(c, &anders, GC_TIJDLIJN, &j, &n), -1);
	anders = sl(8, 1, 3, 20000);
	assert_int_equal(gcache_json(c, &anders, GC_TIJDLIJN, &j, &n), -1);
	/* a newer versie replaces the entry: the old one is gone */
	anders = sl(7, 1, 4, 20000);
	gcache_zet_json(c, &anders, GC_TIJDLIJN, "{\"b\":2}", 7);
	assert_int_equal(gcache_json(c, &k, GC_TIJDLIJN, &j, &n), -1);
	assert_int_equal(gcache_samenvatting(c, &k, &uit), -1);
	assert_int_equal(gcache_samenvatting(c, &anders, &uit), -1);
	assert_int_equal(gcache_json(c, &anders, GC_TIJDLIJN, &j, &n), 0);
	assert_string_equal(j, "{\"b\":2}");
	free(j);
	gcache_free(c);
	gcache_free(NULL);
}

/* A toets or loon document holds for one parameter generation; the
 * other documents and the summary of the same key stay valid. */
static void
parameter_generatie(void **state)
{
	struct gcache *c = NULL;
	struct gcache_samenvatting sv, uit;
	struct gcache_sleutel k = sl(7, 1, 3, 20000), p2;
	char *j = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(gcache_new(64, 1 << 20, &c), 0);
	memset(&sv, 0, sizeof(sv));
	k.params = 5;
	gcache_zet_samenvatting(c, &k, &sv);
	gcache_zet_json(c, &k, GC_LOON, "{\"l\":1}", 7);
	gcache_zet_json(c, &k, GC_TOETS, "{\"t\":1}", 7);
	gcache_zet_json(c, &k, GC_TIJDLIJN, "{\"a\":1}", 7);
	assert_int_equal(gcache_json(c, &k, GC_LOON, &j, &n), 0);
	free(j);
	p2 = k;
	p2.params = 6;
	assert_int_equal(gcache_json(c, &p2, GC_LOON, &j, &n), -1);
	assert_int_equal(gcache_json(c, &p2, GC_TOETS, &j, &n), -1);
	assert_int_equal(gcache_json(c, &p2, GC_TIJDLIJN, &j, &n), 0);
	free(j);
	assert_int_equal(gcache_samenvatting(c, &p2, &uit), 0);
	/* stored again under the new generation: a hit for it only */
	gcache_zet_json(c, &p2, GC_LOON, "{\"l\":2}", 7);
	assert_int_equal(gcache_json(c, &p2, GC_LOON, &j, &n), 0);
	assert_string_equal(j, "{\"l\":2}");
	free(j);
	assert_int_equal(gcache_json(c, &k, GC_LOON, &j, &n), -1);
	gcache_free(c);
}

static void
grenzen(void **state)
{
	struct gcache *c = NULL;
	struct gcache_stats st;
	struct gcache_samenvatting sv;
	char doc[100], *j = NULL;
	size_t n;
	int64_t i;

	(void)state;
	memset(&sv, 0, sizeof(sv));
	memset(doc, 'x', sizeof(doc));
	assert_int_equal(gcache_new(16, 1000, &c), 0);
	for (i = 1; i <= 1000; i++) {
		struct gcache_sleutel k = sl(i, 1, 1, 1);

		gcache_zet_samenvatting(c, &k, &sv);
		gcache_zet_json(c, &k, GC_DOSSIER, doc, sizeof(doc));
		gcache_stats(c, &st);
		assert_true(st.entries <= 16);
		assert_true(st.bytes <= 1000);
		/* what was stored last is there */
		assert_int_equal(gcache_json(c, &k, GC_DOSSIER, &j, &n), 0);
		assert_int_equal(n, sizeof(doc));
		free(j);
	}
	gcache_stats(c, &st);
	assert_true(st.verdrongen > 0);
	/* a document over a quarter of the budget is not kept */
	{
		struct gcache_sleutel k = sl(5000, 1, 1, 1);
		char groot[300];

		memset(groot, 'y', sizeof(groot));
		gcache_zet_json(c, &k, GC_DOSSIER, groot, sizeof(groot));
		assert_int_equal(gcache_json(c, &k, GC_DOSSIER, &j, &n), -1);
	}
	gcache_free(c);
}

#define DRADEN 4
#define RONDES 20000

static struct gcache *gedeeld;

/* The document of a key names the key, so a torn or crossed entry shows. */
static void
doc_van(const struct gcache_sleutel *k, char *b, size_t n)
{
	snprintf(b, n, "{\"d\":%lld,\"k\":%u,\"v\":%lld}", (long long)k->dossier,
		 k->klassen, (long long)k->versie);
}

static void *
draad(void *arg)
{
	unsigned x = (unsigned)(uintptr_t)arg * 2654435761u + 1;
	int i;

	for (i = 0; i < RONDES; i++) {
		struct gcache_sleutel k;
		char want[96], *j = NULL;
		size_t n;

		x = x * 1103515245u + 12345u;
		k = sl((int64_t)(x >> 8) % 40, (x >> 4) % 3 + 1,
		       (int64_t)(x >> 20) % 3, 100);
		doc_van(&k, want, sizeof(want));
		if (x & 1) {
			gcache_zet_json(gedeeld, &k, GC_TOETS, want, strlen(want));
		} else if (gcache_json(gedeeld, &k, GC_TOETS, &j, &n) == 0) {
			if (strcmp(j, want) != 0) {
				free(j);
				return (void *)1;
			}
			free(j);
		}
	}
	return NULL;
}

static void
gelijktijdig(void **state)
{
	pthread_t t[DRADEN];
	void *rc;
	int i, fout = 0;

	(void)state;
	assert_int_equal(gcache_new(32, 4096, &gedeeld), 0);
	for (i = 0; i < DRADEN; i++)
		assert_int_equal(pthread_create(&t[i], NULL, draad,
						(void *)(uintptr_t)i), 0);
	for (i = 0; i < DRADEN; i++) {
		pthread_join(t[i], &rc);
		fout += rc != NULL;
	}
	assert_int_equal(fout, 0);
	gcache_free(gedeeld);
}

/*
 * The cache shares one entry between all roles with the same
 * toegang_zicht(): readable classes plus the BSN. That is only sound when
 * toegang_filter() keeps exactly the entries of those classes, and the
 * BSN exactly when that bit is set, for every combination of roles.
 */
static void
filter_hangt_af_van_klassen(void **state)
{
	static const char doc[] =
		"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-1\","
		"\"werkgever\":{\"id\":\"W\",\"naam\":\"W\","
		"\"eigenrisicodrager_wga\":false},"
		"\"werknemer\":{\"id\":\"N\",\"naam\":\"N\","
		"\"bsn\":\"111222333\"},"
		"\"dienstverband\":{\"begindatum\":\"2020-01-01\","
		"\"einddatum\":null,\"soort\":\"onbepaalde_tijd\"},"
		"\"vangnet\":null,"
		"\"verzuim\":[{\"datum\":\"2026-01-05\",\"soort\":\"ziek\","
		"\"percentage\":100}],"
		"\"gebeurtenissen\":["
		"{\"soort\":\"contact\",\"datum\":\"2026-01-06\"},"
		"{\"soort\":\"contact\",\"datum\":\"2026-01-07\","
		"\"zichtbaarheid\":\"medisch\"},"
		"{\"soort\":\"contact\",\"datum\":\"2026-01-08\","
		"\"zichtbaarheid\":\"vertrouwelijk\"}]}";
	uint32_t rollen;

	(void)state;
	for (rollen = 0; rollen < (1u << ROL__COUNT); rollen++) {
		struct dossier d;
		struct casefile_fout f;
		uint32_t k = toegang_zicht(rollen), over = 0;
		size_t i;

		dossier_init(&d);
		assert_int_equal(casefile_lees(doc, sizeof(doc) - 1, &d, &f),
				 CF_OK);
		assert_non_null(d.bsn.s);
		toegang_filter(&d, rollen);
		for (i = 0; i < d.ngb; i++)
			over |= 1u << d.gb[i].zichtbaarheid;
		if (d.bsn.s)
			over |= TOEGANG_ZICHT_BSN;
		assert_int_equal(over, k);
		assert_int_equal(k & ~TOEGANG_ZICHT_BSN, toegang_klassen(rollen));
		assert_int_equal(d.ngb, (size_t)__builtin_popcount(
						k & ~TOEGANG_ZICHT_BSN));
		dossier_release(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exacte_sleutel),
		cmocka_unit_test(parameter_generatie),
		cmocka_unit_test(grenzen),
		cmocka_unit_test(gelijktijdig),
		cmocka_unit_test(filter_hangt_af_van_klassen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

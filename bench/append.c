/*
 * bench/append.c - appending one entry to a case, and loading a case
 * from the database (a cache miss), for cases of 10, 1,000 and 10,000
 * entries (issue 13; docs/performance.md).
 *
 *   bench_append [--db URL] [--runs K] [--sizes 10,1000,10000]
 *
 * URL is an SQLite path (default: a new file in /tmp, removed after) or a
 * postgresql:// URI (scripts/pg.sh start gives a throwaway one). For each
 * size a case with that many entries is imported, then K single-entry
 * appends (store_gebeurtenis_toevoegen, what POST .../gebeurtenissen
 * does) and K loads (store_dossier_laad, unfiltered) are timed; the
 * median and the worst are printed in milliseconds. Not a test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "store/laad.h"
#include "store/store.h"

static double
nu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* A case file of n entries: the mix of an ordinary case (contact notes,
 * evaluations, a belastbaarheid with items, applications). */
static char *
maak_dossier(const char *did, size_t n, size_t *len)
{
	size_t cap = 4096 + n * 400, o = 0, i;
	char *b = malloc(cap);

	if (!b)
		return NULL;
	o += (size_t)snprintf(b + o, cap - o,
		"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"%s\","
		"\"werkgever\":{\"id\":\"WG-B\",\"naam\":\"Bench B.V.\","
		"\"eigenrisicodrager_wga\":false},"
		"\"werknemer\":{\"id\":\"WN-%s\",\"naam\":\"B. Ench\"},"
		"\"dienstverband\":{\"begindatum\":\"2015-03-01\","
		"\"einddatum\":null,\"soort\":\"onbepaalde_tijd\","
		"\"functie\":\"Bakker\",\"uren_per_week\":38,"
		"\"maandloon_cent\":312500},\"vangnet\":null,"
		"\"verzuim\":[{\"datum\":\"2025-09-01\",\"soort\":\"ziek\","
		"\"percentage\":100}],\"gebeurtenissen\":[", did, did);
	for (i = 0; i < n; i++) {
		int dag = 1 + (int)(i % 28);
		const char *sep = i ? "," : "";

		switch (i % 5) {
		case 0:
		case 1:
			o += (size_t)snprintf(b + o, cap - o,
				"%s{\"id\":\"g%zu\",\"soort\":\"contact\","
				"\"datum\":\"2025-10-%02d\",\"tekst\":\"Gebeld "
				"over de voortgang; afspraak volgende week, "
				"werknemer voelt zich iets beter.\"}",
				sep, i, dag);
			break;
		case 2:
			o += (size_t)snprintf(b + o, cap - o,
				"%s{\"id\":\"g%zu\",\"soort\":\"evaluatie\","
				"\"datum\":\"2025-11-%02d\"}", sep, i, dag);
			break;
		case 3:
			o += (size_t)snprintf(b + o, cap - o,
				"%s{\"id\":\"g%zu\",\"soort\":\"belastbaarheid\","
				"\"datum\":\"2025-12-%02d\",\"zichtbaarheid\":"
				"\"medisch\",\"instrument\":\"fml\",\"items\":"
				"[{\"code\":\"IV.13\",\"niveau\":2,"
				"\"toelichting\":\"tillen tot 10 kg\"},"
				"{\"code\":\"V.4\",\"niveau\":1}]}",
				sep, i, dag);
			break;
		default:
			o += (size_t)snprintf(b + o, cap - o,
				"%s{\"id\":\"g%zu\",\"soort\":\"sollicitatie\","
				"\"datum\":\"2026-01-%02d\",\"werkgever\":"
				"\"Bakkerij Noord\",\"functie\":\"Verkoper\","
				"\"uitkomst\":\"verstuurd\"}", sep, i, dag);
		}
	}
	o += (size_t)snprintf(b + o, cap - o, "]}");
	*len = o;
	return b;
}

static void
rapport(const char *wat, size_t n, double *t, int k)
{
	qsort(t, (size_t)k, sizeof(*t), cmp_d);
	printf("%-8s %6zu entries: median %8.3f ms, worst %8.3f ms (%d runs)\n",
	       wat, n, t[k / 2], t[k - 1], k);
}

int
main(int argc, char **argv)
{
	const char *url = NULL, *sizes = "10,1000,10000";
	char tmpl[] = "/tmp/spoor-bench-append.XXXXXX", pad[64], err[256];
	struct store *s = NULL;
	int runs = 21, i, eigen = 0, rc = 1;
	const char *p;
	double *t;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			url = argv[++i];
		else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--sizes") && i + 1 < argc)
			sizes = argv[++i];
		else {
			fprintf(stderr, "gebruik: bench_append [--db URL] "
				"[--runs K] [--sizes 10,1000,10000]\n");
			return 2;
		}
	}
	if (runs < 1)
		runs = 1;
	if (!url) {
		int fd = mkstemp(tmpl);

		if (fd < 0)
			return 1;
		close(fd);
		unlink(tmpl);
		snprintf(pad, sizeof(pad), "%s.db", tmpl);
		url = pad;
		eigen = 1;
	}
	if (store_open(url, 1, &s, err, sizeof(err))) {
		fprintf(stderr, "bench_append: %s\n", err);
		return 1;
	}
	t = calloc((size_t)runs, sizeof(*t));
	if (!t)
		goto out;
	for (p = sizes; *p;) {
		size_t n = strtoul(p, NULL, 10), len;
		char did[48], *doc;
		struct casefile_fout f;
		int64_t id;
		int k;

		snprintf(did, sizeof(did), "B-%zu-%ld", n, (long)getpid());
		doc = maak_dossier(did, n, &len);
		if (!doc || store_import(s, doc, len, 0, "bench", &id, &f)) {
			fprintf(stderr, "bench_append: import %s: %s %s\n", did,
				f.pad, f.reden);
			free(doc);
			goto out;
		}
		free(doc);
		for (k = 0; k < runs; k++) {
			static const char e[] = "{\"soort\":\"contact\","
				"\"datum\":\"2026-02-02\",\"tekst\":\"Gebeld; "
				"gaat goed.\"}";
			double t0 = nu_ms();

			if (store_gebeurtenis_toevoegen(s, id, e, sizeof(e) - 1,
							ROL_BIT(ROL_CASEMANAGER),
							0, "bench", NULL, &f)) {
				fprintf(stderr, "bench_append: append: %s %s\n",
					f.pad, f.reden);
				goto out;
			}
			t[k] = nu_ms() - t0;
		}
		rapport("append", n, t, runs);
		for (k = 0; k < runs; k++) {
			struct dossier d;
			double t0 = nu_ms();

			dossier_init(&d);
			if (store_dossier_laad(s, id, &d)) {
				fprintf(stderr, "bench_append: load: %s\n",
					store_errmsg(s));
				goto out;
			}
			t[k] = nu_ms() - t0;
			dossier_release(&d);
		}
		rapport("load", n, t, runs);
		p += strcspn(p, ",");
		if (*p == ',')
			p++;
	}
	rc = 0;
out:
	free(t);
	store_free(s);
	if (eigen) {
		char x[96];

		unlink(url);
		snprintf(x, sizeof(x), "%s-wal", url);
		unlink(x);
		snprintf(x, sizeof(x), "%s-shm", url);
		unlink(x);
	}
	return rc;
}

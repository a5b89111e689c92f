/*
 * toets.c - benchmark: timeline plus poortwachtertoets of many synthetic
 * cases in memory (architecture §8: >= 5,000,000 cases/s on one core).
 *
 * Method: NTEMPL synthetic case files are built in memory (a random first
 * sick day in 2020-2030, 0-3 interruptions, and a random subset of the
 * dossier events a real case has: probleemanalyse, plan van aanpak with or
 * without casemanager, evaluations, 42e-weekmelding, EJE, second track
 * with activities and applications, werkhervatting, refusals). A case is
 * one template evaluated at one peildatum; N cases cycle through the
 * templates with peildata spread over the two years of the case. Per case
 * the benchmark runs tijdlijn_feiten_uit_dossier, tijdlijn_bereken and
 * toets_bereken, exactly what `spoor toets` does after parsing. Results
 * are folded into a checksum so nothing is optimised away. Best of RUNS.
 *
 * Usage: bench_toets [--n N] [--runs R] [--per-dossier] [--continu]
 *   --continu      continuous cases without events
 *   --per-dossier  consecutive cases share a dossier (warm caches)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/tijdlijn.h"
#include "core/toets.h"

#define NTEMPL 1024
#define MAXGB 24

struct templ {
	struct dossier ds;
	struct verzuim_mutatie vz[8];
	struct gebeurtenis gb[MAXGB];
	struct ziekrange r[8];
	struct ziekteverloop zv;
};

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static void
add(struct templ *t, enum gb_soort s, sdate d)
{
	struct gebeurtenis *g;

	if (t->ds.ngb == MAXGB)
		return;
	g = &t->gb[t->ds.ngb++];
	memset(g, 0, sizeof(*g));
	g->soort = (uint8_t)s;
	g->datum = d;
	g->tot = g->verwachte_terugkeer = g->uiterste_aanvraagdatum = DATE_NONE;
}

static char casemanager[] = "M. Bakker";

static int zonder_gebeurtenissen;

static void
maak(struct templ *t)
{
	sdate d = date_from_ymd(2020, 1, 1) + (sdate)rnd(3650), x;
	size_t n = 0, bad;
	uint32_t gaps = rnd(4), i;

	dossier_init(&t->ds);
	t->vz[n++] = (struct verzuim_mutatie){d, VZ_ZIEK, 100};
	x = d;
	for (i = 0; i < gaps; i++) {
		x += 20 + (sdate)rnd(100);
		t->vz[n++] = (struct verzuim_mutatie){x, VZ_HERSTELD, 0};
		x += 1 + (sdate)rnd(26);
		t->vz[n++] = (struct verzuim_mutatie){x, VZ_ZIEK, 50};
	}
	t->ds.verzuim = t->vz;
	t->ds.nverzuim = n;
	t->ds.gb = t->gb;
	if (zonder_gebeurtenissen) {
		t->vz[0].datum = d;
		t->ds.nverzuim = 1;
		if (ziekteverloop_build(t->vz, 1, t->r, 8, &t->zv, &bad) != 0)
			abort();
		return;
	}
	if (rnd(10))
		add(t, GB_VERZUIMMELDING_ARBODIENST, d + 2);
	if (rnd(10) > 1) {
		add(t, GB_PROBLEEMANALYSE, d + 30 + (sdate)rnd(20));
		t->gb[t->ds.ngb - 1].velden = GV_BENUTBARE;
		t->gb[t->ds.ngb - 1].benutbare = rnd(20) != 0;
	}
	if (rnd(10) > 1) {
		add(t, GB_PLAN_VAN_AANPAK, d + 50 + (sdate)rnd(20));
		if (rnd(4)) {
			t->gb[t->ds.ngb - 1].casemanager.s = casemanager;
			t->gb[t->ds.ngb - 1].casemanager.len =
				sizeof(casemanager) - 1;
		}
	}
	for (i = 0; i < rnd(6); i++)
		add(t, GB_EVALUATIE, d + 100 + (sdate)(i * 45 + rnd(20)));
	if (rnd(10) > 1)
		add(t, GB_MELDING_42E_WEEK, d + 280 + (sdate)rnd(40));
	if (rnd(10) > 2)
		add(t, GB_EERSTEJAARSEVALUATIE, d + 320 + (sdate)rnd(60));
	if (rnd(10) > 3) {
		sdate s = d + 370 + (sdate)rnd(80);

		add(t, GB_START_TWEEDE_SPOOR, s);
		for (i = 0; i < rnd(5); i++) {
			add(t, GB_ACTIVITEIT, s + 14 + (sdate)(i * 30));
			t->gb[t->ds.ngb - 1].velden = GV_MODULE;
			t->gb[t->ds.ngb - 1].module = (uint8_t)rnd(MOD__COUNT);
		}
		for (i = 0; i < rnd(4); i++)
			add(t, GB_SOLLICITATIE, s + 40 + (sdate)(i * 21));
	}
	if (rnd(8) == 0) {
		add(t, GB_WERKHERVATTING, d + 200);
		t->gb[t->ds.ngb - 1].velden = GV_THERAPEUTISCH | GV_BIJ;
		t->gb[t->ds.ngb - 1].therapeutisch = 1;
	}
	if (rnd(10) == 0)
		add(t, GB_WEIGERING_WERKNEMER, d + 150);
	if (rnd(3) == 0)
		add(t, GB_RE_INTEGRATIEVERSLAG, d + 600 + (sdate)rnd(60));
	if (ziekteverloop_build(t->vz, n, t->r, 8, &t->zv, &bad) != 0)
		abort();
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int
main(int argc, char **argv)
{
	static struct templ tp[NTEMPL];
	long n = 1000000, runs = 5, c;
	int i, per_dossier = 0;
	double best = 1e9;
	uint64_t sum = 0;
	struct rusage ru;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--per-dossier") == 0)
			per_dossier = 1;
		else if (strcmp(argv[i], "--continu") == 0)
			zonder_gebeurtenissen = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--n") == 0)
			n = strtol(argv[++i], NULL, 10);
		else if (i + 1 < argc && strcmp(argv[i], "--runs") == 0)
			runs = strtol(argv[++i], NULL, 10);
	}
	if (n <= 0 || runs <= 0) {
		fprintf(stderr, "usage: bench_toets [--n N] [--runs R]\n");
		return 2;
	}
	for (i = 0; i < NTEMPL; i++)
		maak(&tp[i]);
	for (c = 0; c < runs; c++) {
		double t0 = now(), dt;
		long k;

		for (k = 0; k < n; k++) {
			/* case k: template k % NTEMPL (every case a different
			 * dossier, as on a dashboard), or with --per-dossier
			 * consecutive peildata of one dossier */
			long j = per_dossier ? (k * NTEMPL) / n : k % NTEMPL;
			const struct templ *t = &tp[j];
			struct tijdlijn_feiten f;
			struct tijdlijn tl;
			struct toets ts;
			sdate peil = t->zv.d + (sdate)((per_dossier ? k : k / NTEMPL) % 800);

			tijdlijn_feiten_uit_dossier(&t->ds, t->zv.d, &f);
			tijdlijn_bereken(&t->zv, &f, peil, &tl);
			toets_bereken(&t->ds, &tl, &ts);
			sum += ts.n + ts.risico + (uint64_t)ts.b[0].d1;
		}
		dt = now() - t0;
		if (dt < best)
			best = dt;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("toets: %ld cases (%d dossiers, %s, %s), best of %ld runs: "
	       "%.3f s, %.0f cases/s\n", n, NTEMPL,
	       zonder_gebeurtenissen ? "continuous, no events" : "mixed events",
	       per_dossier ? "per dossier" : "round robin", runs, best,
	       (double)n / best);
	printf("toets: sizeof(struct tijdlijn) %zu + sizeof(struct toets) %zu "
	       "bytes per case on the stack; templates %zu bytes each\n",
	       sizeof(struct tijdlijn), sizeof(struct toets),
	       sizeof(struct templ));
	printf("toets: peak RSS %ld KiB, checksum %llu\n", ru.ru_maxrss,
	       (unsigned long long)sum);
	return 0;
}

/*
 * tijdlijn.c - benchmark: the statutory timeline of many synthetic cases
 * in memory (issue 2, architecture §8: >= 10,000,000 continuous cases/s on
 * one core).
 *
 * Method. Case i (0 <= i < N) has first sick day
 *     D_i = 2020-01-01 + (i * 7919) mod 3650
 * and peildatum D_i + (i mod 800), the same formula bench/run.sh uses for
 * the PostgreSQL table, so both compute the same cases.
 *   continu  one open illness: ziekteverloop_continu + tijdlijn_bereken;
 *   gemengd  0-3 interruptions of 1-40 fit days (some >= 28, so a new
 *            verzuimgeval) and partial percentages: ziekteverloop_build
 *            from the mutations + tijdlijn_bereken.
 * Every milestone of architecture §5.1 with its status is computed; the
 * results are folded into a checksum. Best of RUNS.
 *
 * Cross-check. With --pg-som the program prints, for the continuous cases,
 * the sum over all cases of the day numbers (relative to 2000-01-01) of the
 * five main action deadlines (probleemanalyse, plan van aanpak,
 * 42e-weekmelding, eerstejaarsevaluatie, start tweede spoor) as spoor
 * computes them; bench/run.sh compares it with the SQL query's sum.
 *
 * Bytes per case: the input a case needs in memory (first sick day and
 * peildatum, or the mutation list) and the result struct tijdlijn, which
 * the benchmark reuses per case.
 *
 * Usage: bench_tijdlijn [--n N] [--runs R] [--pg-som]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/tijdlijn.h"

#define MAXMUT 12 /* 1 + 3 interruptions of up to 3 mutations */

struct gemengd {
	struct verzuim_mutatie m[MAXMUT];
	uint8_t n;
	sdate peil;
};

static uint64_t rng = 0x2545f4914f6cdd1du;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static sdate
eerste_ziektedag(long i, sdate basis)
{
	return basis + (sdate)((i * 7919) % 3650);
}

/* Fold a result into the checksum: the sick-day number and one milestone,
 * a different one per case, so every field is live but folding stays cheap
 * next to the computation measured. */
static uint64_t
vouw(const struct tijdlijn *t, long i)
{
	const struct mijlpaal *m = &t->m[(unsigned long)i % MP__COUNT];

	return (uint64_t)t->ziektedag + (uint64_t)(uint32_t)m->datum * 3u +
	       m->status;
}

static void
maak_gemengd(struct gemengd *g, sdate d)
{
	uint32_t gaps = rnd(4), i;
	sdate x = d;
	uint8_t n = 0;

	g->m[n++] = (struct verzuim_mutatie){d, VZ_ZIEK, 100};
	for (i = 0; i < gaps; i++) {
		x += 10 + (sdate)rnd(120);
		if (rnd(3) == 0)
			g->m[n++] = (struct verzuim_mutatie){x++, VZ_ZIEK, 50};
		g->m[n++] = (struct verzuim_mutatie){x, VZ_HERSTELD, 0};
		x += 1 + (sdate)rnd(40);
		g->m[n++] = (struct verzuim_mutatie){x, VZ_ZIEK, 100};
	}
	g->n = n;
	g->peil = d + (sdate)rnd(800);
}

int
main(int argc, char **argv)
{
	long n = 1000000, runs = 5, r, i;
	int pg_som = 0, a;
	sdate basis = date_from_ymd(2020, 1, 1);
	sdate nul = date_from_ymd(2000, 1, 1);
	double best_c = 1e30, best_g = 1e30;
	uint64_t sum = 0;
	struct gemengd *gm;
	struct rusage ru;

	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--pg-som") == 0)
			pg_som = 1;
		else if (a + 1 < argc && strcmp(argv[a], "--n") == 0)
			n = strtol(argv[++a], NULL, 10);
		else if (a + 1 < argc && strcmp(argv[a], "--runs") == 0)
			runs = strtol(argv[++a], NULL, 10);
		else {
			fprintf(stderr, "usage: bench_tijdlijn [--n N] "
				"[--runs R] [--pg-som]\n");
			return 2;
		}
	}
	if (n <= 0 || runs <= 0) {
		fprintf(stderr, "bench_tijdlijn: N and R must be positive\n");
		return 2;
	}

	if (pg_som) {
		static const enum mijlpaal_id vijf[] = {
			MP_PROBLEEMANALYSE, MP_PLAN_VAN_AANPAK,
			MP_MELDING_42E_WEEK, MP_EERSTEJAARSEVALUATIE,
			MP_START_TWEEDE_SPOOR };
		struct tijdlijn_feiten f;
		int64_t s = 0;

		tijdlijn_feiten_init(&f);
		for (i = 0; i < n; i++) {
			struct ziekrange rb[1];
			struct ziekteverloop zv;
			struct tijdlijn t;
			sdate d = eerste_ziektedag(i, basis);
			size_t k;

			ziekteverloop_continu(d, rb, &zv);
			tijdlijn_bereken(&zv, &f, d + (sdate)(i % 800), &t);
			for (k = 0; k < sizeof(vijf) / sizeof(vijf[0]); k++)
				s += tijdlijn_mijlpaal(&t, vijf[k])->datum - nul;
		}
		printf("%lld\n", (long long)s);
		return 0;
	}

	/* continuous cases */
	for (r = 0; r < runs; r++) {
		struct tijdlijn_feiten f;
		double t0 = now(), dt;

		tijdlijn_feiten_init(&f);
		for (i = 0; i < n; i++) {
			struct ziekrange rb[1];
			struct ziekteverloop zv;
			struct tijdlijn t;
			sdate d = eerste_ziektedag(i, basis);

			ziekteverloop_continu(d, rb, &zv);
			tijdlijn_bereken(&zv, &f, d + (sdate)(i % 800), &t);
			sum += vouw(&t, i);
		}
		dt = now() - t0;
		if (dt < best_c)
			best_c = dt;
	}

	/* mixed cases, mutation lists prepared beforehand */
	gm = malloc((size_t)n * sizeof(*gm));
	if (gm == NULL) {
		fprintf(stderr, "bench_tijdlijn: out of memory\n");
		return 1;
	}
	for (i = 0; i < n; i++)
		maak_gemengd(&gm[i], eerste_ziektedag(i, basis));
	for (r = 0; r < runs; r++) {
		struct tijdlijn_feiten f;
		double t0 = now(), dt;

		tijdlijn_feiten_init(&f);
		for (i = 0; i < n; i++) {
			struct ziekrange rb[MAXMUT];
			struct ziekteverloop zv;
			struct tijdlijn t;
			size_t bad;

			if (ziekteverloop_build(gm[i].m, gm[i].n, rb, MAXMUT,
						&zv, &bad) != 0)
				abort();
			tijdlijn_bereken(&zv, &f, gm[i].peil, &t);
			sum += vouw(&t, i);
		}
		dt = now() - t0;
		if (dt < best_g)
			best_g = dt;
	}
	free(gm);

	getrusage(RUSAGE_SELF, &ru);
	printf("tijdlijn continu:  %ld cases, best of %ld: %.3f s, %.0f cases/s"
	       ", %zu bytes/case (input %zu + result %zu)\n",
	       n, runs, best_c, (double)n / best_c,
	       2 * sizeof(sdate) + sizeof(struct tijdlijn),
	       2 * sizeof(sdate), sizeof(struct tijdlijn));
	printf("tijdlijn gemengd:  %ld cases, best of %ld: %.3f s, %.0f cases/s"
	       ", %zu bytes/case (input %zu + result %zu)\n",
	       n, runs, best_g, (double)n / best_g,
	       sizeof(struct gemengd) + sizeof(struct tijdlijn),
	       sizeof(struct gemengd), sizeof(struct tijdlijn));
	printf("tijdlijn: %d milestones per case, peak RSS %ld KiB, "
	       "checksum %llu\n", MP__COUNT, ru.ru_maxrss,
	       (unsigned long long)sum);
	return 0;
}

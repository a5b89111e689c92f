/*
 * verzuim.h - sick periods, aggregation and the aggregated sick-day count.
 *
 * Input is the list of dated mutations of a case file (`verzuim`, as in the
 * SIVI standard). From it ziekteverloop_build() derives the *latest*
 * verzuimgeval: its first sick day D and its counted sick ranges. Rules:
 *   - `ziek` with any percentage keeps the illness going; a lower percentage
 *     is partial recovery and does not interrupt (R-AGG-4);
 *   - `hersteld` is the first fit day; fit days interrupt (R-AGG-2);
 *   - `zwangerschapsverlof` starts WAZO leave, ending at the next mutation;
 *     its days are neither sick days nor fit days (R-AGG-5);
 *   - fewer than AGG_NIEUW_GEVAL_DAGEN fit days between two sick ranges join
 *     them; that many or more start a new verzuimgeval (R-AGG-1, R-AGG-2).
 *
 * Nothing here allocates: the caller lends the range storage.
 */
#ifndef SPOOR_VERZUIM_H
#define SPOOR_VERZUIM_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* R-AGG-2: "minder dan vier weken": 27 fit days aggregate, 28 do not. */
#define AGG_NIEUW_GEVAL_DAGEN 28

enum verzuim_soort {
	VZ_ZIEK = 0,
	VZ_HERSTELD,
	VZ_ZWANGERSCHAPSVERLOF,
	VZ__COUNT
};

struct verzuim_mutatie {
	sdate datum;
	uint8_t soort;      /* enum verzuim_soort */
	uint8_t percentage; /* 1..100 for VZ_ZIEK, 0 otherwise */
};

/* Inclusive range of consecutive counted sick days. */
struct ziekrange {
	sdate van;
	sdate tot;   /* inclusive; for an open last range: the day before the
		      * next mutation does not exist, so tot == DATE_NONE */
	int32_t voor; /* sick days counted before this range */
};

struct ziekteverloop {
	sdate d;                  /* eerste ziektedag of the latest geval */
	struct ziekrange *r;      /* borrowed; nr entries */
	uint32_t nr;
	int open;                 /* the last range is still running */
	uint32_t geval_nr;        /* 1-based number of the latest geval */
	uint32_t geval_count;     /* how many verzuimgevallen in the file */
};

enum verzuim_fout {
	VZF_OK = 0,
	VZF_VOLGORDE = -1,   /* mutation dates not strictly increasing */
	VZF_GEEN_ZIEK = -2,  /* no `ziek` mutation at all */
	VZF_CAPACITEIT = -3, /* the lent storage is too small */
	VZF_WAARDE = -4      /* bad soort or percentage */
};

/*
 * Derive the latest verzuimgeval from n mutations. buf (cap entries, at
 * least n suffices) receives the ranges; out->r points into it. On error
 * returns an enum verzuim_fout and, when err_index is not NULL, the index
 * of the offending mutation; *out is untouched then.
 */
int ziekteverloop_build(const struct verzuim_mutatie *m, size_t n,
			struct ziekrange *buf, size_t cap,
			struct ziekteverloop *out, size_t *err_index);

/* A continuous illness from day d (one open range in buf). */
void ziekteverloop_continu(sdate d, struct ziekrange *buf,
			   struct ziekteverloop *out);

/*
 * Date of aggregated sick day k (k >= 1), R-CNT-9. Past the recorded
 * ranges the illness is extended day by day: an open illness runs on; a
 * closed one (hersteld, or on leave) is projected as if it went on directly
 * after its last sick day, which gives the earliest possible dates.
 */
sdate ziekteverloop_sickday_in(const struct ziekteverloop *zv, int32_t k);

static inline sdate
ziekteverloop_sickday(const struct ziekteverloop *zv, int32_t k)
{
	const struct ziekrange *last = &zv->r[zv->nr - 1];

	/* past the start of the last range, open or projected alike; the
	 * hot path of every milestone, hence inline */
	if (k > last->voor)
		return last->van + (k - last->voor - 1);
	return ziekteverloop_sickday_in(zv, k);
}

/* Number of counted sick days on or before day p (0 before D). */
int32_t ziekteverloop_ziektedag(const struct ziekteverloop *zv, sdate p);

/*
 * Days from D to p (inclusive) that are not counted: fit days and WAZO
 * days inside the geval. After the end of a closed illness only the
 * interruptions between its ranges count.
 */
int32_t ziekteverloop_onderbreking(const struct ziekteverloop *zv, sdate p);

/* Last recorded sick day of a closed illness; DATE_NONE while open. */
sdate ziekteverloop_laatste_ziektedag(const struct ziekteverloop *zv);

#endif /* SPOOR_VERZUIM_H */

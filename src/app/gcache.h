/*
 * gcache.h - a bounded, thread-safe cache of what the server computed for
 * a case, shared by the worker threads of one process.
 *
 * An entry is keyed by (dossier id, readable classes): the timeline and the
 * assessment are computed on the caller's filtered view, and the view
 * depends only on which visibility classes the caller may read. An entry
 * is valid for exactly one dossier versie and one peildatum: every write
 * of a case raises its versie (store.h), so a stale entry is never
 * served, also when another process wrote the case. Nothing here knows
 * about roles; the caller filters before it computes and before it stores.
 *
 * Bounds: at most `max` entries (the least recently used of a small probe
 * window is replaced) and at most `max_bytes` of cached JSON (a clock
 * sweep drops the JSON of entries not used since the last sweep).
 */
#ifndef SPOOR_GCACHE_H
#define SPOOR_GCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

/* What the dashboard shows of a case, for one peildatum. */
struct gcache_samenvatting {
	sdate eerste_ziektedag;  /* DATE_NONE: no usable illness */
	sdate actie_datum;       /* next action; DATE_NONE: none */
	int32_t ziekteweek;
	int32_t te_laat;         /* overdue milestones */
	int16_t actie;           /* enum mijlpaal_id of the next action, -1 */
	int8_t risico;           /* enum ernst; -1 without an illness */
	uint8_t tweede_spoor;    /* the second track has started */
	uint8_t percentage;      /* sick percentage at the peildatum */
};

/* The cached JSON documents of a case. */
enum gcache_uit { GC_DOSSIER, GC_TIJDLIJN, GC_TOETS, GC_LOON, GC__COUNT };

struct gcache_sleutel {
	int64_t dossier;
	uint32_t klassen;   /* toegang_klassen() of the caller's roles;
			     * toegang_zicht() for GC_DOSSIER */
	int64_t versie;
	sdate peil;
	/* the parameter generation the document was computed with: a
	 * GC_TOETS or GC_LOON document is a hit only for the same one
	 * (parameter rows changed in the database, store_param.h); the
	 * other documents and the summary ignore it */
	int64_t params;
};

struct gcache;

/* max: entries (at least 16); max_bytes: cached JSON in total. */
int gcache_new(size_t max, size_t max_bytes, struct gcache **out);
void gcache_free(struct gcache *c);

/* 0 and *s on a hit for exactly the key; -1 on a miss. */
int gcache_samenvatting(struct gcache *c, const struct gcache_sleutel *k,
			struct gcache_samenvatting *s);
void gcache_zet_samenvatting(struct gcache *c, const struct gcache_sleutel *k,
			     const struct gcache_samenvatting *s);

/*
 * 0 on a hit, with *out a malloc'd copy of the document (NUL-terminated,
 * the caller frees it) and *len its length; -1 on a miss or without
 * memory.
 */
int gcache_json(struct gcache *c, const struct gcache_sleutel *k,
		enum gcache_uit u, char **out, size_t *len);
/* Store a copy of json; silently nothing when it does not fit. */
void gcache_zet_json(struct gcache *c, const struct gcache_sleutel *k,
		     enum gcache_uit u, const char *json, size_t len);

/* Counters since the start, for the benchmarks and the tests. */
struct gcache_stats {
	uint64_t treffers, missers, verdrongen;
	size_t entries, bytes;
};
void gcache_stats(struct gcache *c, struct gcache_stats *out);

#endif /* SPOOR_GCACHE_H */

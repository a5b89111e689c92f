/*
 * gcache.c - the computed-case cache (see gcache.h).
 *
 * Open addressing over a power-of-two table; a key lives in one of the
 * VENSTER slots after its hash. Slots are never emptied (only replaced),
 * so a lookup scans the window and needs no tombstones.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "gcache.h"

#define VENSTER 8

struct slot {
	int64_t dossier, versie;
	uint32_t klassen;
	sdate peil;
	uint64_t tick;          /* last use, for replacement in the window */
	uint8_t bezet, ref, heeft_sv;
	struct gcache_samenvatting sv;
	char *json[GC__COUNT];
	size_t len[GC__COUNT];
	int64_t params[GC__COUNT]; /* gcache_sleutel.params of each json */
};

struct gcache {
	pthread_mutex_t m;
	struct slot *s;
	size_t mask, n, bytes, max_bytes, wijzer;
	uint64_t tick, treffers, missers, verdrongen;
};

static uint64_t
meng(int64_t dossier, uint32_t klassen)
{
	uint64_t x = (uint64_t)dossier * 0x9e3779b97f4a7c15ull ^ klassen;

	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

int
gcache_new(size_t max, size_t max_bytes, struct gcache **out)
{
	struct gcache *c = calloc(1, sizeof(*c));
	size_t cap = 16;

	if (!c)
		return -1;
	while (cap < max && cap < ((size_t)1 << 30))
		cap <<= 1;
	c->s = calloc(cap, sizeof(*c->s));
	if (!c->s) {
		free(c);
		return -1;
	}
	c->mask = cap - 1;
	c->max_bytes = max_bytes;
	pthread_mutex_init(&c->m, NULL);
	*out = c;
	return 0;
}

static void
slot_json_weg(struct gcache *c, struct slot *s)
{
	int u;

	for (u = 0; u < GC__COUNT; u++) {
		c->bytes -= s->len[u];
		free(s->json[u]);
		s->json[u] = NULL;
		s->len[u] = 0;
	}
}

void
gcache_free(struct gcache *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i <= c->mask; i++)
		slot_json_weg(c, &c->s[i]);
	pthread_mutex_destroy(&c->m);
	free(c->s);
	free(c);
}

/* The slot of the key (any versie and peil), or NULL; under the lock. */
static struct slot *
zoek(struct gcache *c, int64_t dossier, uint32_t klassen)
{
	size_t h = (size_t)meng(dossier, klassen), i;

	for (i = 0; i < VENSTER; i++) {
		struct slot *s = &c->s[(h + i) & c->mask];

		if (!s->bezet)
			return NULL;
		if (s->dossier == dossier && s->klassen == klassen)
			return s;
	}
	return NULL;
}

static struct slot *
zoek_geldig(struct gcache *c, const struct gcache_sleutel *k)
{
	struct slot *s = zoek(c, k->dossier, k->klassen);

	if (s && (s->versie != k->versie || s->peil != k->peil))
		s = NULL;
	if (s) {
		s->tick = ++c->tick;
		s->ref = 1;
	}
	return s;
}

/* The slot for the key, made current (emptied when its versie or peil
 * differ, or when it held another key); under the lock. */
static struct slot *
plaats(struct gcache *c, const struct gcache_sleutel *k)
{
	size_t h = (size_t)meng(k->dossier, k->klassen), i;
	struct slot *s = NULL, *oudste = &c->s[h & c->mask];

	for (i = 0; i < VENSTER; i++) {
		struct slot *t = &c->s[(h + i) & c->mask];

		if (!t->bezet || (t->dossier == k->dossier &&
				  t->klassen == k->klassen)) {
			s = t;
			break;
		}
		if (t->tick < oudste->tick)
			oudste = t;
	}
	if (!s) {
		s = oudste;
		c->verdrongen++;
	}
	if (!s->bezet)
		c->n++;
	if (!s->bezet || s->dossier != k->dossier || s->klassen != k->klassen ||
	    s->versie != k->versie || s->peil != k->peil) {
		slot_json_weg(c, s);
		s->heeft_sv = 0;
		s->bezet = 1;
		s->dossier = k->dossier;
		s->klassen = k->klassen;
		s->versie = k->versie;
		s->peil = k->peil;
	}
	s->tick = ++c->tick;
	s->ref = 1;
	return s;
}

int
gcache_samenvatting(struct gcache *c, const struct gcache_sleutel *k,
		    struct gcache_samenvatting *sv)
{
	struct slot *s;
	int rc = -1;

	pthread_mutex_lock(&c->m);
	s = zoek_geldig(c, k);
	if (s && s->heeft_sv) {
		*sv = s->sv;
		rc = 0;
	}
	if (rc)
		c->missers++;
	else
		c->treffers++;
	pthread_mutex_unlock(&c->m);
	return rc;
}

void
gcache_zet_samenvatting(struct gcache *c, const struct gcache_sleutel *k,
			const struct gcache_samenvatting *sv)
{
	struct slot *s;

	pthread_mutex_lock(&c->m);
	s = plaats(c, k);
	s->sv = *sv;
	s->heeft_sv = 1;
	pthread_mutex_unlock(&c->m);
}

/* The documents computed with the parameter tables. */
static int
params_tellen(enum gcache_uit u)
{
	return u == GC_TOETS || u == GC_LOON;
}

int
gcache_json(struct gcache *c, const struct gcache_sleutel *k,
	    enum gcache_uit u, char **out, size_t *len)
{
	struct slot *s;
	char *kopie = NULL;
	size_t n = 0;

	pthread_mutex_lock(&c->m);
	s = zoek_geldig(c, k);
	if (s && s->json[u] &&
	    (!params_tellen(u) || s->params[u] == k->params)) {
		n = s->len[u];
		kopie = malloc(n + 1);
		if (kopie) {
			memcpy(kopie, s->json[u], n);
			kopie[n] = '\0';
		}
	}
	if (kopie)
		c->treffers++;
	else
		c->missers++;
	pthread_mutex_unlock(&c->m);
	if (!kopie)
		return -1;
	*out = kopie;
	*len = n;
	return 0;
}

/* CLOCK: drop the JSON of entries not used since the hand last passed,
 * until the new document fits; under the lock. */
static void
maak_ruimte(struct gcache *c, size_t nodig)
{
	size_t stappen = 0, cap = c->mask + 1;

	while (c->bytes + nodig > c->max_bytes && stappen < 2 * cap) {
		struct slot *s = &c->s[c->wijzer];

		c->wijzer = (c->wijzer + 1) & c->mask;
		stappen++;
		if (s->ref)
			s->ref = 0;
		else
			slot_json_weg(c, s);
	}
}

void
gcache_zet_json(struct gcache *c, const struct gcache_sleutel *k,
		enum gcache_uit u, const char *json, size_t len)
{
	struct slot *s;
	char *kopie;

	if (len > c->max_bytes / 4)
		return;
	kopie = malloc(len + 1);
	if (!kopie)
		return;
	memcpy(kopie, json, len);
	kopie[len] = '\0';
	pthread_mutex_lock(&c->m);
	maak_ruimte(c, len);
	s = plaats(c, k);
	c->bytes -= s->len[u];
	free(s->json[u]);
	s->json[u] = kopie;
	s->len[u] = len;
	s->params[u] = k->params;
	c->bytes += len;
	pthread_mutex_unlock(&c->m);
}

void
gcache_stats(struct gcache *c, struct gcache_stats *out)
{
	pthread_mutex_lock(&c->m);
	out->treffers = c->treffers;
	out->missers = c->missers;
	out->verdrongen = c->verdrongen;
	out->entries = c->n;
	out->bytes = c->bytes;
	pthread_mutex_unlock(&c->m);
}

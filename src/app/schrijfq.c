/*
 * schrijfq.c - group commit of appends (see schrijfq.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/schrijfq.h"
#include "store/laad.h"
#include "store/store.h"

/* At most this many appends share one transaction: a batch stays short
 * enough that the first of it does not wait long for the last. */
#define SCHRIJFQ_BATCH 64

/* One append, on the stack of the worker thread that waits for it. */
struct stap {
	struct stap *volgende;
	int verzuim;
	int64_t id, auteur;
	const char *json, *auteur_naam;
	size_t len;
	uint32_t rollen;
	/* the answer */
	int rc, klaar;
	char *nieuw_id;
	struct casefile_fout f;
	char fout[256];   /* the writer's reason of a database failure */
};

struct schrijfq {
	pthread_mutex_t m;
	pthread_cond_t werk, klaar;
	pthread_t draad;
	struct store *s;
	struct stap *kop, **staart;   /* waiting appends, in order */
	uint64_t batches, stappen;
	int stop;
};

/* A failure of the writer's own (not the append's): its reason travels
 * to the caller, whose connection's store_errmsg() the server logs. */
static void
fout(struct store *s, struct stap *t, int rc)
{
	free(t->nieuw_id);
	t->nieuw_id = NULL;
	t->rc = rc;
	t->f.pad[0] = t->f.reden[0] = '\0';
	snprintf(t->fout, sizeof(t->fout), "%s", store_errmsg(s));
}

/* Run one append under its savepoint. A refused append (its own answer:
 * invalid, forbidden, not found) rolls back to the savepoint; so does a
 * failed RELEASE, so nothing of a failed append is committed. */
static void
voer_uit(struct store *s, struct stap *t)
{
	int rc = store_savepoint(s);

	if (rc) {
		fout(s, t, rc);
		return;
	}
	if (t->verzuim)
		rc = store_verzuim_toevoegen_tx(s, t->id, t->json, t->len,
						t->rollen, t->auteur,
						t->auteur_naam, &t->f);
	else
		rc = store_gebeurtenis_toevoegen_tx(s, t->id, t->json, t->len,
						    t->rollen, t->auteur,
						    t->auteur_naam,
						    &t->nieuw_id, &t->f);
	t->rc = rc;
	if (rc && rc != ST_ONGELDIG && rc != ST_VERBODEN &&
	    rc != ST_NIET_GEVONDEN)
		snprintf(t->fout, sizeof(t->fout), "%s", store_errmsg(s));
	if (rc == 0 && store_savepoint_vrij(s) == 0)
		return;
	if (rc == 0)
		fout(s, t, ST_ERR);
	/* on a transaction SQLite already ended there is nothing to roll
	 * back to; batch() sees that */
	if (store_in_tx(s))
		(void)store_savepoint_terug(s);
}

/*
 * One transaction: begin, the appends from b on, commit. A failed begin
 * or commit is every append's answer. When the transaction ends under
 * an append (SQLite rolls back the whole transaction on a full disk, an
 * I/O error, no memory, RAISE(ROLLBACK)), what it wrote so far is gone:
 * the appends before it and it get the error, and the appends after it
 * are returned, to run in a transaction of their own - never outside
 * one. NULL when the whole list is answered.
 */
static struct stap *
transactie(struct store *s, struct stap *b)
{
	struct stap *t, *u;
	int rc = store_begin(s);

	if (rc) {
		for (t = b; t; t = t->volgende)
			fout(s, t, rc);
		return NULL;
	}
	for (t = b; t; t = t->volgende) {
		voer_uit(s, t);
		if (store_in_tx(s))
			continue;
		rc = t->rc ? t->rc : ST_ERR;
		if (!t->fout[0])
			snprintf(t->fout, sizeof(t->fout), "%s",
				 store_errmsg(s));
		for (u = b; u != t->volgende; u = u->volgende)
			if (u->rc == 0 || u == t) {
				char reden[sizeof(t->fout)];

				memcpy(reden, t->fout, sizeof(reden));
				fout(s, u, rc);
				memcpy(u->fout, reden, sizeof(reden));
			}
		return t->volgende;
	}
	rc = store_commit(s);
	if (rc == 0)
		return NULL;
	for (t = b; t; t = t->volgende)
		if (t->rc == 0)
			fout(s, t, rc);
	store_rollback(s);
	return NULL;
}

/* A batch: transactions until every append is answered. */
static void
batch(struct store *s, struct stap *b)
{
	while (b)
		b = transactie(s, b);
}

static void *
schrijver(void *arg)
{
	struct schrijfq *q = arg;

	pthread_mutex_lock(&q->m);
	for (;;) {
		struct stap *b, *t;
		size_t n;

		while (!q->kop && !q->stop)
			pthread_cond_wait(&q->werk, &q->m);
		if (!q->kop)
			break;
		/* take up to SCHRIJFQ_BATCH from the head */
		b = q->kop;
		for (n = 1, t = b; t->volgende && n < SCHRIJFQ_BATCH; n++)
			t = t->volgende;
		q->kop = t->volgende;
		if (!q->kop)
			q->staart = &q->kop;
		t->volgende = NULL;
		pthread_mutex_unlock(&q->m);
		batch(q->s, b);
		pthread_mutex_lock(&q->m);
		q->batches++;
		q->stappen += n;
		for (t = b; t;) {
			struct stap *v = t->volgende;

			/* after this the waiter may return and the stap,
			 * on its stack, is gone */
			t->klaar = 1;
			t = v;
		}
		pthread_cond_broadcast(&q->klaar);
	}
	pthread_mutex_unlock(&q->m);
	return NULL;
}

int
schrijfq_start(const char *db_url, struct schrijfq **out, char *err,
	       size_t errlen)
{
	struct schrijfq *q = calloc(1, sizeof(*q));

	if (!q) {
		snprintf(err, errlen, "onvoldoende geheugen");
		return -1;
	}
	if (store_open(db_url, 0, &q->s, err, errlen)) {
		free(q);
		return -1;
	}
	q->staart = &q->kop;
	pthread_mutex_init(&q->m, NULL);
	pthread_cond_init(&q->werk, NULL);
	pthread_cond_init(&q->klaar, NULL);
	if (pthread_create(&q->draad, NULL, schrijver, q)) {
		snprintf(err, errlen, "kan de schrijver niet starten");
		pthread_cond_destroy(&q->klaar);
		pthread_cond_destroy(&q->werk);
		pthread_mutex_destroy(&q->m);
		store_free(q->s);
		free(q);
		return -1;
	}
	*out = q;
	return 0;
}

int
schrijfq_toevoegen(struct schrijfq *q, struct store *melder, int verzuim,
		   int64_t id, const char *json, size_t len, uint32_t rollen,
		   int64_t auteur, const char *auteur_naam, char **nieuw_id,
		   struct casefile_fout *f)
{
	struct stap t;

	memset(&t, 0, sizeof(t));
	t.verzuim = verzuim;
	t.id = id;
	t.json = json;
	t.len = len;
	t.rollen = rollen;
	t.auteur = auteur;
	t.auteur_naam = auteur_naam;
	pthread_mutex_lock(&q->m);
	/* the job lives on this stack until the writer marks it klaar and
	 * drops it from the queue; this function returns only after that */
	// cppcheck-suppress autoVariables
	*q->staart = &t;
	// cppcheck-suppress autoVariables
	q->staart = &t.volgende;
	pthread_cond_signal(&q->werk);
	while (!t.klaar)
		pthread_cond_wait(&q->klaar, &q->m);
	pthread_mutex_unlock(&q->m);
	*f = t.f;
	if (t.rc && t.fout[0] && melder)
		store_fout_zet(melder, t.fout);
	if (t.rc == 0 && nieuw_id)
		*nieuw_id = t.nieuw_id;
	else
		free(t.nieuw_id);
	return t.rc;
}

void
schrijfq_stand(struct schrijfq *q, struct schrijfq_stand *out)
{
	pthread_mutex_lock(&q->m);
	out->batches = q->batches;
	out->stappen = q->stappen;
	pthread_mutex_unlock(&q->m);
}

void
schrijfq_stop(struct schrijfq *q)
{
	if (!q)
		return;
	pthread_mutex_lock(&q->m);
	q->stop = 1;
	pthread_cond_signal(&q->werk);
	pthread_mutex_unlock(&q->m);
	pthread_join(q->draad, NULL);
	pthread_cond_destroy(&q->klaar);
	pthread_cond_destroy(&q->werk);
	pthread_mutex_destroy(&q->m);
	store_free(q->s);
	free(q);
}

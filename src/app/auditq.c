/*
 * auditq.c - group commit of read audit records (see auditq.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auditq.h"
#include "store/store.h"

#define AUDITQ_MAX 8192

struct auditq {
	pthread_mutex_t m;
	pthread_cond_t werk, klaar;
	pthread_t draad;
	struct store *s;
	struct store_audit_rec *rij;  /* AUDITQ_MAX slots */
	size_t n;
	uint64_t gezet, geschreven;   /* records queued / stored, ever */
	uint64_t fouten;              /* failed batch writes, ever */
	long wacht_ms;                /* auditq_zet_wacht's bound */
	int stop;
};

static void
rec_vrij(struct store_audit_rec *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].wie);
		free(r[i].actie);
	}
}

static void *
schrijver(void *arg)
{
	struct auditq *q = arg;
	struct store_audit_rec *batch = calloc(AUDITQ_MAX, sizeof(*batch));
	size_t n;

	if (!batch)
		return NULL;
	pthread_mutex_lock(&q->m);
	for (;;) {
		while (q->n == 0 && !q->stop)
			pthread_cond_wait(&q->werk, &q->m);
		if (q->n == 0 && q->stop)
			break;
		n = q->n;
		memcpy(batch, q->rij, n * sizeof(*batch));
		q->n = 0;
		pthread_mutex_unlock(&q->m);
		/* a failed batch is kept and tried again: an audit record
		 * is never dropped silently */
		while (store_audit_reeks(q->s, batch, n) != 0) {
			struct timespec t = {0, 50L * 1000 * 1000};

			fprintf(stderr, "spoor serve: auditlog: %s; opnieuw\n",
				store_errmsg(q->s));
			pthread_mutex_lock(&q->m);
			q->fouten++;
			pthread_mutex_unlock(&q->m);
			nanosleep(&t, NULL);
		}
		rec_vrij(batch, n);
		pthread_mutex_lock(&q->m);
		q->geschreven += n;
		pthread_cond_broadcast(&q->klaar);
	}
	pthread_mutex_unlock(&q->m);
	free(batch);
	return NULL;
}

int
auditq_start(const char *db_url, struct auditq **out, char *err,
	     size_t errlen)
{
	struct auditq *q = calloc(1, sizeof(*q));

	if (!q || !(q->rij = calloc(AUDITQ_MAX, sizeof(*q->rij)))) {
		free(q);
		snprintf(err, errlen, "onvoldoende geheugen");
		return -1;
	}
	if (store_open(db_url, 0, &q->s, err, errlen)) {
		free(q->rij);
		free(q);
		return -1;
	}
	q->wacht_ms = 5000;
	pthread_mutex_init(&q->m, NULL);
	pthread_cond_init(&q->werk, NULL);
	{
		pthread_condattr_t ca;

		/* auditq_zet_wacht's deadline on the monotonic clock */
		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&q->klaar, &ca);
		pthread_condattr_destroy(&ca);
	}
	if (pthread_create(&q->draad, NULL, schrijver, q)) {
		snprintf(err, errlen, "kan de auditschrijver niet starten");
		store_free(q->s);
		free(q->rij);
		free(q);
		return -1;
	}
	*out = q;
	return 0;
}

/* The queue's slots own the copies; gcc's analyzer cannot follow the
 * pointer into q->rij and reports a leak. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
/* auditq_zet(); *nummer (when not NULL) gets the record's place in the
 * order of queueing, for zet_wacht. */
static int
zet(struct auditq *q, int64_t gebruiker, const char *wie, uint32_t rollen,
    int64_t dossier, const char *actie, uint32_t klassen, uint64_t *nummer)
{
	struct store_audit_rec *r;
	int rc = 0;

	pthread_mutex_lock(&q->m);
	while (q->n == AUDITQ_MAX)
		pthread_cond_wait(&q->klaar, &q->m);
	/* filled in place, so the queue owns the copies from the start */
	r = &q->rij[q->n];
	r->gebruiker = gebruiker;
	r->dossier = dossier;
	r->rollen = rollen;
	r->klassen = klassen;
	r->wie = strdup(wie);
	r->actie = strdup(actie);
	if (!r->wie || !r->actie) {
		free(r->wie);
		free(r->actie);
		r->wie = r->actie = NULL;
		rc = -1;
	} else {
		q->n++;
		q->gezet++;
		if (nummer)
			*nummer = q->gezet;
		pthread_cond_signal(&q->werk);
	}
	pthread_mutex_unlock(&q->m);
	return rc;
}

int
auditq_zet(struct auditq *q, int64_t gebruiker, const char *wie,
	   uint32_t rollen, int64_t dossier, const char *actie,
	   uint32_t klassen)
{
	return zet(q, gebruiker, wie, rollen, dossier, actie, klassen, NULL);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

int
auditq_zet_wacht(struct auditq *q, int64_t gebruiker, const char *wie,
		 uint32_t rollen, int64_t dossier, const char *actie,
		 uint32_t klassen)
{
	struct timespec t;
	uint64_t nummer = 0;
	int rc = 0;

	if (zet(q, gebruiker, wie, rollen, dossier, actie, klassen, &nummer))
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t);
	pthread_mutex_lock(&q->m);
	t.tv_sec += q->wacht_ms / 1000;
	t.tv_nsec += (q->wacht_ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	/* the writer stores batches in queueing order, so geschreven
	 * passes nummer exactly when this record is in the database */
	while (q->geschreven < nummer && rc == 0)
		if (pthread_cond_timedwait(&q->klaar, &q->m, &t) != 0 &&
		    q->geschreven < nummer)
			rc = 1;
	pthread_mutex_unlock(&q->m);
	return rc;
}

void
auditq_wachttijd(struct auditq *q, long ms)
{
	pthread_mutex_lock(&q->m);
	q->wacht_ms = ms > 0 ? ms : 1;
	pthread_mutex_unlock(&q->m);
}

void
auditq_flush(struct auditq *q)
{
	uint64_t doel;

	pthread_mutex_lock(&q->m);
	doel = q->gezet;
	pthread_cond_signal(&q->werk);
	while (q->geschreven < doel)
		pthread_cond_wait(&q->klaar, &q->m);
	pthread_mutex_unlock(&q->m);
}

void
auditq_stand(struct auditq *q, struct auditq_stand *out)
{
	pthread_mutex_lock(&q->m);
	out->diepte = q->gezet - q->geschreven;
	out->fouten = q->fouten;
	pthread_mutex_unlock(&q->m);
}

void
auditq_stop(struct auditq *q)
{
	if (!q)
		return;
	pthread_mutex_lock(&q->m);
	q->stop = 1;
	pthread_cond_signal(&q->werk);
	pthread_mutex_unlock(&q->m);
	pthread_join(q->draad, NULL);
	rec_vrij(q->rij, q->n);
	pthread_cond_destroy(&q->werk);
	pthread_cond_destroy(&q->klaar);
	pthread_mutex_destroy(&q->m);
	store_free(q->s);
	free(q->rij);
	free(q);
}

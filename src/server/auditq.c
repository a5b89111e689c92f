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
	pthread_mutex_init(&q->m, NULL);
	pthread_cond_init(&q->werk, NULL);
	pthread_cond_init(&q->klaar, NULL);
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
int
auditq_zet(struct auditq *q, int64_t gebruiker, const char *wie,
	   uint32_t rollen, int64_t dossier, const char *actie,
	   uint32_t klassen)
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
		pthread_cond_signal(&q->werk);
	}
	pthread_mutex_unlock(&q->m);
	return rc;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

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

/*
 * test_auditq.c - the server's queue of read audit records (auditq.h):
 * records from several threads all arrive, each thread's in its own order,
 * auditq_flush() waits for them, auditq_stop() stores what is left, and
 * the hash chain written by the group commits verifies.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <cmocka.h>

#include "app/auditq.h"
#include "store/store.h"
#include "testlib.h"

#define DRADEN 4
#define PER_DRAAD 500

/* A migrated SQLite store in a fresh directory; the queue opens its own
 * connections to it. */
static int
opzet(void **state)
{
	struct tl_fix *f;

	tl_setup_sqlite(state, "auditq", "a.db", NULL);
	f = *state;
	(void)tl_store(state);
	store_free(f->s);
	f->s = NULL;
	return 0;
}

struct werk {
	struct auditq *q;
	int nr;
};

static void *
zetter(void *arg)
{
	struct werk *w = arg;
	char actie[32];
	int i;

	for (i = 0; i < PER_DRAAD; i++) {
		snprintf(actie, sizeof(actie), "lees %d", i);
		if (auditq_zet(w->q, 0, "test", 0, w->nr + 1, actie, 1u))
			return NULL;
	}
	return w;
}

static int64_t
aantal(const char *url)
{
	struct store *s = NULL;
	struct db_res r;
	char err[300];
	int64_t n = -1;

	if (store_open(url, 0, &s, err, sizeof(err)))
		return -1;
	if (db_query(s->db, "SELECT count(*) FROM audit", NULL, 0, &r) == 0) {
		n = db_cel_int(&r, 0, 0);
		db_res_release(&r);
	}
	store_free(s);
	return n;
}

static void
test_draden_en_volgorde(void **state)
{
	struct tl_fix *c = *state;
	struct auditq *q = NULL;
	struct werk w[DRADEN];
	pthread_t t[DRADEN];
	struct store *s = NULL;
	struct db_res r;
	char err[300];
	int64_t n = 0, bad = 0;
	int i;
	size_t k;

	assert_int_equal(auditq_start(c->url, &q, err, sizeof(err)), 0);
	for (i = 0; i < DRADEN; i++) {
		w[i].q = q;
		w[i].nr = i;
		assert_int_equal(pthread_create(&t[i], NULL, zetter, &w[i]), 0);
	}
	for (i = 0; i < DRADEN; i++) {
		void *res;

		pthread_join(t[i], &res);
		assert_ptr_equal(res, &w[i]);
	}
	/* after flush everything queued is in the database */
	auditq_flush(q);
	assert_int_equal(aantal(c->url), DRADEN * PER_DRAAD);

	assert_int_equal(store_open(c->url, 0, &s, err, sizeof(err)), 0);
	assert_int_equal(store_audit_verify(s, &n, &bad), ST_OK);
	assert_int_equal(n, DRADEN * PER_DRAAD);
	/* each thread's records keep their order */
	for (i = 0; i < DRADEN; i++) {
		struct db_param p = db_int(i + 1);

		assert_int_equal(db_query(s->db, "SELECT actie FROM audit WHERE "
					  "dossier_id = $1 ORDER BY volgnr",
					  &p, 1, &r), 0);
		assert_int_equal(r.nrows, PER_DRAAD);
		for (k = 0; k < r.nrows; k++) {
			char want[32];

			snprintf(want, sizeof(want), "lees %zu", k);
			assert_string_equal(db_cel(&r, k, 0), want);
		}
		db_res_release(&r);
	}
	store_free(s);

	/* stop stores what was queued after the last flush */
	for (i = 0; i < 37; i++)
		assert_int_equal(auditq_zet(q, 0, "test", 0, 99, "na", 1u), 0);
	auditq_stop(q);
	assert_int_equal(aantal(c->url), DRADEN * PER_DRAAD + 37);
}

static void
test_stop_leeg_en_null(void **state)
{
	struct tl_fix *c = *state;
	struct auditq *q = NULL;
	char err[300];

	auditq_stop(NULL);
	assert_int_equal(auditq_start(c->url, &q, err, sizeof(err)), 0);
	auditq_flush(q); /* nothing queued: returns at once */
	auditq_stop(q);
	/* a database without the schema is refused at start */
	assert_int_not_equal(auditq_start("/tmp/spoor-auditq-bestaat-niet/x.db",
					  &q, err, sizeof(err)), 0);
	assert_true(strlen(err) > 0);
}

/*
 * issue 12: a read of medical content waits until its record is stored.
 * While another connection holds the write lock the record cannot be
 * stored and auditq_zet_wacht says so (the server then sends nothing);
 * once the lock is gone it returns 0 only after the record is in the
 * database, seen at once through another connection. Before, the server
 * queued the record with auditq_zet, which returns at once, so a
 * kill -9 could lose the record of content already sent.
 */
static void
test_medisch_wacht(void **state)
{
	struct tl_fix *c = *state;
	struct auditq *q = NULL;
	struct store *s = NULL;
	char err[300];

	assert_int_equal(auditq_start(c->url, &q, err, sizeof(err)), 0);
	assert_int_equal(store_open(c->url, 0, &s, err, sizeof(err)), 0);
	assert_int_equal(store_begin(s), ST_OK); /* holds the write lock */
	auditq_wachttijd(q, 300);
	assert_int_equal(auditq_zet_wacht(q, 7, "ba", 16u, 5, "dossier lezen",
					  3u),
			 1);
	assert_int_equal(aantal(c->url), 0);
	assert_int_equal(store_rollback(s), ST_OK);
	store_free(s);
	/* the writer gets through (its busy wait polls the lock) */
	auditq_wachttijd(q, 60000);
	assert_int_equal(auditq_zet_wacht(q, 8, "ba2", 16u, 6, "dossier lezen",
					  3u),
			 0);
	/* both records, without a flush: the first stayed queued */
	assert_int_equal(aantal(c->url), 2);
	auditq_stop(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_draden_en_volgorde, opzet,
						tl_teardown),
		cmocka_unit_test_setup_teardown(test_stop_leeg_en_null, opzet,
						tl_teardown),
		cmocka_unit_test_setup_teardown(test_medisch_wacht, opzet,
						tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

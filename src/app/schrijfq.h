/*
 * schrijfq.h - group commit of appends (issue 13).
 *
 * Every append of an entry or a verzuim mutation is a write transaction
 * whose commit waits for the disk (an acknowledged write is never lost,
 * docs/store.md). On SQLite, whose writers queue for one lock, that
 * wait caps appends at one per fsync. Here worker threads hand their
 * append to one writer thread with its own connection, which runs
 * whatever has gathered in one transaction, each append under its own
 * savepoint (a refused append rolls back alone and gets its own
 * answer), and commits once: one fsync for the whole batch. Each caller
 * waits until the commit of its batch and then gets exactly the answer
 * store_gebeurtenis_toevoegen() / store_verzuim_toevoegen() would have
 * given; when the commit itself fails every append of the batch gets
 * that error, none is stored.
 *
 * The server uses it for SQLite; PostgreSQL runs concurrent write
 * transactions of different cases and groups commits itself.
 */
#ifndef SPOOR_SCHRIJFQ_H
#define SPOOR_SCHRIJFQ_H

#include <stddef.h>
#include <stdint.h>

#include "format/casefile.h"

struct schrijfq;

/* Start the writer on its own connection to db_url. 0, or -1 with the
 * reason in err. */
int schrijfq_start(const char *db_url, struct schrijfq **out, char *err,
		   size_t errlen);

/*
 * store_gebeurtenis_toevoegen() (verzuim 0) or store_verzuim_toevoegen()
 * (verzuim 1; nieuw_id unused, may be NULL) through the queue: blocks
 * until the batch holding it is committed. The same arguments, results
 * and ownership; on a database failure the writer's reason is set as
 * store_errmsg(melder) (may be NULL), the caller's connection, which is
 * what the server logs.
 */
struct store;
int schrijfq_toevoegen(struct schrijfq *q, struct store *melder,
		       int verzuim, int64_t id,
		       const char *json, size_t len, uint32_t rollen,
		       int64_t auteur, const char *auteur_naam,
		       char **nieuw_id, struct casefile_fout *f);

/* For the metrics: batches committed and appends in them, ever. */
struct schrijfq_stand {
	uint64_t batches, stappen;
};
void schrijfq_stand(struct schrijfq *q, struct schrijfq_stand *out);

/* Finish what is queued, stop the writer, free everything; accepts
 * NULL. */
void schrijfq_stop(struct schrijfq *q);

#endif /* SPOOR_SCHRIJFQ_H */

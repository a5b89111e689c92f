/*
 * auditq.h - the server's queue of read audit records.
 *
 * A read of case data must leave an audit record, but a write transaction
 * per read makes every reader wait for every other. Readers put their
 * record in this queue; one writer thread with its own connection takes
 * whatever has gathered and appends it in one transaction (a group
 * commit), in the order the records were queued. Writes of case data do
 * not use the queue: their record is part of their own transaction.
 *
 * What this costs: a record queued in the last moments before spoor is
 * killed can be lost (the chain itself stays intact); reads of medical
 * content therefore wait for their record (auditq_zet_wacht), so only
 * records of other reads can be lost that way. auditq_flush() waits
 * until everything queued so far is stored; the server calls it before
 * it shows an access log, and auditq_stop() at shutdown.
 */
#ifndef SPOOR_AUDITQ_H
#define SPOOR_AUDITQ_H

#include <stddef.h>
#include <stdint.h>

struct auditq;

/* Start the writer on its own connection to db_url. */
int auditq_start(const char *db_url, struct auditq **out, char *err,
		 size_t errlen);

/* Queue a record (the strings are copied). Blocks while the queue is
 * full. Returns 0, or -1 out of memory. */
int auditq_zet(struct auditq *q, int64_t gebruiker, const char *wie,
	       uint32_t rollen, int64_t dossier, const char *actie,
	       uint32_t klassen);

/*
 * auditq_zet(), then wait until this record is stored: for a read of
 * medical content, which is answered only after its record is in the
 * database (a kill -9 after the answer cannot lose it). Returns 0, -1
 * out of memory, or 1 when the record was not stored within the queue's
 * wait (auditq_wachttijd; the record stays queued and is stored later,
 * but the caller must not send the content).
 */
int auditq_zet_wacht(struct auditq *q, int64_t gebruiker, const char *wie,
		     uint32_t rollen, int64_t dossier, const char *actie,
		     uint32_t klassen);

/* How long auditq_zet_wacht() waits, in milliseconds (default 5000). */
void auditq_wachttijd(struct auditq *q, long ms);

/* Wait until every record queued before the call is stored. */
void auditq_flush(struct auditq *q);

/* For the metrics (ops.h): records queued and not yet stored, and the
 * failed attempts to store a batch (each is retried), since the start. */
struct auditq_stand {
	uint64_t diepte, fouten;
};
void auditq_stand(struct auditq *q, struct auditq_stand *out);

/* Flush, stop the writer, free everything; accepts NULL. */
void auditq_stop(struct auditq *q);

#endif /* SPOOR_AUDITQ_H */

/*
 * store_limiet.h - failed logins on record in the database (docs/store.md,
 * schema step 10; docs/security.md, Login limiter), so every server on
 * one database counts the same failures and a restart forgets none.
 *
 * A row per key: its kind (STORE_LIMIET_NAAM, a user name;
 * STORE_LIMIET_ADRES, a client address), the key as the caller gives it
 * (the server passes a SHA-256 of the name or address, never the text),
 * the failures in a row and the time of the last one. A failure more
 * than `vergeet` seconds after the previous one starts counting at 1
 * again, the same rule as the in-memory table of auth.h. What the counts
 * mean (delays) is the server's business: these functions only count.
 *
 * No transaction is opened here but in store_limiet_mislukt (one commit
 * for both rows) and nothing is audited. Keys are 1..STORE_LIMIET_KEY_MAX
 * bytes of text.
 */
#ifndef SPOOR_STORE_LIMIET_H
#define SPOOR_STORE_LIMIET_H

#include <stdint.h>

#include "store/store.h"

#define STORE_LIMIET_KEY_MAX 128

enum store_limiet_soort { STORE_LIMIET_NAAM = 0, STORE_LIMIET_ADRES = 1 };

/*
 * The failures on record at time nu for user name key naam into *fn and
 * for address key adres into *fa, with the time of the last one into
 * *ln and *la: one indexed query for both. A key without a row, or whose
 * last failure is vergeet seconds or more before nu, has 0 failures (and
 * last time 0). Outputs set only on success.
 */
int store_limiet_lees(struct store *s, const char *naam, const char *adres,
		      int64_t nu, int64_t vergeet, int64_t *fn, int64_t *ln,
		      int64_t *fa, int64_t *la);

/*
 * Record a failure at time nu of user name key naam and of address key
 * adres (either may be NULL: not recorded), in one transaction. Each
 * row's count goes up by one, or starts at 1 when the last failure is
 * vergeet or more seconds old. Concurrent calls from several servers each
 * count (one statement per row, atomic in both databases).
 */
int store_limiet_mislukt(struct store *s, const char *naam, const char *adres,
			 int64_t nu, int64_t vergeet);

/* A successful login: forget user name key naam's failures (not any
 * address's). No row is not an error. */
int store_limiet_gelukt(struct store *s, const char *naam);

/*
 * Remove at most max rows whose last failure is before voor (they count
 * as 0 anyway); *n gets how many went. A caller that gets n == max calls
 * again (bounded batches, so a large backlog never holds a long lock).
 */
int store_limiet_opruimen(struct store *s, int64_t voor, int64_t max,
			  int64_t *n);

#endif /* SPOOR_STORE_LIMIET_H */

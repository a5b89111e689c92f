/*
 * store_totp.h - the stored second factor of a user (docs/store.md,
 * schema step 9; docs/security.md, Second factor): one TOTP secret per
 * user, pending until confirmed with a valid code, the last step
 * accepted (so a code is used once), and recovery codes stored only as
 * SHA-256 hashes, each usable once.
 *
 * The secret leaves the store only through store_totp_lees(), for the
 * server's code check; the API hands it out only in the answer that
 * starts an enrolment. These functions write no audit record and open no
 * transaction: the caller does both (store_begin, store_audit).
 */
#ifndef SPOOR_STORE_TOTP_H
#define SPOOR_STORE_TOTP_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define STORE_TOTP_GEHEIM_MAX 64 /* bytes of a stored secret */

/*
 * Store geheim (len bytes, 1..STORE_TOTP_GEHEIM_MAX) as user gebruiker's
 * pending secret, replacing a pending one (and its last step).
 * ST_CONFLICT when he has a confirmed one: that one is removed first
 * (store_totp_weg).
 */
int store_totp_begin(struct store *s, int64_t gebruiker, const uint8_t *geheim,
		     size_t len);

/*
 * User gebruiker's secret into geheim (max bytes; *len its length), whether
 * it is confirmed (*actief) and the last step accepted (*laatste; 0:
 * none). ST_NIET_GEVONDEN when he has none.
 */
int store_totp_lees(struct store *s, int64_t gebruiker, uint8_t *geheim,
		    size_t max, size_t *len, int *actief, int64_t *laatste);

/*
 * Record step stap as used, only when it is after the stored last step
 * (a conditional UPDATE, so of two servers accepting the same code at
 * once one wins): ST_CONFLICT otherwise (a replay), ST_NIET_GEVONDEN
 * when the user has no secret. With bevestig the secret becomes
 * confirmed in the same statement.
 */
int store_totp_stap(struct store *s, int64_t gebruiker, int64_t stap,
		    int bevestig);

/* Replace user gebruiker's recovery codes by the n hashes (hex SHA-256). */
int store_totp_herstel_zet(struct store *s, int64_t gebruiker,
			   const char *const *hashes, size_t n);

/* Use the recovery code with hash hash (at time nu): ST_NIET_GEVONDEN
 * when the user has no unused code with that hash. A code is used once
 * (a conditional UPDATE). */
int store_totp_herstel(struct store *s, int64_t gebruiker, const char *hash,
		       int64_t nu);

/* How many unused recovery codes user gebruiker has. */
int store_totp_herstel_over(struct store *s, int64_t gebruiker, int64_t *n);

/* Remove user gebruiker's secret (pending or confirmed) and recovery
 * codes; ST_NIET_GEVONDEN when he had no secret. */
int store_totp_weg(struct store *s, int64_t gebruiker);

/* The id of the user named naam (active or not); ST_NIET_GEVONDEN. */
int store_totp_gebruiker(struct store *s, const char *naam, int64_t *id);

/*
 * Must user gebruiker enrol before anything else (*nodig 1): does he hold
 * a grant of a role in verplicht (bit mask of 1u << enum rol) and no
 * confirmed secret? verplicht 0 answers 0 without a query.
 */
int store_totp_nodig(struct store *s, int64_t gebruiker, uint32_t verplicht,
		     int *nodig);

#endif /* SPOOR_STORE_TOTP_H */

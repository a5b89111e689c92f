/*
 * totp.h - the second factor (docs/security.md, Second factor): HOTP
 * (RFC 4226) with HMAC-SHA1 from nettle, TOTP on it (RFC 6238: 30 s
 * steps, 6 digits, one step either side), the base32 of RFC 4648 for the
 * secret, the otpauth:// URI an authenticator app reads, and the
 * recovery codes.
 *
 * Pure functions on caller-owned buffers: nothing here allocates, touches
 * the database or HTTP, or keeps state. Replay protection (a step once
 * accepted is refused again) is the caller's: totp_check() takes the last
 * accepted step and answers only steps after it. Random bytes come from
 * libsodium (auth_init() must have run). Thread-safe.
 */
#ifndef SPOOR_TOTP_H
#define SPOOR_TOTP_H

#include <stddef.h>
#include <stdint.h>

#define TOTP_GEHEIM_LEN 20  /* bytes of a new secret (RFC 4226 §4: 160 bits) */
#define TOTP_B32_LEN 32     /* base32 characters of such a secret */
#define TOTP_PERIODE 30     /* seconds per step */
#define TOTP_CIJFERS 6
#define TOTP_VENSTER 1      /* steps accepted either side of now */
#define TOTP_URI_MAX 512

/* Recovery codes: 16 base32 characters (80 random bits, too many to
 * search offline from their SHA-256), shown as four groups of four. */
#define TOTP_HERSTEL_AANTAL 10
#define TOTP_HERSTEL_TEKENS 16
#define TOTP_HERSTEL_LEN 19       /* "ABCD-EFGH-IJKL-MNOP" */
#define TOTP_HERSTEL_HASH_LEN 64  /* hex SHA-256 */

/* The RFC 4226 value of key (keylen bytes) at counter teller, reduced to
 * cijfers (1..9) decimal digits. */
uint32_t totp_hotp(const uint8_t *key, size_t keylen, uint64_t teller,
		   unsigned cijfers);

/* The step of unix time t (t / TOTP_PERIODE, rounded down; 0 before
 * the epoch). */
int64_t totp_stap(int64_t t);

/*
 * Does code (exactly TOTP_CIJFERS ASCII digits) match key at a step in
 * [stap(nu) - TOTP_VENSTER, stap(nu) + TOTP_VENSTER] that lies after
 * laatste (the last step accepted for this secret; 0: none)? 0 with
 * *stap the matching step; -1 when the code is malformed, wrong, or of a
 * step already used (a replay). All steps of the window are computed and
 * compared without an early exit.
 */
int totp_check(const uint8_t *key, size_t keylen, const char *code,
	       int64_t nu, int64_t laatste, int64_t *stap);

/* Is code TOTP_CIJFERS digits (the shape of a one-time code, as opposed
 * to a recovery code)? */
int totp_is_code(const char *code);

/*
 * Secrets at rest (spoor.conf tweede_factor_sleutel): XChaCha20-Poly1305
 * (libsodium) under a 32-byte key kept outside the database, with the
 * user's id as associated data, so a stored secret neither reads without
 * the key nor works when copied to another user's row. Stored: a version
 * byte (1), the 24-byte nonce, the ciphertext and the 16-byte tag.
 */
#define TOTP_SLEUTEL_LEN 32
#define TOTP_VERSLEUTELD_LEN (1 + 24 + TOTP_GEHEIM_LEN + 16)

/* The key from its text form: exactly 64 hex digits (surrounding
 * spaces and a newline allowed). 0, or -1 (sleutel then unchanged). */
int totp_sleutel_lees(const char *hex, uint8_t sleutel[TOTP_SLEUTEL_LEN]);

/* Encrypt geheim for user gebruiker into uit. */
void totp_versleutel(const uint8_t sleutel[TOTP_SLEUTEL_LEN], int64_t gebruiker,
		     const uint8_t geheim[TOTP_GEHEIM_LEN],
		     uint8_t uit[TOTP_VERSLEUTELD_LEN]);

/*
 * The secret of a stored blob (len bytes) of user gebruiker: a plain one
 * (TOTP_GEHEIM_LEN bytes, stored without a key) as it is; an encrypted
 * one only with the key it was made with (sleutel may be NULL). 0 with
 * geheim set, or -1 (no key, another key, another user, damaged).
 */
int totp_ontsleutel(const uint8_t *sleutel, int64_t gebruiker,
		    const uint8_t *blob, size_t len,
		    uint8_t geheim[TOTP_GEHEIM_LEN]);

/* RFC 4648 base32 of in (n bytes), without padding, NUL-terminated:
 * out needs (n * 8 + 4) / 5 + 1 bytes. */
void totp_base32(const uint8_t *in, size_t n, char *out);

/* A new random secret. */
void totp_geheim_nieuw(uint8_t key[TOTP_GEHEIM_LEN]);

/*
 * The otpauth:// URI of Google's Key Uri Format for the secret b32 and
 * the account naam (percent-encoded): issuer "spoor", SHA1, 6 digits, 30
 * s. 0, or -1 when it does not fit in outlen bytes (out then unchanged).
 */
int totp_uri(const char *b32, const char *naam, char *out, size_t outlen);

/* A new recovery code as shown to the user ("ABCD-EFGH-IJKL-MNOP"). */
void totp_herstel_nieuw(char out[TOTP_HERSTEL_LEN + 1]);

/*
 * The SHA-256 (hex) under which recovery code code is stored: of its 16
 * base32 characters, upper case, dashes and spaces ignored. 0, or -1 when
 * code is not of that shape (out then unchanged).
 */
int totp_herstel_hash(const char *code, char out[TOTP_HERSTEL_HASH_LEN + 1]);

#endif /* SPOOR_TOTP_H */

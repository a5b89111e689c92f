/*
 * auth.h - credential primitives of the server (architecture §6):
 * argon2id passwords, random session/CSRF/API tokens of which only a
 * hash is stored, constant-time comparison, user-name syntax and login
 * rate limiting.
 *
 * Everything here is a pure function on caller-owned buffers, except the
 * rate limiter, which owns one fixed-size table behind a mutex. Nothing
 * touches the database or HTTP; the caller stores hashes and sets
 * cookies.
 *
 * Thread-safety: call auth_init() once in main before threads start
 * (it is idempotent, and sodium_init() itself is thread-safe, but doing it
 * early means a broken random source stops the program at start-up).
 * After that every function may be called from any thread; a struct
 * auth_limiet may be shared between threads.
 *
 * Memory: no function allocates memory that the caller must free, except
 * auth_limiet_new (free with auth_limiet_free). Password hashing itself
 * allocates the argon2 memory cost temporarily (64 MiB at normal cost),
 * so callers should bound the number of concurrent hashes.
 */
#ifndef SPOOR_AUTH_H
#define SPOOR_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include <sodium.h>

enum auth_rc {
	AUTH_OK = 0,
	AUTH_FOUT = -1,      /* wrong password, bad hash, internal failure */
	AUTH_TE_KORT = -2,   /* password shorter than AUTH_WACHTWOORD_MIN */
	AUTH_TE_LANG = -3,   /* password longer than AUTH_WACHTWOORD_MAX */
	AUTH_ONGELDIG = -4,  /* password contains a NUL byte (or is NULL) */
	AUTH_NOMEM = -5,     /* argon2 could not get its memory */
	AUTH_GEWOON = -6,    /* on the list of common passwords */
	AUTH_NAAM = -7,      /* contains the user's own name */
	AUTH_ZELFDE = -8,    /* the same as the old password */
};

/* sodium_init(): 0 ok (also when called before), -1 when libsodium cannot
 * start (no random source). */
int auth_init(void);

/* ---- passwords ---- */

/*
 * Password cost. NORMAAL is libsodium's INTERACTIVE argon2id cost (t=2,
 * 64 MiB, about 80 ms here; c-stack.md §2): above the OWASP minimum of
 * 19 MiB, yet fast enough that a login is not noticeably slow and a few
 * logins at once do not exhaust the server. MODERATE (256 MiB, 0.5 s) would
 * turn every login into a memory spike and make login floods an easy
 * denial of service. TEST is the libsodium minimum (t=1, 8 KiB): only for
 * test suites and demo data, where hundreds of hashes run under valgrind.
 */
enum auth_kosten { AUTH_KOSTEN_NORMAAL = 0, AUTH_KOSTEN_TEST = 1 };

/* Size of a buffer for a password hash string, NUL included. */
#define AUTH_HASH_MAX crypto_pwhash_STRBYTES /* 128 */

/* Password length bounds: the minimum in characters (UTF-8 code points,
 * so "ééééé" is 5, not 10), the maximum in bytes (a bound on the work of
 * hashing). */
#define AUTH_WACHTWOORD_MIN 10
#define AUTH_WACHTWOORD_MAX 1024

/*
 * Hash the password pw (len bytes, need not be NUL-terminated) at cost k
 * into out: a NUL-terminated "$argon2id$v=19$m=...,t=...,p=1$salt$hash"
 * string with a fresh random salt. Returns AUTH_OK, AUTH_TE_KORT (fewer
 * than AUTH_WACHTWOORD_MIN characters), AUTH_TE_LANG, AUTH_ONGELDIG (NUL
 * byte or invalid UTF-8 in pw, or pw NULL) or AUTH_NOMEM. out is written
 * only on success.
 */
int auth_wachtwoord_hash(const char *pw, size_t len, enum auth_kosten k,
    char out[AUTH_HASH_MAX]);

/*
 * The rules for a password a person chooses (NUL-terminated), besides the
 * length of auth_wachtwoord_hash: not on the lists of common passwords
 * in data/wachtwoorden (compiled in; compared ignoring ASCII case),
 * not containing the user name naam nor the display name weergave
 * (ASCII case ignored, spaces of weergave ignored; names shorter than 3
 * characters are not looked for), and not equal to oud, the current
 * password. naam, weergave and oud may be NULL. A generated random
 * password need not pass here. Returns AUTH_OK or AUTH_TE_KORT,
 * AUTH_TE_LANG, AUTH_ONGELDIG, AUTH_GEWOON, AUTH_NAAM, AUTH_ZELFDE.
 */
int auth_wachtwoord_regels(const char *pw, const char *naam,
    const char *weergave, const char *oud);

/* A Dutch sentence for a code of auth_wachtwoord_regels() or
 * auth_wachtwoord_hash(): what is wrong and what to do (static text). */
const char *auth_wachtwoord_uitleg(int rc);

/* The number of UTF-8 code points in s (len bytes), or -1 when s is not
 * valid UTF-8 (overlong forms, surrogates and values above U+10FFFF
 * included). */
long auth_utf8_tekens(const char *s, size_t len);

/*
 * 0 when pw (len bytes) matches hash (a NUL-terminated string as made by
 * auth_wachtwoord_hash), AUTH_FOUT otherwise: wrong password, hash not an
 * argon2id string, malformed or longer than AUTH_HASH_MAX - 1, password
 * that could never have been hashed (too long, NUL byte), out of memory.
 * The comparison is constant time with respect to the password. The cost
 * is that of the stored hash, so a missing user should still be answered
 * after hashing something, to keep timing equal.
 */
int auth_wachtwoord_check(const char *hash, const char *pw, size_t len);

/*
 * 1 when hash is a valid argon2id string made with a lower time or memory
 * cost than k asks, so the caller should rehash the password it just
 * verified; else 0 (equal or higher cost, malformed hash). A higher cost
 * than asked is kept: a test-cost server never downgrades real hashes.
 */
int auth_wachtwoord_verouderd(const char *hash, enum auth_kosten k);

/* ---- tokens (sessions, CSRF, API tokens) ---- */

/* A token: 32 random bytes as base64url without padding. */
#define AUTH_TOKEN_LEN 43
/* Write a new random token (43 chars + NUL) to out. Cannot fail after
 * auth_init(). */
void auth_token_nieuw(char out[AUTH_TOKEN_LEN + 1]);

/*
 * The stored form of a token: SHA-256 of its text (len bytes), as 64
 * lowercase hex chars + NUL. Only this goes into the database, so a
 * leaked database yields no usable session. A plain hash suffices: the
 * token has 256 bits of entropy, nothing to guess.
 */
#define AUTH_TOKEN_HASH_LEN 64
void auth_token_hash(const char *token, size_t len,
    char out[AUTH_TOKEN_HASH_LEN + 1]);

/* 1 when a (alen bytes) equals b (blen bytes), else 0; different lengths
 * are 0. Constant time in the contents (sodium_memcmp), not in the length,
 * which is public for tokens. */
int auth_gelijk(const char *a, size_t alen, const char *b, size_t blen);

/* 1 when s (len bytes) is syntactically a token: exactly 43 chars of
 * [A-Za-z0-9_-]; else 0. Lets the server refuse junk before a lookup.
 * Non-canonical last characters are accepted; they simply match nothing. */
int auth_token_geldig(const char *s, size_t len);

/* 1 when s (len bytes) is a valid user name: 1..64 chars of [a-z0-9._-],
 * starting with a letter or digit; else 0. */
int auth_naam_geldig(const char *s, size_t len);

/* ---- login rate limiting ---- */

#define AUTH_LIMIET_SLOTS 4096
#define AUTH_LIMIET_POGINGEN 5     /* free failures per user name */
#define AUTH_LIMIET_IP_POGINGEN 50 /* free failures per client address */
#define AUTH_LIMIET_BASIS 15       /* first delay, seconds */
#define AUTH_LIMIET_MAX 900        /* longest delay, seconds */
#define AUTH_LIMIET_VERGEET 3600   /* a key without failures this long
				    * is forgotten, seconds */

/*
 * Failed logins per key, answered with growing delays instead of a
 * lock-out (docs/security.md). The server keeps two tables: one per user
 * name (AUTH_LIMIET_POGINGEN: guessing one account's password) and one
 * per client address (AUTH_LIMIET_IP_POGINGEN: trying a few passwords on
 * many accounts, which the first never sees; ten times higher, as a
 * whole office may log in from one NAT address). A key may fail
 * `pogingen` times; after k >= pogingen failures its next attempt must
 * wait AUTH_LIMIET_BASIS * 2^(k - pogingen) seconds after the last
 * failure, at most AUTH_LIMIET_MAX. A key is forgotten
 * AUTH_LIMIET_VERGEET seconds after its last failure, and
 * auth_limiet_gelukt forgets it at once. The caller decides who is held
 * by a name's delay (api.c: not an address without failures, so nobody
 * can keep the real user out by failing on his name).
 *
 * The table has a fixed size, so memory stays bounded whatever an
 * attacker sends. Keys are placed by SipHash (crypto_shorthash) under a
 * random key chosen in auth_limiet_new, so nobody can aim keys at one
 * slot. A key probes a few neighbouring slots; a slot is reused once its
 * key was forgotten, and when all are live the one with the fewest
 * failures (then the oldest) is evicted, so a delayed key survives a
 * flood of fresh keys. Only a 64-bit fingerprint of a key is kept, never
 * the key. The counts are per process; the server also keeps them in
 * the database, which all servers on it share (server/api_limiet.h).
 *
 * Time is passed in (seconds, e.g. time(NULL)) so tests need not sleep.
 * All functions lock the table's mutex; NULL l is a no-op (check: 0).
 */
struct auth_limiet;

/* A table that allows `pogingen` (>= 1) failures per key before the
 * delays start: 0 and *out set, or AUTH_NOMEM / AUTH_FOUT. Free with
 * auth_limiet_free. */
int auth_limiet_new(unsigned pogingen, struct auth_limiet **out);
void auth_limiet_free(struct auth_limiet *l);

/* 0: the key may try now; > 0: seconds to wait. */
int64_t auth_limiet_check(struct auth_limiet *l, const char *key, size_t len,
    int64_t nu);
/* The failures on record for key at time nu (0: none, or forgotten). */
unsigned auth_limiet_fouten(struct auth_limiet *l, const char *key,
    size_t len, int64_t nu);
/* Record a failed attempt of key at time nu. */
void auth_limiet_mislukt(struct auth_limiet *l, const char *key, size_t len,
    int64_t nu);
/* Record a success: forget the key's failures. */
void auth_limiet_gelukt(struct auth_limiet *l, const char *key, size_t len);
/* The number of keys on record at time nu (at most AUTH_LIMIET_SLOTS),
 * for tests and metrics. */
size_t auth_limiet_aantal(struct auth_limiet *l, int64_t nu);

/* The rule of the table for counts kept elsewhere (the database,
 * store_limiet.h): the seconds a key with `fouten` failures, the last at
 * `laatste`, must still wait at time nu when `pogingen` are free; 0 when
 * it may try (also once the key is forgotten). */
int64_t auth_limiet_wacht(unsigned pogingen, int64_t fouten, int64_t laatste,
    int64_t nu);

/* ---- concurrent password checks ---- */

/*
 * A counting gate for the argon2id work of logins: at most max at once
 * (0: no limit). auth_poort_in returns 1 and takes a place, or 0 when
 * all are taken (the caller answers 503 with Retry-After instead of
 * queueing, so a login flood cannot take every worker thread and its
 * 64 MiB each); auth_poort_uit gives the place back. Lock-free; the
 * struct may be zeroed (no limit) or set with auth_poort_init before
 * threads start.
 */
struct auth_poort {
	_Atomic unsigned bezig;
	unsigned max;
};

void auth_poort_init(struct auth_poort *p, unsigned max);
int auth_poort_in(struct auth_poort *p);
void auth_poort_uit(struct auth_poort *p);

#endif /* SPOOR_AUTH_H */

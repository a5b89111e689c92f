/*
 * auth.c - passwords, tokens and login rate limiting (see auth.h).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

_Static_assert(AUTH_HASH_MAX == 128, "crypto_pwhash_STRBYTES changed");
_Static_assert(sodium_base64_ENCODED_LEN(32,
		   sodium_base64_VARIANT_URLSAFE_NO_PADDING) ==
		   AUTH_TOKEN_LEN + 1,
    "token length");
_Static_assert(crypto_hash_sha256_BYTES * 2 == AUTH_TOKEN_HASH_LEN,
    "token hash length");
_Static_assert((AUTH_LIMIET_SLOTS & (AUTH_LIMIET_SLOTS - 1)) == 0,
    "slots must be a power of two");

_Static_assert(AUTH_WACHTWOORD_MIN == 10 && AUTH_WACHTWOORD_MAX == 1024,
    "auth_wachtwoord_uitleg names the bounds");

#define ARGON2ID_PREFIX "$argon2id$"

int
auth_init(void)
{
	/* 1 means it was already initialised. */
	return sodium_init() < 0 ? -1 : 0;
}

/* ---- passwords ---- */

static void
kosten(enum auth_kosten k, unsigned long long *ops, size_t *mem)
{
	if (k == AUTH_KOSTEN_TEST) {
		*ops = crypto_pwhash_argon2id_OPSLIMIT_MIN;
		*mem = crypto_pwhash_argon2id_MEMLIMIT_MIN;
	} else {
		*ops = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
		*mem = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
	}
}

int
auth_wachtwoord_hash(const char *pw, size_t len, enum auth_kosten k,
    char out[AUTH_HASH_MAX])
{
	char buf[AUTH_HASH_MAX];
	unsigned long long ops;
	size_t mem;

	long tekens;

	if (!pw)
		return AUTH_ONGELDIG;
	if (len > AUTH_WACHTWOORD_MAX)
		return AUTH_TE_LANG;
	/* A NUL would be cut off by every C string path that later hands
	 * the password back to us, locking the user out. */
	if (memchr(pw, '\0', len) || (tekens = auth_utf8_tekens(pw, len)) < 0)
		return AUTH_ONGELDIG;
	if (tekens < AUTH_WACHTWOORD_MIN)
		return AUTH_TE_KORT;
	kosten(k, &ops, &mem);
	/* Explicit algorithm: the default may change between versions. */
	if (crypto_pwhash_str_alg(buf, pw, len, ops, mem,
		crypto_pwhash_ALG_ARGON2ID13) != 0)
		return AUTH_NOMEM;
	memcpy(out, buf, sizeof(buf));
	return AUTH_OK;
}

long
auth_utf8_tekens(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	long n = 0;

	while (i < len) {
		unsigned c = p[i], k, j;
		uint32_t v;

		if (c < 0x80) {
			i++;
			n++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			k = 1;
			v = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			k = 2;
			v = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 3;
			v = c & 0x07;
		} else {
			return -1;
		}
		if (len - i <= k)
			return -1;
		for (j = 1; j <= k; j++) {
			if ((p[i + j] & 0xc0) != 0x80)
				return -1;
			v = (v << 6) | (p[i + j] & 0x3fu);
		}
		/* overlong, surrogate, beyond U+10FFFF */
		if ((k == 2 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
		    (k == 3 && (v < 0x10000 || v > 0x10ffff)))
			return -1;
		i += k + 1;
		n++;
	}
	return n;
}

/* The lists of data/wachtwoorden, compiled in (cmake/embed_bytes.cmake):
 * lowercase, one a line. */
extern const char *const spoor_wachtwoorden_gewoon;
extern const unsigned long spoor_wachtwoorden_gewoon_len;
extern const char *const spoor_wachtwoorden_nl;
extern const unsigned long spoor_wachtwoorden_nl_len;

static int
klein(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Is pw (len bytes) a line of the list l (n bytes), ASCII case ignored? */
static int
op_lijst(const char *l, size_t n, const char *pw, size_t len)
{
	size_t i = 0;

	while (i < n) {
		const char *e = memchr(l + i, '\n', n - i);
		size_t r = e ? (size_t)(e - (l + i)) : n - i, j;

		if (r == len) {
			for (j = 0; j < len && klein((unsigned char)pw[j]) ==
						   (unsigned char)l[i + j];
			     j++)
				;
			if (j == len)
				return 1;
		}
		i += r + 1;
	}
	return 0;
}

/* Does pw contain naam (spaces of naam skipped), ASCII case ignored?
 * Names shorter than 3 characters are not looked for. */
static int
bevat_naam(const char *pw, const char *naam)
{
	char n[256];
	size_t k = 0, i, j, lp = strlen(pw);

	for (i = 0; naam[i] && k < sizeof(n) - 1; i++)
		if (naam[i] != ' ')
			n[k++] = (char)klein((unsigned char)naam[i]);
	if (k < 3 || naam[i])
		return 0;
	for (i = 0; i + k <= lp; i++) {
		for (j = 0; j < k && klein((unsigned char)pw[i + j]) == n[j]; j++)
			;
		if (j == k)
			return 1;
	}
	return 0;
}

int
auth_wachtwoord_regels(const char *pw, const char *naam, const char *weergave,
    const char *oud)
{
	size_t len;
	long tekens;

	if (!pw)
		return AUTH_ONGELDIG;
	len = strlen(pw);
	if (len > AUTH_WACHTWOORD_MAX)
		return AUTH_TE_LANG;
	if ((tekens = auth_utf8_tekens(pw, len)) < 0)
		return AUTH_ONGELDIG;
	if (tekens < AUTH_WACHTWOORD_MIN)
		return AUTH_TE_KORT;
	if (oud && !strcmp(pw, oud))
		return AUTH_ZELFDE;
	if ((naam && bevat_naam(pw, naam)) ||
	    (weergave && bevat_naam(pw, weergave)))
		return AUTH_NAAM;
	if (op_lijst(spoor_wachtwoorden_gewoon,
		     (size_t)spoor_wachtwoorden_gewoon_len, pw, len) ||
	    op_lijst(spoor_wachtwoorden_nl, (size_t)spoor_wachtwoorden_nl_len,
		     pw, len))
		return AUTH_GEWOON;
	return AUTH_OK;
}

const char *
auth_wachtwoord_uitleg(int rc)
{
	switch (rc) {
	case AUTH_TE_KORT:
		return "het wachtwoord is te kort: kies er een van minstens 10 "
		       "tekens";
	case AUTH_TE_LANG:
		return "het wachtwoord is te lang: kies er een van hoogstens "
		       "1024 bytes";
	case AUTH_GEWOON:
		return "dit wachtwoord staat op de lijst van veelgebruikte "
		       "wachtwoorden: kies een ander";
	case AUTH_NAAM:
		return "het wachtwoord bevat uw naam of gebruikersnaam: kies er "
		       "een zonder";
	case AUTH_ZELFDE:
		return "het nieuwe wachtwoord is gelijk aan het huidige: kies "
		       "een ander";
	case AUTH_ONGELDIG:
		return "het wachtwoord bevat een NUL-teken of ongeldige UTF-8: "
		       "kies een ander";
	default:
		return "het wachtwoord kan niet worden opgeslagen: probeer het "
		       "opnieuw";
	}
}

/* A NUL-terminated argon2id string that fits the buffer size? */
static int
hash_vorm(const char *hash)
{
	return hash && strnlen(hash, AUTH_HASH_MAX) < AUTH_HASH_MAX &&
	    !strncmp(hash, ARGON2ID_PREFIX, sizeof(ARGON2ID_PREFIX) - 1);
}

int
auth_wachtwoord_check(const char *hash, const char *pw, size_t len)
{
	if (!hash_vorm(hash) || !pw || len > AUTH_WACHTWOORD_MAX ||
	    memchr(pw, '\0', len))
		return AUTH_FOUT;
	return crypto_pwhash_str_verify(hash, pw, len) == 0 ? AUTH_OK
							   : AUTH_FOUT;
}

/* The unsigned decimal at *p up to the char stop; advances *p past stop.
 * 0 on success. */
static int
getal(const char **p, char stop, unsigned long long *out)
{
	const char *s = *p;
	unsigned long long v = 0;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (~0ULL - 9) / 10)
			return -1;
		v = v * 10 + (unsigned)(*s - '0');
	}
	if (*s != stop)
		return -1;
	*p = s + 1;
	*out = v;
	return 0;
}

int
auth_wachtwoord_verouderd(const char *hash, enum auth_kosten k)
{
	unsigned long long ops, m, t, v, p;
	size_t mem;
	const char *s;

	if (!hash_vorm(hash))
		return 0;
	kosten(k, &ops, &mem);
	/* libsodium decodes the whole string (-1: malformed) and says
	 * whether the cost differs at all (1); we only rehash upwards. */
	if (crypto_pwhash_str_needs_rehash(hash, ops, mem) != 1)
		return 0;
	s = hash + sizeof(ARGON2ID_PREFIX) - 1;
	if (strncmp(s, "v=", 2) != 0)
		return 0;
	s += 2;
	if (getal(&s, '$', &v) || strncmp(s, "m=", 2) != 0)
		return 0;
	s += 2;
	if (getal(&s, ',', &m) || strncmp(s, "t=", 2) != 0)
		return 0;
	s += 2;
	if (getal(&s, ',', &t) || strncmp(s, "p=", 2) != 0)
		return 0;
	s += 2;
	if (getal(&s, '$', &p))
		return 0;
	return m < mem / 1024 || t < ops;
}

/* ---- tokens ---- */

void
auth_token_nieuw(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char bin[32];

	randombytes_buf(bin, sizeof(bin));
	sodium_bin2base64(out, AUTH_TOKEN_LEN + 1, bin, sizeof(bin),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bin, sizeof(bin));
}

void
auth_token_hash(const char *token, size_t len,
    char out[AUTH_TOKEN_HASH_LEN + 1])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, len);
	sodium_bin2hex(out, AUTH_TOKEN_HASH_LEN + 1, h, sizeof(h));
}

int
auth_gelijk(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return 0;
	if (alen == 0)
		return 1;
	if (!a || !b)
		return 0;
	return sodium_memcmp(a, b, alen) == 0;
}

static int
is_base64url(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int
auth_token_geldig(const char *s, size_t len)
{
	size_t i;

	if (!s || len != AUTH_TOKEN_LEN)
		return 0;
	for (i = 0; i < len; i++)
		if (!is_base64url(s[i]))
			return 0;
	return 1;
}

int
auth_naam_geldig(const char *s, size_t len)
{
	size_t i;

	if (!s || len < 1 || len > 64)
		return 0;
	for (i = 0; i < len; i++) {
		char c = s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return 0;
	}
	return 1;
}

/* ---- login rate limiting ---- */

/* Neighbouring slots a key may use: keeps collisions rare without making
 * a lookup scan much. */
#define PROBE 8

struct slot {
	uint64_t id;      /* SipHash of the key */
	int64_t laatste;  /* the last failure */
	uint32_t fouten;  /* failures on record */
	uint32_t bezet;
};

struct auth_limiet {
	pthread_mutex_t mu;
	uint32_t pogingen;
	unsigned char sleutel[crypto_shorthash_KEYBYTES];
	struct slot slots[AUTH_LIMIET_SLOTS];
};

int
auth_limiet_new(unsigned pogingen, struct auth_limiet **out)
{
	struct auth_limiet *l;

	if (pogingen < 1 || auth_init())
		return AUTH_FOUT;
	l = calloc(1, sizeof(*l));
	if (!l)
		return AUTH_NOMEM;
	l->pogingen = pogingen;
	if (pthread_mutex_init(&l->mu, NULL)) {
		free(l);
		return AUTH_FOUT;
	}
	crypto_shorthash_keygen(l->sleutel);
	*out = l;
	return AUTH_OK;
}

void
auth_limiet_free(struct auth_limiet *l)
{
	if (!l)
		return;
	pthread_mutex_destroy(&l->mu);
	sodium_memzero(l->sleutel, sizeof(l->sleutel));
	free(l);
}

static uint64_t
sleutel_id(const struct auth_limiet *l, const char *key, size_t len)
{
	unsigned char h[crypto_shorthash_BYTES];
	uint64_t id = 0;
	size_t i;

	crypto_shorthash(h, (const unsigned char *)(key ? key : ""),
	    key ? len : 0, l->sleutel);
	for (i = 0; i < sizeof(h); i++)
		id = id << 8 | h[i];
	return id;
}

/* Seconds since the last failure; 0 when the clock went back. Unsigned
 * arithmetic cannot overflow. */
static uint64_t
verstreken(const struct slot *s, int64_t nu)
{
	return nu > s->laatste ? (uint64_t)nu - (uint64_t)s->laatste : 0;
}

static int
levend(const struct slot *s, int64_t nu)
{
	return s->bezet && verstreken(s, nu) < AUTH_LIMIET_VERGEET;
}

/* The delay after `fouten` failures of a table that allows `pogingen`:
 * 0 below pogingen, then BASIS, 2 BASIS, 4 BASIS ... up to MAX. */
static int64_t
vertraging(uint32_t fouten, uint32_t pogingen)
{
	uint32_t stap;

	if (fouten < pogingen)
		return 0;
	stap = fouten - pogingen;
	if (stap >= 16 || ((int64_t)AUTH_LIMIET_BASIS << stap) > AUTH_LIMIET_MAX)
		return AUTH_LIMIET_MAX;
	return (int64_t)AUTH_LIMIET_BASIS << stap;
}

static struct slot *
zoek(struct auth_limiet *l, uint64_t id)
{
	size_t i;

	for (i = 0; i < PROBE; i++) {
		struct slot *s = &l->slots[(id + i) & (AUTH_LIMIET_SLOTS - 1)];

		if (s->bezet && s->id == id)
			return s;
	}
	return NULL;
}

int64_t
auth_limiet_check(struct auth_limiet *l, const char *key, size_t len,
    int64_t nu)
{
	struct slot *s;
	int64_t wacht = 0, v;
	uint64_t id, t;

	if (!l)
		return 0;
	id = sleutel_id(l, key, len);
	pthread_mutex_lock(&l->mu);
	s = zoek(l, id);
	if (s && levend(s, nu)) {
		v = vertraging(s->fouten, l->pogingen);
		t = verstreken(s, nu);
		if (t < (uint64_t)v)
			wacht = v - (int64_t)t;
	}
	pthread_mutex_unlock(&l->mu);
	return wacht;
}

unsigned
auth_limiet_fouten(struct auth_limiet *l, const char *key, size_t len,
    int64_t nu)
{
	struct slot *s;
	unsigned n = 0;
	uint64_t id;

	if (!l)
		return 0;
	id = sleutel_id(l, key, len);
	pthread_mutex_lock(&l->mu);
	s = zoek(l, id);
	if (s && levend(s, nu))
		n = s->fouten;
	pthread_mutex_unlock(&l->mu);
	return n;
}

void
auth_limiet_mislukt(struct auth_limiet *l, const char *key, size_t len,
    int64_t nu)
{
	struct slot *s, *kies = NULL;
	uint64_t id;
	size_t i;

	if (!l)
		return;
	id = sleutel_id(l, key, len);
	pthread_mutex_lock(&l->mu);
	s = zoek(l, id);
	if (s && levend(s, nu)) {
		if (s->fouten < UINT32_MAX)
			s->fouten++;
		s->laatste = nu;
		goto out;
	}
	if (!s) {
		/* A free or forgotten slot, else evict the weakest live
		 * one: fewest failures, then oldest. */
		for (i = 0; i < PROBE; i++) {
			s = &l->slots[(id + i) & (AUTH_LIMIET_SLOTS - 1)];
			if (!levend(s, nu)) {
				kies = s;
				break;
			}
			if (!kies || s->fouten < kies->fouten ||
			    (s->fouten == kies->fouten &&
				s->laatste < kies->laatste))
				kies = s;
		}
		s = kies;
	}
	s->id = id;
	s->laatste = nu;
	s->fouten = 1;
	s->bezet = 1;
out:
	pthread_mutex_unlock(&l->mu);
}

void
auth_limiet_gelukt(struct auth_limiet *l, const char *key, size_t len)
{
	struct slot *s;
	uint64_t id;

	if (!l)
		return;
	id = sleutel_id(l, key, len);
	pthread_mutex_lock(&l->mu);
	s = zoek(l, id);
	if (s)
		memset(s, 0, sizeof(*s));
	pthread_mutex_unlock(&l->mu);
}

size_t
auth_limiet_aantal(struct auth_limiet *l, int64_t nu)
{
	size_t i, n = 0;

	if (!l)
		return 0;
	pthread_mutex_lock(&l->mu);
	for (i = 0; i < AUTH_LIMIET_SLOTS; i++)
		n += (size_t)levend(&l->slots[i], nu);
	pthread_mutex_unlock(&l->mu);
	return n;
}

int64_t
auth_limiet_wacht(unsigned pogingen, int64_t fouten, int64_t laatste,
    int64_t nu)
{
	struct slot s;
	int64_t v;
	uint64_t t;

	if (fouten <= 0 || pogingen < 1)
		return 0;
	memset(&s, 0, sizeof(s));
	s.bezet = 1;
	s.laatste = laatste;
	if (!levend(&s, nu))
		return 0;
	v = vertraging(fouten > UINT32_MAX ? UINT32_MAX : (uint32_t)fouten,
	    pogingen);
	t = verstreken(&s, nu);
	return t < (uint64_t)v ? v - (int64_t)t : 0;
}

/* ---- concurrent password checks ---- */

void
auth_poort_init(struct auth_poort *p, unsigned max)
{
	atomic_init(&p->bezig, 0);
	p->max = max;
}

int
auth_poort_in(struct auth_poort *p)
{
	if (!p || !p->max)
		return 1;
	if (atomic_fetch_add(&p->bezig, 1) >= p->max) {
		atomic_fetch_sub(&p->bezig, 1);
		return 0;
	}
	return 1;
}

void
auth_poort_uit(struct auth_poort *p)
{
	if (p && p->max)
		atomic_fetch_sub(&p->bezig, 1);
}

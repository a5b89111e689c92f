/*
 * test_auth.c - password hashing, tokens, user names and the login rate
 * limiter of auth.h (architecture §6).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "server/auth.h"

#define PW "correct horse battery"

static size_t
L(const char *s)
{
	return strlen(s);
}

static void
hash_test(const char *pw, char out[AUTH_HASH_MAX])
{
	assert_int_equal(auth_wachtwoord_hash(pw, L(pw), AUTH_KOSTEN_TEST, out),
	    AUTH_OK);
}

static void
test_hash_rondgang(void **state)
{
	char h[AUTH_HASH_MAX];

	(void)state;
	hash_test(PW, h);
	assert_int_equal(strncmp(h, "$argon2id$v=19$", 15), 0);
	assert_true(strlen(h) < AUTH_HASH_MAX);
	/* The test cost is the libsodium minimum: t=1, 8 KiB. */
	assert_non_null(strstr(h, "$m=8,t=1,p=1$"));
	assert_int_equal(auth_wachtwoord_check(h, PW, L(PW)), AUTH_OK);
	/* Length is honoured, not strlen: a prefix is another password. */
	assert_int_equal(auth_wachtwoord_check(h, PW, L(PW) - 1), AUTH_FOUT);
}

static void
test_hash_fout_wachtwoord(void **state)
{
	char h[AUTH_HASH_MAX], pw[] = PW;
	size_t i;

	(void)state;
	hash_test(PW, h);
	assert_int_equal(auth_wachtwoord_check(h, "verkeerd wachtwoord", 19),
	    AUTH_FOUT);
	/* Every single-byte change fails. */
	for (i = 0; i < sizeof(pw) - 1; i++) {
		pw[i] ^= 1;
		assert_int_equal(auth_wachtwoord_check(h, pw, L(pw)),
		    AUTH_FOUT);
		pw[i] ^= 1;
	}
	assert_int_equal(auth_wachtwoord_check(h, pw, L(pw)), AUTH_OK);
	/* One byte appended. */
	assert_int_equal(auth_wachtwoord_check(h, PW "x", L(PW) + 1),
	    AUTH_FOUT);
	assert_int_equal(auth_wachtwoord_check(h, "", 0), AUTH_FOUT);
	assert_int_equal(auth_wachtwoord_check(h, NULL, 0), AUTH_FOUT);
}

static void
test_hash_misvormd(void **state)
{
	char h[AUTH_HASH_MAX], kapot[AUTH_HASH_MAX], lang[400];
	size_t n, i;

	(void)state;
	hash_test(PW, h);
	n = strlen(h);
	assert_int_equal(auth_wachtwoord_check(NULL, PW, L(PW)), AUTH_FOUT);
	assert_int_equal(auth_wachtwoord_check("", PW, L(PW)), AUTH_FOUT);
	assert_int_equal(auth_wachtwoord_check("$argon2id$", PW, L(PW)),
	    AUTH_FOUT);
	assert_int_equal(auth_wachtwoord_check("garbage", PW, L(PW)),
	    AUTH_FOUT);
	/* Every truncation of a valid hash is refused. */
	for (i = 0; i < n; i++) {
		memcpy(kapot, h, i);
		kapot[i] = '\0';
		assert_int_equal(auth_wachtwoord_check(kapot, PW, L(PW)),
		    AUTH_FOUT);
	}
	/* A changed byte in the stored hash part. */
	memcpy(kapot, h, n + 1);
	kapot[n - 3] = kapot[n - 3] == 'A' ? 'B' : 'A';
	assert_int_equal(auth_wachtwoord_check(kapot, PW, L(PW)), AUTH_FOUT);
	/* A valid argon2i (not id) string is not accepted. */
	memcpy(kapot, h, n + 1);
	memmove(kapot + 8, kapot + 9, n - 8); /* "$argon2id$" -> "$argon2i$" */
	assert_int_equal(strncmp(kapot, "$argon2i$v=19$", 14), 0);
	assert_int_equal(auth_wachtwoord_check(kapot, PW, L(PW)), AUTH_FOUT);
	/* Overlong (no NUL within AUTH_HASH_MAX): refused without reading
	 * it as a hash. */
	memset(lang, 'a', sizeof(lang) - 1);
	lang[sizeof(lang) - 1] = '\0';
	memcpy(lang, h, n);
	assert_int_equal(auth_wachtwoord_check(lang, PW, L(PW)), AUTH_FOUT);
	assert_int_equal(auth_wachtwoord_verouderd(lang, AUTH_KOSTEN_TEST), 0);
	assert_int_equal(auth_wachtwoord_verouderd("", AUTH_KOSTEN_NORMAAL),
	    0);
	assert_int_equal(auth_wachtwoord_verouderd(NULL, AUTH_KOSTEN_NORMAAL),
	    0);
}

static void
test_hash_weigert(void **state)
{
	char h[AUTH_HASH_MAX], *groot;

	(void)state;
	memcpy(h, "onaangeroerd", 13);
	assert_int_equal(auth_wachtwoord_hash("123456789", 9, AUTH_KOSTEN_TEST,
			     h),
	    AUTH_TE_KORT);
	assert_int_equal(auth_wachtwoord_hash("", 0, AUTH_KOSTEN_TEST, h),
	    AUTH_TE_KORT);
	assert_int_equal(auth_wachtwoord_hash(NULL, 12, AUTH_KOSTEN_TEST, h),
	    AUTH_ONGELDIG);
	assert_int_equal(auth_wachtwoord_hash("abcde\0fghijk", 12,
			     AUTH_KOSTEN_TEST, h),
	    AUTH_ONGELDIG);
	assert_int_equal(auth_wachtwoord_hash("abcdefghijk\0", 12,
			     AUTH_KOSTEN_TEST, h),
	    AUTH_ONGELDIG);
	groot = malloc(AUTH_WACHTWOORD_MAX + 2);
	assert_non_null(groot);
	memset(groot, 'x', AUTH_WACHTWOORD_MAX + 1);
	groot[AUTH_WACHTWOORD_MAX + 1] = '\0';
	assert_int_equal(auth_wachtwoord_hash(groot, AUTH_WACHTWOORD_MAX + 1,
			     AUTH_KOSTEN_TEST, h),
	    AUTH_TE_LANG);
	/* Out-parameter untouched on refusal. */
	assert_string_equal(h, "onaangeroerd");
	/* The bounds themselves are allowed. */
	assert_int_equal(auth_wachtwoord_hash(groot, AUTH_WACHTWOORD_MAX,
			     AUTH_KOSTEN_TEST, h),
	    AUTH_OK);
	assert_int_equal(auth_wachtwoord_check(h, groot, AUTH_WACHTWOORD_MAX),
	    AUTH_OK);
	/* A password that could never be stored never matches. */
	assert_int_equal(auth_wachtwoord_check(h, groot,
			     AUTH_WACHTWOORD_MAX + 1),
	    AUTH_FOUT);
	free(groot);
	assert_int_equal(auth_wachtwoord_hash("1234567890", 10,
			     AUTH_KOSTEN_TEST, h),
	    AUTH_OK);
	assert_int_equal(auth_wachtwoord_check(h, "1234567890", 10), AUTH_OK);
	assert_int_equal(auth_wachtwoord_check(h, "1234567890\0x", 12),
	    AUTH_FOUT);
}

static void
test_hash_zout(void **state)
{
	char a[AUTH_HASH_MAX], b[AUTH_HASH_MAX];

	(void)state;
	hash_test(PW, a);
	hash_test(PW, b);
	assert_string_not_equal(a, b);
	assert_int_equal(auth_wachtwoord_check(a, PW, L(PW)), AUTH_OK);
	assert_int_equal(auth_wachtwoord_check(b, PW, L(PW)), AUTH_OK);
}

/* Replace the "m=8,t=1" parameters of a test hash with others: a
 * well-formed string of that cost (it verifies nothing, but
 * crypto_pwhash_str_needs_rehash decodes it fully). */
static void
met_kosten(const char *h, const char *param, char out[AUTH_HASH_MAX])
{
	const char *p = strstr(h, "m=8,t=1,");

	assert_non_null(p);
	assert_true(strlen(h) + strlen(param) < AUTH_HASH_MAX + 7);
	snprintf(out, AUTH_HASH_MAX, "%.*s%s%s", (int)(p - h), h, param,
	    p + 7);
}

static void
test_verouderd(void **state)
{
	char h[AUTH_HASH_MAX], x[AUTH_HASH_MAX];

	(void)state;
	hash_test(PW, h);
	assert_int_equal(auth_wachtwoord_verouderd(h, AUTH_KOSTEN_NORMAAL), 1);
	assert_int_equal(auth_wachtwoord_verouderd(h, AUTH_KOSTEN_TEST), 0);
	/* INTERACTIVE cost: t=2, 64 MiB. */
	met_kosten(h, "m=65536,t=2", x);
	assert_int_equal(auth_wachtwoord_verouderd(x, AUTH_KOSTEN_NORMAAL), 0);
	/* A test-cost server does not downgrade real hashes. */
	assert_int_equal(auth_wachtwoord_verouderd(x, AUTH_KOSTEN_TEST), 0);
	/* Either parameter lower is enough. */
	met_kosten(h, "m=65536,t=1", x);
	assert_int_equal(auth_wachtwoord_verouderd(x, AUTH_KOSTEN_NORMAAL), 1);
	met_kosten(h, "m=65535,t=2", x);
	assert_int_equal(auth_wachtwoord_verouderd(x, AUTH_KOSTEN_NORMAAL), 1);
	/* Higher on both counts (e.g. MODERATE) is kept. */
	met_kosten(h, "m=262144,t=3", x);
	assert_int_equal(auth_wachtwoord_verouderd(x, AUTH_KOSTEN_NORMAAL), 0);
	/* Garbage parameters: not a hash, no rehash. */
	met_kosten(h, "m=zz,t=2", x);
	assert_int_equal(auth_wachtwoord_verouderd(x, AUTH_KOSTEN_NORMAAL), 0);
}

static int
is_b64url(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static int
cmp_tok(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void
test_tokens(void **state)
{
	enum { N = 1000 };
	char(*t)[AUTH_TOKEN_LEN + 1] = calloc(N, sizeof(*t));
	size_t i, j;

	(void)state;
	assert_non_null(t);
	for (i = 0; i < N; i++) {
		auth_token_nieuw(t[i]);
		assert_int_equal(strlen(t[i]), AUTH_TOKEN_LEN);
		for (j = 0; j < AUTH_TOKEN_LEN; j++)
			assert_true(is_b64url(t[i][j]));
		assert_int_equal(auth_token_geldig(t[i], AUTH_TOKEN_LEN), 1);
	}
	qsort(t, N, sizeof(*t), cmp_tok);
	for (i = 1; i < N; i++)
		assert_string_not_equal(t[i - 1], t[i]);
	free(t);
}

static void
test_token_geldig(void **state)
{
	char t[AUTH_TOKEN_LEN + 2], k[AUTH_TOKEN_LEN + 2];
	static const char slecht[] = {'+', '/', '=', '\0', ' ', '.', '\n',
				      (char)0xc3};
	size_t i;

	(void)state;
	auth_token_nieuw(t);
	assert_int_equal(auth_token_geldig(t, AUTH_TOKEN_LEN), 1);
	assert_int_equal(auth_token_geldig(t, AUTH_TOKEN_LEN - 1), 0);
	memcpy(k, t, AUTH_TOKEN_LEN);
	k[AUTH_TOKEN_LEN] = 'A';
	k[AUTH_TOKEN_LEN + 1] = '\0';
	assert_int_equal(auth_token_geldig(k, AUTH_TOKEN_LEN + 1), 0);
	assert_int_equal(auth_token_geldig("", 0), 0);
	assert_int_equal(auth_token_geldig(NULL, AUTH_TOKEN_LEN), 0);
	assert_int_equal(auth_token_geldig(
			     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn-_0", 43),
	    1);
	for (i = 0; i < sizeof(slecht); i++) {
		memcpy(k, t, AUTH_TOKEN_LEN + 1);
		k[i * 5] = slecht[i];
		assert_int_equal(auth_token_geldig(k, AUTH_TOKEN_LEN), 0);
	}
}

static void
test_token_hash(void **state)
{
	char h[AUTH_TOKEN_HASH_LEN + 1], h2[AUTH_TOKEN_HASH_LEN + 1];
	char t[AUTH_TOKEN_LEN + 1];
	size_t i;

	(void)state;
	auth_token_hash("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
			       "b00361a396177a9cb410ff61f20015ad");
	auth_token_hash("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb924"
			       "27ae41e4649b934ca495991b7852b855");
	auth_token_nieuw(t);
	auth_token_hash(t, AUTH_TOKEN_LEN, h);
	assert_int_equal(strlen(h), AUTH_TOKEN_HASH_LEN);
	for (i = 0; i < AUTH_TOKEN_HASH_LEN; i++)
		assert_non_null(strchr("0123456789abcdef", h[i]));
	/* Deterministic, and the length counts. */
	auth_token_hash(t, AUTH_TOKEN_LEN, h2);
	assert_string_equal(h, h2);
	auth_token_hash(t, AUTH_TOKEN_LEN - 1, h2);
	assert_string_not_equal(h, h2);
}

static void
test_gelijk(void **state)
{
	(void)state;
	assert_int_equal(auth_gelijk("abc", 3, "abc", 3), 1);
	assert_int_equal(auth_gelijk("abc", 3, "abd", 3), 0);
	assert_int_equal(auth_gelijk("xbc", 3, "abc", 3), 0);
	assert_int_equal(auth_gelijk("abc", 3, "abcd", 4), 0);
	assert_int_equal(auth_gelijk("abcd", 3, "abcX", 3), 1);
	assert_int_equal(auth_gelijk("", 0, "", 0), 1);
	assert_int_equal(auth_gelijk("", 0, "a", 1), 0);
	assert_int_equal(auth_gelijk("a\0b", 3, "a\0c", 3), 0);
	assert_int_equal(auth_gelijk("a\0b", 3, "a\0b", 3), 1);
	assert_int_equal(auth_gelijk(NULL, 3, "abc", 3), 0);
}

static void
test_naam(void **state)
{
	static const char *goed[] = {"a", "7", "jan", "j.de-vries_2",
				     "0.0", "a-"};
	static const char *slecht[] = {"", ".jan", "-jan", "_jan", "Jan",
				       "jan de vries", "jan@x", "jan/..",
				       "é", "jan\n"};
	char lang[66];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(goed) / sizeof(*goed); i++)
		assert_int_equal(auth_naam_geldig(goed[i], L(goed[i])), 1);
	for (i = 0; i < sizeof(slecht) / sizeof(*slecht); i++)
		if (auth_naam_geldig(slecht[i], L(slecht[i])))
			fail_msg("accepted \"%s\"", slecht[i]);
	assert_int_equal(auth_naam_geldig("jan\0x", 5), 0);
	assert_int_equal(auth_naam_geldig(NULL, 3), 0);
	memset(lang, 'a', sizeof(lang));
	assert_int_equal(auth_naam_geldig(lang, 64), 1);
	assert_int_equal(auth_naam_geldig(lang, 65), 0);
}

/* ---- rate limiter ---- */

static int
limiet_setup(void **state)
{
	struct auth_limiet *l = NULL;

	if (auth_limiet_new(AUTH_LIMIET_POGINGEN, &l))
		return -1;
	*state = l;
	return 0;
}

static int
limiet_teardown(void **state)
{
	auth_limiet_free(*state);
	return 0;
}

#define K(s) (s), strlen(s)

/* Growing delays: five failures are free, then 15 s after the last
 * failure, doubling with each further one up to 15 minutes; a key is
 * forgotten an hour after its last failure. (The old limiter locked a
 * name for five minutes after five failures, whoever sent them.) */
static void
test_limiet_vertraging(void **state)
{
	struct auth_limiet *l = *state;
	int64_t t0 = 1700000000, t;
	int i;

	for (i = 0; i < AUTH_LIMIET_POGINGEN; i++) {
		assert_int_equal(auth_limiet_check(l, K("u:jan"), t0 + i), 0);
		auth_limiet_mislukt(l, K("u:jan"), t0 + i);
	}
	t = t0 + AUTH_LIMIET_POGINGEN - 1; /* the last failure */
	assert_int_equal(auth_limiet_fouten(l, K("u:jan"), t), 5);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t), 15);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 10), 5);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 15), 0);
	/* each further failure doubles the delay */
	auth_limiet_mislukt(l, K("u:jan"), t + 15);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 15), 30);
	auth_limiet_mislukt(l, K("u:jan"), t + 45);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 45), 60);
	for (i = 0; i < 20; i++)
		auth_limiet_mislukt(l, K("u:jan"), t + 100);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 100),
	    AUTH_LIMIET_MAX);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 100 + 899), 1);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 100 + 900), 0);
	/* Clock set back: never more than the delay. */
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t0 - 50),
	    AUTH_LIMIET_MAX);
	assert_int_equal(auth_limiet_aantal(l, t + 100 + 3599), 1);
	/* an hour without failures: forgotten, a clean count */
	assert_int_equal(auth_limiet_aantal(l, t + 100 + 3600), 0);
	assert_int_equal(auth_limiet_fouten(l, K("u:jan"), t + 100 + 3600), 0);
	for (i = 0; i < AUTH_LIMIET_POGINGEN - 1; i++)
		auth_limiet_mislukt(l, K("u:jan"), t + 4000);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 4000), 0);
	auth_limiet_mislukt(l, K("u:jan"), t + 4000);
	assert_int_equal(auth_limiet_check(l, K("u:jan"), t + 4000), 15);
}

/* Each table has its own threshold: the per-address one (ten times the
 * per-name one) lets 49 failures pass and delays after the 50th; no
 * table without at least one allowed failure. */
static void
test_limiet_drempel(void **state)
{
	struct auth_limiet *ip = NULL, *x = (struct auth_limiet *)1;
	int64_t t0 = 1700000000;
	int i;

	(void)state;
	assert_int_equal(auth_limiet_new(0, &x), AUTH_FOUT);
	assert_ptr_equal(x, (struct auth_limiet *)1);
	assert_int_equal(auth_limiet_new(AUTH_LIMIET_IP_POGINGEN, &ip), 0);
	assert_true(AUTH_LIMIET_IP_POGINGEN > AUTH_LIMIET_POGINGEN);
	for (i = 0; i < AUTH_LIMIET_IP_POGINGEN - 1; i++)
		auth_limiet_mislukt(ip, K("10.0.0.1"), t0 + i);
	assert_int_equal(auth_limiet_check(ip, K("10.0.0.1"), t0 + 60), 0);
	auth_limiet_mislukt(ip, K("10.0.0.1"), t0 + 60);
	assert_int_equal(auth_limiet_check(ip, K("10.0.0.1"), t0 + 60), 15);
	assert_int_equal(auth_limiet_check(ip, K("10.0.0.2"), t0 + 60), 0);
	assert_int_equal(auth_limiet_fouten(ip, K("10.0.0.2"), t0 + 60), 0);
	auth_limiet_free(ip);
}

static void
test_limiet_gelukt(void **state)
{
	struct auth_limiet *l = *state;
	int i;

	for (i = 0; i < AUTH_LIMIET_POGINGEN - 1; i++)
		auth_limiet_mislukt(l, K("u:piet"), 100);
	auth_limiet_gelukt(l, K("u:piet"));
	/* The count restarted: 4 more failures are still allowed. */
	for (i = 0; i < AUTH_LIMIET_POGINGEN - 1; i++)
		auth_limiet_mislukt(l, K("u:piet"), 101);
	assert_int_equal(auth_limiet_check(l, K("u:piet"), 102), 0);
	auth_limiet_mislukt(l, K("u:piet"), 102);
	assert_int_equal(auth_limiet_check(l, K("u:piet"), 102), 15);
	/* Success also lifts a running delay. */
	auth_limiet_gelukt(l, K("u:piet"));
	assert_int_equal(auth_limiet_check(l, K("u:piet"), 103), 0);
	assert_int_equal(auth_limiet_aantal(l, 103), 0);
	/* Unknown keys and NULL tables are harmless. */
	auth_limiet_gelukt(l, K("u:niemand"));
	assert_int_equal(auth_limiet_check(NULL, K("u:piet"), 0), 0);
	assert_int_equal(auth_limiet_fouten(NULL, K("u:piet"), 0), 0);
	auth_limiet_mislukt(NULL, K("u:piet"), 0);
	auth_limiet_gelukt(NULL, K("u:piet"));
	auth_limiet_free(NULL);
}

static void
test_limiet_sleutels_los(void **state)
{
	struct auth_limiet *l = *state;
	int i;

	for (i = 0; i < AUTH_LIMIET_POGINGEN; i++)
		auth_limiet_mislukt(l, K("u:a"), 10);
	assert_int_equal(auth_limiet_check(l, K("u:a"), 10), 15);
	assert_int_equal(auth_limiet_check(l, K("u:b"), 10), 0);
	assert_int_equal(auth_limiet_check(l, K("ip:u:a"), 10), 0);
	/* Prefixes are different keys; the length counts. */
	assert_int_equal(auth_limiet_check(l, "u:ab", 3, 10), 15);
	assert_int_equal(auth_limiet_check(l, "u:ab", 4, 10), 0);
	auth_limiet_gelukt(l, K("u:b"));
	assert_int_equal(auth_limiet_check(l, K("u:a"), 10), 15);
}

static void
test_limiet_veel(void **state)
{
	struct auth_limiet *l = *state;
	char key[32];
	int i, j;

	/* A delayed user, then a flood of 10,000 fresh keys with one
	 * failure each. */
	for (i = 0; i < AUTH_LIMIET_POGINGEN + 6; i++)
		auth_limiet_mislukt(l, K("u:doel"), 1000);
	for (i = 0; i < 10000; i++) {
		snprintf(key, sizeof(key), "ip:10.0.%d.%d", i / 256, i % 256);
		auth_limiet_mislukt(l, K(key), 1000 + i / 100);
	}
	assert_true(auth_limiet_aantal(l, 1100) <= AUTH_LIMIET_SLOTS);
	/* Nearly full: the probes found room for most keys. */
	assert_true(auth_limiet_aantal(l, 1100) > AUTH_LIMIET_SLOTS * 9 / 10);
	/* The flood did not evict the delayed key (cap 900 s). */
	assert_int_equal(auth_limiet_check(l, K("u:doel"), 1100), 800);
	/* Now 10,000 keys reach a delay themselves: the latest stays
	 * delayed, and the table stays bounded. */
	for (i = 0; i < 10000; i++) {
		snprintf(key, sizeof(key), "u:gebruiker%d", i);
		for (j = 0; j < AUTH_LIMIET_POGINGEN; j++)
			auth_limiet_mislukt(l, K(key), 1200);
	}
	assert_true(auth_limiet_aantal(l, 1200) <= AUTH_LIMIET_SLOTS);
	assert_int_equal(auth_limiet_check(l, K(key), 1200), 15);
	/* All forgotten after an hour: everything may try again. */
	assert_int_equal(auth_limiet_aantal(l, 1200 + 3600), 0);
	assert_int_equal(auth_limiet_check(l, K(key), 1200 + 3600), 0);
	assert_int_equal(auth_limiet_check(l, K("u:doel"), 1200 + 3600), 0);
	/* Forgotten slots are reused before any live key is evicted: 1,000
	 * fresh keys in the full but forgotten table (almost) all stay
	 * (evicting by count alone would keep only a few hundred). */
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "ip:nieuw%d", i);
		auth_limiet_mislukt(l, K(key), 1200 + 3600);
	}
	assert_true(auth_limiet_aantal(l, 1200 + 3600) >= 990);
}

/* At most max places; a full gate refuses instead of waiting, and a
 * place given back is free again; max 0 is no limit. */
static void
test_poort(void **state)
{
	struct auth_poort p, open;
	int i;

	(void)state;
	auth_poort_init(&p, 2);
	assert_int_equal(auth_poort_in(&p), 1);
	assert_int_equal(auth_poort_in(&p), 1);
	assert_int_equal(auth_poort_in(&p), 0);
	assert_int_equal(auth_poort_in(&p), 0);
	auth_poort_uit(&p);
	assert_int_equal(auth_poort_in(&p), 1);
	assert_int_equal(auth_poort_in(&p), 0);
	auth_poort_uit(&p);
	auth_poort_uit(&p);
	auth_poort_init(&open, 0);
	for (i = 0; i < 100; i++)
		assert_int_equal(auth_poort_in(&open), 1);
	assert_int_equal(auth_poort_in(NULL), 1);
	auth_poort_uit(NULL);
}

/* issue 12: the minimum length counts characters, not bytes. Five
 * two-byte characters (10 bytes) were accepted before. */
static void
test_lengte_in_tekens(void **state)
{
	char h[AUTH_HASH_MAX];
	/* "é" x 5: 10 bytes, 5 characters */
	static const char vijf[] = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
	/* "€" x 10: 30 bytes, 10 characters */
	static const char tien[] = "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
				   "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
				   "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
				   "\xe2\x82\xac";

	(void)state;
	assert_int_equal(auth_utf8_tekens(vijf, L(vijf)), 5);
	assert_int_equal(auth_utf8_tekens(tien, L(tien)), 10);
	assert_int_equal(auth_wachtwoord_hash(vijf, L(vijf), AUTH_KOSTEN_TEST,
	    h), AUTH_TE_KORT);
	assert_int_equal(auth_wachtwoord_regels(vijf, NULL, NULL, NULL),
	    AUTH_TE_KORT);
	assert_int_equal(auth_wachtwoord_hash(tien, L(tien), AUTH_KOSTEN_TEST,
	    h), AUTH_OK);
	assert_int_equal(auth_wachtwoord_regels(tien, NULL, NULL, NULL),
	    AUTH_OK);
	/* not UTF-8: a lone continuation byte, an overlong '/', a
	 * surrogate, a cut-off sequence, beyond U+10FFFF */
	assert_int_equal(auth_utf8_tekens("abc\x80" "defghij", 11), -1);
	assert_int_equal(auth_utf8_tekens("\xc0\xaf" "abcdefghij", 12), -1);
	assert_int_equal(auth_utf8_tekens("\xed\xa0\x80" "abcdefghij", 13), -1);
	assert_int_equal(auth_utf8_tekens("abcdefghij\xe2\x82", 12), -1);
	assert_int_equal(auth_utf8_tekens("\xf4\x90\x80\x80" "abcdefghij", 14),
	    -1);
	assert_int_equal(auth_wachtwoord_hash("abcdefghij\xff", 11,
	    AUTH_KOSTEN_TEST, h), AUTH_ONGELDIG);
	assert_int_equal(auth_wachtwoord_regels("abcdefghij\xff", NULL, NULL,
	    NULL), AUTH_ONGELDIG);
}

/* issue 12: common passwords, the user's own name and the old password
 * are refused; each was accepted before (only the length was checked). */
static void
test_regels(void **state)
{
	(void)state;
	/* the demo password passes */
	assert_int_equal(auth_wachtwoord_regels("spoor-demo-2026", "werknemer",
	    "Demo werknemer", NULL), AUTH_OK);
	/* common: from the zxcvbn list (first, last-but-one region) and
	 * the Dutch list, any ASCII case */
	assert_int_equal(auth_wachtwoord_regels("qwertyuiop", NULL, NULL,
	    NULL), AUTH_GEWOON);
	assert_int_equal(auth_wachtwoord_regels("Password123", NULL, NULL,
	    NULL), AUTH_GEWOON);
	assert_int_equal(auth_wachtwoord_regels("1q2w3e4r5t", NULL, NULL,
	    NULL), AUTH_GEWOON);
	assert_int_equal(auth_wachtwoord_regels("Wachtwoord123", NULL, NULL,
	    NULL), AUTH_GEWOON);
	assert_int_equal(auth_wachtwoord_regels("azerty1234", NULL, NULL,
	    NULL), AUTH_GEWOON);
	/* a common password with more around it is not the list entry */
	assert_int_equal(auth_wachtwoord_regels("qwertyuiop-zomer-77", NULL,
	    NULL, NULL), AUTH_OK);
	/* the user name, contained, any case */
	assert_int_equal(auth_wachtwoord_regels("x-JANSEN-2026-zomer",
	    "jansen", NULL, NULL), AUTH_NAAM);
	assert_int_equal(auth_wachtwoord_regels("jansen2026!!", "jansen",
	    NULL, NULL), AUTH_NAAM);
	/* the display name, spaces ignored */
	assert_int_equal(auth_wachtwoord_regels("ikbenpietdevries", "pdv",
	    "Piet de Vries", NULL), AUTH_NAAM);
	assert_int_equal(auth_wachtwoord_regels("hallo-Pdv-2026", "pdv",
	    "Piet de Vries", NULL), AUTH_NAAM);
	/* names under 3 characters are not looked for */
	assert_int_equal(auth_wachtwoord_regels("jo-zomer-2026", "jo", "J",
	    NULL), AUTH_OK);
	/* the old password as the new */
	assert_int_equal(auth_wachtwoord_regels("oud-en-vertrouwd", "piet",
	    NULL, "oud-en-vertrouwd"), AUTH_ZELFDE);
	assert_int_equal(auth_wachtwoord_regels("Oud-en-vertrouwd", "piet",
	    NULL, "oud-en-vertrouwd"), AUTH_OK);
	assert_int_equal(auth_wachtwoord_regels(NULL, NULL, NULL, NULL),
	    AUTH_ONGELDIG);
	/* every code has a Dutch explanation */
	assert_non_null(strstr(auth_wachtwoord_uitleg(AUTH_GEWOON),
	    "veelgebruikte"));
	assert_non_null(strstr(auth_wachtwoord_uitleg(AUTH_NAAM), "naam"));
	assert_non_null(strstr(auth_wachtwoord_uitleg(AUTH_ZELFDE),
	    "huidige"));
	assert_non_null(strstr(auth_wachtwoord_uitleg(AUTH_TE_KORT), "10"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lengte_in_tekens),
		cmocka_unit_test(test_regels),
		cmocka_unit_test(test_hash_rondgang),
		cmocka_unit_test(test_hash_fout_wachtwoord),
		cmocka_unit_test(test_hash_misvormd),
		cmocka_unit_test(test_hash_weigert),
		cmocka_unit_test(test_hash_zout),
		cmocka_unit_test(test_verouderd),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_token_geldig),
		cmocka_unit_test(test_token_hash),
		cmocka_unit_test(test_gelijk),
		cmocka_unit_test(test_naam),
		cmocka_unit_test_setup_teardown(test_limiet_vertraging,
		    limiet_setup, limiet_teardown),
		cmocka_unit_test(test_limiet_drempel),
		cmocka_unit_test_setup_teardown(test_limiet_gelukt,
		    limiet_setup, limiet_teardown),
		cmocka_unit_test_setup_teardown(test_limiet_sleutels_los,
		    limiet_setup, limiet_teardown),
		cmocka_unit_test_setup_teardown(test_limiet_veel,
		    limiet_setup, limiet_teardown),
		cmocka_unit_test(test_poort),
	};

	if (auth_init() || auth_init())
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

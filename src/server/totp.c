/*
 * totp.c - HOTP/TOTP, base32 and recovery codes (see totp.h).
 */
#include <nettle/hmac.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "server/totp.h"

static const char b32_abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

uint32_t
totp_hotp(const uint8_t *key, size_t keylen, uint64_t teller, unsigned cijfers)
{
	struct hmac_sha1_ctx ctx;
	uint8_t msg[8], mac[SHA1_DIGEST_SIZE];
	uint32_t bin, mod = 1;
	unsigned i, off;

	for (i = 0; i < 8; i++)
		msg[i] = (uint8_t)(teller >> (56 - 8 * i));
	hmac_sha1_set_key(&ctx, keylen, key);
	hmac_sha1_update(&ctx, sizeof(msg), msg);
	hmac_sha1_digest(&ctx, sizeof(mac), mac);
	/* dynamic truncation, RFC 4226 §5.3 */
	off = mac[SHA1_DIGEST_SIZE - 1] & 0x0fu;
	bin = ((uint32_t)(mac[off] & 0x7fu) << 24) |
	      ((uint32_t)mac[off + 1] << 16) | ((uint32_t)mac[off + 2] << 8) |
	      (uint32_t)mac[off + 3];
	if (cijfers < 1)
		cijfers = 1;
	if (cijfers > 9)
		cijfers = 9;
	for (i = 0; i < cijfers; i++)
		mod *= 10u;
	sodium_memzero(&ctx, sizeof(ctx));
	sodium_memzero(mac, sizeof(mac));
	return bin % mod;
}

int64_t
totp_stap(int64_t t)
{
	return t > 0 ? t / TOTP_PERIODE : 0;
}

int
totp_is_code(const char *code)
{
	size_t i;

	if (!code)
		return 0;
	for (i = 0; i < TOTP_CIJFERS; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	return code[TOTP_CIJFERS] == '\0';
}

int
totp_check(const uint8_t *key, size_t keylen, const char *code, int64_t nu,
	   int64_t laatste, int64_t *stap)
{
	int64_t s0 = totp_stap(nu), s, gevonden = -1;
	uint32_t waarde = 0;
	size_t i;

	if (!totp_is_code(code))
		return -1;
	for (i = 0; i < TOTP_CIJFERS; i++)
		waarde = waarde * 10u + (uint32_t)(code[i] - '0');
	/* every step of the window is computed, so the time taken does not
	 * tell which one matched */
	for (s = s0 - TOTP_VENSTER; s <= s0 + TOTP_VENSTER; s++) {
		uint32_t v;
		int gelijk;

		if (s < 0)
			continue;
		v = totp_hotp(key, keylen, (uint64_t)s, TOTP_CIJFERS);
		gelijk = (v == waarde) & (s > laatste);
		if (gelijk && gevonden < 0)
			gevonden = s;
	}
	if (gevonden < 0)
		return -1;
	*stap = gevonden;
	return 0;
}

void
totp_base32(const uint8_t *in, size_t n, char *out)
{
	uint32_t buf = 0;
	unsigned bits = 0;
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		buf = (buf << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32_abc[(buf >> (bits - 5)) & 31u];
			bits -= 5;
		}
		buf &= (1u << bits) - 1u;
	}
	if (bits > 0)
		out[o++] = b32_abc[(buf << (5 - bits)) & 31u];
	out[o] = '\0';
}

int
totp_sleutel_lees(const char *hex, uint8_t sleutel[TOTP_SLEUTEL_LEN])
{
	uint8_t k[TOTP_SLEUTEL_LEN];
	size_t n = 0;
	const char *eind = NULL;

	if (!hex)
		return -1;
	while (*hex == ' ' || *hex == '\t')
		hex++;
	if (sodium_hex2bin(k, sizeof(k), hex, strlen(hex), NULL, &n, &eind) ||
	    n != sizeof(k) || strspn(eind, " \t\r\n") != strlen(eind)) {
		sodium_memzero(k, sizeof(k));
		return -1;
	}
	memcpy(sleutel, k, sizeof(k));
	sodium_memzero(k, sizeof(k));
	return 0;
}

/* The associated data: the user id, 8 bytes big-endian. */
static void
ad_van(int64_t gebruiker, uint8_t ad[8])
{
	unsigned i;

	for (i = 0; i < 8; i++)
		ad[i] = (uint8_t)((uint64_t)gebruiker >> (56 - 8 * i));
}

void
totp_versleutel(const uint8_t sleutel[TOTP_SLEUTEL_LEN], int64_t gebruiker,
		const uint8_t geheim[TOTP_GEHEIM_LEN],
		uint8_t uit[TOTP_VERSLEUTELD_LEN])
{
	uint8_t ad[8];
	unsigned long long n = 0;

	ad_van(gebruiker, ad);
	uit[0] = 1;
	randombytes_buf(uit + 1, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
		uit + 1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &n, geheim,
		TOTP_GEHEIM_LEN, ad, sizeof(ad), NULL, uit + 1, sleutel);
}

int
totp_ontsleutel(const uint8_t *sleutel, int64_t gebruiker, const uint8_t *blob,
		size_t len, uint8_t geheim[TOTP_GEHEIM_LEN])
{
	uint8_t ad[8], g[TOTP_GEHEIM_LEN];
	unsigned long long n = 0;
	const size_t np = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

	if (len == TOTP_GEHEIM_LEN) {
		memcpy(geheim, blob, TOTP_GEHEIM_LEN);
		return 0;
	}
	if (!sleutel || len != TOTP_VERSLEUTELD_LEN || blob[0] != 1)
		return -1;
	ad_van(gebruiker, ad);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(
		    g, &n, NULL, blob + 1 + np, len - 1 - np, ad, sizeof(ad),
		    blob + 1, sleutel) || n != TOTP_GEHEIM_LEN) {
		sodium_memzero(g, sizeof(g));
		return -1;
	}
	memcpy(geheim, g, sizeof(g));
	sodium_memzero(g, sizeof(g));
	return 0;
}

void
totp_geheim_nieuw(uint8_t key[TOTP_GEHEIM_LEN])
{
	randombytes_buf(key, TOTP_GEHEIM_LEN);
}

/* Percent-encode s (RFC 3986 unreserved characters kept) into out at
 * *o; -1 when it does not fit. */
static int
pct(const char *s, char *out, size_t outlen, size_t *o)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~') {
			if (*o + 1 >= outlen)
				return -1;
			out[(*o)++] = (char)c;
		} else {
			if (*o + 3 >= outlen)
				return -1;
			out[(*o)++] = '%';
			out[(*o)++] = hex[c >> 4];
			out[(*o)++] = hex[c & 15u];
		}
	}
	return 0;
}

int
totp_uri(const char *b32, const char *naam, char *out, size_t outlen)
{
	char buf[TOTP_URI_MAX];
	size_t o;
	int n;

	n = snprintf(buf, sizeof(buf), "otpauth://totp/spoor:");
	if (n < 0)
		return -1;
	o = (size_t)n;
	if (pct(naam, buf, sizeof(buf), &o))
		return -1;
	n = snprintf(buf + o, sizeof(buf) - o, "?secret=%s&issuer=spoor"
		     "&algorithm=SHA1&digits=%d&period=%d", b32, TOTP_CIJFERS,
		     TOTP_PERIODE);
	if (n < 0 || (size_t)n >= sizeof(buf) - o || o + (size_t)n >= outlen)
		return -1;
	memcpy(out, buf, o + (size_t)n + 1);
	return 0;
}

void
totp_herstel_nieuw(char out[TOTP_HERSTEL_LEN + 1])
{
	uint8_t r[10];
	char b[TOTP_HERSTEL_TEKENS + 1];
	size_t i, o = 0;

	randombytes_buf(r, sizeof(r));
	totp_base32(r, sizeof(r), b);
	for (i = 0; i < TOTP_HERSTEL_TEKENS; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = '-';
		out[o++] = b[i];
	}
	out[o] = '\0';
	sodium_memzero(r, sizeof(r));
	sodium_memzero(b, sizeof(b));
}

int
totp_herstel_hash(const char *code, char out[TOTP_HERSTEL_HASH_LEN + 1])
{
	char n[TOTP_HERSTEL_TEKENS];
	unsigned char h[crypto_hash_sha256_BYTES];
	size_t k = 0;
	const char *p;

	if (!code)
		return -1;
	for (p = code; *p; p++) {
		char c = *p;

		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')) ||
		    k == sizeof(n))
			return -1;
		n[k++] = c;
	}
	if (k != sizeof(n))
		return -1;
	crypto_hash_sha256(h, (const unsigned char *)n, sizeof(n));
	sodium_bin2hex(out, TOTP_HERSTEL_HASH_LEN + 1, h, sizeof(h));
	sodium_memzero(n, sizeof(n));
	return 0;
}

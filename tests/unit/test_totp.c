/*
 * test_totp.c - the second factor: the test vectors of RFC 4226
 * (appendix D) and RFC 6238 (appendix B, SHA1), RFC 4648 base32, the
 * window and replay of totp_check, the URI, recovery codes, and the
 * stored factor of store_totp.h on SQLite and, under scripts/pg.sh run
 * (test_totp_pg), on PostgreSQL: replay and single use of a recovery
 * code in the store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sodium.h>

#include "server/auth.h"
#include "server/conf.h"
#include "server/totp.h"
#include "store/db.h"
#include "store/store.h"
#include "store/store_totp.h"
#include "testlib.h"

static const uint8_t rfc_key[] = "12345678901234567890";
#define RFC_KEYLEN 20

static void
test_hotp_rfc4226(void **state)
{
	/* RFC 4226 appendix D */
	static const uint32_t v[10] = {755224, 287082, 359152, 969429, 338314,
				       254676, 287922, 162583, 399871, 520489};
	uint64_t i;

	(void)state;
	for (i = 0; i < 10; i++)
		assert_int_equal(totp_hotp(rfc_key, RFC_KEYLEN, i, 6), v[i]);
}

static void
test_totp_rfc6238(void **state)
{
	/* RFC 6238 appendix B, the SHA1 rows (8 digits) */
	static const struct {
		int64_t t;
		uint32_t code;
		int64_t stap;
	} v[] = {
		{59, 94287082, 1},
		{1111111109, 7081804, 0x23523EC},
		{1111111111, 14050471, 0x23523ED},
		{1234567890, 89005924, 0x273EF07},
		{2000000000, 69279037, 0x3F940AA},
		{20000000000, 65353130, 0x27BC86AA},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(totp_stap(v[i].t), v[i].stap);
		assert_int_equal(totp_hotp(rfc_key, RFC_KEYLEN,
					   (uint64_t)totp_stap(v[i].t), 8),
				 v[i].code);
	}
}

static void
test_base32_rfc4648(void **state)
{
	/* RFC 4648 §10, without the padding */
	static const char *const in[] = {"", "f", "fo", "foo", "foob", "fooba",
					 "foobar"};
	static const char *const uit[] = {"", "MY", "MZXQ", "MZXW6", "MZXW6YQ",
					  "MZXW6YTB", "MZXW6YTBOI"};
	char b[64];
	uint8_t k[TOTP_GEHEIM_LEN];
	size_t i;

	(void)state;
	for (i = 0; i < 7; i++) {
		totp_base32((const uint8_t *)in[i], strlen(in[i]), b);
		assert_string_equal(b, uit[i]);
	}
	totp_base32(rfc_key, RFC_KEYLEN, b);
	assert_string_equal(b, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	totp_geheim_nieuw(k);
	totp_base32(k, sizeof(k), b);
	assert_int_equal(strlen(b), TOTP_B32_LEN);
}

static void
code_van(int64_t stap, char c[8])
{
	snprintf(c, 8, "%06u", (unsigned)totp_hotp(rfc_key, RFC_KEYLEN,
						    (uint64_t)stap, 6));
}

static void
test_check_venster_replay(void **state)
{
	int64_t nu = 1111111111, s0 = nu / 30, stap = -5;
	char c[8];

	(void)state;
	/* this step, one either side; not two */
	code_van(s0, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, 0, &stap), 0);
	assert_int_equal(stap, s0);
	code_van(s0 - 1, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, 0, &stap), 0);
	assert_int_equal(stap, s0 - 1);
	code_van(s0 + 1, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, 0, &stap), 0);
	assert_int_equal(stap, s0 + 1);
	stap = -5;
	code_van(s0 - 2, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, 0, &stap), -1);
	code_van(s0 + 2, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, 0, &stap), -1);
	assert_int_equal(stap, -5);
	/* replay: the step accepted last, or one before it, is refused */
	code_van(s0, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, s0, &stap), -1);
	code_van(s0 - 1, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, s0, &stap), -1);
	code_van(s0 + 1, c);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, c, nu, s0, &stap), 0);
	assert_int_equal(stap, s0 + 1);
	/* shapes */
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, "12345", nu, 0, &stap),
			 -1);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, "1234567", nu, 0,
				    &stap), -1);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, "12a456", nu, 0,
				    &stap), -1);
	assert_int_equal(totp_check(rfc_key, RFC_KEYLEN, NULL, nu, 0, &stap),
			 -1);
	assert_true(totp_is_code("012345"));
	assert_false(totp_is_code("ABCD-EFGH-IJKL-MNOP"));
}

static void
test_uri(void **state)
{
	char u[TOTP_URI_MAX], klein[40];

	(void)state;
	assert_int_equal(totp_uri("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
				  "jan de vries", u, sizeof(u)), 0);
	assert_string_equal(u, "otpauth://totp/spoor:jan%20de%20vries?secret="
			    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=spoor&"
			    "algorithm=SHA1&digits=6&period=30");
	strcpy(klein, "onveranderd");
	assert_int_equal(totp_uri("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "jan",
				  klein, sizeof(klein)), -1);
	assert_string_equal(klein, "onveranderd");
}

static void
test_herstelcode(void **state)
{
	char a[TOTP_HERSTEL_LEN + 1], b[TOTP_HERSTEL_LEN + 1];
	char ha[TOTP_HERSTEL_HASH_LEN + 1], hb[TOTP_HERSTEL_HASH_LEN + 1];
	char klein[TOTP_HERSTEL_LEN + 1];
	size_t i;

	(void)state;
	totp_herstel_nieuw(a);
	totp_herstel_nieuw(b);
	assert_int_equal(strlen(a), TOTP_HERSTEL_LEN);
	assert_int_equal(a[4], '-');
	assert_int_equal(a[9], '-');
	assert_int_equal(a[14], '-');
	assert_string_not_equal(a, b);
	assert_int_equal(totp_herstel_hash(a, ha), 0);
	assert_int_equal(totp_herstel_hash(b, hb), 0);
	assert_string_not_equal(ha, hb);
	/* lower case, without dashes, with spaces: the same code */
	for (i = 0; i <= TOTP_HERSTEL_LEN; i++)
		klein[i] = (a[i] >= 'A' && a[i] <= 'Z') ? (char)(a[i] + 32)
		    : a[i] == '-' ? ' ' : a[i];
	assert_int_equal(totp_herstel_hash(klein, hb), 0);
	assert_string_equal(ha, hb);
	/* SHA-256 of "AAAAAAAAAAAAAAAA" */
	assert_int_equal(totp_herstel_hash("aaaa-aaaa-aaaa-aaaa", hb), 0);
	assert_string_equal(hb, "991204fba2b6216d476282d375ab88d2"
			    "0e6108d109aecded97ef424ddd114706");
	assert_int_equal(totp_herstel_hash("AAAA-AAAA-AAAA-AAA", hb), -1);
	assert_int_equal(totp_herstel_hash("AAAA-AAAA-AAAA-AAAAA", hb), -1);
	assert_int_equal(totp_herstel_hash("AAAA-AAAA-AAAA-AAA1", hb), -1);
	assert_int_equal(totp_herstel_hash(NULL, hb), -1);
}

static void
test_versleuteling(void **state)
{
	uint8_t k[TOTP_SLEUTEL_LEN], k2[TOTP_SLEUTEL_LEN];
	uint8_t blob[TOTP_VERSLEUTELD_LEN], blob2[TOTP_VERSLEUTELD_LEN];
	uint8_t g[TOTP_GEHEIM_LEN];
	char hex[2 * TOTP_SLEUTEL_LEN + 4];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(k); i++)
		k[i] = (uint8_t)i;
	sodium_bin2hex(hex, sizeof(hex), k, sizeof(k));
	memset(k2, 0, sizeof(k2));
	assert_int_equal(totp_sleutel_lees(hex, k2), 0);
	assert_memory_equal(k, k2, sizeof(k));
	strcat(hex, "\n");
	assert_int_equal(totp_sleutel_lees(hex, k2), 0);
	assert_int_equal(totp_sleutel_lees("00ff", k2), -1);
	assert_int_equal(totp_sleutel_lees("geen sleutel", k2), -1);
	hex[10] = 'x';
	assert_int_equal(totp_sleutel_lees(hex, k2), -1);
	assert_memory_equal(k, k2, sizeof(k));

	totp_versleutel(k, 42, rfc_key, blob);
	totp_versleutel(k, 42, rfc_key, blob2);
	assert_int_equal(blob[0], 1);
	/* a fresh nonce each time, and no plain secret in the blob */
	assert_memory_not_equal(blob, blob2, sizeof(blob));
	for (i = 0; i + RFC_KEYLEN <= sizeof(blob); i++)
		assert_memory_not_equal(blob + i, rfc_key, RFC_KEYLEN);
	memset(g, 0, sizeof(g));
	assert_int_equal(totp_ontsleutel(k, 42, blob, sizeof(blob), g), 0);
	assert_memory_equal(g, rfc_key, RFC_KEYLEN);
	/* without the key, with another, for another user, damaged */
	memset(g, 0, sizeof(g));
	assert_int_equal(totp_ontsleutel(NULL, 42, blob, sizeof(blob), g), -1);
	k2[0] ^= 1;
	assert_int_equal(totp_ontsleutel(k2, 42, blob, sizeof(blob), g), -1);
	assert_int_equal(totp_ontsleutel(k, 43, blob, sizeof(blob), g), -1);
	blob[30] ^= 1;
	assert_int_equal(totp_ontsleutel(k, 42, blob, sizeof(blob), g), -1);
	assert_int_equal(totp_ontsleutel(k, 42, blob, sizeof(blob) - 1, g), -1);
	for (i = 0; i < sizeof(g); i++)
		assert_int_equal(g[i], 0);
	/* a secret stored before a key was configured reads as it is */
	assert_int_equal(totp_ontsleutel(NULL, 42, rfc_key, RFC_KEYLEN, g), 0);
	assert_memory_equal(g, rfc_key, RFC_KEYLEN);
	assert_int_equal(totp_ontsleutel(k, 42, rfc_key, RFC_KEYLEN, g), 0);
}

/* spoor.conf's tweede_factor_verplicht: a role list */
static void
test_conf_rollen(void **state)
{
	static const struct {
		const char *tekst;
		int rc;
		uint32_t m;
	} v[] = {
		{"tweede_factor_verplicht = beheerder, bedrijfsarts\n", 0,
		 ROL_BIT(ROL_BEHEERDER) | ROL_BIT(ROL_BEDRIJFSARTS)},
		{"tweede_factor_verplicht = bedrijfsarts\n", 0,
		 ROL_BIT(ROL_BEDRIJFSARTS)},
		{"tweede_factor_verplicht =   werknemer ,beheerder  \n", 0,
		 ROL_BIT(ROL_WERKNEMER) | ROL_BIT(ROL_BEHEERDER)},
		{"tweede_factor_verplicht = geen\n", 0, 0},
		{"tweede_factor_verplicht = beheerder, tandarts\n", CONF_FOUT, 0},
		{"tweede_factor_verplicht = beheerder,,bedrijfsarts\n", CONF_FOUT,
		 0},
		{"tweede_factor_verplicht = Beheerder\n", CONF_FOUT, 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct spoor_conf c;
		char err[300] = "";

		conf_init(&c);
		assert_int_equal(c.tweede_factor_verplicht, 0);
		assert_int_equal(conf_parse("spoor.conf", v[i].tekst,
					    strlen(v[i].tekst), &c, err,
					    sizeof(err)), v[i].rc);
		if (v[i].rc == 0)
			assert_int_equal(c.tweede_factor_verplicht, v[i].m);
		conf_release(&c);
	}
	{
		struct spoor_conf c;
		char err[300] = "";
		const char *t = "tweede_factor_verplicht = beheerder, tandarts\n";

		conf_init(&c);
		assert_int_equal(conf_parse("spoor.conf", t, strlen(t), &c, err,
					    sizeof(err)), CONF_FOUT);
		assert_non_null(strstr(err, "spoor.conf, regel 1"));
		assert_non_null(strstr(err, "'tandarts' is geen rol"));
		conf_release(&c);
	}
}

/* ---- the store ---- */

/* The store of the test (SQLite or PostgreSQL, testlib.h) with user
 * arts. */
struct fix {
	struct store *s;
	int64_t id;
};

static struct fix *
maak(void **state, struct fix *f)
{
	f->s = tl_store(state);
	assert_int_equal(store_gebruiker_nieuw(f->s, "arts", "Arts", "h",
					       &f->id), ST_OK);
	return f;
}

static int
opzet_sqlite(void **state)
{
	return tl_setup_sqlite(state, "totp", "s.db", NULL);
}

static int
opzet_pg(void **state)
{
	return tl_setup_pg(state, "t_totp", NULL);
}

static void
test_store_factor(void **state)
{
	struct fix fx, *f = maak(state, &fx);
	uint8_t k[STORE_TOTP_GEHEIM_MAX], ander[TOTP_GEHEIM_LEN];
	size_t len = 0;
	int actief = -1, nodig = -1;
	int64_t laatste = -1;

	memset(ander, 7, sizeof(ander));
	assert_int_equal(store_totp_lees(f->s, f->id, k, sizeof(k), &len,
					 &actief, &laatste), ST_NIET_GEVONDEN);
	assert_int_equal(store_totp_stap(f->s, f->id, 5, 1), ST_NIET_GEVONDEN);
	/* enforcement: a bedrijfsarts without a confirmed factor */
	assert_int_equal(db_exec(f->s->db, "INSERT INTO werkgever (extern_id, "
				 "naam) VALUES ('W1', 'Werkgever')", NULL, 0,
				 NULL), DB_OK);
	assert_int_equal(store_toekenning(f->s, f->id, ROL_BEDRIJFSARTS, "W1",
					  NULL), ST_OK);
	assert_int_equal(store_totp_nodig(f->s, f->id, 0, &nodig), ST_OK);
	assert_int_equal(nodig, 0);
	assert_int_equal(store_totp_nodig(f->s, f->id,
					  ROL_BIT(ROL_BEHEERDER), &nodig), ST_OK);
	assert_int_equal(nodig, 0);
	assert_int_equal(store_totp_nodig(f->s, f->id, ROL_BIT(ROL_BEHEERDER) |
					  ROL_BIT(ROL_BEDRIJFSARTS), &nodig),
			 ST_OK);
	assert_int_equal(nodig, 1);

	/* pending, replaced while pending */
	assert_int_equal(store_totp_begin(f->s, f->id, ander, sizeof(ander)),
			 ST_OK);
	assert_int_equal(store_totp_begin(f->s, f->id, rfc_key, RFC_KEYLEN),
			 ST_OK);
	assert_int_equal(store_totp_lees(f->s, f->id, k, sizeof(k), &len,
					 &actief, &laatste), ST_OK);
	assert_int_equal(len, RFC_KEYLEN);
	assert_memory_equal(k, rfc_key, RFC_KEYLEN);
	assert_int_equal(actief, 0);
	assert_int_equal(laatste, 0);
	/* a pending secret does not count, a use of a pending one neither */
	assert_int_equal(store_totp_stap(f->s, f->id, 100, 0), ST_CONFLICT);
	assert_int_equal(store_totp_nodig(f->s, f->id, ROL_BIT(ROL_BEDRIJFSARTS),
					  &nodig), ST_OK);
	assert_int_equal(nodig, 1);
	/* confirmed at step 100 */
	assert_int_equal(store_totp_stap(f->s, f->id, 100, 1), ST_OK);
	assert_int_equal(store_totp_stap(f->s, f->id, 101, 1), ST_CONFLICT);
	assert_int_equal(store_totp_nodig(f->s, f->id, ROL_BIT(ROL_BEDRIJFSARTS),
					  &nodig), ST_OK);
	assert_int_equal(nodig, 0);
	/* a confirmed secret is not replaced */
	assert_int_equal(store_totp_begin(f->s, f->id, ander, sizeof(ander)),
			 ST_CONFLICT);
	assert_int_equal(store_totp_lees(f->s, f->id, k, sizeof(k), &len,
					 &actief, &laatste), ST_OK);
	assert_memory_equal(k, rfc_key, RFC_KEYLEN);
	assert_int_equal(actief, 1);
	assert_int_equal(laatste, 100);
	/* replay: the same step and an earlier one are refused */
	assert_int_equal(store_totp_stap(f->s, f->id, 100, 0), ST_CONFLICT);
	assert_int_equal(store_totp_stap(f->s, f->id, 99, 0), ST_CONFLICT);
	assert_int_equal(store_totp_stap(f->s, f->id, 101, 0), ST_OK);
	assert_int_equal(store_totp_stap(f->s, f->id, 101, 0), ST_CONFLICT);
	/* removed (the beheerder's reset): nothing left */
	assert_int_equal(store_totp_weg(f->s, f->id), ST_OK);
	assert_int_equal(store_totp_weg(f->s, f->id), ST_NIET_GEVONDEN);
	assert_int_equal(store_totp_lees(f->s, f->id, k, sizeof(k), &len,
					 &actief, &laatste), ST_NIET_GEVONDEN);
	assert_int_equal(store_totp_nodig(f->s, f->id, ROL_BIT(ROL_BEDRIJFSARTS),
					  &nodig), ST_OK);
	assert_int_equal(nodig, 1);
}

static void
test_store_herstel(void **state)
{
	struct fix fx, *f = maak(state, &fx);
	char codes[3][TOTP_HERSTEL_LEN + 1], h[3][TOTP_HERSTEL_HASH_LEN + 1];
	const char *hs[3];
	char ander[TOTP_HERSTEL_HASH_LEN + 1];
	int64_t n = -1;
	size_t i;

	for (i = 0; i < 3; i++) {
		totp_herstel_nieuw(codes[i]);
		assert_int_equal(totp_herstel_hash(codes[i], h[i]), 0);
		hs[i] = h[i];
	}
	assert_int_equal(store_totp_herstel_zet(f->s, f->id, hs, 3), ST_OK);
	assert_int_equal(store_totp_herstel_over(f->s, f->id, &n), ST_OK);
	assert_int_equal(n, 3);
	/* each code once */
	assert_int_equal(store_totp_herstel(f->s, f->id, h[1], 1000), ST_OK);
	assert_int_equal(store_totp_herstel(f->s, f->id, h[1], 1001),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_totp_herstel_over(f->s, f->id, &n), ST_OK);
	assert_int_equal(n, 2);
	/* a code that was never issued, another user's code */
	assert_int_equal(totp_herstel_hash("AAAA-AAAA-AAAA-AAAA", ander), 0);
	assert_int_equal(store_totp_herstel(f->s, f->id, ander, 1002),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_totp_herstel(f->s, f->id + 1, h[0], 1002),
			 ST_NIET_GEVONDEN);
	/* new codes replace the old */
	assert_int_equal(store_totp_herstel_zet(f->s, f->id, hs, 1), ST_OK);
	assert_int_equal(store_totp_herstel(f->s, f->id, h[2], 1003),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_totp_herstel(f->s, f->id, h[0], 1003), ST_OK);
	assert_int_equal(store_totp_herstel_over(f->s, f->id, &n), ST_OK);
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hotp_rfc4226),
		cmocka_unit_test(test_totp_rfc6238),
		cmocka_unit_test(test_base32_rfc4648),
		cmocka_unit_test(test_check_venster_replay),
		cmocka_unit_test(test_uri),
		cmocka_unit_test(test_herstelcode),
		cmocka_unit_test(test_conf_rollen),
		cmocka_unit_test(test_versleuteling),
		cmocka_unit_test_setup_teardown(test_store_factor,
						opzet_sqlite, tl_teardown),
		cmocka_unit_test_setup_teardown(test_store_herstel,
						opzet_sqlite, tl_teardown),
		{"test_store_factor_pg", test_store_factor, opzet_pg,
		 tl_teardown, NULL},
		{"test_store_herstel_pg", test_store_herstel, opzet_pg,
		 tl_teardown, NULL},
	};

	if (auth_init())
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

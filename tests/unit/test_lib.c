/*
 * test_lib.c - src/lib: the capped buffer (the cap is exact, a failure
 * is sticky, detach hands over), bounded integers (bounds, overflow,
 * junk), the escapers byte for byte (CSV quoting and the formula guard,
 * iCalendar escapes and folding at 75 octets without splitting a UTF-8
 * sequence, Pango markup), the clock under SPOOR_NU, a logfmt value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "lib/buf.h"
#include "lib/escape.h"
#include "lib/klok.h"
#include "lib/logfmt.h"
#include "lib/num.h"

/* --- buf ---------------------------------------------------------- */

static void
buf_cap(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 10);
	assert_int_equal(buf_addstr(&b, "12345"), BUF_OK);
	assert_int_equal(buf_add(&b, "67890", 5), BUF_OK);
	/* exactly the cap: still fine */
	assert_int_equal(buf_len(&b), 10);
	assert_string_equal(buf_ptr(&b), "1234567890");
	/* one byte more is refused, the content is gone, the failure
	 * stays for every later add */
	assert_int_equal(buf_addc(&b, 'x'), BUF_TE_GROOT);
	assert_int_equal(buf_len(&b), 0);
	assert_string_equal(buf_ptr(&b), "");
	assert_int_equal(buf_addstr(&b, "a"), BUF_TE_GROOT);
	assert_int_equal(buf_addf(&b, "%d", 1), BUF_TE_GROOT);
	assert_int_equal(buf_fout(&b), BUF_TE_GROOT);
	assert_string_equal(buf_reden(BUF_TE_GROOT),
			    "tekst groter dan toegestaan");
	{
		char keep[] = "ongewijzigd", *p = keep;
		size_t n = 7;

		assert_int_equal(buf_detach(&b, &p, &n), BUF_TE_GROOT);
		assert_string_equal(p, "ongewijzigd");
		assert_int_equal(n, 7);
	}
	/* reset starts over with the same cap */
	buf_reset(&b);
	assert_int_equal(buf_addstr(&b, "0123456789"), BUF_OK);
	assert_int_equal(buf_addstr(&b, "!"), BUF_TE_GROOT);
	buf_release(&b);

	/* a single add larger than the cap, and the largest cap */
	buf_init(&b, 3);
	assert_int_equal(buf_add(&b, "abcd", 4), BUF_TE_GROOT);
	buf_release(&b);
	buf_init(&b, SIZE_MAX);
	assert_int_equal(b.cap, SIZE_MAX - 1);
	assert_int_equal(buf_add(&b, "x", SIZE_MAX), BUF_TE_GROOT);
	buf_release(&b);

	/* cap 0 holds the empty text only */
	buf_init(&b, 0);
	assert_int_equal(buf_add(&b, "", 0), BUF_OK);
	assert_string_equal(buf_ptr(&b), "");
	assert_int_equal(buf_addc(&b, 'a'), BUF_TE_GROOT);
	buf_release(&b);
}

static void
buf_groei(void **state)
{
	struct buf b;
	char groot[1000], *uit = NULL;
	size_t n = 0;

	(void)state;
	memset(groot, 'a', sizeof(groot));
	buf_init(&b, 4096);
	/* an empty buffer allocates nothing and reads as "" */
	assert_null(b.p);
	assert_string_equal(buf_ptr(&b), "");
	assert_int_equal(buf_add(&b, groot, sizeof(groot)), BUF_OK);
	assert_int_equal(buf_addf(&b, "[%d:%s]", 42, "x"), BUF_OK);
	assert_int_equal(buf_add(&b, "n\0n", 3), BUF_OK);
	assert_int_equal(buf_len(&b), 1009);
	assert_memory_equal(buf_ptr(&b) + 1000, "[42:x]n\0n", 10);
	/* never more memory than cap + 1 */
	assert_true(b.alloc <= 4097);
	assert_int_equal(buf_detach(&b, &uit, &n), BUF_OK);
	assert_int_equal(n, 1009);
	assert_int_equal(uit[1009], '\0');
	assert_int_equal(buf_len(&b), 0);
	assert_null(b.p);
	free(uit);

	/* a formatted add that would pass the cap */
	buf_init(&b, 5);
	assert_int_equal(buf_addf(&b, "%d", 12345), BUF_OK);
	assert_int_equal(buf_addf(&b, "%d", 6), BUF_TE_GROOT);
	buf_release(&b);

	/* detach of an empty buffer: a "" to free */
	buf_init(&b, 5);
	assert_int_equal(buf_detach(&b, &uit, NULL), BUF_OK);
	assert_string_equal(uit, "");
	free(uit);
	buf_release(&b);
}

/* --- num ---------------------------------------------------------- */

static void
num_grenzen(void **state)
{
	int64_t v = 77;
	const char *r = NULL;

	(void)state;
	assert_int_equal(num_parse_str("0", 0, 10, &v, &r), NUM_OK);
	assert_int_equal(v, 0);
	assert_int_equal(num_parse_str("10", 0, 10, &v, &r), NUM_OK);
	assert_int_equal(v, 10);
	assert_int_equal(num_parse_str("007", 0, 10, &v, &r), NUM_OK);
	assert_int_equal(v, 7);
	v = 77;
	assert_int_equal(num_parse_str("11", 0, 10, &v, &r), NUM_TE_GROOT);
	assert_string_equal(r, "te groot");
	assert_int_equal(v, 77); /* untouched */
	assert_int_equal(num_parse_str("0", 1, 64, &v, &r), NUM_TE_KLEIN);
	assert_string_equal(r, "te klein");
	assert_int_equal(num_parse_str("-1", -5, 5, &v, &r), NUM_OK);
	assert_int_equal(v, -1);
	assert_int_equal(num_parse_str("-6", -5, 5, &v, &r), NUM_TE_KLEIN);
	assert_int_equal(num_parse_str("-0", -5, 5, &v, &r), NUM_OK);
	assert_int_equal(v, 0);
	/* the edges of int64_t, and one past them */
	assert_int_equal(num_parse_str("9223372036854775807", INT64_MIN,
					INT64_MAX, &v, &r), NUM_OK);
	assert_true(v == INT64_MAX);
	assert_int_equal(num_parse_str("-9223372036854775808", INT64_MIN,
					INT64_MAX, &v, &r), NUM_OK);
	assert_true(v == INT64_MIN);
	assert_int_equal(num_parse_str("9223372036854775808", INT64_MIN,
					INT64_MAX, &v, &r), NUM_TE_GROOT);
	assert_int_equal(num_parse_str("-9223372036854775809", INT64_MIN,
					INT64_MAX, &v, &r), NUM_TE_KLEIN);
	assert_int_equal(num_parse_str("99999999999999999999999", 0, 5, &v,
					&r), NUM_TE_GROOT);
	/* a length: only the first two bytes count */
	assert_int_equal(num_parse("123", 2, 0, 100, &v, &r), NUM_OK);
	assert_int_equal(v, 12);
}

static void
num_rommel(void **state)
{
	static const char *const rommel[] = {
		"", "-1", "+1", " 1", "1 ", "1a", "0x10", "1.5", "1e3", "-",
		"٣", "99999999999999999999x", "\t7",
	};
	size_t i;
	int64_t v = 77;
	const char *r = NULL;

	(void)state;
	for (i = 0; i < sizeof(rommel) / sizeof(rommel[0]); i++) {
		r = NULL;
		assert_int_equal(num_parse_str(rommel[i], 0, INT64_MAX, &v, &r),
				 NUM_ONGELDIG);
		assert_string_equal(r, "geen geheel getal (alleen cijfers)");
		assert_int_equal(v, 77);
	}
	/* a sign is junk unless negative numbers are allowed */
	assert_int_equal(num_parse_str("-", -1, 1, &v, NULL), NUM_ONGELDIG);
	assert_int_equal(num_parse_str("--1", -5, 5, &v, NULL), NUM_ONGELDIG);
	assert_int_equal(num_parse("1\0" "2", 3, 0, 100, &v, NULL),
			 NUM_ONGELDIG);
}

/* --- escapers ----------------------------------------------------- */

static void
csv1(const char *in, const char *verwacht)
{
	struct buf b;

	buf_init(&b, 1024);
	assert_int_equal(escape_csv(&b, in, strlen(in)), BUF_OK);
	assert_string_equal(buf_ptr(&b), verwacht);
	buf_release(&b);
}

static void
csv(void **state)
{
	(void)state;
	csv1("", "");
	csv1("Jansen", "Jansen");
	csv1("a=b+c-d@e", "a=b+c-d@e");  /* only the first byte counts */
	csv1("de Vries, Jan", "\"de Vries, Jan\"");
	csv1("a;b", "\"a;b\"");
	csv1("zei \"ja\"", "\"zei \"\"ja\"\"\"");
	csv1("regel 1\nregel 2", "\"regel 1\nregel 2\"");
	csv1("a\r\nb", "\"a\r\nb\"");
	/* the formula guard */
	csv1("=1+2", "\"'=1+2\"");
	csv1("+31 6 1234", "\"'+31 6 1234\"");
	csv1("-5", "\"'-5\"");
	csv1("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"");
	csv1("\t=1", "\"'\t=1\"");
	csv1("\r=1", "\"'\r=1\"");
	csv1("=HYPERLINK(\"http://x\";\"klik\")",
	     "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"");
	csv1("'al", "'al");
}

static void
ical1(const char *in, size_t kolom, const char *verwacht, size_t kolom_na)
{
	struct buf b;
	size_t k = kolom;

	buf_init(&b, 4096);
	assert_int_equal(escape_ical(&b, in, strlen(in), &k), BUF_OK);
	assert_string_equal(buf_ptr(&b), verwacht);
	assert_int_equal(k, kolom_na);
	buf_release(&b);
}

static char *
reeks(char c, size_t n)
{
	char *s = malloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void
ical(void **state)
{
	char *a67 = reeks('a', 67), *a68 = reeks('a', 68);
	char *a66 = reeks('a', 66), in[200], uit[200];

	(void)state;
	ical1("", 0, "", 0);
	ical1("Gesprek met bedrijfsarts", 8, "Gesprek met bedrijfsarts", 32);
	ical1("a\\b;c,d", 0, "a\\\\b\\;c\\,d", 10);
	ical1("x\r\ny\nz\rw", 0, "x\\ny\\nz\\nw", 10);
	ical1("a\x01" "b\tc\x7f", 0, "ab\tc", 4);
	/* "SUMMARY:" and 67 octets: 75, no fold */
	ical1(a67, 8, a67, 75);
	/* 68: the 68th starts a continuation line */
	snprintf(uit, sizeof(uit), "%s\r\n a", a67);
	ical1(a68, 8, uit, 2);
	/* an e-acute (2 octets) that would end at octet 76 moves whole */
	snprintf(in, sizeof(in), "%s\xc3\xa9", a66);
	snprintf(uit, sizeof(uit), "%s\r\n \xc3\xa9", a66);
	ical1(in, 8, uit, 3);
	/* one that ends at 75 stays */
	snprintf(in, sizeof(in), "%s\xc3\xa9", a66);
	ical1(in, 7, in, 75);
	/* a 4-octet emoji at column 72 */
	ical1("\xf0\x9f\x98\x80", 72, "\r\n \xf0\x9f\x98\x80", 5);
	ical1("\xf0\x9f\x98\x80", 71, "\xf0\x9f\x98\x80", 75);
	/* an escape pair is not split either */
	ical1(",", 74, "\r\n \\,", 3);
	ical1("\n", 73, "\\n", 75);
	/* bytes that are not UTF-8 become U+FFFD (3 octets), which folds
	 * whole: a stray continuation byte, a cut sequence, an overlong
	 * '/', a surrogate, above U+10FFFF */
	ical1("a\x84" "b", 0, "a\xef\xbf\xbd" "b", 5);
	ical1("\xc3", 0, "\xef\xbf\xbd", 3);
	ical1("\xc0\xaf", 0, "\xef\xbf\xbd\xef\xbf\xbd", 6);
	ical1("\xed\xa0\x80", 0,
	      "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 9);
	ical1("\xf4\x90\x80\x80", 0,
	      "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 12);
	ical1("\x84", 73, "\r\n \xef\xbf\xbd", 4);
	ical1("\xf4\x8f\xbf\xbf", 0, "\xf4\x8f\xbf\xbf", 4);
	free(a66);
	free(a67);
	free(a68);
}

/* Folding of a long mixed text: no line above 75 octets, no line that
 * starts inside a UTF-8 sequence, and unfolding gives the escaped text
 * back. */
static void
ical_lang(void **state)
{
	static const char *const stuk[] = {"a", "\xc3\xa9", "\xe2\x82\xac",
					   "\xf0\x9f\x98\x80", ",", "\n"};
	char in[4000], plat[10000];
	struct buf b;
	const char *p, *eind;
	size_t n = 0, k = 8, i, lp = 0;

	(void)state;
	for (i = 0; n + 4 < sizeof(in) - 1; i++) {
		const char *s = stuk[(i * 7 + i / 3) % 6];

		memcpy(in + n, s, strlen(s));
		n += strlen(s);
	}
	in[n] = '\0';
	buf_init(&b, 1 << 16);
	assert_int_equal(buf_addstr(&b, "SUMMARY:"), BUF_OK);
	assert_int_equal(escape_ical(&b, in, n, &k), BUF_OK);
	p = buf_ptr(&b);
	eind = p + buf_len(&b);
	while (p < eind) {
		const char *crlf = strstr(p, "\r\n");
		size_t lengte = crlf ? (size_t)(crlf - p) : (size_t)(eind - p);

		assert_true(lengte <= ESCAPE_ICAL_REGEL);
		if (p != buf_ptr(&b)) {
			assert_int_equal(p[0], ' ');
			/* not a UTF-8 continuation byte after the space */
			assert_int_not_equal((unsigned char)p[1] & 0xc0, 0x80);
			memcpy(plat + lp, p + 1, lengte - 1);
			lp += lengte - 1;
		} else {
			memcpy(plat + lp, p + 8, lengte - 8);
			lp += lengte - 8;
		}
		if (!crlf)
			break;
		p = crlf + 2;
	}
	{
		/* the unfolded text is the input with its escapes */
		size_t j, verwacht = 0;

		for (j = 0; j < n; j++)
			verwacht += (in[j] == ',' || in[j] == '\n') ? 2 : 1;
		assert_int_equal(lp, verwacht);
	}
	buf_release(&b);
}

static void
markup1(const char *in, size_t len, const char *verwacht)
{
	struct buf b;

	buf_init(&b, 1024);
	assert_int_equal(escape_markup(&b, in, len), BUF_OK);
	assert_string_equal(buf_ptr(&b), verwacht);
	buf_release(&b);
}

static void
markup(void **state)
{
	struct buf b;

	(void)state;
	markup1("", 0, "");
	markup1("Jansen & Zn <b>'t \"Huis\"</b>", 28,
		"Jansen &amp; Zn &lt;b&gt;&apos;t &quot;Huis&quot;&lt;/b&gt;");
	markup1("a\x01" "b\tc\nd\re\x7f" "f\0g", 13, "ab\tc\nd\ref" "g");
	markup1("\xc3\xa9\xe2\x82\xac", 5, "\xc3\xa9\xe2\x82\xac");
	markup1("&amp;", 5, "&amp;amp;");
	/* GMarkup refuses the whole text on one bad byte: U+FFFD */
	markup1("x\xe2\x82<", 4, "x\xef\xbf\xbd\xef\xbf\xbd&lt;");
	markup1("\xff", 1, "\xef\xbf\xbd");
	/* the cap holds for what the escape adds */
	buf_init(&b, 4);
	assert_int_equal(escape_markup(&b, "&", 1), BUF_TE_GROOT);
	buf_release(&b);
	buf_init(&b, 5);
	assert_int_equal(escape_markup(&b, "&", 1), BUF_OK);
	assert_string_equal(buf_ptr(&b), "&amp;");
	buf_release(&b);
	/* csv and ical fail the same way */
	buf_init(&b, 3);
	assert_int_equal(escape_csv(&b, "=1", 2), BUF_TE_GROOT);
	buf_release(&b);
	buf_init(&b, 3);
	{
		size_t k = 0;

		assert_int_equal(escape_ical(&b, "a,b", 3, &k), BUF_TE_GROOT);
	}
	buf_release(&b);
}

/* --- klok, logfmt ------------------------------------------------- */

static void
klok(void **state)
{
	int j = 0, m = 0, d = 0;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	setenv("SPOOR_NU", "86400", 1);
	assert_true(klok_nu() == 86400);
	klok_vandaag(&j, &m, &d);
	assert_int_equal(j, 1970);
	assert_int_equal(m, 1);
	assert_int_equal(d, 2);
	setenv("SPOOR_NU", "1798761600", 1);  /* 2027-01-01T00:00:00Z */
	klok_vandaag(&j, &m, &d);
	assert_int_equal(j, 2027);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
	/* not a number: the real clock (after 2026), not 1970 */
	setenv("SPOOR_NU", "morgen", 1);
	assert_true(klok_nu() > 1767225600);
	unsetenv("SPOOR_NU");
	assert_true(klok_nu() > 1767225600);
}

static void
logfmt(void **state)
{
	char buf[32];
	size_t n;

	(void)state;
	n = logfmt_waarde("GET /a/\"{id}\"\\\n", buf, sizeof(buf));
	assert_int_equal(n, 20);
	assert_memory_equal(buf, "\"GET /a/\\\"{id}\\\"\\\\?\"", 20);
	assert_int_equal(logfmt_waarde("abcdef", buf, 8), 0);
	assert_int_equal(logfmt_waarde("", buf, 2), 0);
	assert_int_equal(logfmt_waarde("", buf, 3), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_cap),
		cmocka_unit_test(buf_groei),
		cmocka_unit_test(num_grenzen),
		cmocka_unit_test(num_rommel),
		cmocka_unit_test(csv),
		cmocka_unit_test(ical),
		cmocka_unit_test(ical_lang),
		cmocka_unit_test(markup),
		cmocka_unit_test(klok),
		cmocka_unit_test(logfmt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

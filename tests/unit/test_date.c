/*
 * test_date.c - civil dates, weekdays, months and Atw holidays (R-CNT-2,
 * R-CNT-7, R-CNT-8).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/date.h"
#include "testlib.h"

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

/* date_to_ymd walks the calendar day by day: an independent enumeration of
 * years, months and days (with the Gregorian leap rule) must agree. */
static void
test_to_ymd_enumeratie(void **state)
{
	sdate z = D("1900-01-01");
	int y, m, d;

	(void)state;
	for (int jy = 1900; jy <= 2199; jy++) {
		int leap = (jy % 4 == 0 && jy % 100 != 0) || jy % 400 == 0;

		for (int jm = 1; jm <= 12; jm++) {
			static const int dim[12] = {31, 28, 31, 30, 31, 30,
						    31, 31, 30, 31, 30, 31};
			int n = dim[jm - 1] + (jm == 2 && leap);

			for (int jd = 1; jd <= n; jd++, z++) {
				date_to_ymd(z, &y, &m, &d);
				if (y != jy || m != jm || d != jd)
					fail_msg("day %d: %d-%d-%d, want "
						 "%d-%d-%d", (int)z, y, m, d,
						 jy, jm, jd);
			}
		}
	}
	assert_int_equal(z, D("2199-12-31") + 1);
}

static void
test_parse_roundtrip(void **state)
{
	(void)state;
	assert_int_equal(D("1970-01-01"), 0);
	assert_int_equal(D("1970-01-02"), 1);
	assert_int_equal(D("1969-12-31"), -1);
	tl_assert_date(D("2024-02-29"), "2024-02-29");
	tl_assert_date(D("2199-12-31"), "2199-12-31");
	tl_assert_date(D("1900-01-01"), "1900-01-01");
	/* every day of 1900..2199 survives format(parse(x)) */
	for (sdate d = D("1900-01-01"); d <= D("2199-12-31"); d++) {
		char buf[DATE_STRLEN];
		sdate back;

		date_format(d, buf);
		assert_int_equal(date_parse(buf, 10, &back), 0);
		assert_int_equal(back, d);
	}
}

static void
test_parse_rejects(void **state)
{
	static const char *const syntax[] = {
		"2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00",
		"2026-01-0a", " 2026-01-01", "", "２０２６-01-01", "+026-01-01",
	};
	static const char *const impossible[] = {
		"2026-02-29", "2026-02-30", "2025-13-01", "2025-00-10",
		"2025-01-00", "2025-04-31", "1899-12-31", "2200-01-01",
		"1900-02-29",
	};
	sdate d = 12345;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(syntax) / sizeof(syntax[0]); i++)
		assert_int_equal(date_parse(syntax[i], strlen(syntax[i]), &d),
				 -1);
	for (i = 0; i < sizeof(impossible) / sizeof(impossible[0]); i++)
		assert_int_equal(date_parse(impossible[i], 10, &d), -2);
	/* the out-parameter is only set on success */
	assert_int_equal(d, 12345);
	assert_int_equal(date_parse("2026-01-01x", 10, &d), 0);
	tl_assert_date(d, "2026-01-01");
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_string_equal(date_weekday_abbr(D("2025-01-06")), "ma");
	assert_string_equal(date_weekday_abbr(D("2025-05-15")), "do");
	assert_string_equal(date_weekday_abbr(D("2026-01-04")), "zo");
	assert_string_equal(date_weekday_abbr(D("1969-12-31")), "wo");
	assert_string_equal(date_weekday_name(D("2027-12-25")), "zaterdag");
	assert_int_equal(date_weekday(D("1970-01-01")), WD_DO);
}

static void
test_months_years(void **state)
{
	(void)state;
	/* R-CNT-7: calendar months, clamped to the end of the month */
	tl_assert_date(date_add_months(D("2026-01-31"), 1), "2026-02-28");
	tl_assert_date(date_add_months(D("2024-01-31"), 1), "2024-02-29");
	tl_assert_date(date_add_months(D("2026-11-30"), 3), "2027-02-28");
	tl_assert_date(date_add_months(D("2026-03-15"), -3), "2025-12-15");
	tl_assert_date(date_add_months(D("2026-08-31"), 3), "2026-11-30");
	/* R-DSM-1: calendar years; 29 February becomes 28 February */
	tl_assert_date(date_add_years(D("2025-01-06"), 2), "2027-01-06");
	tl_assert_date(date_add_years(D("2024-02-29"), 2), "2026-02-28");
	tl_assert_date(date_add_years(D("2024-02-29"), 4), "2028-02-29");
	/* the fast span agrees with the real addition on every day */
	for (sdate d = D("1999-01-01"); d <= D("2031-12-31"); d++)
		for (int n = 1; n <= 3; n++)
			assert_int_equal(date_jaren_dagen(d, n),
					 date_add_years(d, n) - d);
}

static void
test_easter(void **state)
{
	(void)state;
	tl_assert_date(date_easter(2024), "2024-03-31");
	tl_assert_date(date_easter(2025), "2025-04-20");
	tl_assert_date(date_easter(2026), "2026-04-05");
	tl_assert_date(date_easter(2027), "2027-03-28");
	tl_assert_date(date_easter(2038), "2038-04-25");
	tl_assert_date(date_easter(2000), "2000-04-23");
	tl_assert_date(date_easter(2008), "2008-03-23");
	tl_assert_date(date_easter(2011), "2011-04-24");
}

static void
test_holidays(void **state)
{
	(void)state;
	/* Atw art. 3 */
	assert_string_equal(date_holiday(D("2026-01-01")), "Nieuwjaarsdag");
	assert_string_equal(date_holiday(D("2025-04-18")), "Goede Vrijdag");
	assert_string_equal(date_holiday(D("2025-04-21")), "2e Paasdag");
	assert_string_equal(date_holiday(D("2025-05-29")), "Hemelvaartsdag");
	assert_string_equal(date_holiday(D("2025-06-09")), "2e Pinksterdag");
	assert_string_equal(date_holiday(D("2026-04-27")), "Koningsdag");
	/* 27 April 2025 is a Sunday: Koningsdag moves to the 26th */
	assert_string_equal(date_holiday(D("2025-04-26")), "Koningsdag");
	assert_null(date_holiday(D("2025-04-27")));
	assert_string_equal(date_holiday(D("2006-04-29")), "Koninginnedag");
	assert_string_equal(date_holiday(D("2030-05-05")), "Bevrijdingsdag");
	assert_string_equal(date_holiday(D("2027-12-25")), "1e Kerstdag");
	assert_string_equal(date_holiday(D("2027-12-26")), "2e Kerstdag");
	assert_null(date_holiday(D("2026-04-28")));
	assert_null(date_holiday(D("2026-12-24")));
	/* example 12: working days */
	assert_true(date_is_nonworking(D("2026-02-07")));  /* za */
	assert_false(date_is_nonworking(D("2026-02-09"))); /* ma */
	tl_assert_date(date_next_workday(D("2026-02-07")), "2026-02-09");
	tl_assert_date(date_prev_workday(D("2026-10-17")), "2026-10-16");
	/* Christmas 2026 is Friday, then a weekend: next workday Monday */
	tl_assert_date(date_next_workday(D("2026-12-25")), "2026-12-28");
	/* Easter 2026: Goede Vrijdag 3 April to 2e Paasdag 6 April */
	tl_assert_date(date_prev_workday(D("2026-04-06")), "2026-04-02");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_roundtrip),
		cmocka_unit_test(test_to_ymd_enumeratie),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_months_years),
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_holidays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_verzuim.c - sick periods and aggregation (R-AGG-1 .. R-AGG-5,
 * R-CNT-9).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/verzuim.h"
#include "testlib.h"

static sdate
D(const char *s)
{
	sdate d = DATE_NONE;

	assert_int_equal(date_parse(s, strlen(s), &d), 0);
	return d;
}

#define ZIEK(s, p) {D(s), VZ_ZIEK, p}
#define HERSTELD(s) {D(s), VZ_HERSTELD, 0}
#define WAZO(s) {D(s), VZ_ZWANGERSCHAPSVERLOF, 0}

static void
build(const struct verzuim_mutatie *m, size_t n, struct ziekrange *buf,
      struct ziekteverloop *zv)
{
	size_t bad = 999;

	assert_int_equal(ziekteverloop_build(m, n, buf, n, zv, &bad), VZF_OK);
	assert_int_equal(bad, 999);
}

static void
test_continuous(void **state)
{
	struct ziekrange r[1];
	struct ziekteverloop zv;

	(void)state;
	ziekteverloop_continu(D("2025-01-06"), r, &zv);
	tl_assert_date(ziekteverloop_sickday(&zv, 1), "2025-01-06");
	tl_assert_date(ziekteverloop_sickday(&zv, 295), "2025-10-27");
	tl_assert_date(ziekteverloop_sickday(&zv, 728), "2027-01-03");
	assert_int_equal(ziekteverloop_ziektedag(&zv, D("2025-01-05")), 0);
	assert_int_equal(ziekteverloop_ziektedag(&zv, D("2025-01-06")), 1);
	assert_int_equal(ziekteverloop_ziektedag(&zv, D("2025-02-05")), 31);
	assert_int_equal(ziekteverloop_onderbreking(&zv, D("2025-02-05")), 0);
	assert_int_equal(ziekteverloop_laatste_ziektedag(&zv), DATE_NONE);
}

static void
test_partial_does_not_interrupt(void **state)
{
	/* R-AGG-4: 50 % is partial recovery, not an interruption */
	const struct verzuim_mutatie m[] = {
		ZIEK("2026-01-12", 100), ZIEK("2026-03-02", 50),
		ZIEK("2026-04-01", 20),
	};
	struct ziekrange r[3];
	struct ziekteverloop zv;

	(void)state;
	build(m, 3, r, &zv);
	assert_int_equal(zv.nr, 1);
	assert_true(zv.open);
	tl_assert_date(ziekteverloop_sickday(&zv, 295), "2026-11-02");
}

static void
test_architecture_example(void **state)
{
	/* architecture §4/§5.1: 14 fit days, ziektedag 127 on 2026-06-01 */
	const struct verzuim_mutatie m[] = {
		ZIEK("2026-01-12", 100), ZIEK("2026-03-02", 50),
		HERSTELD("2026-04-20"), ZIEK("2026-05-04", 100),
	};
	struct ziekrange r[4];
	struct ziekteverloop zv;

	(void)state;
	build(m, 4, r, &zv);
	tl_assert_date(zv.d, "2026-01-12");
	assert_int_equal(zv.nr, 2);
	assert_int_equal(ziekteverloop_ziektedag(&zv, D("2026-06-01")), 127);
	assert_int_equal(ziekteverloop_onderbreking(&zv, D("2026-06-01")), 14);
	/* during the gap the count stands still */
	assert_int_equal(ziekteverloop_ziektedag(&zv, D("2026-04-19")), 98);
	assert_int_equal(ziekteverloop_ziektedag(&zv, D("2026-05-03")), 98);
	assert_int_equal(ziekteverloop_onderbreking(&zv, D("2026-04-25")), 6);
	/* R-CNT-9: sick day 99 is the relapse day, later ones shift by 14 */
	tl_assert_date(ziekteverloop_sickday(&zv, 98), "2026-04-19");
	tl_assert_date(ziekteverloop_sickday(&zv, 99), "2026-05-04");
	tl_assert_date(ziekteverloop_sickday(&zv, 728), "2028-01-23");
}

static void
test_boundary_27_28(void **state)
{
	/* example 7: R-AGG-2, 27 fit days aggregate, 28 do not */
	const struct verzuim_mutatie a[] = {
		ZIEK("2025-02-10", 100), HERSTELD("2025-03-06"),
		ZIEK("2025-04-02", 100),
	};
	const struct verzuim_mutatie b[] = {
		ZIEK("2025-02-10", 100), HERSTELD("2025-03-06"),
		ZIEK("2025-04-03", 100),
	};
	struct ziekrange r[3];
	struct ziekteverloop zv;

	(void)state;
	assert_int_equal(AGG_NIEUW_GEVAL_DAGEN, 28);
	build(a, 3, r, &zv);
	tl_assert_date(zv.d, "2025-02-10");
	assert_int_equal(zv.geval_count, 1);
	tl_assert_date(ziekteverloop_sickday(&zv, 295), "2025-12-28");
	tl_assert_date(ziekteverloop_sickday(&zv, 728), "2027-03-06");
	build(b, 3, r, &zv);
	tl_assert_date(zv.d, "2025-04-03");
	assert_int_equal(zv.geval_nr, 2);
	assert_int_equal(zv.geval_count, 2);
	assert_int_equal(zv.nr, 1);
	tl_assert_date(ziekteverloop_sickday(&zv, 295), "2026-01-22");
	tl_assert_date(ziekteverloop_sickday(&zv, 728), "2027-03-31");
}

static void
test_wazo_skipped(void **state)
{
	/* R-AGG-5: leave days count neither as sick nor as fit days; 60
	 * days of leave join the periods around it and shift by 60 */
	const struct verzuim_mutatie m[] = {
		ZIEK("2026-01-05", 100), WAZO("2026-03-02"),
		ZIEK("2026-05-01", 100),
	};
	struct ziekrange r[3];
	struct ziekteverloop zv;
	sdate leave = D("2026-05-01") - D("2026-03-02");

	(void)state;
	build(m, 3, r, &zv);
	assert_int_equal(leave, 60);
	assert_int_equal(zv.geval_count, 1);
	tl_assert_date(zv.d, "2026-01-05");
	assert_int_equal(ziekteverloop_sickday(&zv, 295),
			 D("2026-01-05") + 294 + leave);
	assert_int_equal(ziekteverloop_onderbreking(&zv, D("2026-05-01")), 60);
	/* fit days before leave still count towards the 28 */
	{
		const struct verzuim_mutatie m2[] = {
			ZIEK("2026-01-05", 100), HERSTELD("2026-02-01"),
			WAZO("2026-02-20"), ZIEK("2026-06-01", 100),
		};
		struct ziekrange r2[4];

		build(m2, 4, r2, &zv);
		assert_int_equal(zv.geval_count, 1); /* 19 fit days */
	}
}

static void
test_closed_projection(void **state)
{
	/* a recovered illness is projected on from its last sick day */
	const struct verzuim_mutatie m[] = {
		ZIEK("2026-01-05", 100), HERSTELD("2026-02-04"),
	};
	struct ziekrange r[2];
	struct ziekteverloop zv;

	(void)state;
	build(m, 2, r, &zv);
	assert_false(zv.open);
	tl_assert_date(ziekteverloop_laatste_ziektedag(&zv), "2026-02-03");
	assert_int_equal(ziekteverloop_ziektedag(&zv, D("2026-06-01")), 30);
	assert_int_equal(ziekteverloop_onderbreking(&zv, D("2026-06-01")), 0);
	tl_assert_date(ziekteverloop_sickday(&zv, 30), "2026-02-03");
	tl_assert_date(ziekteverloop_sickday(&zv, 31), "2026-02-04");
	tl_assert_date(ziekteverloop_sickday(&zv, 43), "2026-02-16");
}

static void
test_errors(void **state)
{
	const struct verzuim_mutatie order[] = {
		ZIEK("2026-01-05", 100), HERSTELD("2026-01-05"),
	};
	const struct verzuim_mutatie none[] = {HERSTELD("2026-01-05")};
	const struct verzuim_mutatie pct[] = {ZIEK("2026-01-05", 101)};
	struct ziekrange r[4];
	struct ziekteverloop zv = {0};
	size_t bad = 99;

	(void)state;
	assert_int_equal(ziekteverloop_build(order, 2, r, 4, &zv, &bad),
			 VZF_VOLGORDE);
	assert_int_equal(bad, 1);
	assert_int_equal(ziekteverloop_build(none, 1, r, 4, &zv, &bad),
			 VZF_GEEN_ZIEK);
	assert_int_equal(ziekteverloop_build(pct, 1, r, 4, &zv, &bad),
			 VZF_WAARDE);
	assert_int_equal(ziekteverloop_build(NULL, 0, r, 4, &zv, &bad),
			 VZF_GEEN_ZIEK);
	/* storage too small: refused, not overrun */
	{
		const struct verzuim_mutatie m[] = {
			ZIEK("2026-01-05", 100), HERSTELD("2026-01-10"),
			ZIEK("2026-01-12", 100),
		};
		assert_int_equal(ziekteverloop_build(m, 3, r, 1, &zv, &bad),
				 VZF_CAPACITEIT);
	}
	assert_null(zv.r); /* untouched on error */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_continuous),
		cmocka_unit_test(test_partial_does_not_interrupt),
		cmocka_unit_test(test_architecture_example),
		cmocka_unit_test(test_boundary_27_28),
		cmocka_unit_test(test_wazo_skipped),
		cmocka_unit_test(test_closed_projection),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * date.c - civil dates as day numbers (see date.h).
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days,
 * which are exact for the proleptic Gregorian calendar.
 */
#include "date.h"

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30,
					      31, 31, 30, 31, 30, 31};
	if (m == 2 && is_leap(y))
		return 29;
	return dim[m - 1];
}

int
date_valid_ymd(int y, int m, int d)
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return 0;
	if (m < 1 || m > 12)
		return 0;
	return d >= 1 && d <= date_days_in_month(y, m);
}

sdate
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (sdate)(era * 146097 + doe - 719468);
}

/*
 * Neri and Schneider, "Euclidean affine functions and their application to
 * calendar algorithms" (2022): only multiplications and shifts, about
 * twice as fast as civil_from_days, exact for every int32 day number from
 * -12699422 (year -32800) on. The day count is shifted by SHIFT_ERAS
 * 400-year eras so that all arithmetic is unsigned.
 */
#define SHIFT_ERAS 82u

void
date_to_ymd(sdate z, int *y, int *m, int *d)
{
	uint32_t n = (uint32_t)(z + (int32_t)(719468u + 146097u * SHIFT_ERAS));
	uint32_t n1 = 4u * n + 3u;
	uint32_t c = n1 / 146097u;
	uint32_t n2 = (n1 % 146097u) | 3u;
	uint64_t p2 = (uint64_t)2939745u * n2;
	uint32_t zz = (uint32_t)(p2 >> 32);
	uint32_t ny = (uint32_t)p2 / 2939745u / 4u;
	uint32_t n3 = 2141u * ny + 197913u;
	uint32_t j = ny >= 306u;

	*y = (int)(100u * c + zz) - (int)(400u * SHIFT_ERAS) + (int)j;
	*m = (int)(j ? (n3 >> 16) - 12u : n3 >> 16);
	*d = (int)((n3 & 0xffffu) / 2141u) + 1;
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse(const char *s, size_t len, sdate *out)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	if (!date_valid_ymd(y, m, d))
		return -2;
	*out = date_from_ymd(y, m, d);
	return 0;
}

static void
put_num(char *p, int v, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
date_format(sdate d, char buf[DATE_STRLEN])
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	put_num(buf, y, 4);
	buf[4] = '-';
	put_num(buf + 5, m, 2);
	buf[7] = '-';
	put_num(buf + 8, dd, 2);
	buf[10] = '\0';
}

enum weekday
date_weekday(sdate d)
{
	/* 1970-01-01 was a Thursday (WD_DO = 3). */
	int w = (int)((d % 7 + 7 + WD_DO) % 7);
	return (enum weekday)w;
}

const char *
date_weekday_abbr(sdate d)
{
	static const char *const abbr[7] = {"ma", "di", "wo", "do",
					    "vr", "za", "zo"};
	return abbr[date_weekday(d)];
}

const char *
date_weekday_name(sdate d)
{
	static const char *const name[7] = {"maandag", "dinsdag", "woensdag",
					    "donderdag", "vrijdag", "zaterdag",
					    "zondag"};
	return name[date_weekday(d)];
}

sdate
date_add_months(sdate d, int n)
{
	int y, m, dd, total, dim;

	date_to_ymd(d, &y, &m, &dd);
	total = y * 12 + (m - 1) + n;
	y = total / 12;
	m = total % 12 + 1;
	dim = date_days_in_month(y, m);
	if (dd > dim)
		dd = dim;
	return date_from_ymd(y, m, dd);
}

sdate
date_add_years(sdate d, int n)
{
	return date_add_months(d, 12 * n);
}

int32_t
date_jaren_dagen(sdate d, int n)
{
	int y, m, dd, i;
	int32_t days = 0;

	date_to_ymd(d, &y, &m, &dd);
	if (m == 2 && dd == 29)
		return date_add_years(d, n) - d;
	/* a year from (y, m, dd) has 366 days when it spans a 29 February:
	 * that of year y before March, else that of year y + 1 */
	for (i = 0; i < n; i++)
		days += 365 + is_leap(m <= 2 ? y + i : y + i + 1);
	return days;
}

sdate
date_easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return date_from_ymd(y, month, day);
}

/*
 * Koningsdag: since 2014 27 April, on 26 April when the 27th is a Sunday
 * (Wet van 2013 op de viering van Koningsdag); 1980-2013 Koninginnedag on
 * 30 April, on 29 April when the 30th is a Sunday. Earlier years are not
 * modelled.
 */
static sdate
koningsdag(int y)
{
	sdate k;

	if (y >= 2014) {
		k = date_from_ymd(y, 4, 27);
		return date_weekday(k) == WD_ZO ? k - 1 : k;
	}
	if (y >= 1980) {
		k = date_from_ymd(y, 4, 30);
		return date_weekday(k) == WD_ZO ? k - 1 : k;
	}
	return DATE_NONE;
}

const char *
date_holiday(sdate d)
{
	int y, m, dd;
	sdate easter;

	date_to_ymd(d, &y, &m, &dd);
	if (m == 1 && dd == 1)
		return "Nieuwjaarsdag";
	if (m == 5 && dd == 5)
		return "Bevrijdingsdag";
	if (m == 12 && dd == 25)
		return "1e Kerstdag";
	if (m == 12 && dd == 26)
		return "2e Kerstdag";
	if (d == koningsdag(y))
		return y >= 2014 ? "Koningsdag" : "Koninginnedag";
	easter = date_easter(y);
	if (d == easter - 2)
		return "Goede Vrijdag";
	if (d == easter)
		return "1e Paasdag";
	if (d == easter + 1)
		return "2e Paasdag";
	if (d == easter + 39)
		return "Hemelvaartsdag";
	if (d == easter + 49)
		return "1e Pinksterdag";
	if (d == easter + 50)
		return "2e Pinksterdag";
	return NULL;
}

int
date_is_nonworking(sdate d)
{
	enum weekday w = date_weekday(d);

	return w == WD_ZA || w == WD_ZO || date_holiday(d) != NULL;
}

sdate
date_prev_workday(sdate d)
{
	while (date_is_nonworking(d))
		d--;
	return d;
}

sdate
date_next_workday(sdate d)
{
	while (date_is_nonworking(d))
		d++;
	return d;
}

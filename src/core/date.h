/*
 * date.h - civil dates as integer day numbers.
 *
 * A date is an int32_t counting days since 1970-01-01 (day 0), proleptic
 * Gregorian calendar. All statutory periods in spoor are calendar periods
 * (rule book R-CNT-2), so arithmetic is plain integer addition; months and
 * years are clamped to the end of the month (R-CNT-7).
 *
 * Supported range: DATE_MIN (1900-01-01) .. DATE_MAX (2199-12-31). Parsing
 * rejects anything outside it, so every date that enters spoor fits.
 */
#ifndef SPOOR_DATE_H
#define SPOOR_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t sdate;

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2199
#define DATE_NONE INT32_MIN /* "no date"; never a valid day number */

/* Length of the text form "YYYY-MM-DD" plus its terminating NUL. */
#define DATE_STRLEN 11

enum weekday { WD_MA = 0, WD_DI, WD_WO, WD_DO, WD_VR, WD_ZA, WD_ZO };

/* Day number of year-month-day; the caller guarantees a valid date. */
sdate date_from_ymd(int y, int m, int d);

/* Split a day number into year, month (1-12), day (1-31). */
void date_to_ymd(sdate z, int *y, int *m, int *d);

/* 1 if y-m-d is a real calendar date inside the supported range. */
int date_valid_ymd(int y, int m, int d);

/* Days in month m of year y. */
int date_days_in_month(int y, int m);

/*
 * Strict ISO parse of exactly "YYYY-MM-DD" (len bytes, no NUL needed).
 * Returns 0 and sets *out on success; -1 on a syntax error, -2 on an
 * impossible date (2026-02-30) or a year outside the supported range.
 */
int date_parse(const char *s, size_t len, sdate *out);

/* Writes "YYYY-MM-DD" and a NUL into buf (DATE_STRLEN bytes). */
void date_format(sdate d, char buf[DATE_STRLEN]);

/* Monday = WD_MA ... Sunday = WD_ZO. */
enum weekday date_weekday(sdate d);

/* Dutch two-letter weekday abbreviation ("ma" ... "zo"), static string. */
const char *date_weekday_abbr(sdate d);

/* Dutch weekday name ("maandag" ... "zondag"), static string. */
const char *date_weekday_name(sdate d);

/* Add n calendar months, clamping the day to the end of the month. */
sdate date_add_months(sdate d, int n);

/* Add n calendar years (29 February becomes 28 February). */
sdate date_add_years(sdate d, int n);

/* date_add_years(d, n) - d, computed without building the date. */
int32_t date_jaren_dagen(sdate d, int n);

/* Easter Sunday of year y (anonymous Gregorian algorithm). */
sdate date_easter(int y);

/*
 * Public holiday of the Algemene termijnenwet art. 3 (R-CNT-8) on day d:
 * returns its Dutch name (static string) or NULL when d is no holiday.
 * Sundays that are holidays anyway (1e Paasdag, 1e Pinksterdag) are named.
 */
const char *date_holiday(sdate d);

/* 1 when d is a Saturday, Sunday or Atw holiday (not a working day). */
int date_is_nonworking(sdate d);

/* The last working day on or before d. */
sdate date_prev_workday(sdate d);

/* The first working day on or after d (Atw art. 1 shift). */
sdate date_next_workday(sdate d);

#endif /* SPOOR_DATE_H */

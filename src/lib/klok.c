/*
 * klok.c - the one wall clock (see klok.h).
 */
#include <stdlib.h>
#include <time.h>

#include "lib/klok.h"
#include "lib/num.h"

int64_t
klok_nu(void)
{
	const char *e = getenv("SPOOR_NU"); /* NOLINT(concurrency-mt-unsafe): read-only environment */
	int64_t v;

	/* A test's fixed clock; a value that is not a number is ignored
	 * rather than read as 0 (1970) as strtoll would. */
	if (e && *e && num_parse_str(e, INT64_MIN, INT64_MAX, &v, NULL) == 0)
		return v;
	return (int64_t)time(NULL);
}

void
klok_vandaag(int *jaar, int *maand, int *dag)
{
	time_t now = (time_t)klok_nu();
	struct tm tm = {0};

	/* localtime fails only for a year beyond int; then UTC's day, or
	 * the zeroed tm (1900-01-00) rather than garbage */
	if (!localtime_r(&now, &tm))
		(void)gmtime_r(&now, &tm);
	*jaar = tm.tm_year + 1900;
	*maand = tm.tm_mon + 1;
	*dag = tm.tm_mday;
}

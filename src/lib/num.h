/*
 * num.h - bounded integer parsing (after OpenBSD's strtonum).
 *
 * strtol and friends accept leading spaces, a sign, "0x" with base 0,
 * trailing junk (unless endptr is checked) and report overflow through
 * errno; every caller has to remember all of that. num_parse accepts
 * exactly: optional '-' (only when min < 0), then one or more ASCII
 * digits, nothing else, within [min, max]. The reason of a refusal is a
 * static Dutch text, like strtonum's errstr, for the caller to put
 * after the name of the option or field.
 */
#ifndef SPOOR_LIB_NUM_H
#define SPOOR_LIB_NUM_H

#include <stddef.h>
#include <stdint.h>

enum {
	NUM_OK = 0,
	NUM_ONGELDIG = -1,  /* empty, a sign not allowed, a non-digit */
	NUM_TE_KLEIN = -2,  /* below min (also below INT64_MIN) */
	NUM_TE_GROOT = -3,  /* above max (also above INT64_MAX) */
};

/*
 * Parse s[0..len) (no NUL needed) as a decimal integer in [min, max]
 * (min <= max). Returns NUM_OK and sets *out, or a NUM_ code and sets
 * *reden (when not NULL) to a static Dutch reason; *out is then
 * untouched.
 */
int num_parse(const char *s, size_t len, int64_t min, int64_t max,
	      int64_t *out, const char **reden);

/* The same for a NUL-terminated string. */
int num_parse_str(const char *s, int64_t min, int64_t max, int64_t *out,
		  const char **reden);

#endif /* SPOOR_LIB_NUM_H */

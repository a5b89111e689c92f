/*
 * num.c - bounded integer parsing (see num.h).
 */
#include <string.h>

#include "lib/num.h"

static int
weiger(int code, const char **reden)
{
	if (reden) {
		if (code == NUM_TE_KLEIN)
			*reden = "te klein";
		else if (code == NUM_TE_GROOT)
			*reden = "te groot";
		else
			*reden = "geen geheel getal (alleen cijfers)";
	}
	return code;
}

int
num_parse(const char *s, size_t len, int64_t min, int64_t max,
	  int64_t *out, const char **reden)
{
	size_t i = 0;
	int neg = 0;
	/* the magnitude, kept as unsigned so that INT64_MIN fits */
	uint64_t v = 0, grens;

	if (len > 0 && s[0] == '-' && min < 0) {
		neg = 1;
		i = 1;
	}
	if (i == len)
		return weiger(NUM_ONGELDIG, reden);
	grens = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
	for (; i < len; i++) {
		unsigned d;

		if (s[i] < '0' || s[i] > '9')
			return weiger(NUM_ONGELDIG, reden);
		d = (unsigned)(s[i] - '0');
		if (v > (grens - d) / 10u) {
			/* too many digits: still refuse junk after them
			 * as junk, not as a size */
			for (i++; i < len; i++)
				if (s[i] < '0' || s[i] > '9')
					return weiger(NUM_ONGELDIG, reden);
			return weiger(neg ? NUM_TE_KLEIN : NUM_TE_GROOT,
				      reden);
		}
		v = v * 10u + d;
	}
	if (neg) {
		/* v <= 2^63: -(v - 1) - 1 stays inside int64_t */
		int64_t n = v ? -(int64_t)(v - 1u) - 1 : 0;

		if (n < min)
			return weiger(NUM_TE_KLEIN, reden);
		if (n > max)
			return weiger(NUM_TE_GROOT, reden);
		*out = n;
		return NUM_OK;
	}
	if ((int64_t)v < min)
		return weiger(NUM_TE_KLEIN, reden);
	if ((int64_t)v > max)
		return weiger(NUM_TE_GROOT, reden);
	*out = (int64_t)v;
	return NUM_OK;
}

int
num_parse_str(const char *s, int64_t min, int64_t max, int64_t *out,
	      const char **reden)
{
	return num_parse(s, strlen(s), min, max, out, reden);
}

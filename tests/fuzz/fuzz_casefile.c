/*
 * fuzz_casefile.c - libFuzzer target for the spoor-dossier/1 reader.
 *
 * Every input either parses, in which case the writer's output must parse
 * to an equal dossier and the timeline must compute, or it is refused with
 * a path and a reason. Anything else (a crash, a leak, an empty reason) is
 * a bug.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/tijdlijn.h"
#include "format/casefile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dossier d, d2;
	struct casefile_fout f;
	struct ziekrange *ranges;
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	struct tijdlijn t;
	char *out = NULL;
	size_t outlen, bad;
	int rc;

	dossier_init(&d);
	dossier_init(&d2);
	rc = casefile_lees((const char *)data, size, &d, &f);
	if (rc) {
		if (f.reden[0] == '\0')
			abort();
		return 0;
	}
	if (casefile_schrijf(&d, &out, &outlen) != 0)
		abort();
	if (casefile_lees(out, outlen, &d2, &f) != 0 || !dossier_equal(&d, &d2))
		abort();
	ranges = calloc(d.nverzuim + 1, sizeof(*ranges));
	if (ranges && ziekteverloop_build(d.verzuim, d.nverzuim, ranges,
					  d.nverzuim + 1, &zv, &bad) == 0) {
		tijdlijn_feiten_uit_dossier(&d, zv.d, &feiten);
		tijdlijn_bereken(&zv, &feiten, zv.d + 400, &t);
	}
	free(ranges);
	free(out);
	dossier_release(&d);
	dossier_release(&d2);
	return 0;
}

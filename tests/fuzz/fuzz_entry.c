/*
 * fuzz_entry.c - libFuzzer target for the fast decoder of stored entries
 * (casefile_gebeurtenis_snel, issue 13).
 *
 * Whatever the fast decoder accepts, the full entry reader must accept
 * too and read to an equal entry; and when the full reader accepts an
 * input, its canonical text must be accepted by the fast decoder with
 * the same result. Anything else (a crash, a leak, a difference) is a
 * bug.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format/casefile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two entries hold the same data (dossier_equal on one-entry cases). */
static int
gelijk(struct gebeurtenis *a, struct gebeurtenis *b)
{
	struct dossier x, y;

	dossier_init(&x);
	dossier_init(&y);
	x.gb = a;
	x.ngb = 1;
	y.gb = b;
	y.ngb = 1;
	return dossier_equal(&x, &y);
}

/* The full reader on len bytes of text: CF_OK with *g, or not. */
static int
traag(const char *txt, size_t len, struct gebeurtenis *g)
{
	struct casefile_fout f;
	json_t *e = json_loadb(txt, len, JSON_REJECT_DUPLICATES, NULL);
	int rc = e ? casefile_gebeurtenis_lees(e, g, &f) : CF_SYNTAX;

	json_decref(e);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gebeurtenis s, t, c;
	const char *txt = (const char *)data;
	char *canon;
	json_t *j;
	int rs, rt;

	memset(&s, 0, sizeof(s));
	memset(&t, 0, sizeof(t));
	memset(&c, 0, sizeof(c));
	rs = casefile_gebeurtenis_snel(txt, size, &s);
	rt = traag(txt, size, &t);
	if (rs == CF_OK && (rt != CF_OK || !gelijk(&s, &t)))
		abort();
	if (rt == CF_OK) {
		j = casefile_gebeurtenis_json(&t);
		canon = j ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15))
			  : NULL;
		json_decref(j);
		if (!canon)
			abort();
		if (casefile_gebeurtenis_snel(canon, strlen(canon), &c) != CF_OK ||
		    !gelijk(&c, &t))
			abort();
		free(canon);
	}
	gebeurtenis_release(&s);
	gebeurtenis_release(&t);
	gebeurtenis_release(&c);
	return 0;
}

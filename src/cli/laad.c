/*
 * laad.c - reading a case file and computing its timeline, shared by the
 * subcommands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../format/casefile.h"
#include "cli.h"

void
geval_init(struct geval *g)
{
	memset(g, 0, sizeof(*g));
	dossier_init(&g->ds);
}

void
geval_release(struct geval *g)
{
	dossier_release(&g->ds);
	free(g->ranges);
	g->ranges = NULL;
}

int
geval_laad(struct geval *g, const char *path, sdate peil)
{
	struct casefile_fout fout;
	size_t bad = 0;
	int rc;

	rc = casefile_lees_bestand(path, &g->ds, &fout);
	if (rc) {
		if (fout.pad[0])
			return cli_fout("%s: %s: %s", path, fout.pad, fout.reden);
		return cli_fout("%s: %s", path, fout.reden);
	}
	g->ranges = calloc(g->ds.nverzuim + 1, sizeof(*g->ranges));
	if (!g->ranges)
		return cli_fout("onvoldoende geheugen");
	rc = ziekteverloop_build(g->ds.verzuim, g->ds.nverzuim, g->ranges,
				 g->ds.nverzuim + 1, &g->zv, &bad);
	if (rc)
		return cli_fout("%s: $.verzuim: %s", path,
				rc == VZF_GEEN_ZIEK
					? "geen ziekmelding (soort 'ziek') in "
					  "het dossier"
					: "ongeldige mutaties");
	tijdlijn_feiten_uit_dossier(&g->ds, g->zv.d, &g->feiten);
	tijdlijn_bereken(&g->zv, &g->feiten, peil, &g->t);
	return 0;
}

void
cli_euro(int64_t cent, char *buf, size_t n)
{
	char digits[32], out[48];
	int64_t e = (cent < 0 ? -cent : cent) / 100;
	int c = (int)((cent < 0 ? -cent : cent) % 100);
	size_t len, i, o = 0;

	snprintf(digits, sizeof(digits), "%lld", (long long)e);
	len = strlen(digits);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	snprintf(buf, n, "%s€ %s,%02d", cent < 0 ? "-" : "", out, c);
}

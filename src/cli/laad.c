/*
 * laad.c - reading a case file and computing its timeline, shared by the
 * subcommands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../format/casefile.h"
#include "cli.h"

int
geval_laad(struct geval *g, const char *path, sdate peil)
{
	struct casefile_fout fout;
	int rc;

	rc = casefile_lees_bestand(path, &g->ds, &fout);
	if (rc) {
		if (fout.pad[0])
			return cli_fout("%s: %s: %s", path, fout.pad, fout.reden);
		return cli_fout("%s: %s", path, fout.reden);
	}
	rc = geval_bereken(g, peil);
	if (rc == GEVAL_NOMEM)
		return cli_fout("onvoldoende geheugen");
	if (rc)
		return cli_fout("%s: $.verzuim: %s", path,
				rc == VZF_GEEN_ZIEK
					? "geen ziekmelding (soort 'ziek') in "
					  "het dossier"
					: "ongeldige mutaties");
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

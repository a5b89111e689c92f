/*
 * geval.c - dossier plus timeline (see geval.h).
 */
#include <stdlib.h>
#include <string.h>

#include "geval.h"

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
geval_bereken(struct geval *g, sdate peil)
{
	size_t bad = 0;
	int rc;

	free(g->ranges);
	g->ranges = calloc(g->ds.nverzuim + 1, sizeof(*g->ranges));
	if (!g->ranges)
		return GEVAL_NOMEM;
	rc = ziekteverloop_build(g->ds.verzuim, g->ds.nverzuim, g->ranges,
				 g->ds.nverzuim + 1, &g->zv, &bad);
	if (rc)
		return rc;
	tijdlijn_feiten_uit_dossier(&g->ds, g->zv.d, &g->feiten);
	tijdlijn_bereken(&g->zv, &g->feiten, peil, &g->t);
	return 0;
}

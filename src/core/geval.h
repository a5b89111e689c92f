/*
 * geval.h - a dossier with the timeline of its latest verzuimgeval: what
 * the command line and the server compute for every case.
 */
#ifndef SPOOR_GEVAL_H
#define SPOOR_GEVAL_H

#include "dossier.h"
#include "tijdlijn.h"
#include "verzuim.h"

struct geval {
	struct dossier ds;
	struct ziekrange *ranges;
	struct ziekteverloop zv;
	struct tijdlijn_feiten feiten;
	struct tijdlijn t;
};

void geval_init(struct geval *g);
/* Frees what the geval owns, the dossier included. */
void geval_release(struct geval *g);

/*
 * Compute the timeline of g->ds (already read and linked) for peil.
 * Returns 0, GEVAL_NOMEM, or a VZF_* error of ziekteverloop_build (no
 * ziek mutation, bad mutations).
 */
#define GEVAL_NOMEM (-100)
int geval_bereken(struct geval *g, sdate peil);

#endif /* SPOOR_GEVAL_H */

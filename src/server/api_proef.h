/*
 * api_proef.h - the dry run of a verzuim mutation over HTTP (issue 13):
 *
 *   POST /api/v1/dossiers/{id}/verzuim/proef  the body of POST .../verzuim;
 *        what saving it would do (spoor-proef, docs/api.md), nothing
 *        stored; the permission, refusals (403, 422 with the JSON path)
 *        and 404 of the append.
 *   GET  /api/v1/dossiers/{id}/verzuim/proef  the case's verloop without
 *        a mutation (the timeline's week axis), for every role in it.
 *
 * Thin adapters over app/proef.h.
 */
#ifndef SPOOR_API_PROEF_H
#define SPOOR_API_PROEF_H

#include "server/http.h"

int h_verzuim_proef(struct api_ctx *c);
int h_verzuim_verloop(struct api_ctx *c);

#endif /* SPOOR_API_PROEF_H */

/*
 * api_dossier.h - the case routes of /api/v1/ (api_dossier.c): /dossiers
 * and /dossiers/{id} with its tijdlijn, toets, loon, verzuim,
 * gebeurtenissen, rechten and toegang.
 */
#ifndef SPOOR_API_DOSSIER_H
#define SPOOR_API_DOSSIER_H

#include "server/http.h"

int h_lijst(struct api_ctx *c);
int h_import(struct api_ctx *c);
int h_dossier(struct api_ctx *c);
int h_tijdlijn(struct api_ctx *c);
int h_toets(struct api_ctx *c);
int h_loon(struct api_ctx *c);
int h_verzuim(struct api_ctx *c);
int h_gebeurtenis(struct api_ctx *c);
int h_toegang(struct api_ctx *c);
int h_rechten(struct api_ctx *c);

#endif /* SPOOR_API_DOSSIER_H */

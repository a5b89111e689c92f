/*
 * api_org.h - handlers for the organisation: werkgevers, werknemers and
 * a case's dienstverband (see docs/api.md). Routes are in api.c.
 * Organisation objects pass the case-file reader, and a change raises
 * the versie of every affected case.
 */
#ifndef SPOOR_API_ORG_H
#define SPOOR_API_ORG_H

#include "server/http.h"

int h_werkgevers(struct api_ctx *c);
int h_werkgever_nieuw(struct api_ctx *c);
int h_werkgever_wijzig(struct api_ctx *c);
int h_werknemers(struct api_ctx *c);
int h_werknemer_wijzig(struct api_ctx *c);
int h_dienstverband_wijzig(struct api_ctx *c);
int h_dienstverband(struct api_ctx *c);
int h_werkgever(struct api_ctx *c);
int h_werknemer(struct api_ctx *c);

#endif /* SPOOR_API_ORG_H */

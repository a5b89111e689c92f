/*
 * api_beheer.h - tokens, users and grants of /api/v1/ (api_beheer.c):
 * /tokens, /gebruikers, /toekenningen.
 */
#ifndef SPOOR_API_BEHEER_H
#define SPOOR_API_BEHEER_H

#include "server/http.h"

int h_token(struct api_ctx *c);
int h_tokens(struct api_ctx *c);
int h_token_weg(struct api_ctx *c);
int h_gebruikers(struct api_ctx *c);
int h_gebruiker_nieuw(struct api_ctx *c);
int h_toekenning(struct api_ctx *c);
int h_toekenning_weg(struct api_ctx *c);
int h_gebruiker_actief(struct api_ctx *c);

#endif /* SPOOR_API_BEHEER_H */

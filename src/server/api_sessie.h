/*
 * api_sessie.h - the session routes of /api/v1/ (api_sessie.c): POST and
 * DELETE /sessie, GET /ik, POST /ik/wachtwoord.
 */
#ifndef SPOOR_API_SESSIE_H
#define SPOOR_API_SESSIE_H

#include "server/http.h"

int h_login(struct http_req *q, struct http_resp *r);
int h_logout(struct api_ctx *c);
int h_ik(struct api_ctx *c);
int h_wachtwoord(struct api_ctx *c);

#endif /* SPOOR_API_SESSIE_H */

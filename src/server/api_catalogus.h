/*
 * api_catalogus.h - GET /api/v1/catalogus: every word a user sees for an
 * id of the contracts (spoor-catalogus/1, docs/api.md), from the tables
 * of core (rules.h, toets.h, catalogus.h) and the roles of the access
 * table. The web app renders its labels from it.
 *
 * No case data and nothing that differs per user or organisation, so no
 * login is asked (as for openapi.json): the same texts are in the
 * binary anyone can download. Cacheable: an ETag over the document and
 * Cache-Control: no-cache, If-None-Match answered with 304.
 */
#ifndef SPOOR_API_CATALOGUS_H
#define SPOOR_API_CATALOGUS_H

#include <jansson.h>

#include "server/http.h"

/* The catalogue document; a new reference the caller json_decref()s,
 * or NULL when memory ran out. A missing word shows as its id. */
json_t *api_catalogus_json(void);

/* The handler of GET /api/v1/catalogus. */
int h_catalogus(struct http_req *q, struct http_resp *r);

#endif /* SPOOR_API_CATALOGUS_H */

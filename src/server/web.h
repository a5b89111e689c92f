/*
 * web.h - the web application: static files embedded in the binary at
 * build time, served for GET of any path outside /api/.
 */
#ifndef SPOOR_WEB_H
#define SPOOR_WEB_H

#include "server/http.h"

/* GET /{*}: the embedded file, or index.html for an application path;
 * a path under /api/ answers the API's JSON 404. */
int web_bestand(struct http_req *q, struct http_resp *r);

#endif /* SPOOR_WEB_H */

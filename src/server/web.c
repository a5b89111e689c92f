/*
 * web.c - serves the embedded web application (see web.h).
 * TODO(issue 5): the embedded files.
 */
#include <string.h>

#include "server/web.h"

int
web_bestand(struct http_req *q, struct http_resp *r)
{
	(void)q;
	return http_resp_fout(r, 404, "niet_gevonden", "dit adres bestaat niet",
			      NULL);
}

/*
 * api_doc.c - documents and organisation (see api_doc.h).
 * TODO(issue 4): not yet implemented; every handler answers 501.
 */
#include "server/api_doc.h"

static int
nog_niet(struct http_req *q, struct http_resp *r)
{
	(void)q;
	return http_resp_fout(r, 501, "niet_gebouwd", "nog niet beschikbaar",
			      NULL);
}

int h_documenten(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_document_nieuw(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_document(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_werkgevers(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_werkgever_nieuw(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_werkgever_wijzig(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_werknemers(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_werknemer_wijzig(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }
int h_dienstverband_wijzig(struct http_req *q, struct http_resp *r) { return nog_niet(q, r); }

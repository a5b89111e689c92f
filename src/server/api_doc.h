/*
 * api_doc.h - handlers for a case's documents (attachments with a
 * content hash; see docs/api.md). Routes are in api.c.
 *
 * Documents are read and written per visibility class like dossier
 * entries (toegang.h); a document the caller may not read is answered
 * exactly like a missing one.
 */
#ifndef SPOOR_API_DOC_H
#define SPOOR_API_DOC_H

#include "server/http.h"

/* Body cap of a document upload. */
#define API_DOC_MAX ((size_t)20 << 20)

int h_documenten(struct api_ctx *c);
int h_document_nieuw(struct api_ctx *c);
int h_document(struct api_ctx *c);

#endif /* SPOOR_API_DOC_H */

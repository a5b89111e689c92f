/*
 * schema.h - the JSON Schema (2020-12, as OpenAPI 3.1 uses it) of one
 * entry of spoor-dossier/1, made from the event schema of core
 * (gv_schema, gb_velden, gb_verplicht in core/dossier.h): the keys of
 * every event type, which it must carry, the kind, names and range of
 * every value. docs/openapi.json's components.schemas.Gebeurtenis is
 * this document; tests/unit/test_schema.c fails (and prints the new
 * document) when the two differ, so a change of the table reaches the
 * API description (issue 13).
 */
#ifndef SPOOR_SCHEMA_H
#define SPOOR_SCHEMA_H

#include <jansson.h>

#include "core/dossier.h"
#include "format/casefile.h"

/* A new reference, or NULL without memory. */
json_t *schema_gebeurtenis(void);

#endif /* SPOOR_SCHEMA_H */

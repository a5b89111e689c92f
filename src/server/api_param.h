/*
 * api_param.h - the parameter tables over the API (GET /parameters, PUT
 * and DELETE /parameters/{tabel}/{ingangsdatum}; docs/api.md) and the
 * parameter generation the server's cache keys wage and assessment
 * results with. Routes are in api.c.
 *
 * Generation: the database's parameter version (store_param.h), kept per
 * process. A request reads it from the database at most every
 * API_PARAM_PEIL_MS milliseconds; a change made through this process
 * takes effect at once, one made by another process (a second `spoor
 * serve` on the same PostgreSQL, `spoor parameters zet`) within that time.
 */
#ifndef SPOOR_API_PARAM_H
#define SPOOR_API_PARAM_H

#include <stdint.h>

#include "format/params.h"
#include "server/http.h"

#define API_PARAM_PEIL_MS 2000

/* The current parameter generation (uses the worker's store). */
int64_t api_param_generatie(void);

/*
 * The compiled tables merged with the stored rows into *p (initialised
 * here; params_release() it). 0, or a store_rc (the reason in the
 * server log).
 */
int api_params(struct params *p);

int h_parameters(struct api_ctx *c);
int h_parameter_zet(struct api_ctx *c);
int h_parameter_wis(struct api_ctx *c);

#endif /* SPOOR_API_PARAM_H */

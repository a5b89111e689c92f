/*
 * store_bereik.h - API tokens limited to one employer (issue 12;
 * docs/security.md, Tokens per organisation; schema step 11).
 *
 * A token may carry an employer (api_token.werkgever_id). The server
 * reads it with the token (store_token_bereik) and sets it as the
 * store's bereik_werkgever for the request (store.h): from then on every
 * resolution of the caller's grants in the store counts only grants
 * within that employer (for the employer, or for one of its cases). So
 * the check lives where roles are resolved and no path can skip it: in
 * another employer's case the token's roles are none (the case answers
 * 404 as if it did not exist), lists hold that employer's cases only,
 * another employer's organisation routes see no role, and grants
 * without scope (beheerder) do not count at all.
 *
 * No transaction is opened and nothing is audited here: the caller does
 * both.
 */
#ifndef SPOOR_STORE_BEREIK_H
#define SPOOR_STORE_BEREIK_H

#include <stdint.h>

#include "store/store.h"

/*
 * Limit the token with hash token_hash, of user gebruiker, to employer
 * werkgever_ext (extern id). ST_NIET_GEVONDEN when there is no such
 * employer or the user holds no grant within it (the same answer, so a
 * token request tells nobody which employers exist), or no such token of
 * his. The scope is set once, when the token is made, and never changed.
 */
int store_token_bereik_zet(struct store *s, const char *token_hash,
			   int64_t gebruiker, const char *werkgever_ext);

/* The employer (werkgever.id) token token_hash is limited to into
 * *werkgever, 0 when none; ST_NIET_GEVONDEN for no such token. */
int store_token_bereik(struct store *s, const char *token_hash,
		       int64_t *werkgever);

#endif /* SPOOR_STORE_BEREIK_H */

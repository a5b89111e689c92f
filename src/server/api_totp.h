/*
 * api_totp.h - the second factor in the API (docs/api.md, Second factor;
 * docs/security.md): enrolment, the code step of a login, switching it
 * off, the beheerder's reset, and the enforcement per role of
 * spoor.conf's tweede_factor_verplicht.
 */
#ifndef SPOOR_API_TOTP_H
#define SPOOR_API_TOTP_H

#include <stdint.h>

#include "server/api_int.h"
#include "server/http.h"
#include "store/store.h"

/* Results of api_totp_login() besides 0 and the store's errors. */
enum {
	API_TOTP_NODIG = 1,   /* the user has a factor and gave no code */
	API_TOTP_ONJUIST = 2, /* wrong, malformed or replayed code */
	API_TOTP_SLEUTEL = 3, /* the stored secret cannot be decrypted with
			       * the configured key (logged): answer 500 */
};

/*
 * The second step of a login, after the password was accepted: 0 when
 * user gebruiker has no confirmed factor, or code (NULL: none given) is
 * a current code not used before or one of his unused recovery codes
 * (*herstel 1; it is used up). sleutel: struct api's totp_sleutel.
 * API_TOTP_NODIG, API_TOTP_ONJUIST, API_TOTP_SLEUTEL, or a store error.
 */
int api_totp_login(struct store *st, const uint8_t *sleutel, int64_t gebruiker,
		   const char *code, int64_t nu, int *herstel);

/*
 * Called by api_aanmelden() for every authenticated request when roles
 * must use a second factor: a caller holding such a role without a
 * confirmed factor may only enrol (the paths of the factor itself, GET
 * /api/v1/ik, DELETE /api/v1/sessie). 0: go on; 1: the 403
 * tweede_factor_instellen (or the database error) is answered.
 */
int api_totp_afdwingen(struct http_req *q, struct http_resp *r,
		       const struct wie *w);

/* Route handlers (api_routes[] in api.c). */
int h_totp_status(struct api_ctx *c);
int h_totp_begin(struct api_ctx *c);
int h_totp_bevestig(struct api_ctx *c);
int h_totp_uit(struct api_ctx *c);
int h_totp_wis(struct api_ctx *c);

#endif /* SPOOR_API_TOTP_H */

/*
 * api_limiet.c - the login limiter of the API (see api_limiet.h).
 */
#include <stdio.h>
#include <string.h>

#include "server/api_limiet.h"
#include "server/auth.h"
#include "store/store_limiet.h"

#define OPRUIM_PARTIJ 1000

/* The key stored for a name or an address: its SHA-256 in hex. */
static void
sleutel(const char *tekst, char out[AUTH_TOKEN_HASH_LEN + 1])
{
	auth_token_hash(tekst, strlen(tekst), out);
}

/* The rule of api_limiet.h on counts of one source. */
static int64_t
wacht_van(int64_t vn, int64_t fouten_adres, int64_t va, int naam_altijd)
{
	if (!naam_altijd && fouten_adres == 0)
		vn = 0;
	return va > vn ? va : vn;
}

int64_t
api_limiet_snel(struct api *a, const char *naam, const char *adres,
		int naam_altijd, int64_t nu)
{
	return wacht_van(auth_limiet_check(a->limiet, naam, strlen(naam), nu),
			 auth_limiet_fouten(a->limiet_ip, adres, strlen(adres),
					    nu),
			 auth_limiet_check(a->limiet_ip, adres, strlen(adres),
					   nu),
			 naam_altijd);
}

int
api_limiet_wacht(struct api *a, struct store *st, const char *naam,
		 const char *adres, int naam_altijd, int64_t nu,
		 int64_t *wacht)
{
	char hn[AUTH_TOKEN_HASH_LEN + 1], ha[AUTH_TOKEN_HASH_LEN + 1];
	int64_t w, fn = 0, ln = 0, fa = 0, la = 0;
	int rc;

	/* this server's own table first: a held key costs no query */
	w = api_limiet_snel(a, naam, adres, naam_altijd, nu);
	if (w > 0) {
		*wacht = w;
		return 0;
	}
	sleutel(naam, hn);
	sleutel(adres, ha);
	rc = store_limiet_lees(st, hn, ha, nu, AUTH_LIMIET_VERGEET, &fn, &ln,
			       &fa, &la);
	if (rc)
		return rc;
	*wacht = wacht_van(auth_limiet_wacht(AUTH_LIMIET_POGINGEN, fn, ln, nu),
			   fa,
			   auth_limiet_wacht(AUTH_LIMIET_IP_POGINGEN, fa, la,
					     nu),
			   naam_altijd);
	return 0;
}

void
api_limiet_mislukt(struct api *a, struct store *st, const char *naam,
		   const char *adres, int64_t nu)
{
	char hn[AUTH_TOKEN_HASH_LEN + 1], ha[AUTH_TOKEN_HASH_LEN + 1];

	auth_limiet_mislukt(a->limiet, naam, strlen(naam), nu);
	auth_limiet_mislukt(a->limiet_ip, adres, strlen(adres), nu);
	sleutel(naam, hn);
	sleutel(adres, ha);
	if (store_limiet_mislukt(st, hn, ha, nu, AUTH_LIMIET_VERGEET))
		fprintf(stderr, "spoor serve: mislukte aanmelding niet "
			"opgeslagen (alleen in het geheugen geteld): %s\n",
			store_errmsg(st));
}

void
api_limiet_gelukt(struct api *a, struct store *st, const char *naam)
{
	char hn[AUTH_TOKEN_HASH_LEN + 1];

	auth_limiet_gelukt(a->limiet, naam, strlen(naam));
	sleutel(naam, hn);
	if (store_limiet_gelukt(st, hn))
		fprintf(stderr, "spoor serve: mislukte aanmeldingen van een "
			"naam niet vergeten: %s\n", store_errmsg(st));
}

void
api_limiet_opruimen(struct store *st, int64_t nu)
{
	int64_t n = 0;
	int i;

	for (i = 0; i < 10; i++) {
		if (store_limiet_opruimen(st, nu - AUTH_LIMIET_VERGEET,
					  OPRUIM_PARTIJ, &n)) {
			fprintf(stderr, "spoor serve: mislukte aanmeldingen "
				"opruimen: %s\n", store_errmsg(st));
			return;
		}
		if (n < OPRUIM_PARTIJ)
			return;
	}
}

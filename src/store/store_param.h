/*
 * store_param.h - parameter rows a beheerder stored in the database:
 * they override or extend the parameter tables compiled into spoor
 * (format/params.h, params_met_rijen) without a new release (docs/store.md,
 * docs/formats.md).
 *
 * A row is keyed by (tabel, ingangsdatum). Every write is one transaction
 * with its audit record and raises the parameter version
 * (parameter_kop.versie), which the server puts in the key of the cached
 * wage and assessment results. Removing a row lets the compiled row of
 * that date (if any) apply again. Rows are checked with
 * params_rij_check() here too.
 */
#ifndef SPOOR_STORE_PARAM_H
#define SPOOR_STORE_PARAM_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "format/params.h"
#include "store/store.h"

/* A stored row; the strings are malloc'd and owned by the struct. */
struct store_param {
	char *tabel;
	sdate van;
	int64_t waarde;        /* cents (promille for wml_jeugd_<age>); -1
				* 'onbekend' */
	char *bron;
	char *gebruiker;       /* who stored it */
	int64_t vastgelegd;    /* seconds since the epoch */
};

/* Release n rows and free the array (NULL accepted). */
void store_params_free(struct store_param *r, size_t n);

/* The parameter version: 0 until the first write, raised by each. */
int store_param_versie(struct store *s, int64_t *versie);

/*
 * Every stored row, ordered by table and date, and the version they
 * belong to (read in one transaction; versie may be NULL). *out
 * malloc'd (NULL when n is 0): store_params_free().
 */
int store_params(struct store *s, struct store_param **out, size_t *n,
		 int64_t *versie);

/*
 * The rows of store_params() as params_extra for params_met_rijen();
 * the result borrows the strings of r (free() the array only).
 */
int store_params_extra(const struct store_param *r, size_t n,
		       struct params_extra **out);

/*
 * Store (insert or replace) the row (tabel, van) as user auteur (name wie,
 * roles rollen in the audit record). ST_ONGELDIG when params_rij_check()
 * refuses it. *versie (may be NULL) receives the new parameter version.
 */
int store_param_zet(struct store *s, const char *tabel, sdate van,
		    int64_t waarde, const char *bron, int64_t auteur,
		    const char *wie, uint32_t rollen, int64_t *versie);

/* Remove the stored row (tabel, van); ST_NIET_GEVONDEN when there is
 * none. Audited and versioned like store_param_zet(). */
int store_param_wis(struct store *s, const char *tabel, sdate van,
		    int64_t auteur, const char *wie, uint32_t rollen,
		    int64_t *versie);

/*
 * The compiled tables merged with the stored rows, into *p (initialised
 * here; params_release() it). ST_ONGELDIG with err filled when the merge
 * fails; *versie (may be NULL) the version of the rows used.
 */
int store_params_laad(struct store *s, struct params *p, int64_t *versie,
		      char *err, size_t errn);

#endif /* SPOOR_STORE_PARAM_H */

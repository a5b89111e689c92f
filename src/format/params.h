/*
 * params.h - parameter tables (the .tsv files of data/parameters) for the wage module.
 *
 * Format: UTF-8 text, '#' comment lines, then rows
 * "YYYY-MM-DD<TAB>cents<TAB>source", dates strictly increasing; the word
 * "onbekend" instead of cents marks a known change whose amount is not
 * recorded (a reported gap). The youth minimum-wage scale (jeugdloon.tsv,
 * R-PAY-3) has an age column: "YYYY-MM-DD<TAB>age<TAB>promille<TAB>source",
 * (date, age) strictly increasing. The tables in data/parameters are
 * compiled into the binary; params_standaard() loads those.
 */
#ifndef SPOOR_PARAMS_H
#define SPOOR_PARAMS_H

#include <stddef.h>
#include <stdint.h>

#include "../core/loon.h"

struct params {
	struct param_tabel wml;   /* minimum wage per hour, R-PAY-3 */
	struct param_tabel maxd;  /* maximum dagloon, R-PAY-4 */
	struct param_tabel jeugd; /* youth scale in promille, R-PAY-3 */
	/* owned storage behind the tables */
	struct param_rij *rij[3];
	char *tekst[3];
	char *extra;              /* sources of merged stored rows */
};

/* Table names, as the loon output, the store and the API spell them. */
#define PARAMS_WML "wml_uur"
#define PARAMS_MAXD "maximumdagloon"
#define PARAMS_JEUGD LOON_JEUGD_NAAM

/*
 * A row of the youth scale is stored and addressed (store, command line,
 * API) as table "wml_jeugd_<age>" for an age from PARAMS_JEUGD_MIN through
 * PARAMS_JEUGD_MAX: below 15 the law gives no minimum wage (Besluit
 * minimumjeugdloonregeling art. 1), which is no parameter; 22 leaves room
 * for a change of the full-wage age (it was 23 until 2017).
 */
#define PARAMS_JEUGD_MIN 15
#define PARAMS_JEUGD_MAX 22

/* The age of a table name "wml_jeugd_<age>" in range; -1 otherwise. */
int params_jeugd_leeftijd(const char *tabel);

/* One row stored in the database (store_param.h) for a table. */
struct params_extra {
	const char *tabel;   /* PARAMS_WML, PARAMS_MAXD or wml_jeugd_<age> */
	sdate van;
	int64_t waarde;      /* cents (promille for the youth scale); -1
			      * 'onbekend' */
	const char *bron;    /* non-empty */
};

/* Bounds a stored row must keep (docs/formats.md). */
#define PARAMS_VAN_MIN_JAAR 2000
#define PARAMS_VAN_MAX_JAAR 2099
#define PARAMS_BRON_MAX 500

/* The field of a row that is wrong (params_rij_check). */
enum params_veld {
	PV_OK = 0,
	PV_TABEL,
	PV_DATUM,
	PV_WAARDE,
	PV_BRON
};

/*
 * The highest amount in cents that table accepts (an absurd amount is a
 * typing error: EUR 100 per hour for the WML, EUR 1,000 per day for the
 * maximum dagloon; 1000 promille for a row of the youth scale); -1 for an
 * unknown table.
 */
int64_t params_max(const char *tabel);

/*
 * Check one row before it is stored: a known table, an effective date
 * from PARAMS_VAN_MIN_JAAR through PARAMS_VAN_MAX_JAAR, an amount of -1
 * ('onbekend') or 1 through params_max(), a source of 1 to
 * PARAMS_BRON_MAX bytes without control characters. Returns PV_OK, or
 * the wrong field with *reden a static Dutch text.
 */
enum params_veld params_rij_check(const char *tabel, sdate van,
				  int64_t waarde, const char *bron,
				  const char **reden);

/*
 * Merge stored rows into p (loaded with params_standaard()): a row
 * replaces the compiled row of the same table and date, another date is
 * added in its place. The result keeps params_parse()'s rules (dates
 * strictly increasing, a source on every row) and each row passes
 * params_rij_check(). p copies the sources. Once per p. Returns 0; -1
 * with err filled and p unchanged.
 */
int params_met_rijen(struct params *p, const struct params_extra *r,
		     size_t n, char *err, size_t errn);

/* Zero p. */
void params_init(struct params *p);

/* Free what p owns; accepts a zeroed p. */
void params_release(struct params *p);

/*
 * Parse one table from text (len bytes) named naam. On success fills *tab
 * and hands the row and text storage to *rij_out / *tekst_out (the caller
 * frees both with free()). On failure returns -1 and writes "regel N:
 * reason" into err.
 */
int params_parse(const char *naam, const char *text, size_t len,
		 struct param_tabel *tab, struct param_rij **rij_out,
		 char **tekst_out, char *err, size_t errn);

/*
 * Parse the youth scale (the format with an age column) like
 * params_parse(); the rows carry their age in param_rij.leeftijd.
 */
int params_parse_jeugd(const char *naam, const char *text, size_t len,
		       struct param_tabel *tab, struct param_rij **rij_out,
		       char **tekst_out, char *err, size_t errn);

/* Load the compiled-in tables. Returns 0, or -1 with err filled. */
int params_standaard(struct params *p, char *err, size_t errn);

#endif /* SPOOR_PARAMS_H */

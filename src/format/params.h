/*
 * params.h - parameter tables (the .tsv files of data/parameters) for the wage module.
 *
 * Format: UTF-8 text, '#' comment lines, then rows
 * "YYYY-MM-DD<TAB>cents<TAB>source", dates strictly increasing; the word
 * "onbekend" instead of cents marks a known change whose amount is not
 * recorded (a reported gap). The tables in data/parameters are compiled
 * into the binary; params_standaard() loads those.
 */
#ifndef SPOOR_PARAMS_H
#define SPOOR_PARAMS_H

#include <stddef.h>

#include "../core/loon.h"

struct params {
	struct param_tabel wml;   /* minimum wage per hour, R-PAY-3 */
	struct param_tabel maxd;  /* maximum dagloon, R-PAY-4 */
	/* owned storage behind the tables */
	struct param_rij *rij[2];
	char *tekst[2];
};

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

/* Load the compiled-in tables. Returns 0, or -1 with err filled. */
int params_standaard(struct params *p, char *err, size_t errn);

#endif /* SPOOR_PARAMS_H */

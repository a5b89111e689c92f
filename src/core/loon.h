/*
 * loon.h - loondoorbetaling bij ziekte: what the employer owes, per period,
 * in integer cents (rule book R-PAY-1 .. R-PAY-6, architecture §5).
 *
 * Conventions (docs/rules.md):
 *   - amounts are per working day (werkdag, Monday-Friday; public holidays
 *     are paid days); a month is 21.75 working days (UWV convention);
 *   - the daily wage is maandloon x 12 / 261, rounded half up;
 *   - statutory: 70 % of the daily wage capped at the maximum dagloon
 *     (Wfsv art. 17), in the first 52 weeks at least the minimum wage for
 *     the contract hours (hourly WML x hours / 5), never above the wage;
 *   - contractual: the percentage of `dienstverband.loondoorbetaling` for
 *     the sick week, of the full wage; owed = the higher of the two;
 *   - percentages are applied with half-up rounding to whole cents.
 * Parameter tables are data (the .tsv files in data/parameters) with effective dates;
 * a date the tables do not cover is reported as a gap, and the last known
 * value is used and marked as such - never a silent guess.
 */
#ifndef SPOOR_LOON_H
#define SPOOR_LOON_H

#include <stddef.h>
#include <stdint.h>

#include "dossier.h"
#include "tijdlijn.h"
#include "verzuim.h"

/* R-PAY-1: 70 % of the wage; WML floor in the first 52 weeks. */
#define PAY1_PROCENT 70
#define PAY1_WML_WEKEN 52
/* R-PAY-4: 261 paid days a year; UWV's 21.75 working days a month. */
#define PAY4_DAGEN_PER_JAAR 261
#define PAY4_DAGEN_PER_MAAND_X100 2175

struct param_rij {
	sdate van;        /* effective from */
	int64_t waarde;   /* cents; -1 for a known change with no amount */
	const char *bron; /* borrowed from the table's owner */
};

struct param_tabel {
	const char *naam;      /* "wml_uur", "maximumdagloon" */
	const struct param_rij *rij; /* sorted by van, n rows */
	size_t n;
};

/*
 * The row in force on day d. Returns 0 and *out when a value is known;
 * -1 when d lies before the first row or on/after an 'onbekend' row (then
 * *out is the last row with a value before d, or NULL).
 */
int param_zoek(const struct param_tabel *t, sdate d,
	       const struct param_rij **out);

enum grondslag { GR_WETTELIJK = 0, GR_MINIMUMLOON, GR_MAXIMUM, GR_CONTRACT };

#define LOON_MAX_PERIODEN 64
#define LOON_MAX_GATEN 8

struct loon_periode {
	sdate van, tot;          /* calendar dates of the first/last sick day */
	int32_t week_van, week_tot; /* sick weeks */
	int32_t werkdagen;       /* paid working days in the period */
	int32_t contract_procent; /* -1 when no contractual step applies */
	uint8_t grondslag;       /* enum grondslag: what set the amount */
	uint8_t loonsanctie;     /* 1: inside the 52 weeks of a loonsanctie */
	uint8_t voorlopig;       /* a parameter gap: last known value used */
	const struct param_rij *wml, *max; /* rows used (may be NULL) */
	int64_t wettelijk_dag, contract_dag, verschuldigd_dag;
	int64_t totaal;          /* verschuldigd_dag x werkdagen */
};

struct loon_gat {
	const char *tabel;
	sdate vanaf;
	/* 1: an earlier value exists and was used; 0: the date lies
	 * before the table, so the bound was left out */
	uint8_t laatst_bekend;
};

struct loon {
	int64_t dagloon;             /* maandloon x 12 / 261 */
	int64_t wml_uren_x100;       /* contract hours, -1 unknown */
	uint32_t n;
	struct loon_periode p[LOON_MAX_PERIODEN];
	int64_t totaal;              /* the (extended) wage period */
	int64_t blootstelling;       /* 52 weeks of loonsanctie */
	uint32_t ngaten;
	struct loon_gat gaten[LOON_MAX_GATEN];
};

enum loon_fout {
	LOONF_OK = 0,
	LOONF_GEEN_MAANDLOON = -1,  /* dienstverband.maandloon_cent absent */
	LOONF_TE_VEEL = -2          /* more periods than LOON_MAX_PERIODEN */
};

/* Daily wage of a monthly wage: x 12 / 261, half up. */
int64_t loon_dagloon(int64_t maandloon_cent);

/* Monthly equivalent of a daily amount: x 21.75, half up. */
int64_t loon_maand(int64_t dag_cent);

/*
 * Compute the periods of the wage obligation of case ds from D through
 * the last wage day of t (t->m[MP_EINDE_WACHTTIJD]) and, after it, the 52
 * weeks a loonsanctie would add. Returns an enum loon_fout.
 */
int loon_bereken(const struct dossier *ds, const struct ziekteverloop *zv,
		 const struct tijdlijn *t, const struct param_tabel *wml,
		 const struct param_tabel *maxd, struct loon *out);

extern const char *const grondslag_naam[4];

#endif /* SPOOR_LOON_H */

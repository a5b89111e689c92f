/*
 * loon.h - loondoorbetaling bij ziekte: what the employer owes, per period,
 * in integer cents (rule book R-PAY-1 .. R-PAY-6, architecture §5).
 *
 * Conventions (docs/rules.md):
 *   - amounts are per working day (werkdag, Monday-Friday; public holidays
 *     are paid days); a month is 21.75 working days (UWV convention);
 *   - the daily wage is maandloon x 12 / 261, rounded half up;
 *   - statutory: 70 % of the daily wage capped at the maximum dagloon
 *     (Wfsv art. 17), in the first 52 weeks at least the minimum wage that
 *     applies to the employee for the contract hours (hourly WML x hours /
 *     5), never above the wage; under 21 that is the youth minimum wage,
 *     the age percentage of the adult hourly WML rounded half up to a cent
 *     (WML art. 8 lid 3, Besluit minimumjeugdloonregeling art. 2), by the
 *     age on each day (a period splits on the birthday where the
 *     percentage changes);
 *   - contractual: the percentage of `dienstverband.loondoorbetaling` for
 *     the sick week, of the full wage; owed = the higher of the two;
 *   - percentages are applied with half-up rounding to whole cents.
 * Parameter tables are data (the .tsv files in data/parameters, the youth
 * scale too) with effective dates;
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
	int32_t leeftijd; /* youth scale: from this age (0: below the first
			   * age); 0 in the other tables */
	int64_t waarde;   /* cents (youth scale: promille of the adult
			   * hourly WML); -1 for a known change with no
			   * amount */
	const char *bron; /* borrowed from the table's owner */
};

/*
 * A parameter table (format/params.h reads them from data/parameters).
 * R-PAY-3, the youth scale "wml_jeugd": rows sorted by (van, leeftijd);
 * a row holds for its age up to the next age listed, from its date until
 * the next row of the same age.
 */
struct param_tabel {
	const char *naam;      /* "wml_uur", "maximumdagloon", "wml_jeugd" */
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

/* Whole years of age on day d of someone born on geb (a 29 February
 * birthday falls on 28 February in other years, as date_add_years). */
int32_t loon_leeftijd(sdate geb, sdate d);

/*
 * The row of youth scale t for age `leeftijd` on day d: the highest age
 * listed on or before d that is not above it, and of that age the last
 * row on or before d. Returns 0 and *out when the percentage is known;
 * -1 when it is 'onbekend' (then *out is the last earlier row of the same
 * age that knows it, or NULL) or no row lies on or before d (*out NULL).
 * *van receives the effective date of the row in force (DATE_NONE when
 * there is none).
 */
int loon_jeugd_zoek(const struct param_tabel *t, int32_t leeftijd, sdate d,
		    const struct param_rij **out, sdate *van);

enum grondslag { GR_WETTELIJK = 0, GR_MINIMUMLOON, GR_MAXIMUM, GR_CONTRACT };

#define LOON_MAX_PERIODEN 64
#define LOON_MAX_GATEN 8

/* Name of the age scale in gaps and output. */
#define LOON_JEUGD_NAAM "wml_jeugd"

struct loon_periode {
	sdate van, tot;          /* calendar dates of the first/last sick day */
	int32_t week_van, week_tot; /* sick weeks */
	int32_t werkdagen;       /* paid working days in the period */
	int32_t contract_procent; /* -1 when no contractual step applies */
	uint8_t grondslag;       /* enum grondslag: what set the amount */
	uint8_t loonsanctie;     /* 1: inside the 52 weeks of a loonsanctie */
	uint8_t voorlopig;       /* a parameter gap: last known value used */
	const struct param_rij *wml, *max; /* rows used (may be NULL) */
	/* R-PAY-3: the age-scale row of the WML floor; NULL when the floor
	 * plays no part or the birth date is unknown (adult rate) */
	const struct param_rij *jeugd;
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
	/* R-PAY-3: the WML floor was applied with the adult rate because
	 * the case file has no werknemer.geboortedatum */
	uint8_t geboortedatum_onbekend;
	/* R-PAY-3: a youth percentage below 100 % was applied */
	uint8_t jeugdloon;
	/* R-PAY-1: first day of partial work resumption inside the wage
	 * period (a `ziek` mutation below 100 % or a `werkhervatting`),
	 * DATE_NONE when none: spoor still pays 70 % of the full wage */
	sdate hervatting;
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
 * weeks a loonsanctie would add, with the tables wml, maxd and the youth
 * scale jeugd (R-PAY-3). Returns an enum loon_fout. The periods point
 * into the tables: keep them while out is used.
 */
int loon_bereken(const struct dossier *ds, const struct ziekteverloop *zv,
		 const struct tijdlijn *t, const struct param_tabel *wml,
		 const struct param_tabel *maxd,
		 const struct param_tabel *jeugd, struct loon *out);

extern const char *const grondslag_naam[4];

/* A remark the wage output must carry (Dutch text for users). */
struct loon_melding {
	const char *code;   /* GEBOORTEDATUM_ONBEKEND, MINIMUMJEUGDLOON,
			     * GEDEELTELIJKE_WERKHERVATTING */
	const char *regel;  /* rule book id */
	const char *bron;   /* legal source */
	const char *tekst;
	sdate vanaf;        /* DATE_NONE when the remark has no date */
};

#define LOON_MAX_MELDINGEN 3

/* The remarks for l, in a fixed order; returns how many (at most
 * LOON_MAX_MELDINGEN) were written to m. */
size_t loon_meldingen(const struct loon *l,
		      struct loon_melding m[LOON_MAX_MELDINGEN]);

#endif /* SPOOR_LOON_H */

/*
 * params.c - parameter table parser (see params.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"

/* Generated at build time from data/parameters (CMakeLists.txt). */
extern const char spoor_param_wml[];
extern const char spoor_param_maximumdagloon[];
extern const char spoor_param_jeugdloon[];

#define NT 3 /* tables in struct params */

void
params_init(struct params *p)
{
	memset(p, 0, sizeof(*p));
}

void
params_release(struct params *p)
{
	size_t k;

	for (k = 0; k < NT; k++) {
		free(p->rij[k]);
		free(p->tekst[k]);
	}
	free(p->extra);
	params_init(p);
}

static int
parse_cents(const char *s, int64_t *out)
{
	int64_t v = 0;

	if (strcmp(s, "onbekend") == 0) {
		*out = -1;
		return 0;
	}
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

/* An age of the youth scale: 0 through 99. */
static int
parse_leeftijd(const char *s, int32_t *out)
{
	int32_t v = 0;

	if (!*s || strlen(s) > 2)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

/* Rows in order: by date, and by age within a date of the youth scale. */
static int
na(const struct param_rij *a, const struct param_rij *b)
{
	return a->van > b->van || (a->van == b->van && a->leeftijd > b->leeftijd);
}

/* params_parse() and params_parse_jeugd(): jeugd 1 reads the age column. */
static int
parse_tabel(const char *naam, const char *text, size_t len, int jeugd,
	    struct param_tabel *tab, struct param_rij **rij_out,
	    char **tekst_out, char *err, size_t errn)
{
	char *t = malloc(len + 1), *line, *next;
	struct param_rij *rij = NULL;
	size_t n = 0, cap = 0, lineno = 0;
	int rc = -1;

	if (!t) {
		snprintf(err, errn, "onvoldoende geheugen");
		return -1;
	}
	memcpy(t, text, len);
	t[len] = '\0';
	for (line = t; line; line = next) {
		char *f2, *f3, *fl = NULL;
		struct param_rij r;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		memset(&r, 0, sizeof(r));
		f2 = strchr(line, '\t');
		if (jeugd && f2) {
			/* the age column comes between date and value */
			fl = f2 + 1;
			f2 = strchr(fl, '\t');
		}
		f3 = f2 ? strchr(f2 + 1, '\t') : NULL;
		if (!f2 || !f3) {
			snprintf(err, errn, "%s regel %zu: verwacht datum, %s"
				 "bron gescheiden door tabs", naam, lineno,
				 jeugd ? "leeftijd, promille en " : "bedrag en ");
			goto out;
		}
		if (fl)
			fl[-1] = '\0';
		*f2++ = '\0';
		*f3++ = '\0';
		if (date_parse(line, strlen(line), &r.van) != 0) {
			snprintf(err, errn, "%s regel %zu: ongeldige datum '%s'",
				 naam, lineno, line);
			goto out;
		}
		if (fl && parse_leeftijd(fl, &r.leeftijd) != 0) {
			snprintf(err, errn, "%s regel %zu: ongeldige leeftijd "
				 "'%s' (0 tot en met 99)", naam, lineno, fl);
			goto out;
		}
		if (parse_cents(f2, &r.waarde) != 0 ||
		    (jeugd && r.waarde > 1000)) {
			snprintf(err, errn, "%s regel %zu: ongeldig%s '%s' (%s of "
				 "'onbekend')", naam, lineno,
				 jeugd ? "e promille" : " bedrag", f2,
				 jeugd ? "0 tot en met 1000" : "centen");
			goto out;
		}
		if (!*f3) {
			snprintf(err, errn, "%s regel %zu: bron ontbreekt", naam,
				 lineno);
			goto out;
		}
		if (n > 0 && !na(&r, &rij[n - 1])) {
			snprintf(err, errn, "%s regel %zu: %s", naam, lineno,
				 jeugd ? "datums, en per datum leeftijden, "
				 "moeten oplopen" : "datums moeten oplopen");
			goto out;
		}
		r.bron = f3;
		if (n == cap) {
			struct param_rij *nr;

			cap = cap ? cap * 2 : 16;
			nr = realloc(rij, cap * sizeof(*rij));
			if (!nr) {
				snprintf(err, errn, "onvoldoende geheugen");
				goto out;
			}
			rij = nr;
		}
		rij[n++] = r;
	}
	if (n == 0) {
		snprintf(err, errn, "%s: geen rijen", naam);
		goto out;
	}
	tab->naam = naam;
	tab->rij = rij;
	tab->n = n;
	*rij_out = rij;
	*tekst_out = t;
	rij = NULL;
	t = NULL;
	rc = 0;
out:
	free(rij);
	free(t);
	return rc;
}

int
params_parse(const char *naam, const char *text, size_t len,
	     struct param_tabel *tab, struct param_rij **rij_out,
	     char **tekst_out, char *err, size_t errn)
{
	return parse_tabel(naam, text, len, 0, tab, rij_out, tekst_out, err,
			   errn);
}

int
params_parse_jeugd(const char *naam, const char *text, size_t len,
		   struct param_tabel *tab, struct param_rij **rij_out,
		   char **tekst_out, char *err, size_t errn)
{
	return parse_tabel(naam, text, len, 1, tab, rij_out, tekst_out, err,
			   errn);
}

int
params_standaard(struct params *p, char *err, size_t errn)
{
	params_init(p);
	if (params_parse(PARAMS_WML, spoor_param_wml, strlen(spoor_param_wml),
			 &p->wml, &p->rij[0], &p->tekst[0], err, errn) != 0 ||
	    params_parse(PARAMS_MAXD, spoor_param_maximumdagloon,
			 strlen(spoor_param_maximumdagloon), &p->maxd,
			 &p->rij[1], &p->tekst[1], err, errn) != 0 ||
	    params_parse_jeugd(PARAMS_JEUGD, spoor_param_jeugdloon,
			       strlen(spoor_param_jeugdloon), &p->jeugd,
			       &p->rij[2], &p->tekst[2], err, errn) != 0) {
		params_release(p);
		return -1;
	}
	return 0;
}

int
params_jeugd_leeftijd(const char *tabel)
{
	static const char kop[] = PARAMS_JEUGD "_";
	const char *a;
	int32_t v;

	if (strncmp(tabel, kop, sizeof(kop) - 1) != 0)
		return -1;
	a = tabel + sizeof(kop) - 1;
	/* no leading zero: one name per age, as the store keys rows */
	if (a[0] == '0' || parse_leeftijd(a, &v) != 0 ||
	    v < PARAMS_JEUGD_MIN || v > PARAMS_JEUGD_MAX)
		return -1;
	return (int)v;
}

int64_t
params_max(const char *tabel)
{
	if (!strcmp(tabel, PARAMS_WML))
		return 10000;
	if (!strcmp(tabel, PARAMS_MAXD))
		return 100000;
	if (params_jeugd_leeftijd(tabel) >= 0)
		return 1000;
	return -1;
}

enum params_veld
params_rij_check(const char *tabel, sdate van, int64_t waarde,
		 const char *bron, const char **reden)
{
	int64_t max = tabel ? params_max(tabel) : -1;
	const unsigned char *b;
	int j, m, d;

	if (max < 0) {
		*reden = "onbekende tabel (" PARAMS_WML ", " PARAMS_MAXD " of "
			 PARAMS_JEUGD "_15 tot en met " PARAMS_JEUGD "_22)";
		return PV_TABEL;
	}
	if (van == DATE_NONE) {
		*reden = "geen geldige datum";
		return PV_DATUM;
	}
	date_to_ymd(van, &j, &m, &d);
	if (j < PARAMS_VAN_MIN_JAAR || j > PARAMS_VAN_MAX_JAAR) {
		*reden = "ingangsdatum buiten 2000-01-01 tot en met 2099-12-31";
		return PV_DATUM;
	}
	if (waarde != -1 && (waarde < 1 || waarde > max)) {
		*reden = !strcmp(tabel, PARAMS_WML)
			 ? "bedrag in centen van 1 tot en met 10000 (EUR 100 "
			   "per uur), of null voor onbekend"
			 : !strcmp(tabel, PARAMS_MAXD)
			 ? "bedrag in centen van 1 tot en met 100000 (EUR "
			   "1.000 per dag), of null voor onbekend"
			 : "promille van het minimumuurloon van 1 tot en met "
			   "1000 (100%), of null voor onbekend";
		return PV_WAARDE;
	}
	if (!bron || !*bron || strlen(bron) > PARAMS_BRON_MAX) {
		*reden = "bron ontbreekt of is langer dan 500 tekens";
		return PV_BRON;
	}
	for (b = (const unsigned char *)bron; *b; b++)
		if (*b < 0x20 || *b == 0x7f) {
			*reden = "bron bevat een stuurteken";
			return PV_BRON;
		}
	*reden = NULL;
	return PV_OK;
}

/* Put row x into the n sorted rows of t (room for one more): replace a
 * row of the same date (and age) or insert it in order. */
static void
zet_rij(struct param_rij *t, size_t *n, const struct param_rij *x)
{
	size_t i = 0;

	while (i < *n && na(x, &t[i]))
		i++;
	if (i < *n && t[i].van == x->van && t[i].leeftijd == x->leeftijd) {
		t[i] = *x;
		return;
	}
	memmove(&t[i + 1], &t[i], (*n - i) * sizeof(*t));
	t[i] = *x;
	(*n)++;
}

int
params_met_rijen(struct params *p, const struct params_extra *r, size_t n,
		 char *err, size_t errn)
{
	struct param_tabel *tab[NT] = {&p->wml, &p->maxd, &p->jeugd};
	struct param_rij *nieuw[NT] = {NULL, NULL, NULL};
	size_t nn[NT] = {0, 0, 0}, i, k, lengte = 0, o = 0;
	char *extra = NULL;
	int rc = -1;

	/* the rows of an earlier merge point into p->extra */
	if (p->extra) {
		snprintf(err, errn, "parameters zijn al samengevoegd");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *reden;

		if (params_rij_check(r[i].tabel, r[i].van, r[i].waarde,
				     r[i].bron, &reden) != PV_OK) {
			char d[DATE_STRLEN] = "?";

			if (r[i].van != DATE_NONE)
				date_format(r[i].van, d);
			snprintf(err, errn, "opgeslagen rij %s %s: %s",
				 r[i].tabel ? r[i].tabel : "?", d, reden);
			return -1;
		}
		lengte += strlen(r[i].bron) + 1;
	}
	extra = malloc(lengte ? lengte : 1);
	for (k = 0; k < NT && extra; k++) {
		nieuw[k] = malloc((tab[k]->n + n) * sizeof(**nieuw));
		if (!nieuw[k])
			break;
		memcpy(nieuw[k], tab[k]->rij, tab[k]->n * sizeof(**nieuw));
		nn[k] = tab[k]->n;
	}
	if (!extra || k < NT) {
		snprintf(err, errn, "onvoldoende geheugen");
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct param_rij x;
		size_t bl = strlen(r[i].bron) + 1;
		int a = params_jeugd_leeftijd(r[i].tabel);

		k = a >= 0 ? 2 : strcmp(r[i].tabel, PARAMS_WML) == 0 ? 0 : 1;
		memcpy(extra + o, r[i].bron, bl);
		x.van = r[i].van;
		x.leeftijd = a >= 0 ? a : 0;
		x.waarde = r[i].waarde;
		x.bron = extra + o;
		o += bl;
		zet_rij(nieuw[k], &nn[k], &x);
	}
	/* params_parse()'s rule, kept by construction; checked anyway */
	for (k = 0; k < NT; k++)
		for (i = 1; i < nn[k]; i++)
			if (!na(&nieuw[k][i], &nieuw[k][i - 1])) {
				snprintf(err, errn, "%s: datums moeten oplopen",
					 tab[k]->naam);
				goto out;
			}
	for (k = 0; k < NT; k++) {
		free(p->rij[k]);
		p->rij[k] = nieuw[k];
		tab[k]->rij = nieuw[k];
		tab[k]->n = nn[k];
		nieuw[k] = NULL;
	}
	free(p->extra);
	p->extra = extra;
	extra = NULL;
	rc = 0;
out:
	for (k = 0; k < NT; k++)
		free(nieuw[k]);
	free(extra);
	return rc;
}

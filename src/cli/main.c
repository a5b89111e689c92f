/*
 * main.c - `spoor`: command table and shared helpers (git-style dispatch).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lib/klok.h"

struct command {
	const char *naam;
	int (*run)(int argc, char **argv);
	void (*help)(void);
	const char *uitleg;
};

static const struct command commands[] = {
	{"tijdlijn", cmd_tijdlijn, help_tijdlijn,
	 "alle wettelijke termijnen van een verzuimgeval, met bron"},
	{"toets", cmd_toets, help_toets,
	 "poortwachtertoets: wat UWV zou vinden, met herstelmaatregelen"},
	{"loon", cmd_loon, help_loon,
	 "loondoorbetaling per periode en kosten van een loonsanctie"},
	{"serve", cmd_serve, help_serve, "de webserver en de JSON-API starten"},
	{"demo", cmd_demo, help_demo,
	 "database met demodossiers en een gebruiker per rol"},
	{"init", cmd_init, help_init,
	 "database aanmaken of bijwerken (SQLite of PostgreSQL)"},
	{"import", cmd_import, help_import,
	 "dossierbestanden opslaan in de database"},
	{"export", cmd_export, help_export,
	 "een dossier als spoor-dossier/1, eventueel gefilterd per rol"},
	{"user", cmd_user, help_user, "gebruiker met rol en toekenning toevoegen"},
	{"audit", cmd_audit, help_audit, "hashketen van het auditlog nakijken, kop afdrukken"},
	{"backup", cmd_backup, help_backup,
	 "backup van de database (SQLite of PostgreSQL met pg_dump)"},
	{"restore", cmd_restore, help_restore,
	 "een backup gecontroleerd terugzetten"},
	{"parameters", cmd_parameters, help_parameters,
	 "parametertabellen (minimumloon, maximumdagloon) bijwerken"},
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

int
cli_fout(const char *fmt, ...)
{
	va_list ap;
	char buf[1024];
	const unsigned char *p;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* One line, always: a file name or a key from the case file may
	 * hold control characters; they are shown as \xNN. */
	fputs("spoor: ", stderr);
	for (p = (const unsigned char *)buf; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(stderr, "\\x%02x", *p);
		else
			fputc(*p, stderr);
	}
	fputc('\n', stderr);
	return EXIT_INVOER;
}

int
cli_getopt(int argc, char **argv, const struct option *opts)
{
	opterr = 0;
	/* the command line is single-threaded */
	return getopt_long(argc, argv, ":", opts, NULL); /* NOLINT(concurrency-mt-unsafe) */
}

int
cli_optie_fout(const char *cmd, const char *soort, int c, char **argv)
{
	/* getopt has stepped past a long option and past a lone short
	 * one; inside a cluster (-xy) only optopt names it */
	if (c == ':' && optopt == CLI_OPT_DB)
		return cli_fout("--db: verwacht een pad of postgresql://-adres");
	if (c == ':')
		return cli_fout("%s: waarde ontbreekt", argv[optind - 1]);
	if (optopt > 0 && optopt < CLI_OPT)
		return cli_fout("%s: %s '-%c'", cmd, soort, optopt);
	return cli_fout("%s: %s '%s'", cmd, soort, argv[optind - 1]);
}

int
cli_datum(const char *optie, const char *arg, sdate *out)
{
	int rc = date_parse(arg, strlen(arg), out);

	if (rc == -1)
		return cli_fout("%s: verwacht een datum als JJJJ-MM-DD, kreeg "
				"'%s'", optie, arg);
	if (rc == -2)
		return cli_fout("%s: ongeldige datum '%s'", optie, arg);
	return 0;
}

sdate
cli_vandaag(void)
{
	int j, m, d;

	klok_vandaag(&j, &m, &d);
	return date_from_ymd(j, m, d);
}

static void
usage(FILE *fp)
{
	size_t i;

	fputs("gebruik: spoor <opdracht> [opties]\n\n"
	      "spoor rekent de termijnen van de Wet verbetering poortwachter\n"
	      "uit, met de wettelijke bron bij elke datum.\n\n"
	      "Opdrachten:\n", fp);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].naam,
			commands[i].uitleg);
	fputs("\n'spoor help <opdracht>' legt een opdracht uit.\n"
	      "Afsluitcode: 0 gelukt, 1 controle vond problemen, "
	      "2 foute invoer,\n3 database nieuwer dan deze spoor.\n", fp);
}

static const struct command *
lookup(const char *naam)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].naam, naam) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		CLI_OPTIE_EINDE,
	};
	const struct command *c;
	int o;

	if (argc < 2) {
		usage(stderr);
		return EXIT_INVOER;
	}
	/* '+': stop at the command's name; its options are its own */
	opterr = 0;
	o = getopt_long(argc, argv, "+h", opts, NULL); /* NOLINT(concurrency-mt-unsafe): single-threaded here */
	if (o == 'h') {
		usage(stdout);
		return EXIT_OK;
	}
	if (o != -1)
		return cli_fout("onbekende opdracht '%s' (zie 'spoor --help')",
				argv[optind - 1]);
	if (optind >= argc) {  /* "spoor --" */
		usage(stderr);
		return EXIT_INVOER;
	}
	argc -= optind;
	argv += optind;
	if (strcmp(argv[0], "help") == 0) {
		if (argc < 2) {
			usage(stdout);
			return EXIT_OK;
		}
		c = lookup(argv[1]);
		if (!c)
			return cli_fout("onbekende opdracht '%s' (zie 'spoor "
					"--help')", argv[1]);
		c->help();
		return EXIT_OK;
	}
	c = lookup(argv[0]);
	if (!c)
		return cli_fout("onbekende opdracht '%s' (zie 'spoor --help')",
				argv[0]);
	return c->run(argc, argv);
}

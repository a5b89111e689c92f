/*
 * cli.h - shared pieces of the `spoor` command line.
 *
 * Exit status (architecture §5): 0 success, 1 a check found problems,
 * 2 bad input or usage, with one line "spoor: <what is wrong>" on stderr;
 * 3 the database has a newer schema than this spoor knows (install a
 * newer spoor or restore a backup), so scripts can tell it apart.
 */
#ifndef SPOOR_CLI_H
#define SPOOR_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/date.h"
#include "../core/dossier.h"
#include "../core/tijdlijn.h"
#include "../core/verzuim.h"

enum { EXIT_OK = 0, EXIT_BEVINDINGEN = 1, EXIT_INVOER = 2, EXIT_SCHEMA = 3 };

/* Print "spoor: <message>" to stderr and return EXIT_INVOER. */
int cli_fout(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Option parsing: getopt_long over long options only. Option values
 * not naming a short option start at CLI_OPT (so getopt's optopt tells
 * a short option from a long one); --db and --help are shared.
 */
enum { CLI_OPT = 256, CLI_OPT_DB = CLI_OPT, CLI_OPT_HELP, CLI_OPT_EIGEN };
#define CLI_OPTIE_DB {"db", required_argument, NULL, CLI_OPT_DB}
#define CLI_OPTIE_HELP {"help", no_argument, NULL, CLI_OPT_HELP}
#define CLI_OPTIE_EINDE {NULL, 0, NULL, 0}

/*
 * getopt_long(argc, argv, ":", opts, NULL): options may follow
 * operands, getopt prints nothing, ':' means a missing value, '?' an
 * unknown or ambiguous option; operands are at argv[optind..argc) after
 * -1. Set optind = 0 before the first call: a full reset (glibc, musl),
 * as main's own parsing left getopt stopping at the first operand.
 */
int cli_getopt(int argc, char **argv, const struct option *opts);

/*
 * The message for cli_getopt's ':' or '?' (c): "--db: verwacht ...",
 * "--X: waarde ontbreekt", or "<cmd>: <soort> '<option>'" where soort
 * is e.g. "onbekende optie". Prints and returns EXIT_INVOER.
 */
int cli_optie_fout(const char *cmd, const char *soort, int c, char **argv);

/* Parse a --peildatum style argument; on error prints and returns 2. */
int cli_datum(const char *optie, const char *arg, sdate *out);

/* Today's date in local time, by the one clock (lib/klok.h: SPOOR_NU
 * for tests). */
sdate cli_vandaag(void);

#include "../core/geval.h"

/*
 * Read the case file at path and compute its timeline for peil. On bad
 * input prints the one-line error and returns EXIT_INVOER.
 */
int geval_laad(struct geval *g, const char *path, sdate peil);

/* Dutch money: "€ 1.234,56". */
void cli_euro(int64_t cent, char *buf, size_t n);

int cmd_tijdlijn(int argc, char **argv);
void help_tijdlijn(void);
int cmd_toets(int argc, char **argv);
void help_toets(void);
int cmd_loon(int argc, char **argv);
void help_loon(void);

/* Database commands (cmd_store.c, cmd_serve.c). */
struct store;
const char *cli_db_url(const char *optie);
/*
 * Open the store at url for a command. migreer: 0 refuses an older
 * schema (pointing at spoor init), 1 upgrades it, 2 upgrades one that
 * is not empty and says so on stdout (spoor serve: it creates no
 * database, spoor init does). A schema newer than this spoor is always
 * refused. Returns 0, or the exit status after printing the reason:
 * EXIT_SCHEMA for a newer schema, else EXIT_INVOER. *out: store_free().
 */
int cli_store_open(const char *url, int migreer, struct store **out);
/* url fit for a message: itself, or a description when it holds a
 * password. */
const char *cli_db_toon(const char *url);
/* A readable random password: 16 characters without look-alikes. */
void cli_nieuw_wachtwoord(char out[17]);
int cmd_init(int argc, char **argv);
void help_init(void);
int cmd_import(int argc, char **argv);
void help_import(void);
int cmd_export(int argc, char **argv);
void help_export(void);
int cmd_user(int argc, char **argv);
/* spoor user tokens|token-intrekken|deactiveer|activeer|intrekken
 * (cmd_user.c); argv[1] is the subcommand. */
int cli_user_intrekken(int argc, char **argv);
void help_user(void);
int cmd_audit(int argc, char **argv);
void help_audit(void);
int cmd_backup(int argc, char **argv);
void help_backup(void);
int cmd_restore(int argc, char **argv);
void help_restore(void);
int cmd_serve(int argc, char **argv);
void help_serve(void);
int cmd_demo(int argc, char **argv);
void help_demo(void);
int cmd_parameters(int argc, char **argv);
void help_parameters(void);
/* The compiled parameter tables merged with the rows stored in the
 * database at url (cmd_param.c); 0, or the exit status after printing
 * the reason. *p is initialised here: params_release(). */
struct params;
int cli_params_db(const char *url, struct params *p);

#endif /* SPOOR_CLI_H */

/*
 * cli.h - shared pieces of the `spoor` command line.
 *
 * Exit status (architecture §5): 0 success, 1 a check found problems,
 * 2 bad input or usage, with one line "spoor: <what is wrong>" on stderr.
 */
#ifndef SPOOR_CLI_H
#define SPOOR_CLI_H

#include "../core/date.h"

enum { EXIT_OK = 0, EXIT_BEVINDINGEN = 1, EXIT_INVOER = 2 };

/* Print "spoor: <message>" to stderr and return EXIT_INVOER. */
int cli_fout(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse a --peildatum style argument; on error prints and returns 2. */
int cli_datum(const char *optie, const char *arg, sdate *out);

/* Today's date in local time. */
sdate cli_vandaag(void);

int cmd_tijdlijn(int argc, char **argv);
void help_tijdlijn(void);

#endif /* SPOOR_CLI_H */

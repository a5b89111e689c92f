/*
 * cmd_backup.c - spoor backup and spoor restore, SQLite and PostgreSQL
 * (docs/store.md, "Backup, restore and upgrade").
 *
 * Both publish only a whole, checked result: a backup is written to a
 * temporary file next to its target and linked into place at the end
 * (link() refuses an existing name, so no backup ever overwrites one);
 * an SQLite restore is copied, checked and migrated in a temporary file
 * and renamed over the target. PostgreSQL goes through pg_dump and
 * pg_restore, started without a shell; the password reaches them in
 * their environment (PGPASSWORD), never on their command line.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "store/migrate.h"
#include "store/store.h"

extern char **environ;

static int
is_pg(const char *url)
{
	return !strncmp(url, "postgresql://", 13) ||
	       !strncmp(url, "postgres://", 11);
}

/* The Dutch reason for errno e (strerror is neither Dutch nor
 * thread-safe). */
static const char *
oorzaak(int e, char buf[128])
{
	switch (e) {
	case ENOENT:
		return "map of bestand bestaat niet";
	case EACCES:
	case EPERM:
		return "geen toegang";
	case ENOSPC:
		return "schijf vol";
	case EROFS:
		return "alleen-lezen bestandssysteem";
	case EEXIST:
		return "bestaat al";
	case ENAMETOOLONG:
		return "pad te lang";
	case ENOTDIR:
		return "een deel van het pad is geen map";
	case EISDIR:
		return "is een map";
	default:
		if (strerror_r(e, buf, 128) != 0)
			snprintf(buf, 128, "fout %d", e);
		return buf;
	}
}

/* Create an empty file (mode 0600: a backup holds personal data) next
 * to doel, named after it; its path goes into pad. */
static int
tijdelijk(const char *doel, char *pad, size_t n)
{
	const char *slash = strrchr(doel, '/');
	int fd, k;

	if (slash)
		k = snprintf(pad, n, "%.*s/.%s.tmp-XXXXXX",
			     (int)(slash - doel), doel, slash + 1);
	else
		k = snprintf(pad, n, ".%s.tmp-XXXXXX", doel);
	if (k < 0 || (size_t)k >= n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(pad)) < 0)
		return -1;
	return close(fd);
}

/* fsync a file, or with map its directory (a rename is durable only
 * once the directory is). */
static int
sync_pad(const char *pad, int map)
{
	char d[4096];
	const char *slash = strrchr(pad, '/');
	int fd, rc;

	if (map) {
		if (!slash)
			snprintf(d, sizeof(d), ".");
		else if (slash == pad)
			snprintf(d, sizeof(d), "/");
		else
			snprintf(d, sizeof(d), "%.*s", (int)(slash - pad), pad);
		pad = d;
	}
	fd = open(pad, O_RDONLY | O_CLOEXEC | (map ? O_DIRECTORY : 0));
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The environment of a child: ours, with PGPASSWORD set to wachtwoord
 * when given. The caller frees the array and *pwvar. */
static char **
omgeving(const char *wachtwoord, char **pwvar)
{
	size_t n = 0, i, j = 0;
	char **env;

	while (environ[n])
		n++;
	env = calloc(n + 2, sizeof(*env));
	if (!env)
		return NULL;
	*pwvar = NULL;
	for (i = 0; i < n; i++)
		if (!wachtwoord || strncmp(environ[i], "PGPASSWORD=", 11) != 0)
			env[j++] = environ[i];
	if (wachtwoord) {
		size_t l = strlen(wachtwoord) + 12;

		if (!(*pwvar = malloc(l))) {
			free(env);
			return NULL;
		}
		snprintf(*pwvar, l, "PGPASSWORD=%s", wachtwoord);
		env[j++] = *pwvar;
	}
	env[j] = NULL;
	return env;
}

/*
 * Run argv[0] (looked up on PATH) with argv, without a shell, stdin from
 * /dev/null. Its stderr is collected; on failure err gets its first line
 * (pg_dump and pg_restore say there what went wrong). Returns 0 when it
 * ran and exited with status 0.
 */
static int
draai(const char *const argv[], const char *wachtwoord, char *err,
      size_t errlen)
{
	posix_spawn_file_actions_t fa;
	char **env = NULL, *pwvar = NULL, buf[2048], eb[128];
	char *const *av;
	size_t len = 0;
	int pijp[2] = {-1, -1}, status = 0, rc = -1, fa_ok = 0, e;
	pid_t pid;
	ssize_t r;

	snprintf(err, errlen, "%s: onvoldoende geheugen", argv[0]);
	if (!(env = omgeving(wachtwoord, &pwvar)))
		goto out;
	if (pipe(pijp)) {
		snprintf(err, errlen, "%s: %s", argv[0], oorzaak(errno, eb));
		goto out;
	}
	if (posix_spawn_file_actions_init(&fa))
		goto out;
	fa_ok = 1;
	if (posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY,
					     0) ||
	    posix_spawn_file_actions_adddup2(&fa, pijp[1], 2) ||
	    posix_spawn_file_actions_addclose(&fa, pijp[0]) ||
	    posix_spawn_file_actions_addclose(&fa, pijp[1]))
		goto out;
	/* posix_spawnp's argv is not const for history's sake only; it
	 * does not write to it */
	memcpy(&av, &argv, sizeof(av));
	e = posix_spawnp(&pid, argv[0], &fa, NULL, av, env);
	if (e) {
		if (e == ENOENT)
			snprintf(err, errlen, "%s niet gevonden: installeer "
				 "postgresql-client", argv[0]);
		else
			snprintf(err, errlen, "%s start niet: %s", argv[0],
				 oorzaak(e, eb));
		goto out;
	}
	close(pijp[1]);
	pijp[1] = -1;
	/* read to the end (the child must not block on a full pipe),
	 * keeping the start */
	for (;;) {
		char weg[512];

		if (len + 1 < sizeof(buf))
			r = read(pijp[0], buf + len, sizeof(buf) - 1 - len);
		else
			r = read(pijp[0], weg, sizeof(weg));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (len + 1 < sizeof(buf))
			len += (size_t)r;
	}
	buf[len] = '\0';
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(err, errlen, "%s: %s", argv[0],
				 oorzaak(errno, eb));
			goto out;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rc = 0;
		goto out;
	}
	buf[strcspn(buf, "\n")] = '\0';
	if (buf[0])
		snprintf(err, errlen, "%.400s", buf);
	else if (WIFEXITED(status))
		snprintf(err, errlen, "%s stopte met afsluitcode %d", argv[0],
			 WEXITSTATUS(status));
	else
		snprintf(err, errlen, "%s gestopt door signaal %d", argv[0],
			 WTERMSIG(status));
out:
	if (fa_ok)
		posix_spawn_file_actions_destroy(&fa);
	if (pijp[0] >= 0)
		close(pijp[0]);
	if (pijp[1] >= 0)
		close(pijp[1]);
	if (pwvar) {
		memset(pwvar, 0, strlen(pwvar));
		free(pwvar);
	}
	free(env);
	return rc;
}

/* The table a "COPY schema.table (...) FROM stdin;" line fills. */
static int
copy_van(const char *regel, const char *tabel)
{
	const char *p, *eind;
	size_t l = strlen(tabel);

	if (strncmp(regel, "COPY ", 5) != 0)
		return 0;
	p = regel + 5;
	eind = p + strcspn(p, " (");
	/* the last dot before the name separates the schema */
	for (regel = eind; regel > p && regel[-1] != '.'; regel--)
		;
	return (size_t)(eind - regel) == l && !strncmp(regel, tabel, l);
}

/*
 * What a pg_dump archive holds: its schema version (-1 without a
 * schema_versie table: not spoor's) and its number of cases, read from
 * the archive itself with pg_restore (which also proves it readable).
 */
static int
dump_inhoud(const char *dump, int *versie, long long *dossiers, char *err,
	    size_t errlen)
{
	char tmp[4096], *regel = NULL, eb[128];
	const char *argv[] = {"pg_restore", "--data-only", "-t",
			      "schema_versie", "-t", "dossier", "-f", tmp,
			      dump, NULL};
	size_t cap = 0;
	int fd, in = 0, v = -1, rc = -1;
	long long n = 0;
	FILE *fp = NULL;
	const char *t = getenv("TMPDIR"); /* NOLINT(concurrency-mt-unsafe): single-threaded command */

	/* only ids and numbers pass through this file */
	snprintf(tmp, sizeof(tmp), "%s/spoor-dump-XXXXXX",
		 t && *t ? t : "/tmp");
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errlen, "tijdelijk bestand: %s", oorzaak(errno, eb));
		return -1;
	}
	close(fd);
	if (draai(argv, NULL, err, errlen))
		goto out;
	if (!(fp = fopen(tmp, "r"))) {
		snprintf(err, errlen, "%.300s: %.100s", tmp, oorzaak(errno, eb));
		goto out;
	}
	while (getline(&regel, &cap, fp) > 0) {
		regel[strcspn(regel, "\n")] = '\0';
		if (in) {
			if (!strcmp(regel, "\\."))
				in = 0;
			else if (in == 1 && strtol(regel, NULL, 10) > v)
				v = (int)strtol(regel, NULL, 10);
			else if (in == 2)
				n++;
		} else if (copy_van(regel, "schema_versie")) {
			in = 1;
			if (v < 0)
				v = 0;
		} else if (copy_van(regel, "dossier")) {
			in = 2;
		}
	}
	*versie = v;
	*dossiers = n;
	rc = 0;
out:
	if (fp)
		fclose(fp);
	free(regel);
	unlink(tmp);
	return rc;
}

/* --- backup ------------------------------------------------------ */

void
help_backup(void)
{
	fputs("gebruik: spoor backup [--db URL] DOEL\n\n"
	      "Maakt een consistente backup terwijl de server gewoon draait.\n"
	      "SQLite: een kopie van de database (VACUUM INTO), zelf weer een\n"
	      "SQLite-bestand. PostgreSQL (--db postgresql://...): pg_dump in\n"
	      "het eigen formaat (-Fc, zonder eigenaren); het wachtwoord gaat\n"
	      "via de omgeving naar pg_dump, nooit op de opdrachtregel.\n"
	      "DOEL mag nog niet bestaan. spoor schrijft eerst een tijdelijk\n"
	      "bestand naast DOEL en geeft het pas aan het eind die naam: een\n"
	      "mislukte backup laat geen half bestand achter. Het bestand is\n"
	      "alleen voor de eigenaar leesbaar (0600).\n"
	      "Afgedrukt: grootte, schemaversie en aantal dossiers.\n"
	      "Terugzetten: spoor restore (spoor help restore).\n\n"
	      "Afsluitcode: 0 geschreven; 2 fout (DOEL bestaat, pg_dump\n"
	      "mislukt, ...); 3 database van een nieuwere spoor.\n", stdout);
}

int
cmd_backup(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_OPTIE_DB, CLI_OPTIE_HELP, CLI_OPTIE_EINDE,
	};
	const char *db = NULL, *doel = NULL, *url;
	char tmp[4096] = "", err[512], eb[128], *conninfo = NULL, *pw = NULL;
	struct db *h = NULL;
	struct db_param p;
	struct stat st;
	long long dossiers = 0;
	int64_t tabellen;
	int c, versie = -1, out = EXIT_INVOER;

	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		if (c == CLI_OPT_DB) {
			db = optarg;
		} else if (c == CLI_OPT_HELP) {
			help_backup();
			return EXIT_OK;
		} else {
			return cli_optie_fout("backup", "onverwacht argument",
					      c, argv);
		}
	}
	if (optind < argc)
		doel = argv[optind++];
	if (optind < argc)
		return cli_fout("backup: onverwacht argument '%s'",
				argv[optind]);
	if (!doel)
		return cli_fout("backup: geef het doelbestand");
	if (access(doel, F_OK) == 0)
		return cli_fout("backup: %s bestaat al; kies een nieuwe naam",
				doel);
	url = cli_db_url(db);
	/* db_open would create a missing SQLite file */
	if (!is_pg(url) && access(url, F_OK) != 0)
		return cli_fout("backup: %s: %s", url, oorzaak(errno, eb));
	if (db_open(url, &h, err, sizeof(err)))
		return cli_fout("backup: %s", err);
	/* any version up to this spoor's, as it is: a backup must still
	 * be possible after a new binary is installed, before it
	 * migrates. A newer one: exit 3, as every database command. */
	if (migrate_bekijk(h, &versie, &tabellen)) {
		cli_fout("backup: %s", db_errmsg(h));
		goto out;
	}
	if (versie < 1) {
		cli_fout("backup: %s is geen database van spoor (voer eerst "
			 "'spoor init' uit)",
			 cli_db_toon(url));
		goto out;
	}
	if (versie > migrate_laatste()) {
		migrate_te_nieuw(versie, err, sizeof(err));
		cli_fout("%s: %s", cli_db_toon(url), err);
		out = EXIT_SCHEMA;
		goto out;
	}
	if (tijdelijk(doel, tmp, sizeof(tmp))) {
		tmp[0] = '\0';
		cli_fout("backup: %s: %s", doel, oorzaak(errno, eb));
		goto out;
	}
	if (!is_pg(url)) {
		/* one read transaction: a consistent snapshot while
		 * writers go on */
		p = db_text(tmp);
		if (db_exec(h, "VACUUM INTO $1", &p, 1, NULL)) {
			cli_fout("backup: %s", db_errmsg(h));
			goto out;
		}
		db_free(h);
		h = NULL;
		/* report what the copy holds, not the live database */
		if (db_open(tmp, &h, err, sizeof(err)) ||
		    migrate_bekijk(h, &versie, &tabellen)) {
			cli_fout("backup: kopie onleesbaar: %s",
				 h ? db_errmsg(h) : err);
			goto out;
		}
		{
			struct db_res r;

			if (db_query(h, "SELECT count(*) FROM dossier", NULL, 0,
				     &r)) {
				cli_fout("backup: kopie: %s", db_errmsg(h));
				goto out;
			}
			dossiers = (long long)db_cel_int(&r, 0, 0);
			db_res_release(&r);
		}
		/* one self-contained file: no -wal or -shm appears when
		 * it is read later, also not on read-only media */
		if (db_script(h, "PRAGMA journal_mode=DELETE")) {
			cli_fout("backup: kopie: %s", db_errmsg(h));
			goto out;
		}
		db_free(h);
		h = NULL;
	} else {
		const char *pa[] = {"pg_dump", "-Fc", "--no-owner", "-w",
				    "-f", tmp, "-d", NULL, NULL};

		db_free(h);
		h = NULL;
		if (db_pg_verbinding(url, &conninfo, &pw, err, sizeof(err))) {
			cli_fout("backup: %s", err);
			goto out;
		}
		pa[7] = conninfo;
		if (draai(pa, pw, err, sizeof(err))) {
			cli_fout("backup: pg_dump mislukt: %s", err);
			goto out;
		}
		if (dump_inhoud(tmp, &versie, &dossiers, err, sizeof(err))) {
			cli_fout("backup: de dump is onleesbaar: %s", err);
			goto out;
		}
	}
	if (sync_pad(tmp, 0) || stat(tmp, &st)) {
		cli_fout("backup: %s: %s", tmp, oorzaak(errno, eb));
		goto out;
	}
	/* link() instead of rename(): a DOEL made meanwhile is kept. A
	 * file system without hard links (vfat, some network shares)
	 * gets the check above once more and a rename. */
	if (link(tmp, doel)) {
		int e = errno;

		if (e == EPERM || e == ENOTSUP) {
			if (access(doel, F_OK) == 0)
				e = EEXIST;
			else if (rename(tmp, doel))
				e = errno;
			else
				e = 0;
			if (!e)
				tmp[0] = '\0';
		}
		if (e) {
			cli_fout("backup: %s: %s", doel,
				 e == EEXIST ? "bestaat al" : oorzaak(e, eb));
			goto out;
		}
	}
	sync_pad(doel, 1);
	printf("backup geschreven: %s (%lld bytes, schemaversie %d, %lld "
	       "dossiers)\n",
	       doel, (long long)st.st_size, versie, dossiers);
	out = EXIT_OK;
out:
	if (tmp[0])
		unlink(tmp);
	if (pw) {
		memset(pw, 0, strlen(pw));
		free(pw);
	}
	free(conninfo);
	db_free(h);
	return out;
}

/* --- restore ----------------------------------------------------- */

void
help_restore(void)
{
	fputs("gebruik: spoor restore [--db URL] [--overschrijf] BRON\n\n"
	      "Zet een backup van spoor backup terug in de database van --db\n"
	      "(zonder --db: $SPOOR_DB, anders spoor.db). Stop spoor serve\n"
	      "eerst.\n\n"
	      "Eerst controleert spoor de backup: een spoor-database, niet\n"
	      "beschadigd (SQLite: integrity_check), geen nieuwere schemaversie\n"
	      "dan deze spoor kent (anders afsluitcode 3) en een intact\n"
	      "auditlog. Daarna voert spoor de migraties uit, zodat een oude\n"
	      "backup in een nieuwere spoor werkt.\n\n"
	      "SQLite: het doel mag niet bestaan of moet leeg zijn; met\n"
	      "--overschrijf vervangt spoor een bestaande database in een keer\n"
	      "(eerst een tijdelijke kopie, dan hernoemd). Is de database nog\n"
	      "in gebruik, dan weigert spoor.\n"
	      "PostgreSQL: BRON is een pg_dump-archief; het doel is een lege\n"
	      "database (createdb). Met --overschrijf ruimt pg_restore eerst de\n"
	      "bestaande objecten op (--clean --if-exists). Alles in een\n"
	      "transactie: bij een fout blijft de database zoals ze was. Het\n"
	      "auditlog is pas na het terugzetten na te rekenen.\n\n"
	      "Afsluitcode: 0 teruggezet en gecontroleerd; 1 auditlog gewijzigd\n"
	      "(SQLite: niets teruggezet; PostgreSQL: wel teruggezet); 2 geen\n"
	      "bruikbare backup, doel niet leeg of andere fout; 3 backup van\n"
	      "een nieuwere spoor.\n",
	      stdout);
}

enum soort_bron { BRON_ONBEKEND, BRON_SQLITE, BRON_PGDUMP };

static enum soort_bron
bron_soort(const char *pad)
{
	char kop[16];
	size_t n;
	FILE *fp = fopen(pad, "rb");

	if (!fp)
		return BRON_ONBEKEND;
	n = fread(kop, 1, sizeof(kop), fp);
	fclose(fp);
	if (n == 16 && !memcmp(kop, "SQLite format 3", 16))
		return BRON_SQLITE;
	if (n >= 5 && !memcmp(kop, "PGDMP", 5))
		return BRON_PGDUMP;
	return BRON_ONBEKEND;
}

/* After migrating: the audit chain verifies (exit 1 otherwise, with the
 * first bad record) and the cases are counted. geplaatst: the data is in
 * the target already (PostgreSQL), which the message then says. */
static int
controleer(const char *url, const char *bron, int geplaatst,
	   long long *dossiers, long long *records)
{
	struct store *s = NULL;
	struct db_res r;
	int64_t n = 0, bad = 0;
	char err[300];
	int rc;

	if (store_open(url, 0, &s, err, sizeof(err)))
		return cli_fout("restore: %s", err);
	rc = store_audit_verify(s, &n, &bad);
	if (rc == ST_ONGELDIG) {
		store_free(s);
		cli_fout("restore: %shet auditlog van %s is GEWIJZIGD: de "
			 "keten breekt bij record %lld",
			 geplaatst ? "teruggezet, maar " : "niets teruggezet: ",
			 bron, (long long)bad);
		return EXIT_BEVINDINGEN;
	}
	if (rc || db_query(s->db, "SELECT count(*) FROM dossier", NULL, 0,
			   &r)) {
		cli_fout("restore: %s", store_errmsg(s));
		store_free(s);
		return EXIT_INVOER;
	}
	*dossiers = (long long)db_cel_int(&r, 0, 0);
	*records = (long long)n;
	db_res_release(&r);
	store_free(s);
	return EXIT_OK;
}

static void
meld(const char *doel, int van, int naar, long long dossiers,
     long long records)
{
	if (van == naar)
		printf("teruggezet: %s (schemaversie %d, %lld dossiers, "
		       "auditlog intact: %lld records)\n",
		       doel, naar, dossiers, records);
	else
		printf("teruggezet: %s (schemaversie %d -> %d, %lld dossiers, "
		       "auditlog intact: %lld records)\n",
		       doel, van, naar, dossiers, records);
}

/* Whether path-suffix exists. */
static int
bestaat_met(const char *pad, const char *suffix)
{
	char p[4200];

	snprintf(p, sizeof(p), "%s%s", pad, suffix);
	return access(p, F_OK) == 0;
}

static int
restore_sqlite(const char *bron, const char *doel, int overschrijf)
{
	char tmp[4096] = "", err[512], eb[128];
	struct db *h = NULL;
	struct db_res r;
	struct stat st;
	long long dossiers = 0, records = 0;
	int64_t tabellen;
	int bestaat, v, van = 0, naar = 0, rc, out = EXIT_INVOER;

	bestaat = stat(doel, &st) == 0;
	if (bestaat && st.st_size > 0 && !overschrijf)
		return cli_fout("restore: %s bestaat al en is niet leeg: kies "
				"een nieuw pad of gebruik --overschrijf",
				doel);
	/* a journal without its database would be replayed into the
	 * restored one */
	if (!bestaat && (bestaat_met(doel, "-wal") ||
			 bestaat_met(doel, "-journal")))
		return cli_fout("restore: bij %s hoort nog een los "
				"journaalbestand (-wal of -journal): "
				"verwijder het eerst",
				doel);
	if (tijdelijk(doel, tmp, sizeof(tmp))) {
		tmp[0] = '\0';
		cli_fout("restore: %s: %s", doel, oorzaak(errno, eb));
		goto out;
	}
	if (db_sqlite_kopie(bron, tmp, err, sizeof(err))) {
		cli_fout("restore: %s is geen bruikbare SQLite-database: %s",
			 bron, err);
		goto out;
	}
	if (db_open(tmp, &h, err, sizeof(err))) {
		cli_fout("restore: %s: %s", bron, err);
		goto out;
	}
	if (db_query(h, "PRAGMA integrity_check", NULL, 0, &r)) {
		cli_fout("restore: %s: %s", bron, db_errmsg(h));
		goto out;
	}
	rc = !db_cel(&r, 0, 0) || strcmp(db_cel(&r, 0, 0), "ok") != 0;
	if (rc)
		cli_fout("restore: %s is beschadigd (integrity_check: %s)",
			 bron, db_cel(&r, 0, 0) ? db_cel(&r, 0, 0) : "?");
	db_res_release(&r);
	if (rc)
		goto out;
	if (migrate_bekijk(h, &v, &tabellen)) {
		cli_fout("restore: %s: %s", bron, db_errmsg(h));
		goto out;
	}
	if (v < 0) {
		cli_fout("restore: %s is geen database van spoor (geen "
			 "schema_versie)",
			 bron);
		goto out;
	}
	if (v > migrate_laatste()) {
		migrate_te_nieuw(v, err, sizeof(err));
		cli_fout("restore: %s: %s", bron, err);
		out = EXIT_SCHEMA;
		goto out;
	}
	if (migrate_run(h, &van, &naar)) {
		cli_fout("restore: %s: %s", bron, db_errmsg(h));
		goto out;
	}
	db_free(h);
	h = NULL;
	if ((rc = controleer(tmp, bron, 0, &dossiers, &records))) {
		out = rc;
		goto out;
	}
	if (bestaat && st.st_size > 0) {
		/* the last connection to close removes the WAL: one that
		 * stays means spoor serve (or another) still uses it */
		if (db_open(doel, &h, err, sizeof(err)) == DB_OK) {
			db_free(h);
			h = NULL;
		}
		if (bestaat_met(doel, "-wal")) {
			cli_fout("restore: %s is in gebruik (stop spoor serve "
				 "eerst)",
				 doel);
			goto out;
		}
	}
	if (sync_pad(tmp, 0) || rename(tmp, doel)) {
		cli_fout("restore: %s: %s", doel, oorzaak(errno, eb));
		goto out;
	}
	tmp[0] = '\0';
	sync_pad(doel, 1);
	meld(doel, van, naar, dossiers, records);
	out = EXIT_OK;
out:
	db_free(h);
	if (tmp[0]) {
		char j[sizeof(tmp) + 8];

		unlink(tmp);
		/* the checks ran on the copy; its journal goes with it */
		snprintf(j, sizeof(j), "%s-wal", tmp);
		unlink(j);
		snprintf(j, sizeof(j), "%s-shm", tmp);
		unlink(j);
	}
	return out;
}

static int
restore_pg(const char *bron, const char *url, int overschrijf)
{
	char err[512], *conninfo = NULL, *pw = NULL;
	const char *pa[] = {"pg_restore", "--no-owner", "--no-privileges",
		      "--exit-on-error", "--single-transaction", "-w",
		      "--clean", "--if-exists", "-d", NULL, NULL, NULL};
	struct db *h = NULL;
	long long dossiers = 0, records = 0;
	int64_t tabellen = 0;
	int v = -1, tv, van = 0, naar = 0, rc, out = EXIT_INVOER;

	if (dump_inhoud(bron, &v, &dossiers, err, sizeof(err))) {
		cli_fout("restore: %s is geen bruikbaar pg_dump-archief: %s",
			 bron, err);
		goto out;
	}
	if (v < 0) {
		cli_fout("restore: %s is geen backup van spoor (geen "
			 "schema_versie)",
			 bron);
		goto out;
	}
	if (v > migrate_laatste()) {
		migrate_te_nieuw(v, err, sizeof(err));
		cli_fout("restore: %s: %s", bron, err);
		out = EXIT_SCHEMA;
		goto out;
	}
	if (db_open(url, &h, err, sizeof(err))) {
		cli_fout("restore: %s", err);
		goto out;
	}
	if (migrate_bekijk(h, &tv, &tabellen)) {
		cli_fout("restore: %s", db_errmsg(h));
		goto out;
	}
	db_free(h);
	h = NULL;
	if (tabellen > 0 && !overschrijf) {
		cli_fout("restore: de database bevat al %lld tabellen: zet "
			 "terug in een lege database (createdb) of gebruik "
			 "--overschrijf",
			 (long long)tabellen);
		goto out;
	}
	if (db_pg_verbinding(url, &conninfo, &pw, err, sizeof(err))) {
		cli_fout("restore: %s", err);
		goto out;
	}
	if (overschrijf) {
		pa[9] = conninfo;
		pa[10] = bron;
	} else {
		/* without --clean --if-exists */
		pa[6] = "-d";
		pa[7] = conninfo;
		pa[8] = bron;
		pa[9] = NULL;
	}
	if (draai(pa, pw, err, sizeof(err))) {
		cli_fout("restore: pg_restore mislukt, de database is niet "
			 "gewijzigd: %s",
			 err);
		goto out;
	}
	if (db_open(url, &h, err, sizeof(err))) {
		cli_fout("restore: %s", err);
		goto out;
	}
	/* the archive's schema (public) may lie outside the search path
	 * of --db (options=-csearch_path=...): migrating would then make
	 * a new, empty spoor next to the restored one */
	if (migrate_bekijk(h, &tv, &tabellen) || tv < 0) {
		cli_fout("restore: teruggezet, maar spoor vindt schema_versie "
			 "niet in het zoekpad van --db: laat search_path weg "
			 "of wijs het schema van de backup aan");
		goto out;
	}
	if (migrate_run(h, &van, &naar)) {
		cli_fout("restore: %s", db_errmsg(h));
		goto out;
	}
	db_free(h);
	h = NULL;
	if ((rc = controleer(url, bron, 1, &dossiers, &records))) {
		out = rc;
		goto out;
	}
	meld(cli_db_toon(url), van, naar, dossiers, records);
	out = EXIT_OK;
out:
	db_free(h);
	if (pw) {
		memset(pw, 0, strlen(pw));
		free(pw);
	}
	free(conninfo);
	return out;
}

int
cmd_restore(int argc, char **argv)
{
	const char *db = NULL, *bron = NULL, *url;
	enum { O_OVERSCHRIJF = CLI_OPT_EIGEN };
	static const struct option opts[] = {
		CLI_OPTIE_DB, CLI_OPTIE_HELP,
		{"overschrijf", no_argument, NULL, O_OVERSCHRIJF},
		CLI_OPTIE_EINDE,
	};
	enum soort_bron k;
	int c, overschrijf = 0;

	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			db = optarg;
			break;
		case CLI_OPT_HELP:
			help_restore();
			return EXIT_OK;
		case O_OVERSCHRIJF:
			overschrijf = 1;
			break;
		default:
			return cli_optie_fout("restore", "onverwacht argument",
					      c, argv);
		}
	}
	if (optind < argc)
		bron = argv[optind++];
	if (optind < argc)
		return cli_fout("restore: onverwacht argument '%s'",
				argv[optind]);
	if (!bron)
		return cli_fout("restore: geef het backupbestand");
	if (access(bron, R_OK))
		return cli_fout("restore: %s bestaat niet of is niet leesbaar",
				bron);
	url = cli_db_url(db);
	k = bron_soort(bron);
	if (is_pg(url)) {
		if (k == BRON_SQLITE)
			return cli_fout("restore: %s is een SQLite-backup: zet "
					"die terug met --db PAD",
					bron);
		return restore_pg(bron, url, overschrijf);
	}
	if (k == BRON_PGDUMP)
		return cli_fout("restore: %s is een PostgreSQL-backup "
				"(pg_dump): zet die terug met --db "
				"postgresql://...",
				bron);
	if (k != BRON_SQLITE)
		return cli_fout("restore: %s is geen backup van spoor (geen "
				"SQLite-database of pg_dump-archief)",
				bron);
	return restore_sqlite(bron, url, overschrijf);
}

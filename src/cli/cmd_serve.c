/*
 * cmd_serve.c - `spoor serve` (the HTTP server) and `spoor demo` (a
 * database full of realistic cases and one user per role).
 */
#include <jansson.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <sys/resource.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "lib/num.h"
#include "server/api.h"
#include "server/auth.h"
#include "server/conf.h"
#include "server/http.h"
#include "server/ops.h"
#include "server/totp.h"
#include "store/store.h"

/* SPOOR_AUTH_KOSTEN=test: the minimum argon2id cost, for test suites
 * and demo databases that are thrown away. */
static enum auth_kosten
kosten(void)
{
	const char *e = getenv("SPOOR_AUTH_KOSTEN"); /* NOLINT(concurrency-mt-unsafe): read before threads start */

	return e && !strcmp(e, "test") ? AUTH_KOSTEN_TEST : AUTH_KOSTEN_NORMAAL;
}

void
help_serve(void)
{
	fputs("gebruik: spoor serve [--config BESTAND] [--db URL]\n"
	      "                   [--listen ADRES:POORT]... [--threads N]\n"
	      "                   [--geen-requestlog]\n\n"
	      "Start de webserver (standaard 127.0.0.1:8080) op de database.\n"
	      "De database moet met 'spoor init' zijn aangemaakt. Stoppen met\n"
	      "Ctrl-C (SIGINT) of SIGTERM.\n\n"
	      "Instellingen komen uit --config, anders uit $SPOOR_CONFIG, anders\n"
	      "uit " CONF_STANDAARD_PAD " als dat bestaat (zie\n"
	      "docs/configuration.md: database, adressen, TLS, proxy, sessies).\n"
	      "Opties op de opdrachtregel gaan voor het bestand; --listen mag\n"
	      "vaker ([::1]:8080 voor IPv6).\n\n"
	      "Elke aanvraag geeft een regel op stderr (logfmt: tijd, id, route,\n"
	      "status, duur, bytes; geen persoonsgegevens); --geen-requestlog\n"
	      "zet dat uit.\n", stdout);
}

/* What the command line gave; NULL or 0: not given. */
struct serve_opties {
	const char *db;
	const char *config;
	const char *listen[CONF_MAX_LISTEN];
	size_t nlisten;
	unsigned threads;
	int geen_requestlog;
};

/* -1: go on; otherwise the exit status (--help, a bad option). */
static int
lees_opties(int argc, char **argv, struct serve_opties *o)
{
	enum { O_CONFIG = CLI_OPT_EIGEN, O_LISTEN, O_GEEN_LOG, O_THREADS };
	static const struct option opts[] = {
		CLI_OPTIE_DB, CLI_OPTIE_HELP,
		{"config", required_argument, NULL, O_CONFIG},
		{"listen", required_argument, NULL, O_LISTEN},
		{"geen-requestlog", no_argument, NULL, O_GEEN_LOG},
		{"threads", required_argument, NULL, O_THREADS},
		CLI_OPTIE_EINDE,
	};
	int64_t t;
	int c;

	memset(o, 0, sizeof(*o));
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			o->db = optarg;
			break;
		case CLI_OPT_HELP:
			help_serve();
			return EXIT_OK;
		case O_CONFIG:
			o->config = optarg;
			break;
		case O_LISTEN:
			if (o->nlisten == CONF_MAX_LISTEN)
				return cli_fout("--listen: hoogstens %d keer",
						CONF_MAX_LISTEN);
			o->listen[o->nlisten++] = optarg;
			break;
		case O_GEEN_LOG:
			o->geen_requestlog = 1;
			break;
		case O_THREADS:
			if (num_parse_str(optarg, 1, 64, &t, NULL))
				return cli_fout("--threads: 1 tot 64");
			o->threads = (unsigned)t;
			break;
		default:
			return cli_optie_fout("serve", "onbekende optie", c,
					      argv);
		}
	}
	if (optind < argc)
		return cli_fout("serve: onbekende optie '%s'", argv[optind]);
	return -1;
}

/* --config, else $SPOOR_CONFIG, else the standard file if it exists. A
 * file named on purpose must exist. */
static int
laad_conf(const char *expliciet, struct spoor_conf *conf)
{
	const char *env = getenv("SPOOR_CONFIG"); /* NOLINT(concurrency-mt-unsafe): before threads start */
	const char *pad = expliciet ? expliciet
				    : env && *env ? env : CONF_STANDAARD_PAD;
	char err[700];
	int rc = conf_load(pad, conf, err, sizeof(err));

	if (rc == CONF_ONTBREEKT && pad == (const char *)CONF_STANDAARD_PAD)
		return 0;
	if (rc == CONF_NOMEM)
		return cli_fout("onvoldoende geheugen");
	if (rc)
		return cli_fout("%s", err);
	return 0;
}

static int
is_pg(const char *url)
{
	return !strncmp(url, "postgresql://", 13) ||
	       !strncmp(url, "postgres://", 11);
}

/* db_password_file: libpq takes PGPASSWORD for every connection the
 * workers open, so the password never enters the URL, which is printed
 * and may appear in error messages. Set before any thread starts. */
static int
db_wachtwoord(const struct spoor_conf *conf, const char *url)
{
	char err[400], *pw = NULL;
	int rc;

	if (!conf->db_password_file)
		return 0;
	if (!is_pg(url))
		return cli_fout("db_password_file hoort bij een "
				"postgresql://-database, maar de database is "
				"%s; laat db_password_file weg", url);
	if (conf_lees_bestand(conf->db_password_file, 4096, 1, 1, &pw, err,
			      sizeof(err)))
		return cli_fout("db_password_file: %s", err);
	rc = setenv("PGPASSWORD", pw, 1); /* NOLINT(concurrency-mt-unsafe): before threads start */
	sodium_memzero(pw, strlen(pw));
	free(pw);
	return rc ? cli_fout("onvoldoende geheugen") : 0;
}

/* The certificate chain and key of tls_cert and tls_key (PEM), read now
 * so a bad file stops the start with a clear message. */
static int
lees_tls(const struct spoor_conf *conf, char **cert, char **key)
{
	char err[400];

	if (!conf->tls_cert)
		return 0;
	if (!http_tls_beschikbaar())
		return cli_fout("tls_cert: deze libmicrohttpd kan geen TLS "
				"(gebouwd zonder GnuTLS); installeer Debians "
				"libmicrohttpd12 of zet TLS op een reverse proxy "
				"(docs/configuration.md)");
	if (conf_lees_bestand(conf->tls_cert, (size_t)1 << 20, 0, 0, cert,
			      err, sizeof(err)))
		return cli_fout("tls_cert: %s", err);
	if (conf_lees_bestand(conf->tls_key, (size_t)1 << 20, 1, 0, key,
			      err, sizeof(err)))
		return cli_fout("tls_key: %s", err);
	return 0;
}

/* Descriptors kept free of connections: the worker threads' database
 * connections (SQLite: file, WAL and shm; PostgreSQL: one socket), the
 * epoll sets, listening sockets, logs, uploads being written. */
#define FD_RESERVE(threads) (256u + 8u * (threads))

/*
 * Room for *max connections on each of nlisten addresses: the soft
 * RLIMIT_NOFILE (1024 under systemd unless LimitNOFILE= says otherwise)
 * is raised towards the hard one as far as needed; when even the hard
 * limit is too small, *max is lowered to fit it, said on stderr. -1 (with
 * the message) when not even 16 connections fit.
 */
static int
fd_ruimte(unsigned *max, size_t nlisten, unsigned threads)
{
	rlim_t nodig = (rlim_t)*max * nlisten + FD_RESERVE(threads);
	struct rlimit rl;
	rlim_t past;

	if (getrlimit(RLIMIT_NOFILE, &rl))
		return 0; /* unknown: libmicrohttpd refuses what does not fit */
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < nodig) {
		struct rlimit nw = rl;

		nw.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > nodig
				      ? nodig
				      : rl.rlim_max;
		if (!setrlimit(RLIMIT_NOFILE, &nw))
			rl = nw;
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= nodig)
		return 0;
	past = rl.rlim_cur > FD_RESERVE(threads)
		       ? (rl.rlim_cur - FD_RESERVE(threads)) / nlisten
		       : 0;
	if (past < 16)
		return cli_fout("max_verbindingen: de bestandslimiet "
				"(RLIMIT_NOFILE) is %llu, te weinig voor 16 "
				"verbindingen; verhoog LimitNOFILE= in de "
				"service of ulimit -n",
				(unsigned long long)rl.rlim_cur);
	fprintf(stderr, "spoor serve: max_verbindingen %u verlaagd tot %llu: "
		"de bestandslimiet (RLIMIT_NOFILE) is %llu; verhoog "
		"LimitNOFILE= in de service of ulimit -n\n", *max,
		(unsigned long long)past, (unsigned long long)rl.rlim_cur);
	*max = (unsigned)past;
	return 0;
}

/* The key of tweede_factor_sleutel (totp.h): 64 hex digits on the first
 * line of a file the others may not read. */
static int
lees_totp_sleutel(const char *pad, uint8_t sleutel[TOTP_SLEUTEL_LEN])
{
	char err[400], *t = NULL;
	int rc = 0;

	if (conf_lees_bestand(pad, 4096, 1, 1, &t, err, sizeof(err)))
		return cli_fout("tweede_factor_sleutel: %s", err);
	if (totp_sleutel_lees(t, sleutel))
		rc = cli_fout("tweede_factor_sleutel: %s bevat geen sleutel "
			      "van 64 hexadecimale tekens; maak er een met "
			      "openssl rand -hex 32 (docs/configuration.md)",
			      pad);
	sodium_memzero(t, strlen(t));
	free(t);
	return rc;
}

int
cmd_serve(int argc, char **argv)
{
	struct serve_opties o;
	struct spoor_conf conf;
	const char *const standaard_listen[] = {"127.0.0.1:8080"};
	const char *const *listen;
	char adres[CONF_MAX_LISTEN][64], *cert = NULL, *key = NULL;
	uint8_t totp_sleutel[TOTP_SLEUTEL_LEN];
	uint16_t poort[CONF_MAX_LISTEN];
	struct http_config c;
	struct http_server *srv[CONF_MAX_LISTEN];
	struct store *s = NULL;
	struct api a;
	struct api_warmer *warm = NULL;
	sigset_t stop;
	size_t nlisten, nsrv = 0, i;
	int rc;

	if ((rc = lees_opties(argc, argv, &o)) >= 0)
		return rc;
	conf_init(&conf);
	memset(&a, 0, sizeof(a));
	if ((rc = laad_conf(o.config, &conf)))
		goto out;
	/* the command line wins over the file, the file over the
	 * defaults ($SPOOR_DB, then spoor.db for the database) */
	if (o.nlisten) {
		listen = o.listen;
		nlisten = o.nlisten;
	} else if (conf.nlisten) {
		listen = (const char *const *)conf.listen;
		nlisten = conf.nlisten;
	} else {
		listen = standaard_listen;
		nlisten = 1;
	}
	for (i = 0; i < nlisten; i++)
		if (conf_listen_split(listen[i], adres[i], sizeof(adres[i]),
				      &poort[i])) {
			rc = cli_fout("listen: verwacht ADRES:POORT of "
				      "[IPv6-ADRES]:POORT, kreeg '%s'",
				      listen[i]);
			goto out;
		}
	if (!o.db)
		o.db = conf.db;
	a.db_url = cli_db_url(o.db);
	if ((rc = db_wachtwoord(&conf, a.db_url)) ||
	    (rc = lees_tls(&conf, &cert, &key)))
		goto out;
	if (auth_init()) {
		rc = cli_fout("libsodium start niet");
		goto out;
	}
#ifdef __GLIBC__
	/* glibc hands freed memory of the worker threads' arenas back with
	 * madvise as soon as 128 KiB lie free; every such call flushes the
	 * TLB of all cores, and under load that put the p99 latency of a
	 * cached GET at 60-100 ms (docs/performance.md). Keep up to 64 MiB,
	 * and serve blocks below 4 MiB from the heap. */
	/* before any thread starts */
	mallopt(M_TRIM_THRESHOLD, 64 << 20); /* NOLINT(concurrency-mt-unsafe) */
	mallopt(M_MMAP_THRESHOLD, 4 << 20);  /* NOLINT(concurrency-mt-unsafe) */
#endif
	a.kosten = kosten();
	a.sessie_duur = conf.session_lifetime;
	a.sessie_idle = conf.session_idle;
	a.tweede_factor = conf.tweede_factor_verplicht;
	if (conf.tweede_factor_sleutel) {
		if ((rc = lees_totp_sleutel(conf.tweede_factor_sleutel,
					    totp_sleutel)))
			goto out;
		a.totp_sleutel = totp_sleutel;
	}
	/* fail early, in the foreground, on a missing database or one of
	 * a newer spoor (exit 3); an older one is upgraded here, so a new
	 * binary migrates on its first start (docs/store.md) */
	if ((rc = cli_store_open(a.db_url, 2, &s)))
		goto out;
	store_free(s);
	if (auth_limiet_new(AUTH_LIMIET_POGINGEN, &a.limiet) ||
	    auth_limiet_new(AUTH_LIMIET_IP_POGINGEN, &a.limiet_ip)) {
		rc = cli_fout("onvoldoende geheugen");
		goto out;
	}
	/* SIGINT and SIGTERM are blocked before any thread starts, so every
	 * thread inherits the mask and only sigwait below receives them. With
	 * pause() a signal delivered to a worker thread left the main thread
	 * waiting for ever (the CI hang of stop 8). */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	{
		char err[300];

		if (auditq_start(a.db_url, &a.auditq, err, sizeof(err))) {
			rc = cli_fout("%s", err);
			goto out;
		}
		/* SQLite's writers queue for one lock: appends share a
		 * commit (app/schrijfq.h); PostgreSQL runs them side by
		 * side */
		if (strncmp(a.db_url, "postgres", 8) != 0 &&
		    schrijfq_start(a.db_url, &a.schrijfq, err, sizeof(err))) {
			rc = cli_fout("%s", err);
			goto out;
		}
	}
	/* 64k cases' summaries and 64 MiB of computed documents */
	if (gcache_new(65536, (size_t)64 << 20, &a.cache) ||
	    ops_new(api_routes, api_nroutes, &a.ops)) {
		rc = cli_fout("onvoldoende geheugen");
		goto out;
	}
	ops_set_requestlog(a.ops, conf.request_log && !o.geen_requestlog
					  ? STDERR_FILENO : -1);
	if (conf.metrics_allow) {
		char err[300];

		if (ops_set_metrics_allow(a.ops, conf.metrics_allow, err,
					  sizeof(err))) {
			rc = cli_fout("metrics_allow: %s", err);
			goto out;
		}
	}
	memset(&c, 0, sizeof(c));
	c.threads = o.threads ? o.threads : conf.threads ? conf.threads : 2;
	c.max_upload = conf.upload_max;
	/* behind a trusted proxy every connection comes from the proxy:
	 * no per-address limit unless the file asks for one */
	c.max_per_ip = conf.max_per_adres_gezet || !conf.trusted_proxy.n
			       ? conf.max_per_adres : 0;
	c.max_verbindingen = conf.max_verbindingen;
	if (fd_ruimte(&c.max_verbindingen, nlisten, c.threads)) {
		rc = EXIT_INVOER;
		goto out;
	}
	c.vooraf = api_vooraf;
	/* argon2id checks of logins: all worker threads but one, so
	 * a login flood leaves one for everything else */
	auth_poort_init(&a.argon, c.threads > 1 ? c.threads - 1 : 1);
	c.tls_cert = cert;
	c.tls_key = key;
	c.hsts_max_age = conf.hsts_max_age;
	c.proxies = conf.trusted_proxy;
	c.routes = api_routes;
	c.nroutes = api_nroutes;
	c.app = &a;
	c.thread_init = api_thread_init;
	c.thread_free = api_thread_free;
	c.ops = a.ops;
	for (nsrv = 0; nsrv < nlisten; nsrv++) {
		c.adres = adres[nsrv];
		c.poort = poort[nsrv];
		if (http_start(&c, &srv[nsrv])) {
			rc = cli_fout("serve: kan niet luisteren op %s%s",
				      listen[nsrv], cert
				      ? " (of tls_cert en tls_key horen niet "
					"bij elkaar)" : "");
			goto out;
		}
	}
	/* a server without the warm-up is slower only on first views */
	if (api_warmer_start(&a, &warm))
		fprintf(stderr, "spoor serve: opwarmen start niet\n");
	for (i = 0; i < nsrv; i++) {
		int v6 = strchr(adres[i], ':') != NULL;

		printf("spoor luistert op %s://%s%s%s:%u/ (database %s)\n",
		       cert ? "https" : "http", v6 ? "[" : "", adres[i],
		       v6 ? "]" : "", (unsigned)http_poort(srv[i]),
		       cli_db_toon(a.db_url));
	}
	fflush(stdout);
	for (;;) {
		int sig;

		if (sigwait(&stop, &sig) == 0)
			break;
	}
	rc = EXIT_OK;
out:
	api_warmer_stop(warm);
	for (i = 0; i < nsrv; i++)
		http_stop(srv[i]);
	/* after the workers: every queued read record is stored */
	schrijfq_stop(a.schrijfq);
	auditq_stop(a.auditq);
	ops_free(a.ops);
	gcache_free(a.cache);
	auth_limiet_free(a.limiet);
	auth_limiet_free(a.limiet_ip);
	if (key) {
		sodium_memzero(key, strlen(key));
		free(key);
	}
	free(cert);
	sodium_memzero(totp_sleutel, sizeof(totp_sleutel));
	conf_release(&conf);
	return rc;
}

/* --- demo -------------------------------------------------------- */

void
help_demo(void)
{
	fputs("gebruik: spoor demo [--db URL] [--wachtwoord W]\n\n"
	      "Maakt (zo nodig) de database aan en vult haar met demodata: vier\n"
	      "werkgevers, 30 verzuimdossiers in elke fase (week 2 tot 104, een\n"
	      "met loonsanctie, een in het tweede spoor, een hersteld) en een\n"
	      "gebruiker per rol, met de rolnaam als gebruikersnaam. Zonder\n"
	      "--wachtwoord kiest spoor er een en drukt het af.\n", stdout);
}

static const char *const werkgevers[][2] = {
	{"WG-1", "Bakkerij de Korenschoof B.V."},
	{"WG-2", "Installatiebedrijf Van Dijk & Zn."},
	{"WG-3", "Zorggroep Het Baken"},
	{"WG-4", "Transport Noord B.V."},
};

static const char *const namen[] = {
	"S. de Vries", "M. Jansen", "A. Bakker", "R. Visser", "J. Smit",
	"K. Meijer", "L. de Boer", "P. Mulder", "H. de Groot", "E. Bos",
	"F. Vos", "N. Peters", "T. Hendriks", "W. van Leeuwen", "B. Dekker",
	"C. Brouwer", "D. de Wit", "G. Dijkstra", "I. Smits", "O. de Graaf",
	"Y. van der Meer", "Z. van der Linden", "Q. Kok", "U. Jacobs",
	"V. de Haan", "X. Vermeulen", "A. van den Heuvel", "M. van der Veen",
	"S. van den Broek", "R. de Bruijn",
};
#define NDEMO ((int)(sizeof(namen) / sizeof(namen[0])))

static json_t *
jdatum(sdate d)
{
	char b[DATE_STRLEN];

	date_format(d, b);
	return json_string(b);
}

static void
gb(json_t *a, const char *soort, sdate d, sdate vandaag)
{
	json_t *o;

	if (d > vandaag)
		return;
	o = json_object();
	json_object_set_new(o, "soort", json_string(soort));
	json_object_set_new(o, "datum", jdatum(d));
	json_array_append_new(a, o);
}

/* Case i: sick since week weken[i] before today, with what a careful
 * (or, for some, a careless) employer would have recorded by now. */
static json_t *
demo_dossier(int i, sdate vandaag, const char **wg_out)
{
	static const int weken[NDEMO] = {2, 4, 6, 7, 9, 12, 15, 18, 22, 26,
					 30, 34, 38, 41, 44, 47, 50, 53, 56,
					 60, 65, 70, 75, 80, 86, 91, 93, 97,
					 101, 104};
	json_t *d = json_object(), *o, *a, *g;
	sdate ziek = vandaag - 7 * weken[i] + 3;
	char id[32], wn[32];
	const char *const *w = werkgevers[i % 4];
	int careless = i % 7 == 3;

	snprintf(id, sizeof(id), "D-DEMO-%03d", i + 1);
	snprintf(wn, sizeof(wn), "WN-%03d", i + 1);
	*wg_out = w[0];
	json_object_set_new(d, "formaat", json_string("spoor-dossier/1"));
	json_object_set_new(d, "dossier_id", json_string(id));
	o = json_object();
	json_object_set_new(o, "id", json_string(w[0]));
	json_object_set_new(o, "naam", json_string(w[1]));
	json_object_set_new(o, "eigenrisicodrager_wga", json_boolean(i % 4 == 2));
	json_object_set_new(d, "werkgever", o);
	o = json_object();
	json_object_set_new(o, "id", json_string(wn));
	json_object_set_new(o, "naam", json_string(namen[i]));
	json_object_set_new(d, "werknemer", o);
	o = json_object();
	json_object_set_new(o, "begindatum", jdatum(ziek - 365 * (3 + i % 9)));
	json_object_set_new(o, "einddatum", json_null());
	json_object_set_new(o, "soort", json_string("onbepaalde_tijd"));
	json_object_set_new(o, "functie", json_string(
		i % 4 == 0 ? "Broodbakker" : i % 4 == 1 ? "Monteur"
		: i % 4 == 2 ? "Verzorgende IG" : "Chauffeur"));
	json_object_set_new(o, "uren_per_week", json_integer(24 + (i % 4) * 4));
	json_object_set_new(o, "maandloon_cent",
			    json_integer(260000 + (json_int_t)i * 4250));
	json_object_set_new(d, "dienstverband", o);
	json_object_set_new(d, "vangnet", json_null());
	a = json_array();
	o = json_object();
	json_object_set_new(o, "datum", jdatum(ziek));
	json_object_set_new(o, "soort", json_string("ziek"));
	json_object_set_new(o, "percentage", json_integer(100));
	json_array_append_new(a, o);
	if (i == 9) { /* recovered */
		o = json_object();
		json_object_set_new(o, "datum", jdatum(ziek + 150));
		json_object_set_new(o, "soort", json_string("hersteld"));
		json_array_append_new(a, o);
	} else if (weken[i] > 20 && i % 3 == 0) {
		o = json_object();
		json_object_set_new(o, "datum", jdatum(ziek + 120));
		json_object_set_new(o, "soort", json_string("ziek"));
		json_object_set_new(o, "percentage", json_integer(50));
		json_array_append_new(a, o);
	}
	json_object_set_new(d, "verzuim", a);
	g = json_array();
	gb(g, "verzuimmelding_arbodienst", ziek + 3, vandaag);
	if (!careless || weken[i] < 12) {
		gb(g, "probleemanalyse", ziek + 38, vandaag);
		if (json_array_size(g) == 2)
			json_object_set_new(json_array_get(g, 1),
					    "benutbare_mogelijkheden",
					    json_true());
		if (ziek + 52 <= vandaag) {
			o = json_object();
			json_object_set_new(o, "soort", json_string("plan_van_aanpak"));
			json_object_set_new(o, "datum", jdatum(ziek + 52));
			json_object_set_new(o, "casemanager", json_string("M. Bakker"));
			json_array_append_new(g, o);
		}
	}
	{
		sdate e;

		for (e = ziek + 52 + 42; e < vandaag && e < ziek + 52 + 42 * 15;
		     e += 42)
			if (!careless)
				gb(g, "evaluatie", e, vandaag);
	}
	if (!careless || weken[i] < 45)
		gb(g, "melding_42e_week", ziek + 7 * 42 - 5, vandaag);
	/* a medical entry by the bedrijfsarts that the employer never sees */
	if (ziek + 30 <= vandaag) {
		o = json_object();
		json_object_set_new(o, "soort", json_string("contact"));
		json_object_set_new(o, "datum", jdatum(ziek + 30));
		json_object_set_new(o, "zichtbaarheid", json_string("medisch"));
		json_object_set_new(o, "tekst", json_string(
			"Spreekuur bedrijfsarts: herstel verloopt trager dan "
			"verwacht; fysiotherapie gestart."));
		json_array_append(g, o);
		json_decref(o);
	}
	if (weken[i] >= 50 && ziek + 7 * 48 <= vandaag) {
		o = json_object();
		json_object_set_new(o, "soort", json_string("eerstejaarsevaluatie"));
		json_object_set_new(o, "datum", jdatum(ziek + 7 * 48));
		json_object_set_new(o, "terugkeer_binnen_3_maanden",
				    json_boolean(i % 2));
		json_array_append_new(g, o);
	}
	if (weken[i] >= 50 && i % 2 == 0 && ziek + 7 * 50 <= vandaag) {
		o = json_object();
		json_object_set_new(o, "soort", json_string("start_tweede_spoor"));
		json_object_set_new(o, "datum", jdatum(ziek + 7 * 50));
		json_object_set_new(o, "aanbieder", json_string("Re-integratiebureau Noord"));
		json_array_append_new(g, o);
		o = json_object();
		json_object_set_new(o, "soort", json_string("activiteit"));
		json_object_set_new(o, "datum", jdatum(ziek + 7 * 52));
		json_object_set_new(o, "module", json_string("loopbaanorientatie"));
		json_object_set_new(o, "zichtbaarheid", json_string("vertrouwelijk"));
		json_object_set_new(o, "tekst", json_string(
			"Loopbaangesprek: interesse in planning en logistiek."));
		json_array_append_new(g, o);
	}
	if (i == 27) { /* the loonsanctie case */
		gb(g, "re_integratieverslag", ziek + 7 * 91, vandaag);
		gb(g, "wia_aanvraag", ziek + 7 * 91, vandaag);
		gb(g, "loonsanctie", ziek + 7 * 96, vandaag);
	}
	json_object_set_new(d, "gebeurtenissen", g);
	return d;
}

int
cmd_demo(int argc, char **argv)
{
	const char *db = NULL, *pw = NULL;
	char gekozen[17], hash[AUTH_HASH_MAX], *txt = NULL;
	struct store *s = NULL;
	enum { O_PW = CLI_OPT_EIGEN };
	static const struct option opts[] = {
		CLI_OPTIE_DB, CLI_OPTIE_HELP,
		{"wachtwoord", required_argument, NULL, O_PW},
		CLI_OPTIE_EINDE,
	};
	struct casefile_fout f;
	sdate vandaag;
	int64_t id, uid[ROL__COUNT];
	int c, i, rc, out = EXIT_INVOER;

	optind = 0;
	while ((c = cli_getopt(argc, argv, opts)) != -1) {
		switch (c) {
		case CLI_OPT_DB:
			db = optarg;
			break;
		case CLI_OPT_HELP:
			help_demo();
			return EXIT_OK;
		case O_PW:
			pw = optarg;
			break;
		default:
			return cli_optie_fout("demo", "onbekende optie", c,
					      argv);
		}
	}
	if (optind < argc)
		return cli_fout("demo: onbekende optie '%s'", argv[optind]);
	if (auth_init())
		return cli_fout("libsodium start niet");
	if (!pw) {
		cli_nieuw_wachtwoord(gekozen);
		pw = gekozen;
	} else if ((rc = auth_wachtwoord_regels(pw, NULL, NULL, NULL))) {
		/* one password for every demo user: no name to look for */
		return cli_fout("--wachtwoord: %s", auth_wachtwoord_uitleg(rc));
	}
	rc = auth_wachtwoord_hash(pw, strlen(pw), kosten(), hash);
	if (rc)
		return cli_fout("--wachtwoord: %s", auth_wachtwoord_uitleg(rc));
	if ((rc = cli_store_open(cli_db_url(db), 1, &s)))
		return rc;
	vandaag = cli_vandaag();
	for (i = 0; i < NDEMO; i++) {
		const char *wg;
		json_t *d = demo_dossier(i, vandaag, &wg);

		txt = json_dumps(d, JSON_COMPACT);
		json_decref(d);
		if (!txt) {
			cli_fout("onvoldoende geheugen");
			goto out;
		}
		rc = store_import(s, txt, strlen(txt), 0, "spoor demo", &id, &f);
		free(txt);
		txt = NULL;
		if (rc == ST_CONFLICT) {
			cli_fout("demo: de database bevat al demodata");
			goto out;
		}
		if (rc) {
			cli_fout("demo: %s: %s", f.pad, rc == ST_ONGELDIG
				 ? f.reden : store_errmsg(s));
			goto out;
		}
	}
	if ((rc = store_begin(s)))
		goto dbfout;
	for (i = 0; i < ROL__COUNT; i++) {
		char naam[64];

		snprintf(naam, sizeof(naam), "Demo %s", rol_naam[i]);
		if ((rc = store_gebruiker_nieuw(s, rol_naam[i], naam, hash,
						&uid[i])))
			goto dbfout;
	}
	/* organisation-wide: casemanager, bedrijfsarts on all employers;
	 * werkgever and leidinggevende on WG-1; per case: the werknemer,
	 * adviseur and loopbaancoach on the second-track case D-DEMO-021
	 * (week 65), and the arbeidsdeskundige on the loonsanctie case */
	for (i = 0; i < 4 && !rc; i++)
		if (!(rc = store_toekenning(s, uid[ROL_CASEMANAGER],
					    ROL_CASEMANAGER, werkgevers[i][0],
					    NULL)))
			rc = store_toekenning(s, uid[ROL_BEDRIJFSARTS],
					     ROL_BEDRIJFSARTS, werkgevers[i][0],
					     NULL);
	if (rc ||
	    store_toekenning(s, uid[ROL_BEHEERDER], ROL_BEHEERDER, NULL,
				   NULL) ||
	    store_toekenning(s, uid[ROL_WERKGEVER], ROL_WERKGEVER, "WG-1",
				   NULL) ||
	    store_toekenning(s, uid[ROL_LEIDINGGEVENDE],
				   ROL_LEIDINGGEVENDE, "WG-1", NULL) ||
	    store_toekenning(s, uid[ROL_WERKNEMER], ROL_WERKNEMER, NULL,
				   "D-DEMO-021") ||
	    store_toekenning(s, uid[ROL_ADVISEUR], ROL_ADVISEUR, NULL,
				   "D-DEMO-021") ||
	    store_toekenning(s, uid[ROL_LOOPBAANCOACH], ROL_LOOPBAANCOACH,
				   NULL, "D-DEMO-021") ||
	    store_toekenning(s, uid[ROL_ARBEIDSDESKUNDIGE],
				   ROL_ARBEIDSDESKUNDIGE, NULL, "D-DEMO-028") ||
	    store_audit(s, 0, "spoor demo", 0, 0, "demodata aanmaken", 0) ||
	    store_commit(s))
		goto dbfout;
	printf("demodatabase %s: %d dossiers, 4 werkgevers\n",
	       cli_db_toon(cli_db_url(db)), NDEMO);
	printf("gebruikers (wachtwoord voor allen: %s):\n", pw);
	for (i = 0; i < ROL__COUNT; i++)
		printf("  %s\n", rol_naam[i]);
	out = EXIT_OK;
	goto out;
dbfout:
	cli_fout("demo: %s", store_errmsg(s));
	store_rollback(s);
out:
	sodium_memzero(gekozen, sizeof(gekozen));
	store_free(s);
	return out;
}

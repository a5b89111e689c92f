/*
 * test_conf.c - the reader of spoor.conf (conf.h): a full file with every
 * key, the defaults, each kind of refusal with its line number, the
 * secrets' file rules, the address lists of http.h that trusted_proxy and
 * metrics_allow use, and random bytes through the parser, which must
 * never crash or leak (the sanitizer and valgrind builds check that).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "server/api_doc.h"
#include "server/conf.h"
#include "server/http.h"

static int
parse(const char *text, struct spoor_conf *c, char *err, size_t n)
{
	err[0] = '\0';
	return conf_parse("spoor.conf", text, strlen(text), c, err, n);
}

static void
alles(void **state)
{
	static const char f[] =
		"# a full file\n"
		"db = postgresql://spoor@db.example.org/spoor   # no password\n"
		"db_password_file = /etc/spoor/db-password\n"
		"listen = 127.0.0.1:8080\n"
		"listen=[::1]:8443\r\n"
		"\n"
		"   threads\t=  4\n"
		"tls_cert = /etc/spoor/tls/fullchain.pem\n"
		"tls_key = /etc/spoor/tls/privkey.pem\n"
		"hsts_max_age = 600\n"
		"trusted_proxy = 127.0.0.1, 10.0.0.2,::1\n"
		"session_lifetime = 12h\n"
		"session_idle = 30m\n"
		"upload_max = 512K\n"
		"smtp_host = mail.example.org\n"
		"smtp_port = 587\n"
		"smtp_from = spoor@example.org\n"
		"metrics_allow = 127.0.0.1, ::1, 192.0.2.7\n"
		"request_log = off\n"
		"max_verbindingen_per_adres = 16\n"
		"max_verbindingen = 4096\n";
	struct spoor_conf c;
	char err[600];

	(void)state;
	conf_init(&c);
	assert_int_equal(parse(f, &c, err, sizeof(err)), CONF_OK);
	assert_string_equal(c.db, "postgresql://spoor@db.example.org/spoor");
	assert_string_equal(c.db_password_file, "/etc/spoor/db-password");
	assert_int_equal(c.nlisten, 2);
	assert_string_equal(c.listen[0], "127.0.0.1:8080");
	assert_string_equal(c.listen[1], "[::1]:8443");
	assert_int_equal(c.threads, 4);
	assert_string_equal(c.tls_cert, "/etc/spoor/tls/fullchain.pem");
	assert_string_equal(c.tls_key, "/etc/spoor/tls/privkey.pem");
	assert_int_equal(c.hsts_max_age, 600);
	assert_int_equal(c.trusted_proxy.n, 3);
	assert_true(http_adressen_bevat(&c.trusted_proxy, "10.0.0.2"));
	assert_true(http_adressen_bevat(&c.trusted_proxy, "::ffff:127.0.0.1"));
	assert_true(http_adressen_bevat(&c.trusted_proxy, "::1"));
	assert_false(http_adressen_bevat(&c.trusted_proxy, "10.0.0.3"));
	assert_int_equal(c.session_lifetime, 12 * 3600);
	assert_int_equal(c.session_idle, 30 * 60);
	assert_int_equal(c.upload_max, 512 * 1024);
	assert_string_equal(c.smtp_host, "mail.example.org");
	assert_int_equal(c.smtp_port, 587);
	assert_string_equal(c.smtp_from, "spoor@example.org");
	assert_string_equal(c.metrics_allow, "127.0.0.1, ::1, 192.0.2.7");
	assert_int_equal(c.request_log, 0);
	assert_int_equal(c.max_per_adres, 16);
	assert_int_equal(c.max_per_adres_gezet, 1);
	assert_int_equal(c.max_verbindingen, 4096);
	assert_string_equal(err, "");
	conf_release(&c);
}

static void
standaard(void **state)
{
	struct spoor_conf c;
	char err[600];

	(void)state;
	conf_init(&c);
	assert_int_equal(parse("# nothing but a comment\n\n  \n", &c, err,
			       sizeof(err)), CONF_OK);
	assert_null(c.db);
	assert_int_equal(c.nlisten, 0);
	assert_int_equal(c.threads, 0);
	assert_null(c.tls_cert);
	assert_int_equal(c.hsts_max_age, 31536000);
	assert_int_equal(c.trusted_proxy.n, 0);
	assert_int_equal(c.session_lifetime, 8 * 3600);
	assert_int_equal(c.session_idle, 30 * 60);
	assert_int_equal(c.upload_max, API_DOC_MAX);
	assert_int_equal(c.smtp_port, 25);
	assert_null(c.metrics_allow);
	assert_int_equal(c.request_log, 1);
	assert_int_equal(c.max_per_adres, CONF_PER_ADRES_STANDAARD);
	assert_int_equal(c.max_per_adres_gezet, 0);
	assert_int_equal(c.max_verbindingen, 2048);
	/* units and their bounds */
	assert_int_equal(parse("session_lifetime = 2d\nsession_idle = 90\n"
			       "upload_max = 1M\n", &c, err, sizeof(err)),
			 CONF_OK);
	assert_int_equal(c.session_lifetime, 2 * 86400);
	assert_int_equal(c.session_idle, 90);
	assert_int_equal(c.upload_max, 1 << 20);
	assert_int_equal(parse("trusted_proxy = none\n", &c, err, sizeof(err)),
			 CONF_OK);
	assert_int_equal(c.trusted_proxy.n, 0);
	conf_release(&c);
}

/* A bad file: CONF_FOUT, the message names the file, the line and the
 * given piece, and the struct keeps its old values. */
static void
fout(const char *text, const char *regel, const char *stuk)
{
	struct spoor_conf c;
	char err[600];

	conf_init(&c);
	assert_int_equal(parse("threads = 3\n", &c, err, sizeof(err)), CONF_OK);
	if (parse(text, &c, err, sizeof(err)) != CONF_FOUT)
		fail_msg("accepted: %s", text);
	if (!strstr(err, regel) || !strstr(err, stuk))
		fail_msg("for %s: message '%s' lacks '%s' or '%s'", text, err,
			 regel, stuk);
	assert_non_null(strstr(err, "spoor.conf"));
	assert_int_equal(c.threads, 3);
	conf_release(&c);
}

static void
fouten(void **state)
{
	(void)state;
	fout("# x\nlissen = 1.2.3.4:80\n", "regel 2:", "onbekende sleutel 'lissen'");
	fout("lissen = 1\n", "regel 1:", "bekend zijn db, db_password_file");
	fout("threads = 2\n\nthreads = 3\n", "regel 3:", "staat er al op regel 1");
	fout("threads\n", "regel 1:", "geen =");
	fout("= 4\n", "regel 1:", "geen sleutel");
	fout("threads =   # none\n", "regel 1:", "threads heeft geen waarde");
	fout("threads = 0\n", "regel 1:", "1 tot en met 64");
	fout("threads = 65\n", "regel 1:", "threads:");
	fout("threads = -1\n", "regel 1:", "'-1'");
	fout("threads = 4x\n", "regel 1:", "'4x'");
	fout("threads = 99999999999999999999999\n", "regel 1:", "geen geheel getal");
	fout("smtp_port = 0\n", "regel 1:", "smtp_port");
	fout("smtp_port = 65536\n", "regel 1:", "smtp_port");
	fout("smtp_from = geen-adres\n", "regel 1:", "geen e-mailadres");
	fout("smtp_host = mail server\n", "regel 1:", "hostnaam");
	fout("hsts_max_age = 63072001\n", "regel 1:", "hsts_max_age");
	fout("session_lifetime = 12x\n", "regel 1:", "s, m, h of d");
	fout("session_lifetime = 1m\n", "regel 1:", "geen duur");
	fout("session_lifetime = 31d\n", "regel 1:", "geen duur");
	fout("session_lifetime = h\n", "regel 1:", "geen duur");
	fout("session_lifetime = 1h\nsession_idle = 2h\n", "regel 2:",
	     "session_idle is langer");
	fout("upload_max = 2G\n", "regel 1:", "K of M");
	fout("max_verbindingen_per_adres = 513\n", "regel 1:",
	     "0 tot en met 512");
	fout("max_verbindingen = 15\n", "regel 1:", "16 tot en met 65536");
	fout("max_verbindingen = 65537\n", "regel 1:", "16 tot en met 65536");
	fout("upload_max = 10\n", "regel 1:", "grootte");
	fout("upload_max = 2048M\n", "regel 1:", "grootte");
	fout("request_log = ja\n", "regel 1:", "on of off");
	fout("listen = 8080\n", "regel 1:", "ADRES:POORT");
	fout("listen = ::1:8080\n", "regel 1:", "[::1]:8080");
	fout("listen = 1.2.3.4:99999\n", "regel 1:", "ADRES:POORT");
	fout("listen = 10.0.0.1:1\nlisten = 10.0.0.1:1\n", "regel 2:",
	     "staat er al");
	fout("listen = localhost:8080\n", "regel 1:", "ADRES:POORT");
	fout("tls_cert = relatief.pem\ntls_key = /k\n", "regel 1:",
	     "absoluut pad");
	fout("# c\ntls_cert = /c.pem\n", "regel 2:", "tls_cert zonder tls_key");
	fout("tls_key = /k.pem\n", "regel 1:", "tls_key zonder tls_cert");
	fout("db = postgresql://spoor:geheim@host/db\n", "regel 1:",
	     "db_password_file");
	fout("trusted_proxy = 127.0.0.1, proxy.lan\n", "regel 1:",
	     "'proxy.lan' is geen IP-adres");
	fout("trusted_proxy = 127.0.0.1,\n", "regel 1:", "komma");
	fout("trusted_proxy = 10.0.0.0/8\n", "regel 1:", "geen IP-adres");
	fout("metrics_allow = ,\n", "regel 1:", "metrics_allow");
	fout("threads = 4\x01\n", "regel 1:", "stuurteken");
}

static void
lange_regel_en_nul(void **state)
{
	struct spoor_conf c;
	char err[600], *t = malloc(5000);

	(void)state;
	assert_non_null(t);
	memcpy(t, "db = /", 6);
	memset(t + 6, 'a', 4500);
	t[4506] = '\0';
	conf_init(&c);
	assert_int_equal(parse(t, &c, err, sizeof(err)), CONF_FOUT);
	assert_non_null(strstr(err, "regel 1: de regel is langer"));
	assert_int_equal(conf_parse("x.conf", "threads = 2\0\n", 13, &c, err,
				    sizeof(err)), CONF_FOUT);
	assert_non_null(strstr(err, "nulteken"));
	/* a small err buffer is cut, never overrun */
	memset(err, 'Z', sizeof(err));
	assert_int_equal(conf_parse("spoor.conf", "x = 1\n", 6, &c, err, 10),
			 CONF_FOUT);
	assert_int_equal(strlen(err), 9);
	assert_int_equal(err[10], 'Z');
	conf_release(&c);
	free(t);
}

static void
bestanden(void **state)
{
	char dir[] = "/tmp/test_conf.XXXXXX", p[300], err[600], *b = NULL;
	struct spoor_conf c;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	conf_init(&c);
	snprintf(p, sizeof(p), "%s/weg.conf", dir);
	assert_int_equal(conf_load(p, &c, err, sizeof(err)), CONF_ONTBREEKT);
	assert_non_null(strstr(err, "bestaat niet"));
	assert_int_equal(conf_load(dir, &c, err, sizeof(err)), CONF_FOUT);
	snprintf(p, sizeof(p), "%s/spoor.conf", dir);
	assert_non_null(f = fopen(p, "w"));
	fputs("threads = 7\nlisten = 0.0.0.0:443\n", f);
	fclose(f);
	assert_int_equal(conf_load(p, &c, err, sizeof(err)), CONF_OK);
	assert_int_equal(c.threads, 7);
	assert_string_equal(c.listen[0], "0.0.0.0:443");
	/* a secret: first line only, never readable by others */
	snprintf(p, sizeof(p), "%s/pw", dir);
	assert_non_null(f = fopen(p, "w"));
	fputs("s3cret wachtwoord\r\nsecond line\n", f);
	fclose(f);
	assert_int_equal(chmod(p, 0644), 0);
	assert_int_equal(conf_lees_bestand(p, 4096, 1, 1, &b, err, sizeof(err)),
			 -1);
	assert_null(b);
	assert_non_null(strstr(err, "chmod"));
	assert_int_equal(chmod(p, 0640), 0);
	assert_int_equal(conf_lees_bestand(p, 4096, 1, 1, &b, err, sizeof(err)),
			 0);
	assert_string_equal(b, "s3cret wachtwoord");
	free(b);
	b = NULL;
	/* whole, not secret, with a size cap */
	assert_int_equal(chmod(p, 0644), 0);
	assert_int_equal(conf_lees_bestand(p, 4096, 0, 0, &b, err, sizeof(err)),
			 0);
	assert_string_equal(b, "s3cret wachtwoord\r\nsecond line\n");
	free(b);
	b = NULL;
	assert_int_equal(conf_lees_bestand(p, 8, 0, 0, &b, err, sizeof(err)),
			 -1);
	assert_null(b);
	unlink(p);
	snprintf(p, sizeof(p), "%s/spoor.conf", dir);
	unlink(p);
	rmdir(dir);
	conf_release(&c);
}

static void
listen_split(void **state)
{
	char a[64];
	uint16_t p = 1;

	(void)state;
	assert_int_equal(conf_listen_split("127.0.0.1:0", a, sizeof(a), &p), 0);
	assert_string_equal(a, "127.0.0.1");
	assert_int_equal(p, 0);
	assert_int_equal(conf_listen_split("[::1]:8080", a, sizeof(a), &p), 0);
	assert_string_equal(a, "::1");
	assert_int_equal(p, 8080);
	assert_int_equal(conf_listen_split("[::1:8080", a, sizeof(a), &p), -1);
	assert_int_equal(conf_listen_split("[]:8080", a, sizeof(a), &p), -1);
	assert_int_equal(conf_listen_split(":8080", a, sizeof(a), &p), -1);
	assert_int_equal(conf_listen_split("host:", a, sizeof(a), &p), -1);
	assert_int_equal(conf_listen_split("host:+80", a, sizeof(a), &p), -1);
	assert_int_equal(conf_listen_split("1.2.3.4:65536", a, sizeof(a), &p),
			 -1);
	assert_int_equal(conf_listen_split("1.2.3.4:80", a, 4, &p), -1);
}

static void
adressen(void **state)
{
	struct http_adressen l;
	char err[200];

	(void)state;
	memset(&l, 0, sizeof(l));
	assert_int_equal(http_adressen_lees(" 192.0.2.1 ,2001:db8::1", &l, err,
					    sizeof(err)), 0);
	assert_int_equal(l.n, 2);
	assert_true(http_adressen_bevat(&l, "192.0.2.1"));
	assert_true(http_adressen_bevat(&l, "::ffff:192.0.2.1"));
	assert_true(http_adressen_bevat(&l, "2001:db8:0::1"));
	assert_false(http_adressen_bevat(&l, "192.0.2.2"));
	assert_false(http_adressen_bevat(&l, ""));
	assert_false(http_adressen_bevat(&l, NULL));
	assert_int_equal(http_adressen_lees("1.1.1.1,,2.2.2.2", &l, err,
					    sizeof(err)), -1);
	assert_int_equal(l.n, 2); /* unchanged */
	assert_int_equal(http_adressen_lees("1.1.1.1,1.1.1.2,1.1.1.3,1.1.1.4,"
					    "1.1.1.5,1.1.1.6,1.1.1.7,1.1.1.8,"
					    "1.1.1.9,1.1.1.10,1.1.1.11,1.1.1.12,"
					    "1.1.1.13,1.1.1.14,1.1.1.15,1.1.1.16,"
					    "1.1.1.17", &l, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "meer dan 16"));
}

/* Random bytes, and random mixes of real lines and noise: any answer
 * but a crash, and a message whenever it is CONF_FOUT. */
static void
willekeurig(void **state)
{
	static const char *const stukken[] = {
		"db = /x.db\n", "listen = 127.0.0.1:0\n", "threads = 4\n",
		"tls_cert = /c\n", "tls_key = /k\n", "# c\n", "\n", "=\n",
		"session_idle = 5m\n", "upload_max = 9M\n", "trusted_proxy = ::1\n",
		"metrics_allow = none\n", "request_log = on\n", "x", " = ",
		"\r\n", "#", "[", "]", ":", "\xff", "\t", ",",
	};
	unsigned seed = 20261207;
	char buf[512], err[600];
	int i;

	(void)state;
	srand(seed);
	for (i = 0; i < 20000; i++) {
		struct spoor_conf c;
		size_t n = (size_t)rand() % sizeof(buf), j = 0;
		int rc;

		if (i % 2) {
			for (j = 0; j < n; j++)
				buf[j] = (char)(rand() & 0xff);
		} else {
			while (j < n) {
				const char *s = stukken[(size_t)rand() %
							(sizeof(stukken) /
							 sizeof(stukken[0]))];
				size_t k = strlen(s);

				if (j + k > n)
					break;
				memcpy(buf + j, s, k);
				j += k;
			}
			n = j;
		}
		conf_init(&c);
		err[0] = '\0';
		rc = conf_parse("f", buf, n, &c, err, sizeof(err));
		assert_true(rc == CONF_OK || rc == CONF_FOUT);
		if (rc == CONF_FOUT)
			assert_true(strncmp(err, "f", 1) == 0 && strlen(err) > 3);
		conf_release(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alles),
		cmocka_unit_test(standaard),
		cmocka_unit_test(fouten),
		cmocka_unit_test(lange_regel_en_nul),
		cmocka_unit_test(bestanden),
		cmocka_unit_test(listen_split),
		cmocka_unit_test(adressen),
		cmocka_unit_test(willekeurig),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

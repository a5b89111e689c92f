#!/usr/bin/env python3
"""dos.py - raw-socket attacks for cli_dos.sh (issue 12, loopback only).

usage: python3 dos.py MODE PORT [SERVER_PID]

Every mode prints one line of key=value figures and leaves no socket open.
Source addresses are taken from 127.0.0.0/8, which Linux routes to the
loopback interface without configuration.
"""
import http.client
import socket
import sys
import threading
import time

HOST = "127.0.0.1"


def verbind(bron, port, timeout=5.0):
    """A connection to the server from source address bron."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((bron, 0))
    s.connect((HOST, port))
    return s


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for regel in f:
            if regel.startswith("VmRSS:"):
                return int(regel.split()[1])
    return -1


def probe(port, bron="127.0.0.2", pad="/healthz"):
    """The status of GET pad from bron, or 0 when nothing answered."""
    try:
        s = verbind(bron, port, 10.0)
        s.sendall(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                   % pad).encode())
        data = s.recv(200)
        s.close()
        return int(data.split()[1]) if data.startswith(b"HTTP/1.1 ") else 0
    except OSError:
        return 0


def status_van(s):
    """The status of the answer waiting on s; 0: none, -1: closed."""
    try:
        data = s.recv(200)
    except socket.timeout:
        return 0
    except OSError:
        return -1
    if not data:
        return -1
    return int(data.split()[1]) if data.startswith(b"HTTP/1.1 ") else 0


def halfupload(port, pid):
    """150 uploads that declare 20 MiB and send 1 MiB without a session,
    from 15 addresses (10 each, under the per-address limit): the
    server's memory before and while they wait, a probe, their answers."""
    kop = (b"POST /api/v1/dossiers/D-DEMO-001/documenten?naam=a.pdf "
           b"HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\n"
           b"Content-Length: 20971520\r\n\r\n")
    stuk = b"%PDF-1.4 " + b"x" * (1 << 20)
    voor = rss_kib(pid)
    socks = []
    for i in range(150):
        s = verbind("127.0.%d.1" % (10 + i // 10), port, 2.0)
        try:
            s.sendall(kop)
            s.sendall(stuk)
        except OSError:
            pass  # refused early: the server closed while we sent
        socks.append(s)
    time.sleep(1.0)
    tijdens = rss_kib(pid)
    p = probe(port)
    antw = {}
    for s in socks:
        s.settimeout(0.5)
        k = status_van(s)
        antw[k] = antw.get(k, 0) + 1
        s.close()
    n401 = antw.get(401, 0)
    print("rss_voor_kib=%d rss_tijdens_kib=%d groei_kib=%d probe=%d "
          "antwoord_401=%d andere=%s"
          % (voor, tijdens, tijdens - voor, p, n401,
             ",".join("%s:%d" % (k, v) for k, v in sorted(antw.items())
                      if k != 401) or "-"))


def kop_zonder_body(port, extra):
    """Headers that declare 20 MiB, no body byte: the answer (or 0 when
    none came within 5 s: the server waits for the body)."""
    s = verbind("127.0.0.4", port, 5.0)
    s.sendall(b"POST /api/v1/dossiers/D-DEMO-001/documenten?naam=a.pdf "
              b"HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\n"
              + extra.encode() +
              b"Content-Length: 20971520\r\n\r\n")
    k = status_van(s)
    s.close()
    print("status=%d" % k)


def trickle(port, n, adressen=1, pid=0):
    """n connections that send a request line byte by byte, from
    127.0.0.1 or spread over `adressen` addresses 127.0.1.x: how many the
    server keeps, a probe from 127.0.0.2 while they trickle (and, with
    the server's pid, its resident memory then), and after how many
    seconds the kept ones are cut although a byte arrives every second."""
    import resource
    zacht, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if zacht != resource.RLIM_INFINITY and zacht < n + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(n + 64, hard), hard))
    rss0 = rss_kib(pid) if pid else -1
    socks, geweigerd = [], 0
    for i in range(n):
        bron = "127.0.0.1" if adressen == 1 else "127.0.1.%d" % (1 + i % adressen)
        try:
            s = verbind(bron, port, 2.0)
            s.sendall(b"G")
            socks.append(s)
        except OSError:
            geweigerd += 1
    time.sleep(1.0)
    open_ = []
    for s in socks:
        s.setblocking(False)
        try:
            d = s.recv(1)
            geweigerd += 1  # b"": closed at once (per-address limit)
            s.close()
        except BlockingIOError:
            open_.append(s)
        except OSError:
            geweigerd += 1
            s.close()
    p = probe(port)
    rss = rss_kib(pid) if pid else -1
    gehouden = len(open_)
    begin = time.time()
    tekst = b"ET /healthz HTTP/1.1\r\nX-Trickle: " + b"a" * 200
    i = 0
    while open_ and time.time() - begin < 40:
        time.sleep(1.0)
        nog = []
        for s in open_:
            try:
                s.send(tekst[i:i + 1])
                if s.recv(1) == b"":
                    s.close()
                    continue
            except BlockingIOError:
                pass
            except OSError:
                s.close()
                continue
            nog.append(s)
        open_ = nog
        i += 1
    duur = time.time() - begin
    for s in open_:
        s.close()
    print("verbonden=%d gehouden=%d geweigerd=%d probe=%d "
          "afgekapt_na_s=%d nog_open=%d rss_groei_kib=%d"
          % (n, gehouden, geweigerd, p, int(duur + 0.5), len(open_),
             rss - rss0 if pid else -1))


def flood(port):
    """16 logins at once (unknown names from 16 addresses: each costs an
    argon2id hash at the server's cost), and a probe meanwhile."""
    uit = {}
    lock = threading.Lock()
    start = threading.Barrier(17)

    def een(i):
        c = None
        k = 0
        retry = ""
        try:
            c = http.client.HTTPConnection(HOST, port, timeout=60,
                                           source_address=("127.0.2.%d" % (i + 1), 0))
            start.wait()
            c.connect()
            c.request("POST", "/api/v1/sessie",
                      '{"gebruikersnaam":"vloed%d","wachtwoord":"fout-fout-fout"}' % i,
                      {"Content-Type": "application/json"})
            r = c.getresponse()
            r.read()
            k = r.status
            retry = r.getheader("Retry-After") or ""
        except OSError:
            pass
        finally:
            if c:
                c.close()
        with lock:
            key = "%d%s" % (k, "+retry" if retry else "")
            uit[key] = uit.get(key, 0) + 1

    ts = [threading.Thread(target=een, args=(i,)) for i in range(16)]
    for t in ts:
        t.start()
    start.wait()
    p = probe(port)
    for t in ts:
        t.join()
    print("probe=%d %s" % (p, " ".join("n%s=%d" % (k, v) for k, v in sorted(uit.items()))))


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "halfupload":
        halfupload(port, int(sys.argv[3]))
    elif mode == "kop":
        kop_zonder_body(port, sys.argv[3] if len(sys.argv) > 3 else "")
    elif mode == "trickle":
        trickle(port, int(sys.argv[3]),
                int(sys.argv[4]) if len(sys.argv) > 4 else 1,
                int(sys.argv[5]) if len(sys.argv) > 5 else 0)
    elif mode == "flood":
        flood(port)
    elif mode == "probe":
        print("probe=%d" % probe(port, sys.argv[3]))
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()

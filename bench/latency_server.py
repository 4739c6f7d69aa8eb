#!/usr/bin/env python3
"""Serves a directory (a PEP 503 tree such as /opt/pypi) over HTTP with a fixed delay per request.

    python3 bench/latency_server.py ROOT LATENCY_MS [CERT_PEM KEY_PEM]

Prints its base URL (http://127.0.0.1:PORT) on the first line of stdout once it listens. Requests
are served on threads, so concurrent clients each wait the delay once, as they would on a network.
With a certificate and its key it speaks HTTPS instead (HTTP/1.1 over TLS, no HTTP/2: each
concurrent request opens its own TLS connection) and prints https://127.0.0.1:PORT.
"""
import functools
import http.server
import ssl
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    latency = 0.0

    # the delay between a request and its answer; keep-alive connections pay it per request too
    def do_GET(self):
        time.sleep(self.latency)
        super().do_GET()

    def do_HEAD(self):
        time.sleep(self.latency)
        super().do_HEAD()

    def log_message(self, *args):
        pass


def main():
    root, latency_ms = sys.argv[1], float(sys.argv[2])
    Handler.latency = latency_ms / 1000
    Handler.protocol_version = "HTTP/1.1"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
    server.daemon_threads = True
    scheme = "http"
    if len(sys.argv) > 4:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    print(f"{scheme}://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

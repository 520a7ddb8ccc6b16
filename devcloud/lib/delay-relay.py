#!/usr/bin/python3
"""A TCP relay that emulates a network round trip (devcloud/remote).

  delay-relay.py --listen 127.0.0.1:8443 --target 127.0.0.1:8444 --delay-ms 20

Accepts on LISTEN, connects each client to TARGET and relays bytes both ways.
Every chunk read is held DELAY/2 ms before it is written on, in each
direction, so one request/response exchange costs DELAY ms more (a TLS
handshake pays it per flight). Each direction is a queue of (release time,
chunk): a held chunk never blocks the other direction, later chunks are not
held longer than their own DELAY/2, and the order is kept. --delay-ms 0 is a
plain relay. The kernel accepts the TCP connection at once, so a new
connection costs one round trip less than on a real network.

The relay only relays: no parsing, no TLS (it sits in front of nginx's TLS
port). It logs one line at start and one per failed upstream connect.
"""
import argparse
import asyncio
import collections
import signal
import socket
import sys
import time

CHUNK = 64 * 1024
QUEUE_LIMIT = 4 * 1024 * 1024  # bytes held per direction before reading pauses


def log(msg):
    print(f"[relay {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Pipe:
    """One direction: reader -> (release time, chunk) queue -> writer."""

    def __init__(self, reader, writer, hold):
        self.reader, self.writer, self.hold = reader, writer, hold
        self.queue = collections.deque()
        self.queued = 0
        self.wake = asyncio.Event()      # the writer has something (or EOF) to do
        self.room = asyncio.Event()      # the reader may read again
        self.room.set()
        self.eof = False

    async def read_loop(self):
        try:
            while True:
                await self.room.wait()
                data = await self.reader.read(CHUNK)
                if not data:
                    break
                self.queue.append((time.monotonic() + self.hold, data))
                self.queued += len(data)
                if self.queued >= QUEUE_LIMIT:
                    self.room.clear()
                self.wake.set()
        except (ConnectionError, OSError):
            pass
        finally:
            self.eof = True
            self.wake.set()

    async def write_loop(self):
        try:
            while True:
                if not self.queue:
                    if self.eof:
                        break
                    self.wake.clear()
                    await self.wake.wait()
                    continue
                release, data = self.queue[0]
                wait = release - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                self.queue.popleft()
                self.queued -= len(data)
                if self.queued < QUEUE_LIMIT:
                    self.room.set()
                self.writer.write(data)
                await self.writer.drain()
            # the sender closed its side: pass the half-close on
            if self.writer.can_write_eof():
                self.writer.write_eof()
        except (ConnectionError, OSError):
            pass


async def relay(client_reader, client_writer, target, hold):
    host, port = target
    try:
        up_reader, up_writer = await asyncio.open_connection(host, port)
    except OSError as exc:
        log(f"connect {host}:{port} failed: {exc}")
        client_writer.close()
        return
    for w in (client_writer, up_writer):
        sock = w.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    pipes = (Pipe(client_reader, up_writer, hold), Pipe(up_reader, client_writer, hold))
    tasks = [asyncio.ensure_future(c) for p in pipes for c in (p.read_loop(), p.write_loop())]
    try:
        # A reset on either side ends both directions; a clean EOF on one side
        # is passed on and the other direction goes on until it ends too.
        await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    finally:
        for t in tasks:
            t.cancel()
        for w in (client_writer, up_writer):
            try:
                w.close()
            except Exception:  # noqa: BLE001 - closing only
                pass


def addr(s):
    host, _, port = s.rpartition(":")
    return host, int(port)


async def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--listen", type=addr, required=True)
    ap.add_argument("--target", type=addr, required=True)
    ap.add_argument("--delay-ms", type=int, default=0)
    args = ap.parse_args()
    if args.delay_ms < 0:
        ap.error("--delay-ms must be >= 0")
    hold = args.delay_ms / 2000.0
    server = await asyncio.start_server(
        lambda r, w: relay(r, w, args.target, hold), args.listen[0], args.listen[1],
        reuse_address=True, backlog=512)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    log(f"listening on {args.listen[0]}:{args.listen[1]} -> {args.target[0]}:{args.target[1]}, "
        f"round trip +{args.delay_ms} ms ({args.delay_ms / 2:g} ms each way)")
    await stop.wait()
    server.close()  # open connections end with the process (asyncio.run cancels them)
    log("stopped")


if __name__ == "__main__":
    asyncio.run(main())

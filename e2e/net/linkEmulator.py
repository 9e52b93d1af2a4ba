#!/usr/bin/env python3
"""Delay and random loss between two interfaces, in user space: the part of `tc netem` this
machine's kernel lacks (CONFIG_NET_SCH_NETEM is not set; tbf and htb are there and shape the
rate). Run inside the link namespace the weak-network e2e makes, between its two veth ends:
every Ethernet frame read on one is sent out of the other `delay` seconds later, unless it is
an IPv4 frame picked by the `loss` draw. ARP and the like are delayed, never dropped, so the
link comes up at once.

Bounded: at most MAX_QUEUED frames in flight (more are dropped, as a full queue would), and
the process ends by itself after `lifetime` seconds, when its standard input closes (the test
that started it is gone), or on SIGTERM. Prints one JSON line of counts when it ends.

usage: linkEmulator.py IFACE_A IFACE_B DELAY_MS LOSS_PERCENT LIFETIME_S
"""
import heapq
import json
import os
import random
import select
import signal
import socket
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
MAX_QUEUED = 4000


def open_raw(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((ifname, 0))
    s.setblocking(False)
    return s


def main():
    iface_a, iface_b = sys.argv[1], sys.argv[2]
    delay = float(sys.argv[3]) / 1000.0
    loss = float(sys.argv[4]) / 100.0
    deadline = time.monotonic() + float(sys.argv[5])
    a, b = open_raw(iface_a), open_raw(iface_b)
    other = {a.fileno(): b, b.fileno(): a}
    counts = {'forwarded': 0, 'lost': 0, 'overflow': 0, 'sendErrors': 0, 'sendErrorsToA': 0}
    queue = []  # (due, seq, out socket, frame)
    seq = 0
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    watched = [a, b, sys.stdin]
    print('ready', flush=True)
    while not stopping and time.monotonic() < deadline:
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, out, frame = heapq.heappop(queue)
            try:
                out.send(frame)
                counts['forwarded'] += 1
            except OSError:
                counts['sendErrors'] += 1  # the shaper's queue was full: the frame is gone
                if out is a:
                    counts['sendErrorsToA'] += 1
        timeout = min(0.5, max(0.0, queue[0][0] - now)) if queue else 0.5
        readable, _, _ = select.select(watched, [], [], timeout)
        for r in readable:
            if r is sys.stdin:
                if not os.read(sys.stdin.fileno(), 4096):
                    stopping.append(True)
                continue
            for _ in range(256):  # drain what is there, a bounded batch at a time
                try:
                    frame, address = r.recvfrom(65535)
                except BlockingIOError:
                    break
                if address[2] == PACKET_OUTGOING:
                    continue  # our own send on this interface, seen on the way out
                is_ipv4 = frame[12:14] == b'\x08\x00'
                if is_ipv4 and random.random() < loss:
                    counts['lost'] += 1
                    continue
                if len(queue) >= MAX_QUEUED:
                    counts['overflow'] += 1
                    continue
                seq += 1
                heapq.heappush(queue, (time.monotonic() + delay, seq, other[r.fileno()], frame))
    print(json.dumps(counts), flush=True)


if __name__ == '__main__':
    main()

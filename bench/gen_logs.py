#!/usr/bin/env python3
"""Writes about SIZE MiB of nginx access logs for the three months before the current one (in
Asia/Ho_Chi_Minh), rotated as logrotate leaves them: one file a day (access.log-YYYYMMDD), the
oldest week gzip-compressed, access.log.1 spanning the last closed month into the current one,
and a small live access.log. Deterministic for a given size and month."""
import datetime
import gzip
import os
import random
import sys

def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gen_logs.py DIR SIZE_MIB YYYY-MM(open month)")
    out, size_mib, open_month = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    year, month = map(int, open_month.split("-"))
    first = add_months(datetime.date(year, month, 1), -3)
    last = datetime.date(year, month, 1) - datetime.timedelta(days=1)
    days = (last - first).days + 1
    per_day = size_mib * 1024 * 1024 // days
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(size_mib)
    pools = Pools(rnd)
    for i in range(days):
        day = first + datetime.timedelta(days=i)
        text = day_of_logs(rnd, pools, datetime.datetime.combine(day, datetime.time()), per_day)
        name = os.path.join(out, "access.log-%s" % day.strftime("%Y%m%d"))
        if i < 7:
            with gzip.open(name + ".gz", "wb", compresslevel=6) as f:
                f.write(text)
            touch(name + ".gz", day)
        else:
            with open(name, "wb") as f:
                f.write(text)
            touch(name, day)
    start = datetime.datetime.combine(last, datetime.time(22))
    with open(os.path.join(out, "access.log.1"), "wb") as f:
        f.write(day_of_logs(rnd, pools, start, 1 << 20, hours=4))
    with open(os.path.join(out, "access.log"), "wb") as f:
        f.write(day_of_logs(rnd, pools, start + datetime.timedelta(hours=4), 1 << 20))

def add_months(d, n):
    m = d.month - 1 + n
    return datetime.date(d.year + m // 12, m % 12 + 1, 1)

def touch(path, day):
    t = datetime.datetime.combine(day, datetime.time(23, 59, 59)).timestamp()
    os.utime(path, (t, t))

class Pools:
    def __init__(self, rnd):
        self.ips = ["%d.%d.%d.%d" % (rnd.randrange(1, 224), rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
                    for _ in range(5000)]
        words = ["api", "v1", "v2", "documents", "search", "static", "img", "css", "js", "login", "logout",
                 "reports", "citizens", "records", "forms", "download", "upload", "news", "admin", "health"]
        self.paths = ["/" + "/".join(rnd.choice(words) for _ in range(rnd.randrange(1, 5))) for _ in range(3000)]
        self.agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0 Safari/537.36" % v
                       for v in range(100, 131)] + ["curl/8.%d.0" % v for v in range(10)] + \
                      ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148" % v for v in range(8)]
        methods = ["GET"] * 8 + ["POST", "HEAD"]
        status = ["200"] * 20 + ["304", "301", "404", "500", "403"]
        self.tails = ['"%s %s?id=%d HTTP/1.1" %s %d "-" "%s" rt=%.3f\n' % (
            rnd.choice(methods), rnd.choice(self.paths), rnd.getrandbits(20), rnd.choice(status),
            rnd.getrandbits(16), rnd.choice(self.agents), rnd.random()) for _ in range(400000)]
        self.tail_length = sum(map(len, self.tails[:10000])) / 10000.0

def day_of_logs(rnd, p, start, size, hours=24):
    """Lines of SIZE bytes spread evenly over HOURS from START: a client address and a request
    drawn from pools (the request tails are unique lines of their own: ids, sizes, timings)."""
    lines = []
    total = 0
    average = len(p.ips[0]) + len(" - - [01/Jan/2026:00:00:00 +0700] ") + p.tail_length
    step = hours * 3600.0 * 0.99 / max(1, size // average)
    t = start.timestamp()
    stamp_at, stamp = -1, ""
    ips, tails = p.ips, p.tails
    ni, nt = len(ips), len(tails)
    while total < size:
        sec = int(t)
        if sec != stamp_at:
            stamp_at = sec
            stamp = datetime.datetime.fromtimestamp(sec).strftime(" - - [%d/%b/%Y:%H:%M:%S +0700] ")
        r = rnd.getrandbits(48)
        line = ips[r % ni] + stamp + tails[(r >> 16) % nt]
        lines.append(line)
        total += len(line)
        t += step
    return "".join(lines).encode()

if __name__ == "__main__":
    main()

"""Turns bench/peer.sh's measured rows into the side-by-side table and the ratios the targets of issue 16 name."""
import sys

rows_file, peaks_file, tck = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = []
for line in open(rows_file, encoding="utf-8"):
    name, delay, conc, result, counts, ticks, rss = line.rstrip("\n").split("\t")
    r = dict(kv.split("=") for kv in result.split()[1:])
    c = dict(kv.split("=") for kv in counts.split())
    n = max(1, int(r["requests"]))
    rows.append({
        "name": name, "delay": delay, "conc": int(conc), "qps": n / float(r["seconds"]),
        "p50": float(r["p50"]), "p99": float(r["p99"]), "errors": int(r["errors"]),
        "calls": sum(int(v) for v in c.values()) / n, "cpu": int(ticks) / tck * 1000 / n, "rss": int(rss),
    })
peaks = dict(line.split("\t")[0::2] for line in open(peaks_file, encoding="utf-8").read().splitlines())

print("| gateway | delays (ms) | conc. | q/s | p50 ms | p99 ms | errors | upstream calls/q | CPU ms/q | RSS MiB |")
print("|---|---|---|---|---|---|---|---|---|---|")
for row in rows:
    print("| %(name)s | %(delay)s | %(conc)d | %(qps).0f | %(p50).2f | %(p99).2f | %(errors)d | %(calls).2f | %(cpu).2f | %(rss)d |"
          % row)
print()
print("Peak RSS (MiB): " + ", ".join("%s %s" % item for item in peaks.items()) + ".")


def ratio(a, b):
    return a / b if b else float("nan")


def row(name, delay, conc):
    return next((r for r in rows if r["name"] == name and r["delay"] == delay and r["conc"] == conc), None)


ours = row("ours", "none", 64)
if ours:
    print()
    print("Ratios at concurrency 64, no upstream delay (target in brackets):")
    print()
    for peer, qps_target in (("hive", 5.0), ("hive-fork2", 2.5), ("hive-jwt", None)):
        other = row(peer, "none", 64)
        if not other:
            continue
        parts = ["q/s %.2fx%s" % (ratio(ours["qps"], other["qps"]), " (>= %.1fx)" % qps_target if qps_target else ""),
                 "p99 %.2f of theirs%s" % (ratio(ours["p99"], other["p99"]), " (<= 0.20)" if peer == "hive" else ""),
                 "CPU ms/q %.2f vs %.2f: %.2fx less" % (ours["cpu"], other["cpu"], ratio(other["cpu"], ours["cpu"])),
                 "RSS %.2f of theirs%s" % (ratio(ours["rss"], other["rss"]), " (<= 0.50)" if peer == "hive" else "")]
        print("- against %s: %s." % (peer, "; ".join(parts)))
    print("- our CPU per query %.2f ms (target <= 0.7 ms)." % ours["cpu"])
    delayed = row("ours", "50/80/30/100", 16)
    if delayed:
        print("- with the delays, our p50 at concurrency 16 is %.1f ms: %.1f ms over the slowest upstream of the"
              " four reads (housing, 80 ms; target within 5 ms)." % (delayed["p50"], delayed["p50"] - 80))

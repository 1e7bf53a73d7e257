#!/usr/bin/env python3
"""Turns bench/run results into the tables of docs/benchmarks.md and the chart docs/benchmarks-wall.png.

  bench/report RESULTS_DIR [--jmh FILE.json] [--doc docs/benchmarks.md]

Replaces what sits between <!-- tables:begin --> and <!-- tables:end --> in the doc; the prose around stays.
"""
import argparse
import glob
import json
import math
import os
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from fleetbench import CRITICAL_RTTS, SCENARIOS, TOOLS  # noqa: E402

CORES = os.cpu_count() or 2


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    return "–" if x is None or math.isnan(x) else (f"{x:.2f}" if x < 10 else f"{x:.1f}")


def load(results, skipped=False):
    rows = []
    for line in open(os.path.join(results, "runs.jsonl")):
        row = json.loads(line)
        if skipped or not row.get("skipped"):
            rows.append(row)
    metas = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(results, "meta*.json")))]
    return rows, metas


def group(rows):
    g = {}
    for r in rows:
        g.setdefault((r["scenario"], r["size"], r["tool"]), []).append(r)
    return g


def bound(scenario, size, concurrency, latency_ms, server_cpu_s):
    waves = math.ceil(size / concurrency)
    net = waves * CRITICAL_RTTS[scenario] * 2 * latency_ms / 1000
    return waves, net, server_cpu_s / CORES, net + server_cpu_s / CORES


def tables(rows, metas, jmh):
    g = group(rows)
    sizes = sorted({r["size"] for r in rows})
    out = []
    meta = metas[-1] if metas else {}
    m = meta.get("machine", {})
    kapp = next((mt["machine"]["kapp"] for mt in metas if mt.get("machine", {}).get("kapp")), None)
    out.append("### Commands and machine\n")
    for mt in metas:
        out.append(f"* `{mt['command']}` — started {mt['started']}, finished {mt.get('finished', '?')}"
                   + (f" (stopped early: {mt['stopped_early']})" if mt.get("stopped_early") else ""))
    out.append(f"* Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('mem_gib', '?')} GiB, "
               f"Linux {m.get('kernel', '?')}; {m.get('java', '')}; kubectl v1.34.4 (built by scripts/kube-binaries); "
               + (f"{kapp} (built by scripts/kapp); " if kapp else "")
               + "toxiproxy 2.5.0. Load average during the runs (1 min; the tools' and servers' own processes count in it): "
               f"{min(r['loadavg_1m'] for r in rows):.1f}–{max(r['loadavg_1m'] for r in rows):.1f}.")
    out.append("")
    out.append("### Wall time, requests and resources per scenario\n")
    out.append("Median of the runs (n = runs); wall time in seconds; *ratio* = fleetsync's median wall ÷ this tool's "
               "(below 1: fleetsync faster). Requests are counted by the API servers (`apiserver_request_total`, "
               "lease renewals excluded): total, then writes / dry runs / lists / single GETs. CPU = the tool's user + "
               "system seconds (all its processes); RSS = peak resident set of its largest process, and the sampled "
               "peak of all its processes together.\n")
    for sc in SCENARIOS:
        out.append(f"#### {sc}\n")
        out.append("| clusters | tool | n | wall s (min–max) | ratio fs/tool | requests | writes / dry / lists / gets "
                   "| tool CPU s | RSS MiB (largest / all) | server CPU s |")
        out.append("|---:|---|---:|---|---:|---:|---|---:|---|---:|")
        for n in sizes:
            fs = g.get((sc, n, "fleetsync"), [])
            fs_wall = med([r["wall"] for r in fs if r["ok"]])
            for tool in TOOLS:
                rs = g.get((sc, n, tool))
                if not rs:
                    continue
                ok = [r for r in rs if r["ok"]]
                walls = [r["wall"] for r in ok]
                w = med(walls)
                req = lambda k: int(med([r["requests"][k] for r in ok])) if ok else 0
                ratio = "" if tool == "fleetsync" or not ok else f"{fs_wall / w:.2f}"
                failed = "" if len(ok) == len(rs) else f" ({len(rs) - len(ok)} failed)"
                out.append(
                    f"| {n} | {tool} | {len(ok)}{failed} | {fmt_s(w)} ({fmt_s(min(walls) if walls else None)}–"
                    f"{fmt_s(max(walls) if walls else None)}) | {ratio} | {req('total')} | {req('writes')} / "
                    f"{req('dry_runs')} / {req('lists')} / {req('gets')} | {fmt_s(med([r['cpu'] for r in ok]))} | "
                    f"{med([r['maxrss_mib'] for r in ok]):.0f} / {med([r['peak_rss_sum_mib'] for r in ok]):.0f} | "
                    f"{fmt_s(med([r['server_cpu_s'] for r in ok]))} |")
        out.append("")
    out.append("### Critical-path bound and fleetsync's ratio to it\n")
    out.append(f"bound = ⌈clusters ÷ concurrency⌉ × round trips × RTT + server CPU ÷ {CORES} cores (see above for the "
               "round trips; RTT = 2 × the added latency; server CPU = kube-apiserver + etcd seconds during "
               "fleetsync's run).\n")
    out.append("| scenario | clusters | concurrency | round trips | network s | server s | bound s | fleetsync wall s "
               "| ratio |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for sc in SCENARIOS:
        for n in sizes:
            fs = [r for r in g.get((sc, n, "fleetsync"), []) if r["ok"]]
            if not fs:
                continue
            waves, net, srv, b = bound(sc, n, fs[0]["concurrency"], fs[0]["latency_ms"],
                                       med([r["server_cpu_s"] for r in fs]))
            w = med([r["wall"] for r in fs])
            out.append(f"| {sc} | {n} | {fs[0]['concurrency']} | {waves} × {CRITICAL_RTTS[sc]} | {net:.2f} | "
                       f"{srv:.2f} | {b:.2f} | {fmt_s(w)} | {w / b:.2f} |")
    out.append("")
    out.append("### fleetsync's memory against fleet size\n")
    out.append("| clusters | objects | peak RSS MiB, median per scenario (apply-initial / plan-noop / apply-change / "
               "prune) |")
    out.append("|---:|---:|---|")
    for n in sizes:
        vals = []
        for sc in SCENARIOS:
            rs = [r for r in g.get((sc, n, "fleetsync"), []) if r["ok"]]
            vals.append(f"{med([r['maxrss_mib'] for r in rs]):.0f}" if rs else "–")
        objs = next((r["objects"] for r in rows if r["size"] == n), 40)
        out.append(f"| {n} | {n * objs} | {' / '.join(vals)} |")
    out.append("")
    out.append("### API servers\n")
    out.append("| clusters | servers | kube-apiserver peak RSS MiB (each) | etcd peak RSS MiB (each) |")
    out.append("|---:|---:|---|---|")
    for n in sizes:
        rs = [r for r in rows if r["size"] == n and r.get("servers")]
        if not rs:
            continue
        peak = max(rs, key=lambda r: sum(s["apiserver_hwm_mib"] for s in r["servers"]))
        out.append(f"| {n} | {len(peak['servers'])} | {', '.join(str(s['apiserver_hwm_mib']) for s in peak['servers'])}"
                   f" | {', '.join(str(s['etcd_hwm_mib']) for s in peak['servers'])} |")
    out.append("")
    starts = [mt["startup"] for mt in metas if mt.get("startup")]
    st = max(starts, key=lambda s: s["runs"]) if starts else None
    if st:
        out.append("### Start-up and diff engine\n")
        out.append(f"* `fleetsync version` (JVM, flags of scripts/fleetsync), median of {st['runs']}: "
                   f"{st['wall_median']:.2f} s wall, {st['cpu_median']:.2f} s CPU, {st['maxrss_mib_median']:.0f} MiB "
                   "peak RSS.")
        nat = next((mt for mt in metas if mt.get("startup_native")), None)
        if nat:
            ns = nat["startup_native"]
            out.append(f"* `fleetsync version` (native executable, {nat['native_size_mib']} MiB), median of "
                       f"{ns['runs']}: {ns['wall_median']:.3f} s wall, {ns['cpu_median']:.3f} s CPU, "
                       f"{ns['maxrss_mib_median']:.0f} MiB peak RSS.")
    if jmh:
        for b in jmh:
            p = b["primaryMetric"]
            out.append(f"* JMH `{b['benchmark'].rsplit('.', 2)[-2]}.{b['benchmark'].rsplit('.', 1)[-1]}` "
                       f"(1 thread pinned to one core, {b['measurementIterations']} × {b['measurementTime']}): "
                       f"**{p['score']:,.0f} ± {p['scoreError']:,.0f} objects/s**.")
    out.append("")
    return "\n".join(out)


def objects_tables(rows, metas):
    """The objects-per-cluster dimension: one row per (clusters, objects, scenario, tool), runs in file order."""
    out = ["### Commands, machine and load\n"]
    for mt in metas:
        out.append(f"* `{mt['command']}` — started {mt['started']}, finished {mt.get('finished', '?')}"
                   + (f" (stopped early: {mt['stopped_early']})" if mt.get("stopped_early") else ""))
    m = (metas[-1] if metas else {}).get("machine", {})
    kapp = next((mt["machine"]["kapp"] for mt in metas if mt.get("machine", {}).get("kapp")), None)
    done = [r for r in rows if not r.get("skipped")]
    loads = [x for r in done for x in (r.get("loadavg_before", [r["loadavg_1m"]])[0], r["loadavg_1m"])]
    out.append(f"* Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('mem_gib', '?')} GiB, "
               f"Linux {m.get('kernel', '?')}; {m.get('java', '')}; kubectl v1.34.4; "
               + (f"{kapp}; " if kapp else "") + "toxiproxy 2.5.0, "
               f"{done[0]['latency_ms'] if done else '?'} ms added each way. 1-minute load average (as `uptime` "
               f"prints it) before and after each run: {min(loads):.1f}–{max(loads):.1f}.")
    out.append("")
    out.append("Wall time in seconds; CPU = the tool's user + system seconds (all its processes); RSS = peak resident "
               "set of its largest process; requests counted by the API servers (lease renewals excluded), then per "
               "object (requests ÷ (clusters × objects)); *in flight* = object requests one cluster can have in "
               "flight (fleetsync `--cluster-requests`, kapp `--apply-concurrency`, kubectl one per process: two "
               "processes for the applies, one for the diff); *load* = 1-minute load average before → after.\n")
    g = {}
    for r in rows:
        g.setdefault((r["scenario"], r["size"], r["objects"], r["tool"]), []).append(r)
    keys = sorted({(r["size"], r["objects"]) for r in rows})
    for sc in SCENARIOS:
        if not any(k[0] == sc for k in g):
            continue
        out.append(f"#### {sc}\n")
        out.append("| clusters | objects / cluster | tool | in flight | ok | wall s | ratio fs/tool | CPU s | "
                   "peak RSS MiB | requests | per object | writes / dry / lists / gets | load |")
        out.append("|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|")
        for n, objs in keys:
            fs = [r for r in g.get((sc, n, objs, "fleetsync"), []) if r.get("ok")]
            fs_wall = med([r["wall"] for r in fs])
            for tool in TOOLS:
                for r in g.get((sc, n, objs, tool), []):
                    if r.get("skipped"):
                        out.append(f"| {n} | {objs:,} | {tool} | | not run (`--skip`) | | | | | | | | |")
                        continue
                    q = r["requests"]
                    why = ""
                    if not r["ok"]:
                        why = "timed out" if r.get("timed_out") else f"failed (rc {r['rc']})"
                    ratio = "" if tool == "fleetsync" or not r["ok"] or not fs else f"{fs_wall / r['wall']:.2f}"
                    lb = r.get("loadavg_before", [float("nan")])[0]
                    out.append(f"| {n} | {objs:,} | {tool} | {r.get('requests_in_flight', '?')} | "
                               f"{'yes' if r['ok'] else why} | {fmt_s(r['wall'])} | {ratio} | {fmt_s(r['cpu'])} | "
                               f"{r['maxrss_mib']:.0f} | {q['total']:,} | {q['total'] / (n * objs):.3f} | "
                               f"{q['writes']:,} / {q['dry_runs']:,} / {q['lists']:,} / {q['gets']:,} | "
                               f"{lb:.1f} → {r['loadavg_1m']:.1f} |")
        out.append("")
    out.append("#### fleetsync's memory against objects per cluster\n")
    out.append("Peak RSS of the JVM (`-Xmx768m`, serial GC, as scripts/fleetsync runs it) per scenario; – = not run.\n")
    out.append("| clusters | objects / cluster | objects in all | apply-initial | plan-noop | apply-change | prune |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|")
    for n, objs in keys:
        vals = []
        for sc in SCENARIOS:
            rs = [r for r in g.get((sc, n, objs, "fleetsync"), []) if not r.get("skipped")]
            vals.append(" / ".join(f"{r['maxrss_mib']:.0f}" + ("" if r["ok"] else " (failed)") for r in rs) or "–")
        out.append(f"| {n} | {objs:,} | {n * objs:,} | {' | '.join(vals)} |")
    out.append("")
    return "\n".join(out)


def chart(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker
    g = group(rows)
    sizes = sorted({r["size"] for r in rows})
    fig, axes = plt.subplots(1, len(SCENARIOS), figsize=(16, 4.2), sharey=False)
    for ax, sc in zip(axes, SCENARIOS):
        for tool, style in zip(TOOLS, ["o-", "s--", "d-.", "^:"]):
            xs, ys = [], []
            for n in sizes:
                ok = [r["wall"] for r in g.get((sc, n, tool), []) if r["ok"]]
                if ok:
                    xs.append(n)
                    ys.append(med(ok))
            if xs:
                ax.plot(xs, ys, style, label=tool)
        ax.set_title(sc)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(sizes)
        ax.set_xticklabels([str(s) for s in sizes])
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_xlim(sizes[0] * 0.8, sizes[-1] * 1.25)
        ax.set_xlabel("simulated clusters")
        ax.grid(True, which="both", alpha=0.3)
    axes[0].set_ylabel("wall time, s (median)")
    axes[0].legend()
    fig.suptitle("Wall time against fleet size (40 objects per cluster, 25 ms each way, equal cluster concurrency)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    ap = argparse.ArgumentParser(prog="bench/report")
    ap.add_argument("results")
    ap.add_argument("--jmh", help="JMH result JSON (bench/jmh -rf json -rff FILE)")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--png", default=os.path.join(ROOT, "docs", "benchmarks-wall.png"))
    ap.add_argument("--objects", action="store_true",
                    help="the objects-per-cluster tables, between <!-- objects:begin --> and <!-- objects:end -->")
    args = ap.parse_args()
    rows, metas = load(args.results, skipped=args.objects)
    if args.objects:
        doc = open(args.doc).read()
        a, b = doc.index("<!-- objects:begin -->"), doc.index("<!-- objects:end -->")
        with open(args.doc, "w") as f:
            f.write(doc[:a] + "<!-- objects:begin -->\n" + objects_tables(rows, metas) + "\n" + doc[b:])
        print(f"wrote {args.doc}")
        return
    jmh = json.load(open(args.jmh)) if args.jmh else None
    text = tables(rows, metas, jmh)
    doc = open(args.doc).read() if os.path.exists(args.doc) else "<!-- tables:begin -->\n<!-- tables:end -->\n"
    a, b = doc.index("<!-- tables:begin -->"), doc.index("<!-- tables:end -->")
    doc = doc[:a] + "<!-- tables:begin -->\n" + text + "\n" + doc[b:]
    with open(args.doc, "w") as f:
        f.write(doc)
    chart(rows, args.png)
    print(f"wrote {args.doc} and {args.png}")


if __name__ == "__main__":
    main()

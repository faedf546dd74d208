#!/usr/bin/env python3
"""Turns one bench/run work directory into the report: a table (printed and written as .txt)
and the same figures as .json.

usage: report.py RUN_DIR OUT.txt OUT.json
RUN_DIR holds meta.tsv, results.tsv (tool step seconds rss_kib exit flush_seconds cpu_seconds
round), sizes.tsv (tool when bytes round) and verified.tsv (tool yes|no detail round), written by
bench/run. With several rounds every figure is the median of the rounds; a step counts as done
only when it succeeded in every round, and the restore as identical only when it was so in every
round. Kho's ratio in each round is listed too.
"""
import json
import os
import statistics
import sys

TOOLS = ("restic", "borg", "kho")
STEPS = (  # step, label, target ratio, goal ratio: Kho / the faster of restic and borg
    ("backup1", "first backup", 0.5, 0.35),
    ("backup2", "second backup", 0.5, None),
    ("restore", "restore", 0.7, None),
    ("check", "check --read-data", 0.7, None),
)
SIZE_TARGET = 1.05   # Kho's final repository size / restic's
MEMORY_TARGET = 2.0  # Kho's peak max RSS over all steps / restic's
MIB = 1 << 20


def rows(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def median(values):
    vals = [v for v in values if v is not None]
    return statistics.median(vals) if vals else None


def by_round(table, width):
    """Rows of a .tsv split by their last column, the round ("1" where a row has none)."""
    out = {}
    for r in table:
        out.setdefault(r[width] if len(r) > width else "1", []).append(r[:width])
    return out


def load_steps(table):
    steps = {}
    for tool, step, secs, rss, rc, flush, cpu in table:
        ok = rc == "0" or (tool == "borg" and rc == "1")
        steps.setdefault(tool, {})[step] = {
            "seconds": num(secs),
            "max_rss_mib": None if num(rss) is None else round(num(rss) / 1024, 1),
            "exit": int(rc),
            "ok": ok,
            "cpu_seconds": num(cpu),
            "flush_seconds_after": num(flush),
        }
    return steps


def combine_steps(per_round, tools):
    """The median of the rounds for each tool and step; ok only if every round was."""
    out = {t: {} for t in tools}
    for t in tools:
        names = []
        for steps in per_round:
            names += [n for n in steps.get(t, {}) if n not in names]
        for n in names:
            runs = [steps[t][n] for steps in per_round if n in steps.get(t, {})]
            ok = all(r["ok"] for r in runs)
            good = runs if not ok else [r for r in runs if r["ok"]]
            out[t][n] = {
                "seconds": median(r["seconds"] for r in good),
                "max_rss_mib": median(r["max_rss_mib"] for r in good),
                "exit": max((r["exit"] for r in runs if not r["ok"]), default=runs[0]["exit"]),
                "ok": ok,
                "cpu_seconds": median(r["cpu_seconds"] for r in good),
                "flush_seconds_after": median(r["flush_seconds_after"] for r in good),
            }
    return out


def seconds_of(steps, tool, step):
    """A tool's seconds for a step, or None when it did not run or failed."""
    s = steps.get(tool, {}).get(step)
    return s["seconds"] if s and s["ok"] else None


def fastest_ratio(steps, step):
    """Kho's seconds over the faster of restic and borg for one step, with that tool's name."""
    refs = [(seconds_of(steps, t, step), t) for t in ("restic", "borg") if seconds_of(steps, t, step) is not None]
    ref_s, ref = min(refs) if refs else (None, None)
    k = seconds_of(steps, "kho", step)
    return (k / ref_s if k is not None and ref_s else None), ref, ref_s, k


def verdict(ratio, target, goal=None):
    if ratio is None:
        return "n/a"
    if ratio > target:
        return "FAIL"
    if goal is not None and ratio <= goal:
        return "pass, goal met"
    return "pass"


def fmt(v, spec):
    return "-" if v is None else format(v, spec)


def main():
    run, out_txt, out_json = sys.argv[1:4]
    meta = {r[0]: r[1] if len(r) > 1 else "" for r in rows(os.path.join(run, "meta.tsv"))}
    ran = meta.get("tools", "").split()

    results = by_round(rows(os.path.join(run, "results.tsv")), 7)
    rounds = sorted(results, key=int) or ["1"]
    per_round = [load_steps(results.get(r, [])) for r in rounds]
    steps = combine_steps(per_round, ran)
    size_rows = by_round(rows(os.path.join(run, "sizes.tsv")), 3)
    sizes = {t: {} for t in ran}
    for when in ("first", "final"):
        for t in ran:
            v = median(int(size) for r in rounds for tool, w, size in size_rows.get(r, [])
                       if tool == t and w == when)
            if v is not None:
                sizes[t][when] = int(v)
    verified = {}
    verified_rows = by_round(rows(os.path.join(run, "verified.tsv")), 3)
    for r in rounds:
        for tool, yes, *rest in verified_rows.get(r, []):
            v = verified.setdefault(tool, {"identical": True, "detail": rest[0] if rest else ""})
            if yes != "yes" and v["identical"]:
                verified[tool] = {"identical": False,
                                  "detail": (rest[0] if rest else "") + (f" (round {r})" if len(rounds) > 1 else "")}
    orders = [meta.get(f"order_{r}", " ".join(ran)).split() for r in rounds]

    def rss(tool, step):
        s = steps.get(tool, {}).get(step)
        return s["max_rss_mib"] if s else None

    def round_peak(steps_of_round, t):
        vals = [s["max_rss_mib"] for s in steps_of_round.get(t, {}).values() if s["max_rss_mib"] is not None]
        return max(vals) if vals else None

    peak = {t: median(round_peak(sr, t) for sr in per_round) for t in ran}

    comparison = []
    for step, label, target, goal in STEPS:
        ratio, ref, ref_s, k = fastest_ratio(steps, step)
        comparison.append({"metric": step, "label": label, "kho": k, "reference": ref,
                           "reference_value": ref_s, "ratio": ratio, "target": target,
                           "goal": goal, "result": verdict(ratio, target, goal),
                           "ratio_per_round": [fastest_ratio(sr, step)[0] for sr in per_round]})
    for metric, label, kv, rv, target in (
            ("repo_size", "repository size", sizes.get("kho", {}).get("final"),
             sizes.get("restic", {}).get("final"), SIZE_TARGET),
            ("peak_memory", "peak memory", peak.get("kho"), peak.get("restic"), MEMORY_TARGET)):
        ratio = kv / rv if kv is not None and rv else None
        comparison.append({"metric": metric, "label": label, "kho": kv,
                           "reference": "restic" if rv is not None else None,
                           "reference_value": rv, "ratio": ratio, "target": target,
                           "goal": None, "result": verdict(ratio, target)})

    # ---- text ----
    L = []
    cache = meta.get("cache")
    L.append(f"Kho backup benchmark, {meta.get('date', '?')}")
    first, second = num(meta.get("dataset_bytes_first")), num(meta.get("dataset_bytes_second"))
    L.append(f"data:     gen_dataset.py --scale {meta.get('scale_mib')}: "
             f"{fmt(first and first / MIB, '.1f')} MiB in {meta.get('dataset_files_first', '?')} files; "
             f"after --mutate {fmt(second and second / MIB, '.1f')} MiB in "
             f"{meta.get('dataset_files_second', '?')} files")
    L.append(f"host:     {meta.get('host_cpu', '?')}, {meta.get('host_cores', '?')} cores, "
             f"{meta.get('host_mem_mib', '?')} MiB RAM, {meta.get('work_fs', '?')}, "
             f"Linux {meta.get('host_kernel', '?')}")
    L.append("cache:    " + ("cold (page cache dropped before every timed step)" if cache == "cold"
                             else "WARM (could not drop the page cache; not root?)"))
    if meta.get("gnu_time") != "1":
        L.append("memory:   not measured (no GNU time)")
    vers = [meta[f"version_{t}"].strip() for t in TOOLS if f"version_{t}" in meta]
    if "restic_repo_version" in meta:
        vers.append(f"(restic repository format v{meta['restic_repo_version']})")
    L.append("versions: " + "; ".join(vers))
    if len(rounds) > 1:
        L.append(f"rounds:   {len(rounds)}, each from a fresh copy of the data set; every figure below is "
                 "the median of the rounds")
        L.append("order:    " + "; ".join(f"{i + 1}: {','.join(o)}" for i, o in enumerate(orders)))
    not_run = [t for t in TOOLS if t not in ran]
    if not_run:
        L.append("not run:  " + ", ".join(not_run))
    L.append("")

    w = 16  # per tool: seconds (7), space, MiB (6), two spaces
    head1 = f"{'':<19}" + "".join(f"{t:>{w - 2}}  " for t in TOOLS) + f"{'kho/fastest':<19}{'target':<19}result"
    head2 = f"{'':<19}" + "".join(f"{'s':>7} {'MiB':>6}  " for _ in TOOLS)
    L += [head1, head2]
    for c in comparison[:4]:
        cells = ""
        for t in TOOLS:
            s, m = seconds_of(steps, t, c["metric"]), rss(t, c["metric"])
            if t not in ran:
                cells += f"{'-':>7} {'-':>6}  "
            elif c["metric"] in steps[t] and not steps[t][c["metric"]]["ok"]:
                cells += f"{'failed':>7} {fmt(m, '.0f'):>6}  "
            else:
                cells += f"{fmt(s, '.1f'):>7} {fmt(m, '.0f'):>6}  "
        ratio = "-" if c["ratio"] is None else f"{c['ratio']:.2f} ({c['reference']})"
        tgt = f"<= {c['target']}" + (f" (goal {c['goal']})" if c["goal"] else "")
        L.append(f"{c['label']:<19}{cells}{ratio:<19}{tgt:<19}{c['result']}")
    if len(rounds) > 1:
        L.append("")
        L.append(f"{'kho/fastest, round':<19}" + "".join(f"{r:>7}" for r in rounds))
        for c in comparison[:4]:
            L.append(f"{'  ' + c['label']:<19}" + "".join(f"{fmt(v, '.2f'):>7}" for v in c["ratio_per_round"]))
    L.append("")
    L.append(f"{'CPU s (user+sys)':<19}" + "".join(f"{t:>10}" for t in TOOLS))
    for step, label, _, _ in STEPS:
        cells = "".join(f"{fmt(steps.get(t, {}).get(step, {}).get('cpu_seconds'), '.1f'):>10}" for t in TOOLS)
        L.append(f"{'  ' + label:<19}{cells}")
    L.append("")
    L.append(f"{'':<19}" + "".join(f"{t:>10}" for t in TOOLS) + f"   {'kho/restic':<12}{'target':<10}result")
    for c, vals, unit in (
            (comparison[4], {t: sizes.get(t, {}).get("final") for t in TOOLS}, MIB),
            (comparison[5], peak, 1)):
        label = "repo size (MiB)" if c["metric"] == "repo_size" else "peak RSS (MiB)"
        cells = "".join(f"{fmt(None if vals.get(t) is None else vals[t] / unit, '.1f'):>10}" for t in TOOLS)
        ratio = "-" if c["ratio"] is None else f"{c['ratio']:.2f}"
        L.append(f"{label:<19}{cells}   {ratio:<12}{'<= ' + str(c['target']):<10}{c['result']}")
    cells = "".join(f"{fmt(None if sizes.get(t, {}).get('first') is None else sizes[t]['first'] / MIB, '.1f'):>10}"
                    for t in TOOLS)
    L.append(f"{'  after 1st backup':<19}{cells}")
    L.append("")
    L.append("restore equals the source: " + (", ".join(
        f"{t} {'yes' if verified[t]['identical'] else 'NO (' + verified[t]['detail'] + ')'}"
        for t in ran if t in verified) or "-"))
    failures = [f"{t} {s} (exit {v['exit']})" for t in ran for s, v in steps[t].items() if not v["ok"]]
    if failures:
        L.append("failed steps: " + ", ".join(failures))
    L.append("")
    L.append("s = wall seconds, MiB = max RSS of the step; kho/fastest = Kho's time over the faster of")
    L.append("restic and borg for that step. Commands: restic backup / restore latest / check --read-data;")
    L.append("borg create --compression zstd,3 (repokey-blake2) / extract / check --verify-data.")
    text = "\n".join(L) + "\n"

    report = {
        "date": meta.get("date"), "finished": meta.get("finished"),
        "scale_mib": int(meta.get("scale_mib", 0)), "cache": cache,
        "max_rss_measured": meta.get("gnu_time") == "1",
        "host": {"cpu": meta.get("host_cpu"), "cores": int(meta.get("host_cores", 0)),
                 "mem_mib": int(meta.get("host_mem_mib", 0)), "kernel": meta.get("host_kernel"),
                 "filesystem": meta.get("work_fs")},
        "versions": {t: meta[f"version_{t}"].strip() for t in TOOLS if f"version_{t}" in meta},
        "restic_repository_version": meta.get("restic_repo_version"),
        "dataset": {"bytes_first": first and int(first), "files_first": int(meta.get("dataset_files_first", 0)),
                    "bytes_second": second and int(second), "files_second": int(meta.get("dataset_files_second", 0))},
        "tools": ran,
        "rounds": len(rounds),
        "orders": orders,
        "steps": steps,
        "steps_per_round": per_round,
        "repository_bytes": sizes,
        "peak_rss_mib": peak,
        "restore_verified": verified,
        "comparison": comparison,
    }
    with open(out_txt, "w") as f:
        f.write(text)
    with open(out_json, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Lists every unique PerfAnalyzers finding of one run-all.sh round as Markdown rows, ready for a verdict column.

usage: findings.py RW_OUT TAG [codebase ...]
RW_OUT is the folder run-all.sh wrote to; TAG the round's tag. One row per unique (rule, file, line) across the
codebase's SARIF logs (a project built for two frameworks reports a finding twice).
"""
import glob
import json
import os
import sys


def findings(out, tag, codebase):
    seen = {}
    for path in sorted(glob.glob(os.path.join(out, codebase, tag, "sarif", "*.sarif"))):
        with open(path, encoding="utf-8") as handle:
            log = json.load(handle)
        for run in log.get("runs", []):
            for result in run.get("results", []):
                rule = result.get("ruleId", "")
                if not rule.startswith("PERF") or not result.get("locations"):
                    continue
                location = result["locations"][0]["physicalLocation"]
                uri = location["artifactLocation"]["uri"]
                marker = "/" + codebase + "/"
                uri = uri[uri.find(marker) + len(marker):] if marker in uri else uri
                key = (rule, uri, location["region"]["startLine"])
                seen.setdefault(key, result["message"]["text"])
    return seen


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    out, tag = argv[1], argv[2]
    codebases = argv[3:] or sorted(os.listdir(out))
    print("| codebase | file:line | rule | message |")
    print("| --- | --- | --- | --- |")
    for codebase in codebases:
        for (rule, uri, line), message in sorted(findings(out, tag, codebase).items()):
            print(f"| {codebase} | {uri}:{line} | {rule} | {message.replace('|', '/')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Regenerates packaging-oracle.json: random PEP 440 inputs judged by pypa/packaging.

Run with packaging installed: python3 generate-oracle.py > packaging-oracle.json
The inputs are random; the expected answers are whatever the installed packaging says.
"""
import json
import random

import packaging
from packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet
from packaging.version import InvalidVersion, Version

rnd = random.Random(440)
SEPS = ["", ".", "-", "_"]


def case(s):
    return "".join(c.upper() if rnd.random() < 0.3 else c for c in s)


def release():
    n = rnd.choice([1, 1, 2, 2, 2, 3, 3, 4])
    return ".".join(str(rnd.choice([0, 0, 1, 1, 2, 3, 10, 2024])) for _ in range(n))


def version_text():
    s = ""
    if rnd.random() < 0.1:
        s += case("v")
    if rnd.random() < 0.15:
        s += str(rnd.choice([0, 1, 2])) + "!"
    s += release()
    if rnd.random() < 0.4:
        word = rnd.choice(["a", "alpha", "b", "beta", "c", "rc", "pre", "preview"])
        s += rnd.choice(SEPS) + case(word) + rnd.choice(SEPS[:2]) + rnd.choice(["", "0", "1", "2", "01"])
    r = rnd.random()
    if r < 0.15:
        s += "-" + rnd.choice(["0", "1", "2"])
    elif r < 0.35:
        word = rnd.choice(["post", "rev", "r"])
        s += rnd.choice(SEPS) + case(word) + rnd.choice(SEPS[:2]) + rnd.choice(["", "0", "1", "2"])
    if rnd.random() < 0.3:
        s += rnd.choice(SEPS) + case("dev") + rnd.choice(SEPS[:2]) + rnd.choice(["", "0", "1", "2"])
    if rnd.random() < 0.2:
        segs = [rnd.choice(["1", "01", "2", "a", "abc", "Ubuntu", "0a", "z9"]) for _ in range(rnd.choice([1, 2, 3]))]
        s += "+" + "".join(seg + rnd.choice([".", "-", "_"]) for seg in segs[:-1]) + segs[-1]
    if rnd.random() < 0.05:
        s = " " + s + "\t"
    return s


def mutate(s):
    i = rnd.randrange(len(s) + 1)
    return s[:i] + rnd.choice(["", "..", "+", "-", "!", "*", "x", "_", " ", "1"]) + s[i + rnd.choice([0, 1]):]


def norm(s):
    try:
        return str(Version(s))
    except InvalidVersion:
        return None


def spec_text():
    op = rnd.choice(["==", "!=", "<=", ">=", "<", ">", "~=", "==", "!="])
    v = version_text().strip()
    if op == "~=":
        # packaging derives the ~= prefix from the text as written, which goes wrong for
        # unusual spellings such as "~=10.1a.01"; PEP 440 defines it on the version, so the
        # oracle only asks about normalized ~= versions.
        v = str(Version(v)) if norm(v) else v
    if op in ("==", "!=") and rnd.random() < 0.3:
        v = ("1!" if rnd.random() < 0.1 else "") + release() + ".*"
    return op + v


versions = []
for _ in range(700):
    s = version_text()
    if rnd.random() < 0.25:
        s = mutate(s)
    versions.append(s)

parsed = {}
version_rows = []
for s in dict.fromkeys(versions):
    n = norm(s)
    version_rows.append({"input": s, "normalized": n})
    if n is not None:
        parsed.setdefault(n, Version(n))

ordered = sorted(parsed.values())
order_rows = [str(ordered[0])]
relations = []
for a, b in zip(ordered, ordered[1:]):
    relations.append("=" if a == b else "<")
    order_rows.append(str(b))

specs = []
while len(specs) < 220:
    t = spec_text()
    try:
        Specifier(t)
        specs.append(t)
    except InvalidSpecifier:
        pass
specs = list(dict.fromkeys(specs))
matrix_versions = [str(v) for v in rnd.sample(sorted(parsed.values()), 200)]
matrix = []
for t in specs:
    sp = Specifier(t, prereleases=True)
    matrix.append("".join("1" if sp.contains(Version(v)) else "0" for v in matrix_versions))

# Satisfiability of random sets, some built near the gaps between versions. "witness" is a
# version from the pool that packaging's own contains() accepts, if any.
near = ["0", "0.dev0", "0.dev1", "0.post0", "1.0", "1.0a1", "1.0a1.post0", "1.0a2.dev0", "1.0b0",
        "1.0.post0", "1.0.post0.dev0", "1.0.post1", "1.0.dev0", "1.0.dev1", "1.0+local", "1.0rc1",
        "1.1.dev0", "1.0.0.1", "1!1.0", "2.0"]
pool = [Version(v) for v in near] + [Version(v) for v in matrix_versions]


def set_text():
    parts = []
    for _ in range(rnd.choice([1, 2, 2, 3])):
        op = rnd.choice(["==", "!=", "<=", ">=", "<", ">", "~=", "=="])
        v = rnd.choice(near if rnd.random() < 0.6 else matrix_versions)
        if op == "~=" and "." not in v:
            v += ".0"
        if op in ("==", "!=") and rnd.random() < 0.2:
            v = str(Version(v).base_version) + ".*"
        elif op not in ("==", "!="):
            v = v.split("+")[0]
        parts.append(op + v)
    return ",".join(parts)


sets = []
seen = set()
while len(sets) < 2500:
    t = set_text()
    if t in seen:
        continue
    seen.add(t)
    try:
        ss = SpecifierSet(t)
        unsat = ss.is_unsatisfiable()
    except InvalidSpecifier:
        continue
    witness = next((str(v) for v in pool if ss.contains(v, prereleases=True)), None)
    sets.append({"specifier": t, "unsatisfiable": unsat, "witness": witness})

print(json.dumps({
    "source": "generated by generate-oracle.py (random inputs) with pypa/packaging "
              + packaging.__version__ + " as the oracle",
    "versions": version_rows,
    "sorted": order_rows,
    "sorted_relations": relations,
    "contains_specifiers": specs,
    "contains_versions": matrix_versions,
    "contains_matrix": matrix,
    "satisfiability": sets,
}, indent=0, ensure_ascii=False))

# Regenerates sys-tags-golden.json from the installed pypa/packaging (run with python3; outputs only are committed).
import json, sysconfig
from packaging import tags, _manylinux, _musllinux

def linux(arch, glibc=None, musl=None):
    sysconfig.get_platform = lambda: "linux-" + arch
    _manylinux._have_compatible_abi = lambda exe, archs: glibc is not None
    _manylinux._get_glibc_version = lambda: glibc if glibc else (-1, -1)
    _musllinux._get_musl_version = lambda exe: _musllinux._MuslVersion(*musl) if musl else None
    return list(tags._linux_platforms(is_32bit=False))

def all_tags(py, abi, platforms):
    cp = "cp%d%d" % py
    out = list(tags.cpython_tags(py, [abi], platforms)) + list(tags.compatible_tags(py, cp, platforms))
    return [str(t) for t in out]

cases = {
  "cp311-x86_64-manylinux_2_17": ((3, 11), "cp311", linux("x86_64", glibc=(2, 17))),
  "cp312-aarch64-manylinux_2_28": ((3, 12), "cp312", linux("aarch64", glibc=(2, 28))),
  "cp312-aarch64-musllinux_1_2": ((3, 12), "cp312", linux("aarch64", musl=(1, 2))),
  "cp311-aarch64-macosx_12_0": ((3, 11), "cp311", list(tags.mac_platforms((12, 0), "arm64"))),
  "cp310-x86_64-macosx_13_0": ((3, 10), "cp310", list(tags.mac_platforms((13, 0), "x86_64"))),
  "cp37-x86_64-macosx_10_9": ((3, 7), "cp37m", list(tags.mac_platforms((10, 9), "x86_64"))),
  "cp311-x86_64-pc-windows-msvc": ((3, 11), "cp311", ["win_amd64"]),
  "cp313-i686-pc-windows-msvc": ((3, 13), "cp313", ["win32"]),
}
out = {"source": "generated with pypa/packaging 26.2 tags.cpython_tags + compatible_tags (Apache-2.0 or BSD-2-Clause), outputs only",
       "cases": {k: {"python": "%d.%d" % v[0], "platform": k.split("-", 1)[1], "tags": all_tags(*v)} for k, v in cases.items()}}
json.dump(out, open("sys-tags-golden.json", "w"), indent=1)
for k, v in out["cases"].items(): print(k, len(v["tags"]), v["tags"][:3], v["tags"][-2:])

# Runs one PEP 517 hook of a source tree's build backend for relock, inside relock's throwaway
# build environment (started with `python -I`, in the source tree).
#
#   python -I hook_runner.py SOURCE_DIR BACKEND BACKEND_PATH_JSON HOOK OUT_DIR
#
# HOOK "requires": writes OUT_DIR/requires.json, the list get_requires_for_build_wheel returns
# ([] when the backend lacks the hook).
# HOOK "metadata": writes OUT_DIR/METADATA from prepare_metadata_for_build_wheel, or, when the
# backend lacks it, from the METADATA of the wheel build_wheel builds.
import importlib
import json
import os
import shutil
import sys
import zipfile


def fail(message):
    sys.stderr.write("relock hook runner: " + message + "\n")
    sys.exit(2)


def load_backend(source_dir, backend, backend_path):
    root = os.path.realpath(source_dir)
    for entry in reversed(backend_path):
        path = os.path.realpath(os.path.join(root, entry))
        if path != root and not path.startswith(root + os.sep):
            fail("backend-path entry %r is outside the source tree" % entry)
        sys.path.insert(0, path)
    module_name, _, attribute = backend.partition(":")
    try:
        obj = importlib.import_module(module_name)
    except ImportError as e:
        fail("cannot import the build backend %r: %s" % (backend, e))
    for part in attribute.split(".") if attribute else []:
        obj = getattr(obj, part)
    return obj


def main():
    source_dir, backend, backend_path, hook, out_dir = sys.argv[1:6]
    hooks = load_backend(source_dir, backend, json.loads(backend_path))
    if hook == "requires":
        get_requires = getattr(hooks, "get_requires_for_build_wheel", None)
        requires = list(get_requires(None)) if get_requires else []
        with open(os.path.join(out_dir, "requires.json"), "w", encoding="utf-8") as f:
            json.dump([str(r) for r in requires], f)
        return
    if hook != "metadata":
        fail("unknown hook " + hook)
    prepare = getattr(hooks, "prepare_metadata_for_build_wheel", None)
    if prepare is not None:
        metadata_dir = os.path.join(out_dir, "metadata")
        os.mkdir(metadata_dir)
        dist_info = prepare(metadata_dir, None)
        shutil.copyfile(os.path.join(metadata_dir, dist_info, "METADATA"), os.path.join(out_dir, "METADATA"))
        print("relock: metadata from prepare_metadata_for_build_wheel")
        return
    wheel_dir = os.path.join(out_dir, "wheel")
    os.mkdir(wheel_dir)
    wheel_name = hooks.build_wheel(wheel_dir, None)
    with zipfile.ZipFile(os.path.join(wheel_dir, wheel_name)) as wheel:
        entries = [n for n in wheel.namelist()
                   if n.count("/") == 1 and n.endswith(".dist-info/METADATA")]
        if len(entries) != 1:
            fail("the wheel %s has %d .dist-info/METADATA entries" % (wheel_name, len(entries)))
        with open(os.path.join(out_dir, "METADATA"), "wb") as f:
            f.write(wheel.read(entries[0]))
    print("relock: metadata from build_wheel (the backend has no prepare_metadata_for_build_wheel)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The house rules that no compiler checks, over every crate in `crates/`:

1. No import loops between source files. Every `crate::` and `super::` path
   in a file (in `use` items, grouped and multi-line ones included, and in
   expressions) is an edge from that file to the file of the module the path
   reaches; re-exports are followed to where the item really lives, and a
   module's own `mod` children (and its re-exports of them) are ownership,
   not edges. A cycle among these edges is a loop.
2. No source file over 600 lines outside tests and demo data.

Usage: scripts/check-house.py [--graph]   (exit status 1 on a broken rule;
--graph prints every edge). Only the Python standard library is used.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MAX_LINES = 600
# Data written as Rust code, and test files, may be longer.
LONG_FILES_ALLOWED = ("crates/demo/src/content.rs",)


def is_test_file(rel):
    parts = rel.split("/")
    return (
        "tests" in parts
        or parts[-1] in ("tests.rs",)
        or parts[-1].endswith("_tests.rs")
        or "testkit" in parts
    )


def strip_code(text):
    """The code without comments, string and char literals (kept as blanks,
    so line numbers stay)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    if text[i] == "\n":
                        out.append("\n")
                    i += 1
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            close = '"' + m.group(1)
            j = text.find(close, i + len(m.group(0)))
            j = n if j < 0 else j + len(close)
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:])
            if m:
                out.append("' '")
                i += len(m.group(0))
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Module:
    def __init__(self, crate, path, file, inline=False):
        self.crate = crate
        self.path = path  # tuple of names from the crate root
        self.file = file
        self.inline = inline
        self.children = {}  # name -> Module
        self.reexports = {}  # name -> (path tuple relative to crate root)
        self.globs = []  # path tuples
        self.code = ""  # this module's own code (inline children cut out)


def child_file(parent_file, name, is_dir_owner, path_attr):
    base = os.path.dirname(parent_file)
    if path_attr:
        return os.path.normpath(os.path.join(base, path_attr))
    if not is_dir_owner:
        base = os.path.join(base, os.path.splitext(os.path.basename(parent_file))[0])
    for candidate in (os.path.join(base, name + ".rs"), os.path.join(base, name, "mod.rs")):
        if os.path.exists(candidate):
            return candidate
    return None


MOD_RE = re.compile(r"((?:#\[[^\]]*\]\s*)*)(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_][A-Za-z0-9_]*)\s*([;{])")


def split_inline(code):
    """Cuts inline `mod x { … }` blocks out of `code`: (own code, [(attrs, name, body)])."""
    own, inlines, pos = [], [], 0
    for m in MOD_RE.finditer(code):
        if m.start() < pos:
            continue
        if m.group(3) == ";":
            continue
        depth, j = 1, m.end()
        while j < len(code) and depth:
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
            j += 1
        own.append(code[pos:m.start()])
        own.append("\n" * code.count("\n", m.start(), j))
        inlines.append((m.group(1), m.group(2), code[m.end():j - 1]))
        pos = j
    own.append(code[pos:])
    return "".join(own), inlines


def load_module(crate, path, file, code, is_dir_owner, modules):
    mod = Module(crate, path, file, inline=False)
    fill_module(mod, code, is_dir_owner, modules)
    return mod


def fill_module(mod, code, is_dir_owner, modules):
    modules.append(mod)
    own, inlines = split_inline(code)
    mod.code = own
    for m in MOD_RE.finditer(own):
        if m.group(3) != ";":
            continue
        attrs, name = m.group(1), m.group(2)
        pa = re.search(r'#\[path\s*=\s*""', attrs)
        path_attr = None
        if pa:  # strings were blanked: read the attribute from the file itself
            raw = open(mod.file, encoding="utf-8").read()
            mm = re.search(r'#\[path\s*=\s*"([^"]+)"\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+' + name + r"\s*;", raw)
            path_attr = mm.group(1) if mm else None
        f = child_file(mod.file, name, is_dir_owner, path_attr)
        if f is None:
            continue
        text = strip_code(open(f, encoding="utf-8").read())
        child = load_module(mod.crate, mod.path + (name,), f, text, os.path.basename(f) == "mod.rs", modules)
        mod.children[name] = child
    for attrs, name, body in inlines:
        child = Module(mod.crate, mod.path + (name,), mod.file, inline=True)
        fill_module(child, body, is_dir_owner, modules)
        mod.children[name] = child


USE_RE = re.compile(r"\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);")


def expand_use_tree(tree):
    """`a::{b, c::{d as e}, self}` -> [(["a","b"], "b"), …] as (path, bound name)."""
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, t):
        parts, depth, cur = [], 0, ""
        for ch in t:
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            cur += ch
        if cur:
            parts.append(cur)
        for p in parts:
            if "{" in p:
                head, rest = p.split("{", 1)
                head = [s for s in head.split("::") if s]
                walk(prefix + head, rest[:-1])
            else:
                alias = None
                if "as" in p and re.search(r"[A-Za-z0-9_]as[A-Za-z_]", p):
                    # whitespace was removed: split on the last "as" boundary
                    m = re.match(r"(.*[A-Za-z0-9_*])as([A-Za-z_][A-Za-z0-9_]*)$", p)
                    if m and "::" in m.group(1) or (m and m.group(1) and not m.group(1).endswith("::")):
                        p, alias = m.group(1), m.group(2)
                segs = [s for s in p.split("::") if s]
                if segs and segs[-1] == "self":
                    segs = segs[:-1]
                full = prefix + segs
                if not full:
                    continue
                out.append((full, alias or full[-1]))

    walk([], tree)
    return out


def absolute(mod, segs):
    """A path as seen from `mod` -> tuple from the crate root, or None when
    it leaves the crate."""
    if not segs:
        return None
    if segs[0] == "crate":
        return tuple(segs[1:])
    if segs[0] in ("super", "self"):
        base = list(mod.path)
        i = 0
        while i < len(segs) and segs[i] in ("super", "self"):
            if segs[i] == "super":
                base = base[:-1]
            i += 1
        return tuple(base) + tuple(segs[i:])
    return None


def main():
    graph_wanted = "--graph" in sys.argv
    crates_dir = os.path.join(ROOT, "crates")
    problems = []
    all_edges = {}
    for crate in sorted(os.listdir(crates_dir)):
        src = os.path.join(crates_dir, crate, "src")
        roots = [f for f in ("lib.rs", "main.rs") if os.path.exists(os.path.join(src, f))]
        for root in roots:
            modules = []
            root_file = os.path.join(src, root)
            load_module(crate, (), root_file, strip_code(open(root_file, encoding="utf-8").read()), True, modules)
            by_path = {m.path: m for m in modules}
            # Names each module brings in by `pub use` (re-exports) and `use`.
            for m in modules:
                for um in USE_RE.finditer(m.code):
                    for segs, name in expand_use_tree(um.group(2)):
                        target = absolute(m, segs) if segs[0] in ("crate", "super", "self") else None
                        if target is None:
                            # `use child::X` from a module names a child or an item here.
                            if segs[0] in m.children:
                                target = m.path + tuple(segs)
                            else:
                                continue
                        if name == "*":
                            m.globs.append(target[:-1])
                        else:
                            m.reexports[name] = target

            def resolve(path, seen=None):
                """The module that really holds `path` (a tuple from the root)."""
                seen = seen or set()
                if path in seen:
                    return by_path.get(())
                seen.add(path)
                cur = by_path[()]
                for i, seg in enumerate(path):
                    if seg in cur.children:
                        cur = cur.children[seg]
                        continue
                    if seg in cur.reexports:
                        return resolve(cur.reexports[seg] + tuple(path[i + 1:]), seen)
                    for g in cur.globs:
                        if g in by_path and g != cur.path:
                            deeper = resolve(g + (seg,) + tuple(path[i + 1:]), seen)
                            if deeper is not by_path.get(g):
                                return deeper
                    return cur
                return cur

            edges = set()
            path_re = re.compile(r"\b(crate|super|self)((?:::(?:super|self|[A-Za-z_][A-Za-z0-9_]*))+)")
            for m in modules:
                found = []
                for um in USE_RE.finditer(m.code):
                    is_pub = bool(um.group(1))
                    for segs, name in expand_use_tree(um.group(2)):
                        if segs[0] in ("crate", "super", "self") or segs[0] in m.children:
                            target = absolute(m, segs) if segs[0] in ("crate", "super", "self") else m.path + tuple(segs)
                            if target is None:
                                continue
                            if segs[-1] == "*":
                                target = target[:-1]
                            # A module's re-export of its own child is ownership.
                            if is_pub and target[: len(m.path) + 1] in [m.path + (c,) for c in m.children]:
                                continue
                            found.append(target)
                code_wo_use = USE_RE.sub(" ", m.code)
                for pm in path_re.finditer(code_wo_use):
                    segs = [pm.group(1)] + [s for s in pm.group(2).split("::") if s]
                    target = absolute(m, segs)
                    if target is not None:
                        found.append(target)
                for target in found:
                    holder = resolve(target)
                    if holder is None or holder.file == m.file:
                        continue
                    edges.add((os.path.relpath(m.file, ROOT), os.path.relpath(holder.file, ROOT)))
            all_edges.setdefault(crate, set()).update(edges)

    for crate, edges in sorted(all_edges.items()):
        if graph_wanted:
            for a, b in sorted(edges):
                print(f"{a} -> {b}")
        for cycle, others in cycles(edges):
            also = f" (and, in the same knot, {', '.join(others)})" if others else ""
            problems.append("import loop: " + " -> ".join(cycle + [cycle[0]]) + also)

    for dirpath, _, files in os.walk(crates_dir):
        for f in files:
            if not f.endswith(".rs"):
                continue
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, ROOT)
            if is_test_file(rel) or rel in LONG_FILES_ALLOWED:
                continue
            lines = sum(1 for _ in open(full, encoding="utf-8"))
            if lines > MAX_LINES:
                problems.append(f"{rel}: {lines} lines (at most {MAX_LINES}: split it by what its parts do)")

    for p in problems:
        print(p)
    if problems:
        print(f"check-house: {len(problems)} problem(s)")
        return 1
    print("check-house: no import loops, no source file over %d lines" % MAX_LINES)
    return 0


def cycles(edges):
    """Strongly connected components with more than one file, each shown as
    one cycle through it."""
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    out = []
    for comp in comps:
        members = set(comp)
        start = min(comp)
        # A shortest cycle back to `start` inside the component.
        prev, queue = {start: None}, [start]
        found = None
        while queue and not found:
            nxt = []
            for v in queue:
                for w in sorted(graph[v]):
                    if w not in members:
                        continue
                    if w == start:
                        found = v
                        break
                    if w not in prev:
                        prev[w] = v
                        nxt.append(w)
                if found:
                    break
            queue = nxt
        path, v = [], found
        while v is not None:
            path.append(v)
            v = prev[v]
        cycle = list(reversed(path))
        others = sorted(members - set(cycle))
        out.append((cycle, others))
    return out


if __name__ == "__main__":
    sys.exit(main())

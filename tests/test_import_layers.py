"""Imports between the project's apps run one way: an app never needs, directly or through
others, an app that needs it. A newcomer can then read the apps from the bottom up, and a change
in a lower app cannot be broken by an import order in a higher one.

Every import counts, at module level or inside a function (a deferred import only hides a cycle
from Python, not from the reader); tests and migrations are apps' users, not parts of them, and
are left out. The demo (`demo/`) is an app like the others: it uses the content apps, and none
of them uses it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_PARTS = {"tests", "migrations", "node_modules", ".venv", "static", "templates", "locale"}


def project_apps():
    return sorted(
        path.parent.name for path in ROOT.glob("*/apps.py") if path.parent.name not in SKIPPED_PARTS
    )


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            else:
                yield node.module


def app_imports():
    """{app: {other apps it imports}} over every module of every app (and of cms)."""
    apps = project_apps()
    graph = {app: set() for app in [*apps, "cms"]}
    for app in graph:
        for path in (ROOT / app).rglob("*.py"):
            if SKIPPED_PARTS & set(path.relative_to(ROOT).parts):
                continue
            for module in imported_modules(path):
                top = module.split(".")[0]
                if top in graph and top != app:
                    graph[app].add(top)
    return graph


def find_cycle(graph):
    """One cycle as a list of apps, or None."""
    state = {}

    def visit(app, trail):
        state[app] = "open"
        for other in sorted(graph[app]):
            if state.get(other) == "open":
                return [*trail[trail.index(other) :], other] if other in trail else [app, other]
            if other not in state:
                found = visit(other, [*trail, other])
                if found:
                    return found
        state[app] = "done"
        return None

    for app in sorted(graph):
        if app not in state:
            found = visit(app, [app])
            if found:
                return found
    return None


def test_the_reader_sees_the_apps_it_checks():
    graph = app_imports()
    assert {"access", "generation", "networks", "search", "pagecache"} <= set(graph)
    # Real edges are found: the check cannot pass by reading nothing.
    assert "access" in graph["networks"]
    assert "networks" in graph["search"]
    assert {"home", "networks", "terminology"} <= graph["demo"]


def test_no_cycle_between_apps():
    cycle = find_cycle(app_imports())
    assert cycle is None, "apps import each other: " + " → ".join(cycle)


def test_a_cycle_is_found_when_there_is_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None

"""axe-core helpers: inject node_modules/axe-core/axe.min.js from disk and run it."""

from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, tags=AXE_TAGS):
    """Run axe-core (injected from node_modules) on the page; return its violations."""
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} missing: run scripts/install.sh", pytrace=False)
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                          summary: n.failureSummary})),
            }));
        }""",
        list(tags),
    )


def format_violations(violations):
    """One block per rule: id, impact, help, then each failing target."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} node(s)]")
        for n in v["nodes"]:
            target = " ".join(str(t) for t in n["target"])
            lines.append(f"    {target}    {n['html'][:160]}")
    return "\n".join(lines)

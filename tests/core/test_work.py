"""One long-work contract: progress(done, total, what), should_cancel(), and one Cancelled."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from fieldapp.errors import FieldAppError
from fieldapp.work import Cancelled, stop_if_asked

ROOT = Path(__file__).resolve().parents[2]


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text("utf-8"))) for p in sorted((ROOT / "fieldapp").rglob("*.py"))] + [
        (p, ast.parse(p.read_text("utf-8"))) for p in sorted((ROOT / "ui").rglob("*.py"))
    ]


def test_one_cancelled_and_one_pair_of_callable_types() -> None:
    own = ROOT / "fieldapp" / "work.py"
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Cancelled"):
                assert path == own, f"{path}: {node.name} (use fieldapp.work.Cancelled)"
            if isinstance(node, ast.Assign) and path != own:
                names = {t.id for t in node.targets if isinstance(t, ast.Name)}
                assert not names & {"Progress", "ShouldCancel", "Cancel"}, f"{path}: {names}"
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                params = [a.arg for a in node.args.args + node.args.kwonlyargs]
                assert "cancel" not in params, f"{path}:{node.lineno} {node.name}: say should_cancel"


def test_every_long_work_takes_progress_and_should_cancel() -> None:
    from fieldapp.hq import check, dedupe, linkage, partner_export, review, views
    from fieldapp.photos import batch
    from fieldapp.reports import documents, handover, manifest
    from fieldapp.sync import export, network, purge

    long_work = [
        documents.manifest_document,
        documents.forms_document,
        handover.render_handover,
        manifest.render_manifest,
        manifest.render_forms,
        batch.import_folder,
        export.export_bundle,
        network.push,
        purge.purge_acknowledged,
        views.import_files,
        check.run_hq_check,
        dedupe.find_candidates,
        dedupe.train,
        linkage.estimate,
        linkage.predict,
        review.Review.candidates,
        partner_export.partner_export,
    ]
    for fn in long_work:
        params = inspect.signature(fn).parameters
        assert {"progress", "should_cancel"} <= set(params), fn.__qualname__


def test_cancelled_is_an_expected_failure_with_a_plain_message() -> None:
    with pytest.raises(Cancelled) as caught:
        stop_if_asked(lambda: True)
    assert isinstance(caught.value, FieldAppError) and caught.value.code == "work.cancelled"
    stop_if_asked(lambda: False)
    stop_if_asked(None)

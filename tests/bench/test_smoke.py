"""The benchmark still runs: every measurement at a tiny size on this run's database, in seconds.

No timing is asserted here (speed is measured by ``python -m bench.run``, not by tests);
what is checked is that each figure was produced, the results table written, and the
query counts the lists are built on.
"""

import importlib.util
import uuid

import pytest

from bench.run import run_benchmark

from ..databases import BACKEND, POSTGRES_URL

pytestmark = pytest.mark.slow  # about 15 s: generation, gunicorn for a second, three child processes


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "RESULTS.md"
    results = run_benchmark(
        [3000],  # 30 grants: more than one page
        [BACKEND],
        out=out,
        pg_url=POSTGRES_URL or "postgresql://unused",
        fresh=True,
        keep=False,
        label=f"smoke_{uuid.uuid4().hex[:8]}_",
        data_dir=out.parent,
        min_seconds=0.0,
        min_runs=1,
        load_seconds=1,
        memory=True,
        worker_requests=30,
        progress_bar=False,
        echo=lambda _line: None,
    )
    return out, {r.key: r for r in results}


def skip_without_gunicorn(key):
    """The figures over HTTP need gunicorn (the serve extra)."""
    if key.startswith(("throughput.", "memory.worker")) and importlib.util.find_spec("gunicorn") is None:
        pytest.skip("gunicorn is not installed (the serve extra)")


def test_the_smoke_run_writes_a_results_table_with_machine_versions_and_targets(smoke):
    out, _ = smoke
    text = out.read_text()
    assert "## Machine and versions" in text
    assert "| Python |" in text
    assert "## Targets" in text
    assert "| Measurement | Figure | Peer | × peer | Floor | Ratio | Target | Verdict |" in text
    assert out.with_suffix(".json").exists()


@pytest.mark.parametrize(
    "key",
    [
        "proposals.first",
        "proposals.deep",
        "proposals.cursor",
        "grants.first",
        "grants.cursor",
        "contributions.first",
        "contributions.cursor",
        "totals.all.cold",
        "totals.all.cached",
        "totals.year_kind.cold",
        "totals.public.cold",
        "totals.public.cached",
        "approval.check",
        "pdf.render",
        "pdf.cached",
        "throughput.list",
        "throughput.grants",
        "throughput.contributions",
        "memory.worker",
        "memory.idle",
        "memory.pdf",
        "memory.csv",
    ],
)
def test_each_measurement_has_a_figure(smoke, key):
    _, results = smoke
    skip_without_gunicorn(key)
    assert results[key].value is not None, results[key].note
    assert results[key].value > 0


@pytest.mark.parametrize(
    "key",
    [
        "proposals.first",
        "proposals.deep",
        "proposals.cursor",
        "grants.first",
        "contributions.recount",
        "contributions.cursor",
        "throughput.list",
        "throughput.contributions",
        "memory.worker",
    ],
)
def test_each_list_figure_has_its_peers_from_the_same_run(smoke, key):
    _, results = smoke
    skip_without_gunicorn(key)
    assert results[key].peer is not None
    assert results[key].peer > 0
    assert results[key].peer_met is not None


@pytest.mark.parametrize(
    "key",
    ["proposals.first", "grants.first", "totals.all.cold", "pdf.render", "throughput.list"],
)
def test_each_comparison_has_its_floor_from_the_same_run(smoke, key):
    _, results = smoke
    skip_without_gunicorn(key)
    assert results[key].floor is not None
    assert results[key].floor > 0
    assert results[key].met is not None


def test_a_list_page_reached_by_cursor_runs_no_count(smoke):
    _, results = smoke
    for name in ("proposals", "grants"):
        assert results[f"{name}.cursor"].queries == results[f"{name}.deep"].queries - 1  # no COUNT
    # the contributions' page by number reads the kept count (1 statement), or, when counting took
    # less than keeping would cost (ANSWER_CACHE_MIN_MS, a matter of time), reads none kept and
    # counts (2); by cursor it does neither
    deep = results["contributions.deep"].queries
    assert results["contributions.cursor"].queries in (deep - 1, deep - 2)
    assert results["contributions.cursor"].queries == results["proposals.cursor"].queries


def test_the_full_csv_export_streams_every_generated_contribution(smoke):
    _, results = smoke
    assert "(3,000 rows" in results["memory.csv"].name


def test_a_cold_total_is_computed_not_found_kept(smoke):
    """The answers kept in the database are forgotten before each cold request (as a money write
    makes them stale): it reads the version, finds nothing kept and computes the aggregate."""
    _, results = smoke
    assert results["totals.all.cold"].queries > 2, "the token and the kept answer only: nothing computed"
    assert results["contributions.recount"].queries >= results["contributions.first"].queries

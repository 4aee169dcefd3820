"""The conformance suite (compat/) as pytest tests: one test per scenario.

All scenarios run once, in parallel, the first time a test asks for the
results; each test then reports its own scenario's outcome.
"""
import shutil

import pytest

from compat import runner

SCENARIOS = runner.discover()


@pytest.fixture(scope="session")
def compat_results():
    if shutil.which("node") is None:
        pytest.fail("node is not on PATH: the conformance suite needs Node v20 to compare against")
    known = runner.known_differences()
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(4) as pool:
        done = list(pool.map(lambda s: runner.run_scenario(runner.Scenario(s.area, s.name), known), SCENARIOS))
    return {s.id: s for s in done}


@pytest.mark.parametrize("scenario_id", [s.id for s in SCENARIOS])
def test_scenario_traces_match_node(compat_results, scenario_id):
    result = compat_results[scenario_id]
    assert result.status != runner.FAIL, result.detail

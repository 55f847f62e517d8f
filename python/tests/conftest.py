"""The library and the CLI the tests compare: LOWWEAR_LIBRARY and
LW_BINARY (tests/CMakeLists.txt sets both), else build/ of this tree."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
os.environ.setdefault("LOWWEAR_LIBRARY",
                      os.path.join(ROOT, "build", "liblowwear.so.0"))
BINARY = os.environ.get("LW_BINARY", os.path.join(ROOT, "build", "lowwear"))


def pytest_sessionfinish(session, exitstatus):
    """Skips are visible to CTest: a run that skipped something and failed
    nothing ends with 77 (CTest's "Skipped"), or fails under
    LW_TEST_NO_SKIP=1 as the C tests do."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped and exitstatus == 0:
        session.exitstatus = 1 if os.environ.get("LW_TEST_NO_SKIP") else 77

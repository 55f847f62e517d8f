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

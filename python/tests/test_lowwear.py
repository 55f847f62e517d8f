"""The Python module against the CLI: the same programs byte for byte, the
same reports, the same errors."""
import json
import os
import shutil
import subprocess

import pytest

import lowwear
from conftest import BINARY, ROOT

ADDER = os.path.join(ROOT, "examples", "full_adder.blif")
needs_abc = pytest.mark.skipif(
    not (shutil.which("berkeley-abc") or shutil.which("abc")),
    reason="no ABC (berkeley-abc or abc) on the PATH")


def cli(*args):
    return subprocess.run([BINARY, *args], check=True, capture_output=True,
                          text=True).stdout


def drop_times(value):
    """A report without its time fields (they differ run to run)."""
    if isinstance(value, dict):
        return {k: drop_times(v) for k, v in value.items()
                if "second" not in k and "time" not in k}
    if isinstance(value, list):
        return [drop_times(v) for v in value]
    return value


CASES = [
    ("lowwear", "min", {}, []),
    ("losss", "min", {}, ["--flow", "losss"]),
    ("simpler", "min", {}, ["--flow", "simpler"]),
    ("lowwear-wide", "9", {}, ["--flow", "lowwear-wide", "--row", "9"]),
    ("lowwear", "10", {"wear_aware": True, "prob_reinit": True,
                       "latency_slack": 0.2},
     ["--row", "10", "--wear-aware", "--prob-reinit", "--latency-slack",
      "0.2"]),
    ("losss", "min", {"gates": "wide", "max_inputs": 3, "cost": "wear",
                      "reinit": "demand", "paper_rules": True, "cec": False},
     ["--flow", "losss", "--gates", "wide", "--max-inputs", "3", "--cost",
      "wear", "--reinit", "demand", "--paper-rules", "--no-cec"]),
]


@needs_abc
@pytest.mark.parametrize("flow,row,options,args", CASES)
def test_map_is_the_cli_program_byte_for_byte(tmp_path, flow, row, options,
                                              args):
    out = tmp_path / "cli.json"
    cli("map", ADDER, "-o", str(out), *args)
    program = lowwear.map(ADDER, flow=flow, row=row, **options)
    assert program.to_json() == out.read_text()
    metrics = json.loads(out.read_text())["metrics"]
    assert program.metrics == metrics
    assert program.cycles == metrics["latency"]
    saved = tmp_path / "py.json"
    program.save(saved)
    assert saved.read_bytes() == out.read_bytes()


@needs_abc
@pytest.mark.parametrize("fmt", ["text", "simpler"])
def test_save_formats_are_the_cli_ones(tmp_path, fmt):
    out = tmp_path / "cli.out"
    cli("map", ADDER, "-o", str(out), "--format", fmt)
    lowwear.map(ADDER).save(tmp_path / "py.out", format=fmt)
    assert (tmp_path / "py.out").read_bytes() == out.read_bytes()


def test_bad_circuit_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.blif"
    bad.write_text(".model bad\n.inputs a b\n.frobnicate x\n.end\n")
    with pytest.raises(lowwear.Error) as caught:
        lowwear.map(bad)
    assert caught.value.file == str(bad)
    assert caught.value.line == 3
    assert caught.value.exit_status == 1
    run = subprocess.run([BINARY, "map", str(bad)], capture_output=True,
                         text=True)
    assert run.returncode == caught.value.exit_status
    assert caught.value.message in run.stderr


@needs_abc
def test_row_too_small_and_bad_option_statuses():
    with pytest.raises(lowwear.Error) as small:
        lowwear.map(ADDER, row=2)
    assert small.value.exit_status == 3 and "minimum" in small.value.message
    with pytest.raises(lowwear.Error) as bad:
        lowwear.map(ADDER, reinit="sometimes")
    assert bad.value.exit_status == 2 and "reinit" in bad.value.message
    with pytest.raises(lowwear.Error) as unknown:
        lowwear.map(ADDER, colour="red")
    assert "colour" in unknown.value.message


@needs_abc
@pytest.mark.parametrize("as_path", [False, True])
def test_verify_and_wear_are_the_cli_reports(tmp_path, as_path):
    path = tmp_path / "p.json"
    program = lowwear.map(ADDER, flow="losss")
    program.save(path)
    given = path if as_path else program
    assert drop_times(lowwear.verify(ADDER, given, vectors=100, seed=3)) == \
        drop_times(json.loads(cli("verify", ADDER, str(path), "--vectors",
                                  "100", "--seed", "3")))
    assert drop_times(lowwear.wear(ADDER, given, seed=5)) == \
        drop_times(json.loads(cli("wear", ADDER, str(path), "--seed", "5")))


def test_library_lookup_prefers_the_environment(monkeypatch):
    from lowwear import _lib
    monkeypatch.setenv("LOWWEAR_LIBRARY", "/nowhere/liblowwear.so.0")
    assert _lib.library_path() == "/nowhere/liblowwear.so.0"
    monkeypatch.delenv("LOWWEAR_LIBRARY")
    assert _lib.library_path().endswith("liblowwear.so.0") or \
        "lowwear" in _lib.library_path()


@needs_abc
def test_device_is_the_cli_report(tmp_path):
    path = tmp_path / "p.json"
    program = lowwear.map(ADDER)
    program.save(path)
    got = lowwear.device(ADDER, program, vectors=8, seed=2)
    want = json.loads(cli("device", "--program", ADDER, str(path), "--json",
                          "--vectors", "8", "--seed", "2"))
    assert got["all_pass"] is True and got["vectors"] == 8
    assert drop_times(got) == drop_times(want)
    paper = lowwear.device(ADDER, program, vectors=8, bias="paper")
    assert drop_times(paper) != drop_times(got)  # the bias reaches the run


@needs_abc
def test_sweep_is_the_cli_csv(tmp_path):
    rows = lowwear.sweep(ADDER, factors=(1, 2), wear_control=False,
                         vectors=64)
    out = tmp_path / "sweep"
    cli("sweep", ADDER, "--factors", "1,2", "--no-wear-control", "--vectors",
        "64", "-o", str(out))
    import csv
    with open(out / "sweep.csv", newline="") as f:
        want = list(csv.DictReader(f))
    timed = [k for k in want[0] if "second" in k]
    strip = [{k: v for k, v in r.items() if k not in timed} for r in rows]
    assert strip == [{k: v for k, v in r.items() if k not in timed}
                     for r in want]
    assert {r["flow"] for r in rows} == {"simpler", "losss", "lowwear",
                                         "lowwear-wide"}
    with pytest.raises(lowwear.Error) as e:
        lowwear.sweep(ADDER, factors=())
    assert e.value.exit_status == 2

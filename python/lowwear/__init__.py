"""lowwear from Python: the shared library liblowwear.so.0 through ctypes
(docs/python.md). map() gives a Program; verify() and wear() give the JSON
reports `lowwear verify` and `lowwear wear` print. Errors raise Error."""
import contextlib
import csv
import ctypes
import json
import os
import shutil
import tempfile

from ._lib import CError, Error, check, lib, take_text

__all__ = ["Error", "Program", "map", "verify", "wear", "device", "sweep"]


def _text(value):
    """An option's value as the library's text: booleans as 1/0."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return os.fspath(value) if isinstance(value, os.PathLike) else str(value)


class _Params:
    """lw_flow_params made with lw_flow_params_new, set key by key."""

    def __init__(self, flow, options):
        self.ptr = lib().lw_flow_params_new(lib().lw_flow_parse(flow.encode()))
        if not self.ptr:
            raise Error("unknown flow '%s'" % flow, exit_status=2)
        for key, value in options.items():
            if value is None:
                continue
            err = CError()
            check(lib().lw_flow_params_set(self.ptr, key.encode(),
                                           _text(value).encode(), err), err)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        lib().lw_flow_params_free(self.ptr)
        self.ptr = None


class Program:
    """A program of stateful-logic operations for one row (lowwear-program/1).
    cycles: its latency; cells: the row size; metrics: the "metrics" object
    of its JSON."""

    def __init__(self, ptr):
        self._ptr = ptr

    @classmethod
    def load(cls, path):
        """A program file (JSON) read by the library."""
        ptr = ctypes.c_void_p()
        err = CError()
        check(lib().lw_io_read_program(os.fspath(path).encode(),
                                       ctypes.byref(ptr), err), err)
        return cls(ptr)

    def __del__(self):
        if getattr(self, "_ptr", None) and lib is not None:
            lib().lw_program_free(self._ptr)
            self._ptr = None

    @property
    def cycles(self):
        return lib().lw_program_latency(self._ptr)

    @property
    def cells(self):
        return lib().lw_program_row_size(self._ptr)

    @property
    def metrics(self):
        return json.loads(self.to_json())["metrics"]

    def save(self, path, format="json"):
        """Write the program as `lowwear map -o PATH --format FORMAT` does."""
        fmt = lib().lw_io_format_parse(format.encode())
        if fmt < 0:
            raise Error("unknown format '%s'" % format, exit_status=2)
        err = CError()
        check(lib().lw_io_write_program(self._ptr, os.fspath(path).encode(),
                                        fmt, err), err)

    def to_json(self):
        """The exact text `lowwear map -o FILE` writes."""
        with _scratch() as folder:
            path = os.path.join(folder, "program.json")
            self.save(path)
            with open(path, encoding="utf-8") as f:
                return f.read()


@contextlib.contextmanager
def _scratch():
    folder = tempfile.mkdtemp(prefix="lowwear-py-")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _program_path(program):
    """A path to the program: program itself, or a Program saved."""
    if not isinstance(program, Program):
        yield os.fspath(program)
        return
    with _scratch() as folder:
        path = os.path.join(folder, "program.json")
        program.save(path)
        yield path


def map(circuit, flow="lowwear", row="min", **options):
    """Map circuit (a path) with flow at row cells ("min": the minimum row);
    options are lw_flow_params_set's keys (docs/python.md)."""
    with _Params(flow, dict(options, row=row)) as params:
        ptr = ctypes.c_void_p()
        err = CError()
        check(lib().lw_flow_params_map(os.fspath(circuit).encode(),
                                       params.ptr, ctypes.byref(ptr), err),
              err)
        return Program(ptr)


def _report(fn, circuit, program, options):
    with _Params("lowwear", options) as params, \
            _program_path(program) as path:
        err = CError()
        text = take_text(fn(os.fspath(circuit).encode(), path.encode(),
                            params.ptr, err), err)
        return json.loads(text)


def verify(circuit, program, cec=True, vectors=4096, seed=1, **options):
    """`lowwear verify CIRCUIT PROGRAM`'s JSON report as a dict ("ok" is
    false for an incorrect program). program: a Program or a path."""
    return _report(lib().lw_flow_verify_json, circuit, program,
                   dict(options, cec=cec, vectors=vectors, seed=seed))


def wear(circuit, program, vectors=4096, seed=1, verify=True, **options):
    """`lowwear wear CIRCUIT PROGRAM`'s JSON report as a dict; verify=False
    is --no-verify."""
    return _report(lib().lw_wear_run_json, circuit, program,
                   dict(options, vectors=vectors, seed=seed, verify=verify))


def device(circuit, program, vectors=64, seed=1, bias="recommended",
           **options):
    """`lowwear device --program CIRCUIT PROGRAM --json`'s report as a dict
    ("all_pass": every vector read right on the row of devices)."""
    with _Params("lowwear", dict(options, seed=seed)) as params, \
            _program_path(program) as path:
        err = CError()
        text = take_text(lib().lw_device_program_json(
            os.fspath(circuit).encode(), path.encode(), params.ptr,
            bias.encode() if bias else None, int(vectors), err), err)
        return json.loads(text)


def sweep(circuit, factors=(1, 1.5, 2), wear_control=True, vectors=4096,
          cec=False, **options):
    """`lowwear sweep CIRCUIT --factors ...`'s sweep.csv as a list of dicts
    (one per flow and row; the CSV's columns as strings)."""
    factors = [float(f) for f in factors]
    array = (ctypes.c_double * len(factors))(*factors)
    with _Params("lowwear", dict(options, vectors=vectors, cec=cec)) as params, \
            _scratch() as folder:
        path = os.path.join(folder, "sweep.csv")
        err = CError()
        check(lib().lw_sweep_params_csv(os.fspath(circuit).encode(),
                                        params.ptr, array, len(factors),
                                        1 if wear_control else 0,
                                        path.encode(), err), err)
        with open(path, newline="") as f:
            return list(csv.DictReader(f))

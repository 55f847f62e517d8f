"""The shared library liblowwear.so.0 through ctypes: where it is found and
the signatures of the few functions the module calls."""
import ctypes
import ctypes.util
import os


class Error(Exception):
    """A library error: the C message, the file and line it names (None and
    0 when it names none) and the exit status `lowwear` would have ended
    with (lw_status_exit_code)."""

    def __init__(self, message, file=None, line=0, exit_status=1):
        where = ""
        if file:
            where = "%s:%d: " % (file, line) if line > 0 else "%s: " % file
        super().__init__(where + message)
        self.message = message
        self.file = file
        self.line = line
        self.exit_status = exit_status


class CError(ctypes.Structure):
    """lw_error of include/lowwear/status.h."""

    _fields_ = [("status", ctypes.c_int), ("file", ctypes.c_char * 512),
                ("line", ctypes.c_int), ("msg", ctypes.c_char * 1024)]


def library_path():
    """LOWWEAR_LIBRARY when set, else a copy beside this module, else the
    name the loader looks up."""
    env = os.environ.get("LOWWEAR_LIBRARY")
    if env:
        return env
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "liblowwear.so.0")
    if os.path.exists(beside):
        return beside
    return ctypes.util.find_library("lowwear") or "liblowwear.so.0"


P = ctypes.c_void_p
S = ctypes.c_char_p
E = ctypes.POINTER(CError)
SIGNATURES = {
    "lw_flow_parse": (ctypes.c_int, [S]),
    "lw_flow_params_new": (P, [ctypes.c_int]),
    "lw_flow_params_set": (ctypes.c_int, [P, S, S, E]),
    "lw_flow_params_free": (None, [P]),
    "lw_flow_params_map": (ctypes.c_int, [S, P, ctypes.POINTER(P), E]),
    "lw_flow_verify_json": (P, [S, S, P, E]),
    "lw_wear_run_json": (P, [S, S, P, E]),
    "lw_device_program_json": (P, [S, S, P, S, ctypes.c_uint32, E]),
    "lw_sweep_params_csv": (ctypes.c_int, [S, P, ctypes.POINTER(ctypes.c_double),
                                           ctypes.c_uint32, ctypes.c_int, S, E]),
    "lw_flow_text_free": (None, [P]),
    "lw_io_format_parse": (ctypes.c_int, [S]),
    "lw_io_write_program": (ctypes.c_int, [P, S, ctypes.c_int, E]),
    "lw_io_read_program": (ctypes.c_int, [S, ctypes.POINTER(P), E]),
    "lw_program_free": (None, [P]),
    "lw_program_latency": (ctypes.c_uint32, [P]),
    "lw_program_row_size": (ctypes.c_uint32, [P]),
    "lw_status_exit_code": (ctypes.c_int, [ctypes.c_int]),
}

_lib = None


def lib():
    """The library, loaded once, its signatures declared."""
    global _lib
    if _lib is None:
        path = library_path()
        try:
            handle = ctypes.CDLL(path)
        except OSError as e:
            raise Error("cannot load the lowwear library %s: %s" % (path, e))
        for name, (restype, argtypes) in SIGNATURES.items():
            fn = getattr(handle, name)
            fn.restype = restype
            fn.argtypes = argtypes
        _lib = handle
    return _lib


def raise_error(err):
    """Raise the lw_error err as an Error."""
    file = err.file.decode(errors="replace") or None
    raise Error(err.msg.decode(errors="replace"), file, err.line,
                lib().lw_status_exit_code(err.status))


def check(status, err):
    """Raise err when status is not LW_OK (0)."""
    if status != 0:
        raise_error(err)


def take_text(ptr, err):
    """A char * the library allocated, as str (freed); raise err if NULL."""
    if not ptr:
        raise_error(err)
    try:
        return ctypes.string_at(ptr).decode()
    finally:
        lib().lw_flow_text_free(ptr)

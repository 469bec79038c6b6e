# test/clients/common.py: the checks every Python recipe shares. Prints TAP
# lines; the recipes themselves stay as a user would write them.
import math
import sys

# oba.rate(12, 4310): what the server computes, to the last bit
RATE = (27.842227378190252, 14.370092443338814, 48.63772170212691)
_failed = 0
_n = 0


def check(ok, what):
    global _failed, _n
    _n += 1
    if not ok:
        _failed += 1
    print(("ok" if ok else "not ok") + " %d - %s" % (_n, what))


def same_float(got, want):
    return isinstance(got, float) and got == want and not math.isnan(got)


def done():
    print("1..%d" % _n)
    sys.exit(1 if _failed else 0)

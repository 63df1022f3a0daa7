"""corpuscut's command line (see ``cli.app``)."""

import os

# The command spreads its work over processes itself (--jobs); numpy's BLAS threads on top of
# them only fight for the cores (measured: digest 8% slower in one process, and no faster with
# two workers than with one). Set before numpy is first imported; a user's own setting wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

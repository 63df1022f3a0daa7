"""Process set-up shared by the command and its workers."""

from __future__ import annotations


def test_the_command_sets_one_blas_thread_before_numpy_loads_and_keeps_a_users_setting():
    import subprocess
    import sys

    code = ("import os, sys; import corpuscut.cli; assert 'numpy' not in sys.modules; "
            "print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['MKL_NUM_THREADS'])")
    env = {k: v for k, v in __import__("os").environ.items() if not k.endswith("_NUM_THREADS")}
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert plain.stdout.split() == ["1", "1"]
    own = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**env, "OPENBLAS_NUM_THREADS": "3"})
    assert own.stdout.split() == ["3", "1"]

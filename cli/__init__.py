"""corpuscut's command line (see ``cli.app``)."""

from corpuscut.batch.processes import one_blas_thread

# Before numpy is first imported, by any module of the command.
one_blas_thread()

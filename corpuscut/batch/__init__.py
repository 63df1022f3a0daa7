"""The batch engine: many inputs split (and summarized) in bounded memory, their sections
spread over worker processes or a Dask cluster, the results given back in input order. Used by
``split`` and ``digest``; it knows nothing of the command line.

- :mod:`.engine`: the flow. A :class:`~.engine.Job` says what to compute;
  :func:`~.engine.run_batch` reads the inputs, cuts them into sections, has each decided (and
  summarized) where the workers are, and gives events in input order.
- :mod:`.workers`: where tasks run: a local pool of processes (:func:`~.workers.local_workers`),
  how many are worth starting, and the errors of workers.
- :mod:`.cluster`: a Dask cluster's workers (:func:`~.cluster.cluster_workers`).
- :mod:`.processes`: set-up of the command's and the workers' processes (BLAS threads, the
  cycle collector, interrupts); it imports nothing heavy.
"""

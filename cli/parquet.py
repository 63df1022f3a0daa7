"""``--format parquet``: the records as an Apache Parquet table (extra ``corpuscut[parquet]``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .render import BaseWriter, Described

#: Rows per row group: large enough for columnar reading, small enough for bounded memory.
ROWS_PER_GROUP = 10_000


def _types() -> dict[str, Any]:
    import pyarrow as pa

    return {
        "index": pa.int64(), "start": pa.int64(), "end": pa.int64(), "start_line": pa.int64(),
        "end_line": pa.int64(), "words": pa.int64(), "score": pa.float64(),
        "body_start": pa.int64(), "body_end": pa.int64(), "boilerplate": pa.float64(),
        "reasons": pa.list_(pa.string()), "sentences": pa.list_(pa.string()), "body_dropped": pa.list_(pa.string()),
        "evidence": pa.map_(pa.string(), pa.float64()), "title_guessed": pa.bool_(),
    }


def available() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class ParquetWriter(BaseWriter):
    """Columns are the record's fields, in the record's order, typed (offsets and counts as
    int64, ``reasons`` and ``sentences`` as lists of strings, ``evidence`` as a map)."""

    out: BinaryIO
    rows: list[dict[str, Any]] = field(default_factory=list)
    writer: Any = None
    schema: Any = None
    streaming = True

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        self.rows.extend(records)
        if len(self.rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        if self.schema is None:
            types = _types()
            self.schema = pa.schema([(name, types.get(name, pa.string())) for name in self.rows[0]])
            self.writer = pq.ParquetWriter(self.out, self.schema, compression="zstd")
        for row in self.rows:
            if "evidence" in row:
                row["evidence"] = list(row["evidence"].items())
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        self._flush()
        if self.writer is not None:
            self.writer.close()

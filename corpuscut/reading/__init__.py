"""Reading inputs: bytes from a path or standard input, decompressed, decoded, as documents.

>>> from corpuscut.reading import decode_bytes
>>> decode_bytes("Café".encode("cp1252") + b" au lait, " * 40)[1]
'cp1252'

An input is recognised by its bytes, not its name: its first bytes pick a compression from
:data:`COMPRESSIONS`; after decompression, its first bytes pick a format of records from
:data:`RECORD_FORMATS` (a WARC or WET file), and an input that starts with none of them is
text, its encoding chosen from its first megabyte and decoded as it streams.
:func:`input_documents` gives the documents of one input as the command reads them (with
``text_field``, each JSON Lines record is one); :func:`expand_inputs` turns the command's
arguments (``-``, files, folders, globs) into paths.

Modules, one job each: :mod:`.paths` (which files), :mod:`.raw` (their bytes),
:mod:`.compression`, :mod:`.decoding`, :mod:`.records` and :mod:`.warc`, :mod:`.jsonlines`,
:mod:`.documents` (what reading gives), :mod:`.opening` (putting them together) and
:mod:`.errors`.
"""

from .compression import COMPRESSIONS, MAGIC_BYTES, Compression, sniff_compression
from .decoding import check_encoding
from .documents import Document, TextStream
from .errors import BinaryInputError, InputError
from .jsonlines import json_lines_documents
from .opening import decode_bytes, input_documents, open_input, open_text, read_document
from .paths import STDIN, NotRegular, expand_inputs
from .records import RECORD_FORMATS, RecordFormat, RecordStream, sniff_records

__all__ = [
    "COMPRESSIONS",
    "MAGIC_BYTES",
    "RECORD_FORMATS",
    "STDIN",
    "BinaryInputError",
    "Compression",
    "Document",
    "InputError",
    "NotRegular",
    "RecordFormat",
    "RecordStream",
    "TextStream",
    "check_encoding",
    "decode_bytes",
    "expand_inputs",
    "input_documents",
    "json_lines_documents",
    "open_input",
    "open_text",
    "read_document",
    "sniff_compression",
    "sniff_records",
]

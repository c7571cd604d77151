"""The ground floor: the document model and the text tools (normalisation, legacy
encodings, syllables, domain tables, errors, atomic IO, serialisation, the
JSON Schema, table stitching). Imports nothing of the project."""

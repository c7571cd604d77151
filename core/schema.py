"""JSON Schema (draft 2020-12) of one document's output, schema_version "1".

The contract fields of CONTRACT.md are required with their types; added
fields are allowed.  ``validate(out)`` raises ``jsonschema.ValidationError``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_STR_OR_NULL = {"type": ["string", "null"]}
_DATE_OR_NULL = {"anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}]}
_INT_OR_NULL = {"type": ["integer", "null"]}

LOC = {
    "type": ["object", "null"],
    "properties": {k: _INT_OR_NULL for k in ("page", "block", "table", "row", "col", "start", "end", "footnote")},
    "required": ["page", "block", "start", "end"],
}
MENTION = {"type": "object", "required": ["text", "loc"], "properties": {"text": {"type": "string"}, "loc": LOC}}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://vanban.local/schema/document-1.json",
    "title": "vanban document output, schema_version 1",
    "type": "object",
    "required": ["schema_version", "source", "document", "references", "obligations", "units",
                 "criteria", "criteria_total", "warnings"],
    "properties": {
        "schema_version": {"const": "1"},
        "source": {
            "type": "object",
            "required": ["path", "sha256", "format", "pages"],
            "properties": {
                "path": {"type": "string"},
                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "format": {"enum": ["docx", "pdf", "doc", "txt", "md"]},
                "pages": _INT_OR_NULL,
            },
        },
        "document": {
            "type": "object",
            "required": ["type", "type_code", "number", "symbol", "id", "issuer", "parent_issuer",
                         "place", "date", "subject", "signer", "recipients", "distribution"],
            "properties": {
                **{k: _STR_OR_NULL for k in ("type", "type_code", "number", "symbol", "id", "issuer",
                                             "parent_issuer", "place", "subject")},
                "date": _DATE_OR_NULL,
                "signer": {
                    "anyOf": [{"type": "null"}, {
                        "type": "object", "required": ["name", "title", "authority"],
                        "properties": {"name": _STR_OR_NULL, "title": _STR_OR_NULL,
                                       "authority": {"enum": [None, "TM", "KT", "TL", "TUQ", "Q"]}},
                    }],
                },
                "recipients": {"type": "array", "items": {"type": "string"}},
                "distribution": {"type": "array", "items": {"type": "string"}},
            },
        },
        "references": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "type", "type_code", "number", "year", "symbol", "date", "issuer",
                             "title", "relation", "mentions"],
                "properties": {
                    "id": {"type": "string", "pattern": r"^\S+$"},
                    **{k: _STR_OR_NULL for k in ("type", "type_code", "number", "year", "symbol", "issuer", "title")},
                    "date": _DATE_OR_NULL,
                    "relation": {"enum": ["implements", "based_on", "cites"]},
                    "mentions": {"type": "array", "minItems": 1, "items": MENTION},
                },
            },
        },
        "obligations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["action", "units", "deadline", "recurrence", "report_to", "source_text", "loc"],
                "properties": {
                    "action": {"type": "string"},
                    "units": {"type": "array", "items": {
                        "type": "object", "required": ["name", "raw", "role"],
                        "properties": {"name": {"type": "string"}, "raw": {"type": "string"},
                                       "role": {"enum": ["lead", "support", "responsible", "monitor"]}},
                    }},
                    "deadline": {"anyOf": [{"type": "null"}, {
                        "type": "object", "required": ["date", "text"],
                        "properties": {"date": _DATE_OR_NULL, "text": {"type": "string"}},
                    }]},
                    "recurrence": {"anyOf": [{"type": "null"}, {
                        "type": "object", "required": ["text", "rrule"],
                        "properties": {"text": {"type": "string"}, "rrule": _STR_OR_NULL},
                    }]},
                    "report_to": _STR_OR_NULL,
                    "source_text": {"type": "string"},
                    "loc": LOC,
                },
            },
        },
        "units": {
            "type": "array",
            "items": {"type": "object", "required": ["name", "aliases"],
                      "properties": {"name": {"type": "string"},
                                     "aliases": {"type": "array", "items": {"type": "string"}}}},
        },
        "criteria": {"type": "array", "items": {"$ref": "#/$defs/criterion"}},
        "criteria_total": {"type": ["number", "null"]},
        "warnings": {
            "type": "array",
            "items": {"type": "object", "required": ["code", "message"],
                      "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "loc": LOC}},
        },
    },
    "$defs": {
        "criterion": {
            "type": "object",
            "required": ["code", "title", "text", "max_points", "choose_one", "units", "evidence", "children", "loc"],
            "properties": {
                "code": _STR_OR_NULL,
                "title": {"type": "string"},
                "text": {"type": "string"},
                "max_points": {"type": ["number", "null"]},
                "choose_one": {"type": "boolean"},
                "units": {"type": "array", "items": {"type": "string"}},
                "evidence": {"type": "array", "items": {"type": "string"}},
                "children": {"type": "array", "items": {"$ref": "#/$defs/criterion"}},
                "loc": LOC,
            },
        },
    },
}


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def validate(out: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` (the first error) if ``out`` breaks the schema."""
    errors = sorted(_validator().iter_errors(out), key=lambda e: list(e.absolute_path))
    if errors:
        raise errors[0]

"""vanban: Vietnamese administrative documents in, checkable structured data out."""

__version__ = "0.2.0"
SCHEMA_VERSION = "1"

"""vanban: Vietnamese administrative documents in, checkable structured data out."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1"

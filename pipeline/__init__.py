"""Trade-policy news → Parquet research tables (see README.md)."""

__version__ = "0.1.0"

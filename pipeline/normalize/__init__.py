"""Pure normalizers: mentions and article text in, typed table rows out (no I/O, no spaCy)."""

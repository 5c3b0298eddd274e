"""``bench``: per-stage throughput and peak memory on a real corpus, against bare tokenization.

`command` times the stages and the baseline and prints the figures;
`children` is what runs in each fresh process it starts (``python -m
pipeline.bench --child …``); `inputs` writes a smaller or a repeated copy of
the corpus; `memory` reads a process's memory.
"""

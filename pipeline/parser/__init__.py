"""The training recipe of the project's dependency parser (``python -m pipeline train-parser``).

It reads the Universal Dependencies treebanks and the corpora's raw text and
writes the spaCy pipeline under ``models/parser``; running that model over
articles is the extract stage's business (`pipeline.nlp.syntax`).
"""

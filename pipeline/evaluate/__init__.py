"""Scoring the pipeline's tables against gold annotations (``python -m pipeline evaluate``).

`gold` loads the annotation files, `locate` writes the gold articles' inputs,
`trade` and `meantime` hold the pure scoring rules, `command` runs it all and
`render` prints it.
"""

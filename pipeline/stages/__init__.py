"""The pipeline's stages: one module per stage, and the machinery they share.

`registry` lists the stages in order with their declarations (`SPECS`) and
callables (`STAGES`). Each per-article stage module (`extract`, `normalize`,
`events`) exposes its `StageSpec` and a batch function; `spec` declares a stage
and computes its rules version, `plan` chooses the work, `write` stores it
crash-safely and `run` drives the batches. This file imports nothing, so
importing one stage does not import the others.
"""

"""Errors a command reports to the user as a message, not a traceback."""


class PipelineError(RuntimeError):
    """Base of the errors that end a command with a clear message."""


class MissingInputError(PipelineError):
    """An input table of a stage has not been written yet."""


class NotBuiltError(PipelineError):
    """A stage or section whose issue has not landed yet."""


class LockedError(PipelineError):
    """Another live run holds the lock on this output folder."""


class RulesError(PipelineError):
    """A stage's rule files cannot be loaded: every article would fail, so the stage fails instead."""


class ModelsError(PipelineError):
    """The models folder lacks a rule file the chosen stages read: refused before any stage runs."""

"""The modes of what the pipeline publishes: what the process umask allows, as ``open`` and ``mkdir`` give.

`tempfile.mkstemp` and `tempfile.mkdtemp` create 0600 files and 0700 folders,
private by design. What is written through them and then moved into place
(tables, the built spaCy pipeline under ``models/.built``, reports) is read by
other users too: a cron job that runs as another user than the one who built
the model must be able to load it. So each writer gives its temporary file or
folder these modes before moving it into place. Imports nothing from the
package, so a module may use it without counting anything else in its rules
version.
"""

from __future__ import annotations

import os


def _umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()
FOLDER_MODE = 0o777 & ~_umask()

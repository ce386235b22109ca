"""The script and its keyframes, kept in step without Qt: the editor and the command line both go
through this package.

* :mod:`.sync` — after the script text changed: which keyframes to add, update or delete (one undoable
  edit) and which to (re)generate; proposals applied as one edit;
* :mod:`.generate` — a script → a whole generated animation; any file the CLI accepts → an animation;
* :mod:`.lines` — keyframe edits written back into their lines (a new description, a new time in the
  line's own style).
"""

from .generate import InputError, generate_animation, load_animation, read_script
from .lines import (
    LineKey,
    describe_keyframe,
    line_keys,
    retime_edit,
    script_with_description,
    script_with_times,
    time_prefix,
)
from .sync import (
    DRAFT,
    PROVENANCE,
    READING_HOLD,
    context_key,
    draft_keyframes,
    generation_targets,
    parsed_script,
    proposal_edit,
    reading_hold,
    script_keyframes,
    stale_keyframes,
    sync_keyframes,
    values_digest,
)

__all__ = [
    "InputError",
    "LineKey",
    "describe_keyframe",
    "line_keys",
    "retime_edit",
    "DRAFT",
    "PROVENANCE",
    "READING_HOLD",
    "context_key",
    "generate_animation",
    "generation_targets",
    "parsed_script",
    "load_animation",
    "proposal_edit",
    "read_script",
    "reading_hold",
    "script_keyframes",
    "script_with_description",
    "script_with_times",
    "time_prefix",
    "stale_keyframes",
    "draft_keyframes",
    "values_digest",
    "sync_keyframes",
]

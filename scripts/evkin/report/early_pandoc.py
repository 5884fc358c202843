"""pandoc begun on one report's Markdown as soon as its folder is read, before the rest of the
PDF path is imported: ``assembly`` starts it only once the folder is checked, after the trail
verifier, git and the assembly are imported and the cross-checks run, and on a busy machine
pandoc's own run then stood between the assembled report and its layout.

Nothing here decides what the PDF shows: the run is taken only when the parts the PDF needs
come out exactly the same (``render.markup.convert`` compares them; a final report's parts
are those of its approved commit), otherwise it is ended and pandoc runs again. A folder that
cannot be read gets no early run; one the check then refuses has it ended: the build says what
is wrong.
"""

from __future__ import annotations

from evkin.evaluation.load import load_evaluation
from evkin.evaluation.recommendations import has_follow_up, read_folder
from evkin.findings import EvkinError
from evkin.render.markup import Conversion
from evkin.render.pdf import begin_conversion
from evkin.settings import Settings


def begin(settings: Settings, evaluation_id: str) -> Conversion | None:
    """pandoc started on the report ``evaluation_id`` as its working copy holds it, or
    ``None`` (no folder, one that does not read, pandoc not startable: left to the build)."""
    folder = (settings.evaluations_dir / evaluation_id).resolve()
    if not folder.is_dir():
        return None
    loaded = load_evaluation(folder, settings)
    if any(f.severity == "error" for f in loaded.findings):
        return None
    record, _ = read_folder(folder, settings.root)
    try:
        return begin_conversion(settings, [(loaded.evaluation, has_follow_up(record))])
    except EvkinError:
        return None

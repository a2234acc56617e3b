"""Good-practice case studies (porth.standards), read through one small function each while that app's side
is being written.

Training and the specialist pool are imported directly (porth.skills.insight, porth.capability.insight). For
the case studies, each source below names the module and function Porth expects, and answers None while that
function does not exist, so the search and the open data say they are not available yet. Once
porth/standards/insight.py is in, these two sources give way to plain imports as well.

Expected functions:

- porth.standards.insight.case_studies(*, user) -> [Record] the reader may see
- porth.standards.insight.case_studies_open_data() -> [dict] one row per published case study

A Record is any object with title_en, title_cy, summary_en, summary_cy and get_absolute_url().
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    module: str
    function: str

    def provider(self) -> Callable | None:
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as error:
            if error.name != self.module:
                raise  # the module is there but broken: say so, rather than show "not available yet"
            return None
        return getattr(module, self.function, None)

    def __call__(self, **kwargs):
        """The source's answer, or None while it is not available."""
        provider = self.provider()
        return None if provider is None else provider(**kwargs)


CASE_STUDIES = Source("porth.standards.insight", "case_studies")
CASE_STUDIES_OPEN_DATA = Source("porth.standards.insight", "case_studies_open_data")

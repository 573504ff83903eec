"""The survey of staff holding legal qualifications (摸排, 001 一(四)), imported from Excel.

A file is read whole and checked row by row; every problem is reported with its row,
column and reason. Nothing is written unless the whole file is valid, and a file whose
rows are already on record changes nothing. Lookups are batched, so 10,000 rows take
a handful of queries, not tens of thousands.

One module per step: the form (form.py), reading a file (reading.py), checking its rows
into a plan (plan.py, validation.py), and importing it (importing.py). Callers keep using
`survey.<name>` from here; a test that replaces a name patches the module that looks it up.
"""

from .form import (
    CIVIL_SERVANT,
    FULL_TIME,
    HEADERS,
    ID_NUMBER,
    KINDS,
    NAME,
    PHONE,
    QUAL_DATE,
    QUAL_KIND,
    QUAL_NUMBER,
    REQUIRED,
    SEX,
    SEXES,
    UNIT_CODE,
    YES_NO,
    template_workbook,
)
from .importing import ACTIVE, IMPORT, PREVIEW, import_survey, queue_job
from .plan import SUMMARY_KEYS, Progress, Row, RowError, StoredPlan, SurveyFileError, SurveyPlan
from .reading import EMPTY_RUN, MAX_COLUMNS, MAX_ROWS, declared_rows, runs_in_background
from .validation import plan_survey

__all__ = [
    "ACTIVE",
    "CIVIL_SERVANT",
    "EMPTY_RUN",
    "FULL_TIME",
    "HEADERS",
    "ID_NUMBER",
    "IMPORT",
    "KINDS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "NAME",
    "PHONE",
    "PREVIEW",
    "QUAL_DATE",
    "QUAL_KIND",
    "QUAL_NUMBER",
    "REQUIRED",
    "SEX",
    "SEXES",
    "SUMMARY_KEYS",
    "UNIT_CODE",
    "YES_NO",
    "Progress",
    "Row",
    "RowError",
    "StoredPlan",
    "SurveyFileError",
    "SurveyPlan",
    "declared_rows",
    "import_survey",
    "plan_survey",
    "queue_job",
    "runs_in_background",
    "template_workbook",
]

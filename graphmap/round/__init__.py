"""The yearly mapping round: send each municipality what graphmap believes about it, take back what
it knows.

One module per job:

* :mod:`graphmap.round.beliefs` — what the graph holds about one municipality (or actor): the lines
  of its workbook, and the open assumptions of the round's status;
* :mod:`graphmap.round.workbook` — :func:`start_round`: the round's folder, one workbook per
  respondent, the manifest and the snapshot of the data version;
* :mod:`graphmap.round.readback` — :func:`read_returns`: a folder of returned workbooks checked
  (file, sheet, row, column) and what they would change, before anything is written;
* :mod:`graphmap.round.additions` — what a municipality adds on the sheet "Det som saknas" (actors,
  networks, coverage, memberships, support), read with the same checks;
* :mod:`graphmap.round.apply` — :func:`apply_returns`: the answers of the good workbooks written as the
  round's own tables in one locked, journaled step, the workbooks archived, the bad ones held;
* :mod:`graphmap.round.diff` — :func:`changes`: what changed between two data versions;
* :mod:`graphmap.round.status` — :func:`round_status`: who answered, what is still open.

How the answers become data (a confirmed assumption stated, a rejected one withdrawn, a third
party's fact left for review) is the build's job: :mod:`graphmap.ingest.answers`, with the one rule
of :mod:`graphmap.ingest.effects`.
"""

from __future__ import annotations

"""What changed in case files: each new version compared with the one before, as change records.

``diff`` compares two versions of one case file (pure); ``records`` gives a stored record its JSON form and a
line of plain words; ``since`` reads ``--since``. The records are written by ``casewatch.link`` when case files
are replaced on the live store (never by a rebuild's copy) and kept by ``casewatch.store.changes``.
"""

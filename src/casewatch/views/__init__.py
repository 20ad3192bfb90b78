"""Every view of the store's objects, in one place.

``shapes`` (the JSON each object takes) and ``queries`` (the views the CLI's
``--format json`` and the API answer) hold no Rich, so the API never imports
it; ``document_tables``, ``case_tables`` and ``people_tables`` are the
terminal's tables; ``html`` the pure helpers the templates draw from;
``export`` the shareable files; ``reviewing`` an analyst's decision;
``serialize`` extraction results to JSON and back.
"""

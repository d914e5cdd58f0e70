"""``crm-readiness demo``: every capability run on the bundled example organisation.

The demo is its own package, above the workflows it runs (``cli → demo →
workflows``): :mod:`.run` holds the registry of demo parts and :func:`run_demo`,
:mod:`.index` renders ``index.html`` and :mod:`.entry` the :class:`DemoEntry`
each part returns. Importing this package imports nothing else.
"""

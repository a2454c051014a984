"""Anonymous visit statistics, kept on the kiosk in ``stats.db``. Plain Python and SQLite, no Kivy.

The app records events without waiting; facilitators read them back, at the kiosk or on a laptop::

    recorder = StatsRecorder(data_dir() / "stats.db")       # kiosk.stats.recorder
    recorder.record(Event("visit_start", time.time(), venue="Lille 2026-03-12", visit=visit))
    recorder.close()

    summarize(path, since=date(2026, 3, 1), venue=None)      # kiosk.stats.query → StatsSummary
    today_numbers(path, venue="Lille 2026-03-12")           # kiosk.stats.query → TodayNumbers
    purge(path, days=730)                                   # kiosk.stats.store
    merge_files([a, b], out)                                # kiosk.stats.merge

- ``model``: what an event is and what a summary holds (the contract);
- ``store``: the file's format, migrations, writing and purging;
- ``recorder``: the queue and writer thread the app records through;
- ``query``: the summary and today's numbers; ``text``: the summary as a plain-text table;
- ``merge``: several kiosks' files in one; ``commands``: ``kiosk stats``;
- ``report``: ``kiosk report``, a PDF for funders: its words (``report_texts``), what each
  section says (``report_sections``, charts drawn by :mod:`kiosk.charts`) and its pages (``report_pdf``).

Importing this package imports nothing else, so a process that only records stays light.
"""

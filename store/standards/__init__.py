"""Service standards: business-time arithmetic (``business_time``, ``due_batches`` for many requests at once), the
calendars as stored (``calendars``), why a due date falls where it does (``explanation``), the desk's rules
(``rules``), a request's timers (``timers``), targets as people write them (``durations``), and the public holidays
kept in the store (``holiday_table``)."""

"""Service standards: business-time arithmetic, the desk's rules, a request's timers, targets as people write them,
and the public holidays kept in the store."""

"""The opt-in link checker (``--check-links``): below the rules, above nothing.

``options`` (the ``[links]`` table), ``facts`` (what a check found, classified),
``safety`` (which addresses may be contacted), ``cache`` (SQLite) and ``session``
(what the runner calls) need only the standard library; ``client`` needs httpx and is
imported only when a link really has to go over the network.
"""

"""News archives as static sites: raw article text in, a clean archive out.

The package, in the order a build runs (README, "How the code is laid out"):
``build`` and ``lifecycle`` run one build; ``plugins`` wires our Pelican
plugins; ``reading`` turns raw text into an article, ``entities`` tags it and
``stories`` groups articles (none of the three imports Pelican); ``reuse``
and ``search`` write and index the output; ``commands`` are the maintainers'
command-line tools (import, inspect); ``settings`` declares every setting.
"""

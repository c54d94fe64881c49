"""The archive's Pelican plugins that fit in one module each; ``newsarchive.plugin``
registers them, with ``reuse`` and ``search``, in their stated order."""

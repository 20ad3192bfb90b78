"""Watching the network: the fetcher (the only code that touches it), feeds, URLs, sources and the monitor."""

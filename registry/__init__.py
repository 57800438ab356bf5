"""Gaozhu zone registry: the protocol-free domain core."""

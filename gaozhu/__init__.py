"""Gaozhu federation gateway. The sub-packages are symlinks to the folders DESIGN.md §3 names."""

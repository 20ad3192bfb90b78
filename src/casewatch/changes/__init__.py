"""What changed in case files: each new version compared with the one before, as change records."""

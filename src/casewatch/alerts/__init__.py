"""Following cases: which changes match a follow, and delivering the alerts (webhook, email, file)."""

"""The tracker web app (``vanban web``): see ``tracker.web.app``."""

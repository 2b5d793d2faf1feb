"""The web face of caselens (``caselens serve``); needs the ``web`` extra."""

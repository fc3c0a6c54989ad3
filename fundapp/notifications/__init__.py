"""E-mail notifications through an outbox: written with the change, sent by ``fund notify send``."""

"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi ...``.

Settings that cannot work (an unsupported ``DATABASE_URL``) end the process with one line on
stderr and exit code 4, never a traceback: ``flask`` exits with it, and gunicorn's master stops
("App failed to load") instead of starting worker after worker.
"""

from fundapp import create_app
from fundapp.errors import ConfigurationError

try:
    app = create_app()
except ConfigurationError as error:
    error.exit()

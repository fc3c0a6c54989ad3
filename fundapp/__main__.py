"""``fundapp`` (the console script) and ``python -m fundapp``: the fund's commands at the top
level (``fundapp migrate``, ``fundapp seed``, ``fundapp report ...``) beside Flask's own
(``fundapp run``, ``fundapp routes``), with no ``--app`` to give."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup

from . import __version__, create_app
from .cli import EXIT_CODES, OneLineErrors, fund_commands
from .errors import ConfigurationError


def _create_app() -> Flask:
    try:
        return create_app()
    except ConfigurationError as error:
        error.exit()


class FundappGroup(OneLineErrors, FlaskGroup):
    """``fundapp ...``: the same one-line errors and exit codes as ``flask --app wsgi fund ...``."""


cli = FundappGroup(
    name="fundapp",
    help="fundapp: grant management for UN victim-assistance trust funds.",
    epilog=EXIT_CODES.replace("flask --app wsgi fund migrate", "fundapp migrate"),
    create_app=_create_app,
    add_version_option=False,
    set_debug_flag=False,
)
# --app and --env-file name another app or its settings: not for this one (settings come from the
# environment), and --debug belongs to ``fundapp run``.
cli.params = [param for param in cli.params if param.name not in {"app", "env_file", "debug"}]


def main() -> None:
    for command in fund_commands().commands.values():
        cli.add_command(command)
    click.version_option(__version__, package_name="fundapp", message="%(prog)s %(version)s")(cli)
    cli.main(prog_name="fundapp")


if __name__ == "__main__":
    main()

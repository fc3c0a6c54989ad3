"""``python -m fundapp``: the same commands as the ``fundapp`` console script."""

from .cli import main

main()

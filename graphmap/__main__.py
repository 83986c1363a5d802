"""``python -m graphmap`` is the same as the ``graphmap`` command."""

from graphmap.cli import main

if __name__ == "__main__":
    main()

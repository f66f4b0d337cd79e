"""Run Lesepult as ``python -m reader``."""

from reader.cli import main

raise SystemExit(main())

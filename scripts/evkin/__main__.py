"""Allow ``python -m evkin``."""

from evkin.cli import main

raise SystemExit(main())

import sys

from receiving_app.cli import main

sys.exit(main())

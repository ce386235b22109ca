import sys

from kfstudio.cli import main

sys.exit(main())
